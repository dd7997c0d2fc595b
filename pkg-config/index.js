// cti-outcome for browsers, bundlers and Workers: wasm-bindgen's `web` glue behind an idempotent
// `init`, and the package's API (api.js). Every export throws a plain "call init() first" error
// until the module is ready.
import * as glue from './cti_outcome.js';
import { makeApi } from './api.js';
import { loader } from './loader.js';

const api = makeApi(glue);
const { init, initSync, need } = loader('cti-outcome', glue, () => exported);
export default init;
export { init, initSync };

export function decodeLog(input, options) {
  need('decodeLog()');
  return api.decodeLog(input, options);
}
export function decodeFrames(bytes, options) {
  need('decodeFrames()');
  return api.decodeFrames(bytes, options);
}
export function decodeInput(input, options) {
  need('decodeInput()');
  return api.decodeInput(input, options);
}
export function openLog(input, options) {
  need('openLog()');
  return api.openLog(input, options);
}
export function logOfFrames(frames, rows) {
  need('logOfFrames()');
  return api.logOfFrames(frames, rows);
}
export function buildTimeline(events) {
  need('buildTimeline()');
  return api.buildTimeline(events);
}
export function sniff(input) {
  need('sniff()');
  return api.sniff(input);
}
export function version() {
  need('version()');
  return api.version();
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
export class FrameDecoder extends api.FrameDecoder {
  constructor(options) {
    need('new FrameDecoder()');
    super(options);
  }
}
export class TimelineBuilder extends api.TimelineBuilder {
  constructor() {
    need('new TimelineBuilder()');
    super();
  }
}

const exported = Object.freeze({
  decodeLog,
  decodeFrames,
  decodeInput,
  openLog,
  logOfFrames,
  buildTimeline,
  sniff,
  version,
  wasmMemoryBytes,
  CtiLog,
  FrameDecoder,
  TimelineBuilder,
});
