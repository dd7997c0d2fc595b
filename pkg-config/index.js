// cti-outcome for browsers, bundlers and Workers: wasm-bindgen's `web` glue behind an idempotent
// `init`, and the package's API (api.js). Every export throws a plain "call init() first" error
// until the module is ready.
import initGlue, * as glue from './cti_outcome.js';
import { makeApi } from './api.js';

const api = makeApi(glue);
let ready; // Promise<Api> once init() has been called
let loaded = false;

function need(what) {
  if (!loaded) {
    throw new Error(
      `cti-outcome: ${what} was called before the WebAssembly module was loaded. ` +
        'Call `await init()` once first (or `initSync({ module })` in a Worker); Node needs no init.',
    );
  }
}

/** Loads the module once; later calls return the same promise, whatever they are given. */
export default function init(input) {
  ready ??= initGlue(input === undefined ? undefined : { module_or_path: input }).then(
    () => {
      loaded = true;
      return exported;
    },
    (error) => {
      ready = undefined; // a failed load may be retried, for example with another URL
      throw error;
    },
  );
  return ready;
}
export { init };

/** Loads the module synchronously from bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  if (!loaded) {
    const module = input !== null && typeof input === 'object' && 'module' in input ? input.module : input;
    glue.initSync({ module });
    loaded = true;
    ready = Promise.resolve(exported);
  }
  return exported;
}

export function decodeConnres(code, direction, cause) {
  need('decodeConnres()');
  return api.decodeConnres(code, direction, cause);
}
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
export function encodeEvents(events, options) {
  need('encodeEvents()');
  return api.encodeEvents(events, options);
}
export function openLog(input, options) {
  need('openLog()');
  return api.openLog(input, options);
}
export function buildTimeline(events) {
  need('buildTimeline()');
  return api.buildTimeline(events);
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
  decodeConnres,
  decodeLog,
  decodeFrames,
  decodeInput,
  encodeEvents,
  openLog,
  buildTimeline,
  version,
  wasmMemoryBytes,
  CtiLog,
  FrameDecoder,
  TimelineBuilder,
});
