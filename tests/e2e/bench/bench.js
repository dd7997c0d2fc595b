// The browser side of `make bench`, for one log size: (a) the log's bytes to its call list and
// the first page of events as objects, (b) every event as an object, (c) JSON.parse of the same
// events written as JSON (the baseline), and the binary decoder; wasm memory after each. Each
// figure is the best of N runs.
import init, { decodeLog, openLog, CtiLog } from './pkg/index.js';
import initGlue from './pkg/cti_outcome.js';
import initRecords, { decodeRecords, RecordLog } from './pkg/records.js';
import initCapture, { readCapture } from './pkg/capture.js';
import { logOfFrames } from './pkg/index.js';
import initRecordsGlue from './pkg/cti_outcome_records.js';
import initTraces, { CtiLog as TraceLog } from './pkg/traces.js';

const wasm = await (init(), initGlue()); // the glue's init returns the same instance
const recordsWasm = await (initRecords(), initRecordsGlue());
await initCapture();
await initTraces();
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
  // The same frames in a pcap (written by the native benchmark), read down to its frames (the
  // main module's logOfFrames then decodes them as the binary figure measures).
  const pcap = await fetchBytes('data/capture.pcap');
  const cap = best(runs, () => readCapture(pcap).rows.length / 7);
  const read = readCapture(pcap);
  const fromCapture = logOfFrames(read.frames, read.rows);
  if (fromCapture.length !== cap.result) throw new Error(`capture: ${fromCapture.length} events of ${cap.result} frames`);
  fromCapture.free();
  return {
    textBytes: text.length, jsonBytes: json.length, frameBytes: frames.length,
    captureBytes: pcap.length, captureEvents: cap.result, captureMs: cap.ms,
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

const RECORD_COLUMNS = ['StatisticsPartAID', 'ClientsID', 'bOutbound', 'dtCallStart', 'dtCallConnect', 'dtCallEnd',
  'dtQueueStart', 'bCallerHangup', 'CauseCodesID', 'AcdOriginGroupsID', 'CONNRES'];

/**
 * `n` rows of a call-record export with the fixture's columns (tests/fixtures/records), the same
 * every time: one or two legs per call, a mix of CONNRES codes, inbound and outbound. As CSV
 * bytes, and the same rows as JSON (an array of objects of the cells as strings).
 */
function recordRows(n) {
  const lines = [RECORD_COLUMNS.join(',')];
  const objects = [];
  let seed = 1;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const date = (s) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const endings = [1, 1, 1, 1, 2, 3, 5, 0, 4, 6, 7, 12];
  let t = Date.UTC(2026, 0, 1) / 1000;
  for (let call = 100000, i = 0; i < n; call += 1) {
    t += 5 + (next() % 40);
    const outbound = next() % 4 === 0 ? 1 : 0;
    const legs = next() % 3 === 0 ? 2 : 1;
    for (let l = 0; l < legs && i < n; l += 1, i += 1) {
      const code = l < legs - 1 ? 2 : endings[next() % endings.length];
      const start = t + l * 20;
      const cells = [call, 1, outbound, date(start), outbound ? 'NULL' : date(t + 1), date(start + 5 + (next() % 300)),
        outbound ? 'NULL' : date(t + 2), code === 0 ? 1 : 0, code === 5 ? [17, 34, 21][next() % 3] : 16, 'NULL', code].map(String);
      lines.push(cells.join(','));
      objects.push(JSON.stringify(Object.fromEntries(RECORD_COLUMNS.map((c, k) => [c, cells[k]]))));
    }
  }
  return { csv: new TextEncoder().encode(`${lines.join('\n')}\n`), json: `[${objects.join(',')}]` };
}

/** What the page does with an export: a RecordLog, its head, the call list as columns, the first call in full. */
function openAsPage(csv) {
  const log = new RecordLog(csv);
  const head = log.head();
  const calls = log.callColumns();
  const first = log.call(0);
  log.free();
  return { rows: head.rows, calls: calls.key.length, legs: first.legs.length, diagnostics: head.diagnostics.length, family: head.family };
}

// Call records, `n` rows: (r) what the page does (a RecordLog, its head, the call list as
// columns, the first call in full), (o) every call as objects (`decodeRecords`; only up to
// 200,000 rows: beyond, its JSON passes the engine's longest string), (j) JSON.parse of the
// same rows as JSON.
window.benchRecords = async (n, runs) => {
  const { csv, json } = recordRows(n);
  const before = recordsWasm.memory.buffer.byteLength;
  const r = best(runs, () => openAsPage(csv));
  const j = best(runs, () => JSON.parse(json).length);
  if (r.result.rows !== j.result || r.result.diagnostics) throw new Error(`records: ${JSON.stringify(r.result)} for ${j.result} rows`);
  const o = n <= 200000 ? best(runs, () => decodeRecords(csv).calls.length) : null;
  return {
    rows: n, calls: r.result.calls, csvBytes: csv.length, jsonBytes: json.length,
    rMs: r.ms, jMs: j.ms, oMs: o?.ms, runs: { r: r.times, j: j.times, o: o?.times },
    memoryBefore: before, memoryAfter: recordsWasm.memory.buffer.byteLength,
  };
};

/**
 * Cisco call-detail exports as analysts save them (a query's columns, not the whole table: the
 * same rows as JSON must stay within the engine's longest string), `n` rows, calls of one to
 * three legs: UCCE Termination_Call_Detail (SSMS: CRLF, NULL, `.000` times; intermediate legs
 * 53) or Unified CCX ContactCallDetail (lower-case names, empty cells, `t`/`f` flags).
 */
const TCD_COLUMNS = ['RouterCallKeyDay', 'RouterCallKey', 'RouterCallKeySequenceNumber', 'StartDateTimeUTC', 'PeripheralID',
  'PeripheralCallKey', 'PeripheralCallType', 'CallDisposition', 'AgentPeripheralNumber', 'Duration', 'TalkTime', 'LocalQTime'];
const CCD_COLUMNS = ['sessionid', 'sessionseqnum', 'contacttype', 'contactdisposition', 'originatortype', 'originatordn',
  'destinationtype', 'destinationdn', 'startdatetime', 'enddatetime', 'transfer', 'redirect', 'conference', 'applicationname'];
function ciscoRows(family, n) {
  const tcd = family === 'tcd';
  const columns = tcd ? TCD_COLUMNS : CCD_COLUMNS;
  const lines = [columns.join(',')];
  const objects = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const date = (s) => `${new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ')}.${tcd ? '000' : '123'}`;
  const endings = tcd ? [13, 13, 13, 13, 2, 3, 19, 60, 28, 29, 30, 1] : [2, 2, 2, 2, 1, 4];
  let t = Date.UTC(2026, 0, 1) / 1000;
  for (let call = 1, i = 0; i < n; call += 1) {
    t += 3 + (next() % 30);
    const legs = 1 + (next() % 3);
    for (let l = 0; l < legs && i < n; l += 1, i += 1) {
      const last = l === legs - 1;
      const start = t + l * 20;
      const length = 5 + (next() % 300);
      const agent = String(5000 + (next() % 400));
      const cells = tcd
        ? [152018 + Math.floor(call / 500000), call, l + 1, date(start), 5000, 7000 + call, l === 0 ? 2 : 4,
          last ? endings[next() % endings.length] : 53, l === 0 ? 'NULL' : agent, length, l === 0 ? 0 : length - 5, l === 0 ? length : 0]
        : [call, l, l === 0 ? 1 : 5, last ? endings[next() % endings.length] : 2, l === 0 ? 3 : 1, l === 0 ? '+4930555010' : agent,
          1, agent, date(start), date(start + length), last ? 'f' : 't', 'f', 'f', l === 0 ? 'CustomerService' : ''];
      const text = cells.map(String);
      lines.push(text.join(','));
      objects.push(JSON.stringify(Object.fromEntries(columns.map((c, k) => [c, text[k]]))));
    }
  }
  const eol = tcd ? '\r\n' : '\n';
  return { csv: new TextEncoder().encode(`${lines.join(eol)}${eol}`), json: `[${objects.join(',')}]` };
}

// A Cisco export of `n` rows: (r) what the page does (a RecordLog, its head, the call list as
// columns, the first call in full) against (j) JSON.parse of the same rows as JSON.
window.benchCiscoRecords = async (family, n, runs) => {
  const { csv, json } = ciscoRows(family, n);
  const r = best(runs, () => openAsPage(csv));
  const j = best(runs, () => JSON.parse(json).length);
  if (r.result.rows !== j.result || r.result.diagnostics) throw new Error(`${family}: ${JSON.stringify(r.result)} for ${j.result} rows`);
  return {
    family: r.result.family, rows: n, calls: r.result.calls, csvBytes: csv.length, jsonBytes: json.length,
    rMs: r.ms, jMs: j.ms, runs: { r: r.times, j: j.times }, memoryAfter: recordsWasm.memory.buffer.byteLength,
  };
};

/**
 * The live view (`cti-outcome/live`) as a desktop feeds it: the frames the native benchmark
 * pushed (`data/live.bin`, a generated log's first 1,000,000), one push each at its generated
 * time (`data/live-times.f64`), keeping ended calls for an hour. µs per event over 100,000
 * events from the push that saw the 1,000th call and from the one that saw the 100,000th.
 */
window.benchLive = async () => {
  const { default: initLive, LiveView } = await import('./pkg/live.js');
  await initLive();
  const frames = await fetchBytes('data/live.bin');
  const times = new Float64Array((await fetchBytes('data/live-times.f64')).buffer);
  const view = new LiveView({ format: 'binary', keepEndedMs: 3600 * 1000 });
  const WINDOW = 100_000;
  const windows = [];
  let at = 0;
  let pushed = 0;
  let calls = 0;
  let changes = 0;
  const data = new DataView(frames.buffer);
  while (at + 8 <= frames.length) {
    const end = at + 8 + data.getUint32(at);
    if (data.getUint32(at + 4) === 23) calls += 1; // BEGIN_CALL_EVENT
    changes += view.push(frames.subarray(at, end), times[pushed]).changes.length;
    at = end;
    pushed += 1;
    if ((calls >= 1000 && windows.length === 0) || (calls >= 100_000 && windows.length === 1)) windows.push({ from: pushed, t: performance.now() });
    for (const w of windows) if (w.ms === undefined && pushed === w.from + WINDOW) w.ms = performance.now() - w.t;
  }
  const us = (w) => (w?.ms === undefined ? null : (w.ms * 1000) / WINDOW);
  const result = { events: pushed, calls, changes, at1k: us(windows[0]), at100k: us(windows[1]), heapBytes: view.heapBytes };
  view.free();
  return result;
};

document.body.dataset.ready = 'true';

/**
 * Each Cisco trace grammar decoded into the store by the module the page reads it with (the logs
 * the native benchmark generated: `data/<grammar>.log`, CTI records a fifth of their lines), fed
 * in 4 MB chunks as the page's Worker feeds a file: MB/s, best of `runs`. A Finesse log is read
 * by `cti-outcome/finesse`, its notifications too (as natively), MIVR and dumplog by
 * `cti-outcome/traces`.
 */
window.benchTraces = async (runs) => {
  const { default: initFinesse, CtiLog: FinesseLog } = await import('./pkg/finesse.js');
  await initFinesse();
  const out = {};
  for (const name of ['finesse', 'mivr', 'dumplog']) {
    const bytes = await fetchBytes(`data/${name}.log`);
    const Log = name === 'finesse' ? FinesseLog : TraceLog;
    const r = best(runs, () => {
      const log = new Log({ format: 'trace', calls: false });
      for (let at = 0; at < bytes.length; at += 4 << 20) log.push(bytes.subarray(at, at + (4 << 20)));
      log.finish();
      const n = log.length;
      log.free();
      return n;
    });
    out[name] = { bytes: bytes.length, ms: r.ms, events: r.result, mbS: bytes.length / 1e3 / r.ms };
  }
  return out;
};
