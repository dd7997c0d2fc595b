// @ts-check
// The decoding Worker. It reads the opened Blob in chunks into a CtiLog and keeps the log; the
// page gets progress, the call list as columns (typed arrays handed over, not copied) and, on
// request, one call in full, events by index and raw text. A cancel is seen between any two
// steps, so it works while reading, while the calls are worked out and while they are listed.
import init, { CtiLog, logOfFrames, sniff, wasmMemoryBytes } from './pkg/index.js';
import { SNIFF_BYTES } from './pkg/lists.js';
import { entryFor, expandInputs, feedCollection, isArchive, planCollection } from './pkg/collection.js';

const CHUNK = 4 * 1024 * 1024;
/** How often the growing call list is sent while a log is read (ms). */
const PARTIAL_EVERY = 2000;
/** The first partial list is sent once this many bytes are read, so that calls show early. */
const FIRST_PARTIAL = 16 * 1024 * 1024;

/** @typedef {import('./messages.js').Posted} Posted */
/** @typedef {import('./messages.js').PageSummary} PageSummary */

/**
 * Posts `message` to the page, the buffers in `transfer` handed over.
 * @param {Posted} message
 * @param {Transferable[]} [transfer]
 */
function post(message, transfer = []) {
  postMessage(message, { transfer });
}

let log = null;
/** The module the open log lives in: the main one, cti-outcome/traces for a Cisco trace, or
 * cti-outcome/finesse for a Finesse log (its notifications too). */
let module = { CtiLog, wasmMemoryBytes };
/** Whether `log` is a RecordLog (a call-record export) rather than a CtiLog. */
let records = false;
/** For a capture: each frame's bytes by connection, sender and stream offset. */
let frameAt = null;
let blob = null;
let cancelled = false;
let peakMemory = 0;

/** Lets messages in (a cancel) between steps; a message channel, which (unlike a timer) is not
 * held back when steps follow each other closely. */
