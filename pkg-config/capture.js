// cti-outcome/capture for browsers, bundlers and Workers: a pcap or pcapng capture of CTI Server
// connections read down to its frames. A WebAssembly module of its own (the capture readers do
// not fit the main module's budget); the main entry's `logOfFrames` decodes what it returns.
import * as glue from './cti_outcome_capture.js';
import { loader } from './loader.js';

const { init, initSync, need } = loader('cti-outcome/capture', glue, () => exported);
export default init;
export { init, initSync };

export function readCapture(bytes, options) {
  need('readCapture()');
  return glue.readCapture(bytes, options);
}

const exported = Object.freeze({ readCapture });
