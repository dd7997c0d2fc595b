// cti-outcome for Node (import): the same instance as `require('cti-outcome')`, with `init` as
// the default export so that `import init, { decodeLog } from 'cti-outcome'` works everywhere.
import cjs from './node.cjs';

export const {
  decodeLog,
  decodeFrames,
  decodeInput,
  openLog,
  logOfFrames,
  buildTimeline,
  sniff,
  version,
  wasmMemoryBytes,
  FrameDecoder,
  CtiLog,
  TimelineBuilder,
  init,
  initSync,
} = cjs;
export default init;
