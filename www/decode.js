// Adapter over the package: the rest of the page never touches the wasm API directly.
import init, { decodeInput, version } from './pkg/index.js';

/** Loads the wasm module; the package's init returns the same promise on every call. */
export const load = () => init();

/** Decodes a text dump, a hex dump of GED-188 frames, or their bytes (a `Uint8Array`) into
 *  `{ format, events, notes, diagnostics, framing? }`; the form is detected. */
export function decode(input) {
  return decodeInput(input);
}

export { version };
