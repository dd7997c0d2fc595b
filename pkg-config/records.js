// cti-outcome/records for browsers, bundlers and Workers: CONNRES end-of-call codes one at a time
// (`decodeConnres`), and call-record exports read into calls with legs and outcomes
// (`decodeRecords`, or `RecordLog` for exports too large to hand out as one object). A
// WebAssembly module of its own: a page that reads CTI logs never loads it.
import * as glue from './cti_outcome_records.js';
import { loader } from './loader.js';

const { init, initSync, need } = loader('cti-outcome/records', glue, () => exported);
export default init;
export { init, initSync };

export function decodeConnres(code, direction, cause) {
  need('decodeConnres()');
  return glue.decodeConnres(code, direction, cause);
}
export function decodeRecords(input, options) {
  need('decodeRecords()');
  return glue.decodeRecords(input, options);
}
export class RecordLog extends glue.RecordLog {
  constructor(input, options) {
    need('new RecordLog()');
    super(input, options);
  }
}

const exported = Object.freeze({ decodeConnres, decodeRecords, RecordLog });
