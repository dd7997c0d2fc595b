// cti-outcome for browsers, bundlers and Workers: wasm-bindgen's `web` glue behind an idempotent
// `init`. Every export throws a plain "call init() first" error until the module is ready.
import initGlue, * as glue from './cti_outcome.js';

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
      return api;
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
    ready = Promise.resolve(api);
  }
  return api;
}

export function decodeConnres(code, direction, cause) {
  need('decodeConnres()');
  return glue.decodeConnres(code, direction, cause);
}
export function decodeLog(text) {
  need('decodeLog()');
  return glue.decodeLog(text);
}
export function decodeFrames(bytes, options) {
  need('decodeFrames()');
  return glue.decodeFrames(bytes, options);
}
export function decodeInput(input, options) {
  need('decodeInput()');
  return glue.decodeInput(input, options);
}
export function encodeEvents(events, options) {
  need('encodeEvents()');
  return glue.encodeEvents(events, options);
}
export function openLog(input, options) {
  need('openLog()');
  return glue.openLog(input, options);
}
export function buildTimeline(events) {
  need('buildTimeline()');
  return glue.buildTimeline(events);
}
export function version() {
  need('version()');
  return glue.version();
}
export class FrameDecoder extends glue.FrameDecoder {
  constructor(options) {
    need('new FrameDecoder()');
    super(options);
  }
}
export class CtiLog extends glue.CtiLog {
  constructor(options) {
    need('new CtiLog()');
    super(options);
  }
}
export class TimelineBuilder extends glue.TimelineBuilder {
  constructor() {
    need('new TimelineBuilder()');
    super();
  }
}

const api = Object.freeze({
  decodeConnres,
  decodeLog,
  decodeFrames,
  decodeInput,
  encodeEvents,
  openLog,
  buildTimeline,
  version,
  FrameDecoder,
  CtiLog,
  TimelineBuilder,
});
