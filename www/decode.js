// Adapter over the package: the rest of the page never touches the wasm API directly.
import init, { decodeInput, version } from './pkg/cti_outcome.js';

let ready;

/** Loads the wasm module once; later calls return the same promise. */
export function load() {
  ready ??= init();
  return ready;
}

/** Decodes a text dump, a hex dump of GED-188 frames, or their bytes (a `Uint8Array`) into
 *  `{ format, events, notes, diagnostics, framing? }`; the form is detected. */
export function decode(input) {
  return decodeInput(input);
}

export { version };
