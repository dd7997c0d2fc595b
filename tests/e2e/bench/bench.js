// The browser side of `make bench`, for one log size: (a) the log's bytes to its call list and
// the first page of events as objects, (b) every event as an object, (c) JSON.parse of the same
// events written as JSON (the baseline), and the binary decoder; wasm memory after each. Each
// figure is the best of N runs.
import init, { decodeLog, openLog, CtiLog } from './pkg/index.js';
import initGlue from './pkg/cti_outcome.js';

const wasm = await (init(), initGlue()); // the glue's init returns the same instance
const memory = () => wasm.memory.buffer.byteLength;
const fetchText = async (url) => (await fetch(url)).text();
const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

/** The best of `runs` timings of `fn` (the first runs also let the engine compile the wasm
 * code optimised: engines start it in a baseline tier), and every timing. */
function best(runs, fn) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  return { ms: Math.min(...times), times: times.map((t) => Math.round(t)), result };
}

window.bench = async (name, runs) => {
  const text = await fetchBytes(`data/${name}.txt`);
  const json = await fetchText(`data/${name}.json`);
  const frames = await fetchBytes(`data/${name}.bin`);
  const before = memory();
  const a = best(runs, () => {
    const log = openLog(text);
    const summary = log.summary();
    const calls = log.callColumns();
    const page = log.events(0, 100);
    log.free();
    return { calls: calls.key.length, page: page.length, events: summary.eventCount };
  });
  const afterA = memory();
  const b = best(runs, () => decodeLog(text).events.length);
  const c = best(runs, () => JSON.parse(json).events.length);
  const bin = best(runs, () => {
    const log = new CtiLog({ format: 'binary', width: 2, calls: false });
    log.push(frames);
    log.finish();
    const n = log.length;
    log.free();
    return n;
  });
  if (b.result !== c.result) throw new Error(`decodeLog gave ${b.result} events, JSON ${c.result}`);
  return {
    textBytes: text.length, jsonBytes: json.length, frameBytes: frames.length,
    events: b.result, calls: a.result.calls, frameEvents: bin.result,
    aMs: a.ms, bMs: b.ms, cMs: c.ms, binaryMs: bin.ms,
    runs: { a: a.times, b: b.times, c: c.times, binary: bin.times },
    memoryBefore: before, memoryAfterA: afterA, memoryAfter: memory(),
  };
};

// Memory growth: the same log decoded `times` times, through decodeLog and through a CtiLog
// freed after use; wasm memory after the first round and after the last.
window.repeat = async (name, times) => {
  const text = await fetchBytes(`data/${name}.txt`);
  const round = () => {
    decodeLog(text);
    const log = openLog(text);
    log.events(0, 100);
    log.callColumns();
    log.free();
  };
  round();
  const first = memory();
  for (let i = 1; i < times; i += 1) round();
  return { first, last: memory() };
};

document.body.dataset.ready = 'true';