const channel = new MessageChannel();
const breathe = () => new Promise((resolve) => {
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

function memory() {
  peakMemory = Math.max(peakMemory, module.wasmMemoryBytes());
  return peakMemory;
}

/** Where the time went (ms), for the benchmark and the curious. */
/** @type {Record<string, number>} Milliseconds spent per step. */
let timings = {};
const timed = (what, fn) => {
  const t = performance.now();
  const result = fn();
  timings[what] = (timings[what] ?? 0) + performance.now() - t;
  return result;
};

/** Posts the call list, its arrays transferred. */
function postCalls(partial, started) {
  const columns = timed(partial ? 'partialLists' : 'list', () => log.callColumns());
  const transfer = Object.values(columns).filter(ArrayBuffer.isView).map((a) => a.buffer);
  post({ type: 'calls', partial, columns, ms: performance.now() - started, memory: memory() }, transfer);
}

/** A capture is read whole by the capture module; its frames go into a CtiLog. */
async function openCapture(file, started) {
  const [{ default: initCapture, readCapture }] = await Promise.all([import('./pkg/capture.js'), init()]);
  await initCapture();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const capture = timed('capture', () => readCapture(bytes));
  frameAt = new Map();
  for (let r = 0; r < capture.rows.length; r += 7) {
    const [at, length, , , connection, fromServer, streamOffset] = capture.rows.subarray(r, r + 7);
    frameAt.set(`${connection}/${fromServer ? 'server' : 'client'}/${streamOffset}`, capture.frames.subarray(at, at + length));
  }
  log?.free();
  log = logOfFrames(capture.frames, capture.rows);
  blob = file;
  /** @type {PageSummary} */
  const summary = {
    ...log.summary(),
    format: `${capture.format} capture`,
    capture: { packets: capture.packets, connections: capture.connections },
  };
  summary.diagnostics = [...capture.diagnostics, ...summary.diagnostics];
  post({ type: 'summary', summary, cancelled: false, loaded: file.size, total: file.size, memory: memory() });
  postCalls(false, started);
  post({ type: 'done', cancelled: false, loaded: file.size, total: file.size, ms: performance.now() - started, memory: memory(), timings });
}

/**
 * An export is read whole by the records module into a RecordLog, kept here; `queue` is a UCCX
 * ContactQueueDetail export given with its ContactCallDetail one (either order).
 * @param {Blob} file
 * @param {number} started
 * @param {Blob} [queue]
 */
async function openRecords(file, started, queue) {
  const [{ default: initRecords, RecordLog }] = await Promise.all([import('./pkg/records.js'), init()]);
  await initRecords();
  const bytes = new Uint8Array(await timed('read', () => file.arrayBuffer()));
  const queueBytes = queue ? new Uint8Array(await queue.arrayBuffer()) : undefined;
  post({ type: 'progress', phase: 'records', loaded: file.size, total: file.size, events: 0, memory: memory() });
  await breathe();
  log?.free();
  log = timed('records', () => new RecordLog(bytes, undefined, queueBytes));
  records = true;
  blob = file;
  const head = log.head();
  const summary = {
    format: 'call records', records: head, eventCount: head.rows, callCount: head.calls,
    diagnostics: head.diagnostics, encoding: head.encoding, notes: [],
  };
  post({ type: 'summary', summary, cancelled: false, loaded: file.size, total: file.size, memory: memory() });
  postCalls(false, started);
  post({ type: 'done', cancelled: false, loaded: file.size, total: file.size, ms: performance.now() - started, memory: memory(), timings });
}


/** The module of a text entry (`main`; `traces` or `finesse`, loaded on first use).
 * @param {import('./pkg/collection.js').TextEntry} entry */
async function moduleOf(entry) {
  if (entry === 'main') return MAIN;
  const loaded = await (entry === 'traces' ? import('./pkg/traces.js') : import('./pkg/finesse.js'));
  await loaded.default();
  return loaded;
}

/** The main module's API, as the log of a text or frames input uses it. */
const MAIN = { CtiLog, wasmMemoryBytes };

/** Forgets the log open before. */
function reset() {
  frameAt = null;
  records = false;
  cancelled = false;
  peakMemory = 0;
  timings = {};
  module = MAIN;
  log?.free();
  log = null;
}

/**
 * What to do after each chunk: progress, the growing call list now and then, a breath for a
 * cancel. Resolves to whether to go on.
 * @param {number} total bytes in all
 * @param {number} started
 */
function stepper(total, started) {
  let nextPartial = FIRST_PARTIAL;
  let lastPartial = 0;
  return async (/** @type {number} */ loaded) => {
    post({ type: 'progress', phase: 'reading', loaded, total, events: log.length, memory: memory() });
    const due = lastPartial === 0 ? loaded >= nextPartial : performance.now() - lastPartial > nextPartial;
    if (loaded < total && log.length > 0 && due) {
      const before = performance.now();
      postCalls(true, started);
      lastPartial = performance.now();
      // Listing costs more as calls add up: list again only after ten times as long.
      nextPartial = Math.max(PARTIAL_EVERY, 10 * (lastPartial - before));
    }
    await breathe();
    return !cancelled;
  };
}

/** What was read is decoded to the end either way; a cancel keeps the calls found so far.
 * @param {number} loaded @param {number} total @param {number} started
 * @param {Partial<PageSummary>} extra what the page is told besides the log's summary */
async function finishLog(loaded, total, started, extra) {
  post({ type: 'progress', phase: 'calls', loaded, total, events: log.length, memory: memory() });
  await breathe();
  timed('finish', () => log.finish());
  const summary = { ...timed('summary', () => log.summary()), ...extra };
  post({ type: 'summary', summary, cancelled, loaded, total, memory: memory() });
  await breathe();
  postCalls(false, started);
  const ms = performance.now() - started;
  post({ type: 'done', cancelled, loaded, total, ms, memory: memory(), timings });
}

/** MIVR records carry no year: the file's modification time gives it (said in a note).
 * @param {Blob[]} blobs */
function yearOf(blobs) {
  const times = blobs.map((b) => /** @type {Blob & { lastModified?: number }} */ (b).lastModified ?? 0);
  const modified = new Date(Math.max(...times) || Date.now());
  return { year: modified.getUTCFullYear(), month: modified.getUTCMonth() + 1 };
}

/**
 * Several files, a folder's or an archive's, read as one log (src/collection): the files the
 * page was given, or an archive's, in the order of their first call's time.
 * @param {{ name: string, blob: Blob }[]} inputs
 */
async function openCollection(inputs) {
  const started = performance.now();
  let t = performance.now();
  const { members, skipped } = await expandInputs(inputs.map(({ name, blob }) => ({ name, data: blob })));
  timings.unpack = performance.now() - t;
  const heads = await Promise.all(members.map(async (m) => sniff(new Uint8Array(await m.blob.slice(0, SNIFF_BYTES).arrayBuffer()))));
  const entry = entryFor(heads.map((h) => h.form));
  module = await moduleOf(entry);
  const options = yearOf(inputs.map((i) => i.blob));
  t = performance.now();
  const plan = await planCollection(members, { sniff, CtiLog: module.CtiLog, entry }, options);
  timings.plan = performance.now() - t;
  const placed = plan.files.map((p) => members[p.index]);
  const total = placed.reduce((sum, m) => sum + m.blob.size, 0);
  log = new module.CtiLog({ ...options, format: plan.format, size: total });
  const { files, fed } = await feedCollection(log, members, plan, stepper(total, started));
  blob = fed;
  const sniffed = heads[plan.files[0]?.index ?? -1];
  await finishLog(fed.size, total, started, { sniffed, files, skipped: [...skipped, ...plan.skipped] });
}

async function open({ file, inputs }) {
  await init();
  reset();
  const given = inputs ?? [{ name: 'log', blob: file }];
  if (given.length === 2) {
    // Two call-detail exports: a UCCX ContactCallDetail and its ContactQueueDetail.
    const forms = await Promise.all(given.map(async (g) => sniff(new Uint8Array(await g.blob.slice(0, SNIFF_BYTES).arrayBuffer())).form));
    if (forms.every((f) => f === 'records')) return openRecords(given[0].blob, performance.now(), given[1].blob);
  }
  if (given.length > 1 || await isArchive(given[0].blob)) return openCollection(given);
  file = given[0].blob;
  // One place tells every form apart (src/sniff.rs); the page says what it found and why.
  const sniffed = sniff(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (sniffed.form === 'pcap' || sniffed.form === 'pcapng') return openCapture(file, performance.now());
  if (sniffed.form === 'records') return openRecords(file, performance.now());
  module = await moduleOf(entryFor([sniffed.form]));
  // `size`: the columns are reserved once rather than grown step by step (which leaves the
  // buffers it outgrew behind): the generated 1 GB log took 950 MB of wasm memory instead of
  // 1,055 MB, in the same time; that tenth is what lets 4 GB fit in one instance's 4 GiB.
  log = new module.CtiLog({ ...yearOf([file]), size: file.size });
  blob = file;
  const started = performance.now();
  const step = stepper(file.size, started);
  let loaded = 0;
  const read = (at) => file.slice(at, at + CHUNK).arrayBuffer();
  // The next chunk is read while this one is decoded.
  let reading = file.size > 0 ? read(0) : null;
  while (reading) {
    const t = performance.now();
    const bytes = new Uint8Array(await reading);
    timings.read = (timings.read ?? 0) + performance.now() - t;
    loaded += bytes.length;
    reading = loaded < file.size ? read(loaded) : null;
    timed('decode', () => log.push(bytes));
    if (!(await step(loaded))) break;
  }
  await finishLog(loaded, file.size, started, { sniffed });
}

/** Text from `blob`: lines `fromLine..=toLine` (one-based), or `length` bytes at `offset`. */
async function raw({ fromLine, toLine, offset, length, connection, from: sender }) {
  if (offset !== undefined) {
    const bytes = frameAt?.get(`${connection}/${sender}/${offset}`)
      ?? new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
    const rows = [];
    for (let i = 0; i < hex.length; i += 16) rows.push(hex.slice(i, i + 16).join(' '));
    return rows.join('\n');
  }
  const start = log.lineStart(fromLine);
  if (!start) return '';
  let [line, at] = start;
  // From the mark, count newlines up to the first line wanted, then to the last.
  const window = 64 * 1024;
  let text = '';
  let from = -1;
  while (at < blob.size) {
    const bytes = new Uint8Array(await blob.slice(at, at + window).arrayBuffer());
    for (let i = 0; i < bytes.length; i += 1) {
      if (from < 0 && line === fromLine) from = at + i;
      if (bytes[i] === 10) {
        if (line === toLine) return blob.slice(from, at + i).text();
        line += 1;
      }
    }
    at += bytes.length;
  }
  if (from >= 0) text = await blob.slice(from, blob.size).text();
  return text;
}

const handlers = {
  open: (data) => open(data),
  cancel: () => {
    cancelled = true;
  },
  call: ({ index }) => ({ call: log.call(index), agents: records ? [] : log.agentsOf(index) }),
  calls: ({ indices }) => ({ calls: indices.map((i) => log.call(i)) }),
  search: ({ needle }) => ({ rows: log.searchCalls(needle) }),
  session: () => ({ session: records ? { exchanges: [], unanswered: [], unmatchedReplies: [], notices: [] } : log.session() }),
  others: () => ({ others: records ? new Uint32Array(0) : log.otherEvents() }),
  agents: () => ({ columns: records ? null : timed('agents', () => log.agentColumns()) }),
  events: ({ indices }) => ({ events: records ? [] : indices.map((i) => log.events(i, i + 1)[0]).filter(Boolean) }),
  raw: async (data) => ({ text: await raw(data) }),
};

onmessage = async ({ data }) => {
  const handler = handlers[data.type];
  try {
    if (!handler) throw new Error(`unknown request ${data.type}`);
    const result = await handler(data);
    // Typed-array columns are handed over, not copied.
    const transfer = Object.values(result?.columns ?? {}).filter(ArrayBuffer.isView).map((a) => a.buffer);
    if (data.id) post({ type: 'reply', id: data.id, ...result }, transfer);
  } catch (e) {
    post({ type: 'error', id: data.id, message: e.message });
  }
};
