// cti-outcome/capture for Node (import): the same instance as `require('cti-outcome/capture')`.
import cjs from './capture-node.cjs';

export const { readCapture, init, initSync } = cjs;
export default init;
