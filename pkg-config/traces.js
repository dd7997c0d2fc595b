// cti-outcome/traces for browsers, bundlers and Workers: the logs Cisco servers write (a Finesse
// webservices log, a Unified CCX Engine MIVR log with ICD_CTI tracing, UCCE `dumplog` output),
// read into a CtiLog like the main entry's (`openLog`, `decodeLog`, `decodeInput`). A WebAssembly
// module of its own, built for size: a page loads it only when `sniff` says a trace came.
import * as glue from './cti_outcome_traces.js';
import { makeApi } from './api.js';
import { loader } from './loader.js';

const api = makeApi(glue, { traces: true });
const { init, initSync, need } = loader('cti-outcome/traces', glue, () => exported);
export default init;
export { init, initSync };

export function decodeLog(input, options) {
  need('decodeLog()');
  return api.decodeLog(input, options);
}
export function decodeInput(input, options) {
  need('decodeInput()');
  return api.decodeInput(input, options);
}
export function openLog(input, options) {
  need('openLog()');
  return api.openLog(input, options);
}
export function wasmMemoryBytes() {
  need('wasmMemoryBytes()');
  return api.wasmMemoryBytes();
}
export class CtiLog extends api.CtiLog {
  constructor(options) {
    need('new CtiLog()');
    super(options);
  }
}

const exported = Object.freeze({ decodeLog, decodeInput, openLog, wasmMemoryBytes, CtiLog });
