// Adapter over the package: the rest of the page never touches the wasm API directly.
import init, { decodeLog, version } from './pkg/cti_outcome.js';

let ready;

/** Loads the wasm module once; later calls return the same promise. */
export function load() {
  ready ??= init();
  return ready;
}

/** Decodes a text dump into `{ events, notes, diagnostics }`. */
export function decode(text) {
  return decodeLog(text);
}

export { version };
