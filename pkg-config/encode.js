// cti-outcome/encode for browsers, bundlers and Workers: events written as GED-188 frames (fake
// feeds in tests). A WebAssembly module of its own, so that a page that only reads logs never
// loads the encoder; `init` as in the main entry.
import * as glue from './cti_outcome_encode.js';
import { packEvents } from './api.js';
import { loader } from './loader.js';

const { init, initSync, need } = loader('cti-outcome/encode', glue, () => exported);
export default init;
export { init, initSync };

export function encodeEvents(events, options) {
  need('encodeEvents()');
  return glue.encodePacked(...packEvents(events), options);
}

const exported = Object.freeze({ encodeEvents });
