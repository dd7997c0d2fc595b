// The browser side of `make bench`: for one log size, times (a) the text log to calls plus the
// first page of events in JS, (b) every event as a JS object, (c) JSON.parse of the same
// decoded result written as JSON, and the binary decoder; reports wasm memory. Best of N runs.
import init, { decodeFrames, decodeLog, openLog } from './pkg/index.js';
import initGlue from './pkg/cti_outcome.js';

const wasm = await (init(), initGlue()); // the glue's init returns the same instance
const memory = () => wasm.memory.buffer.byteLength;
const fetchText = async (url) => (await fetch(url)).text();
const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

function best(runs, fn) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, result };
}

window.bench = async (name, runs) => {
  const text = await fetchText(`data/${name}.txt`);
  const json = await fetchText(`data/${name}.json`);
  const frames = await fetchBytes(`data/${name}.bin`);
  const before = memory();
  const a = best(runs, () => {
    const log = openLog(text);
    const summary = log.summary();
    const page = log.events(0, 100);
    log.free();
    return { calls: summary.timeline.calls.length, page: page.length };
  });
  const b = best(runs, () => decodeLog(text).events.length);
  const c = best(runs, () => JSON.parse(json).events.length);
  const bin = best(runs, () => decodeFrames(frames, { width: 2 }).events.length);
  if (b.result !== c.result) throw new Error(`decodeLog gave ${b.result} events, JSON ${c.result}`);
  return {
    textBytes: text.length, jsonBytes: json.length, frameBytes: frames.length,
    events: b.result, calls: a.result.calls,
    aMs: a.ms, bMs: b.ms, cMs: c.ms, binaryMs: bin.ms,
    memoryBefore: before, memoryAfter: memory(),
  };
};

// Memory growth: the same log decoded `times` times, through decodeLog and through a CtiLog
// freed after use; wasm memory after the first round and after the last.
window.repeat = async (name, times) => {
  const text = await fetchText(`data/${name}.txt`);
  const round = () => {
    decodeLog(text);
    const log = openLog(text);
    log.events(0, 100);
    log.free();
  };
  round();
  const first = memory();
  for (let i = 1; i < times; i += 1) round();
  return { first, last: memory() };
};

document.body.dataset.ready = 'true';
