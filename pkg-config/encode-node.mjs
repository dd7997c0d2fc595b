// cti-outcome/encode for Node (import): the same instance as `require('cti-outcome/encode')`.
import cjs from './encode-node.cjs';

export const { encodeEvents, init, initSync } = cjs;
export default init;
