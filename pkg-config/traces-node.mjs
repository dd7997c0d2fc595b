// cti-outcome/traces for Node (import): the same instance as `require('cti-outcome/traces')`.
import cjs from './traces-node.cjs';

export const { decodeLog, decodeInput, openLog, wasmMemoryBytes, CtiLog, init, initSync } = cjs;
export default init;
