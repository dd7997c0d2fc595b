// cti-outcome/records for Node (import): the same instance as `require('cti-outcome/records')`.
import cjs from './records-node.cjs';

export const { decodeConnres, decodeRecords, RecordLog, init, initSync } = cjs;
export default init;
