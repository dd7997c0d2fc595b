// @ts-check
// The package's API over wasm-bindgen's glue, shared by every entry point (browsers, bundlers,
// Workers and Node). Large results cross the boundary as columns (typed arrays and one string
// table) and are built into plain objects here, which is several times faster than parsing
// the same objects as JSON; small ones arrive as objects already.

// The shapes the package's functions take and give, generated from the Rust types
// (cti_outcome.d.ts).
/**
 * @typedef {import('./cti_outcome.js').CallColumns} CallColumns
 * @typedef {import('./cti_outcome.js').CaptureFrames} CaptureFrames
 * @typedef {import('./cti_outcome.js').CaptureOptions} CaptureOptions
 * @typedef {import('./cti_outcome.js').Connres} Connres
 * @typedef {import('./cti_outcome.js').ByteDiagnostic} ByteDiagnostic
 * @typedef {import('./cti_outcome.js').DecodedFrames} DecodedFrames
 * @typedef {import('./cti_outcome.js').DecodedRecords} DecodedRecords
 * @typedef {import('./cti_outcome.js').DecodedText} DecodedText
 * @typedef {import('./cti_outcome.js').Direction} Direction
 * @typedef {import('./cti_outcome.js').FrameEvent} FrameEvent
 * @typedef {import('./cti_outcome.js').FrameOptions} FrameOptions
 * @typedef {import('./cti_outcome.js').Framing} Framing
 * @typedef {import('./cti_outcome.js').LogOptions} LogOptions
 * @typedef {import('./cti_outcome.js').RecordCall} RecordCall
 * @typedef {import('./cti_outcome.js').RecordOptions} RecordOptions
 * @typedef {import('./cti_outcome.js').RecordsHead} RecordsHead
 * @typedef {import('./cti_outcome.js').Sniffed} Sniffed
 * @typedef {import('./cti_outcome.js').TextEvent} TextEvent
 * @typedef {import('./cti_outcome.js').Timeline} Timeline
 * @typedef {import('./cti_outcome.js').CallRow} CallRow
 * @typedef {import('./cti_outcome.js').CallChange} CallChange
 * @typedef {import('./cti_outcome.js').LiveOptions} LiveOptions
 * @typedef {import('./cti_outcome.js').LivePush} LivePush
 * @typedef {import('./cti_outcome.js').FileSpan} FileSpan
 * @typedef {import('./cti_outcome.js').Skipped} Skipped
 * @typedef {import('./collection.js').CollectionInput} CollectionInput
 */

/** An event of either form.
 * @typedef {TextEvent | FrameEvent} CtiEvent */
/** What `decodeInput` gives: a text decode or a frames decode, told apart by `format`.
 * @typedef {({ format: 'text' } & DecodedText) | ({ format: 'binary' | 'hex' } & DecodedFrames)} DecodedInput */
/** Events as the functions that take events accept them: a list, or a decode's result.
 * @typedef {readonly CtiEvent[] | DecodedText | DecodedFrames} EventsInput */

/**
 * Frames decoded so far by a `FrameDecoder`.
 * @typedef {object} FrameBatch
 * @property {FrameEvent[]} events The frames completed by this push.
 * @property {ByteDiagnostic[]} diagnostics Problems found in this push's bytes.
 * @property {Framing} framing The width and protocol version in use, and why.
 */

/**
 * A log decoded once and kept in wasm memory: fed whole (`openLog`) or in chunks (`push`, then
 * `finish`), then asked for what is shown. The methods of the wasm class, and these:
 * @typedef {import('./cti_outcome.js').CtiLog & {
 *   events(start: number, end?: number): CtiEvent[],
 *   timeline(): Timeline,
 *   calls(): CallRow[],
 * }} CtiLog
 */

/**
 * Several files, a folder or an archive read as one log (`openCollection`): the files joined in
 * the order of their first call's time, a record a rotation cut joined again.
 * @typedef {object} CtiCollection
 * @property {CtiLog} log The joined log, finished; its lines and byte offsets count through
 *   the files in `files`' order.
 * @property {FileSpan[]} files The files read, in the order they were joined.
 * @property {Skipped[]} skipped The files not read, and why (what is no log; a corrupt or
 *   encrypted archive entry, with `error`).
 * @property {(line: number) => { file: string, line: number } | undefined} locate The file of
 *   a one-based line of the joined log, and the line counted in that file.
 */

/**
 * Decodes a GED-188 byte stream fed in chunks of any size; a partial frame waits for more bytes.
 * @typedef {object} FrameDecoder
 * @property {(chunk: Uint8Array) => FrameBatch} push Decodes every complete frame so far.
 * @property {() => FrameBatch} finish Ends the stream: bytes left over are reported.
 * @property {() => void} free Releases the decoder's memory now.
 */

/**
 * Builds a timeline from events pushed in batches (a live feed); `snapshot()` at any time.
 * @typedef {object} TimelineBuilder
 * @property {(events: EventsInput) => void} push Takes a batch of events.
 * @property {() => Timeline} snapshot Every call and agent so far.
 * @property {number} length Events pushed so far.
 * @property {() => void} free Releases the builder's memory now.
 */

/**
 * An export kept in WebAssembly memory: the call list as columns, one call in full on request.
 * @typedef {object} RecordLog
 * @property {() => RecordsHead} head Everything but the calls.
 * @property {() => CallColumns} callColumns The calls as typed-array columns.
 * @property {(needle: string) => Uint32Array} searchCalls The calls containing `needle`.
 * @property {(index: number) => RecordCall} call Call `index` with its legs and every cell.
 * @property {() => void} free Releases the export's memory now.
 */

/**
 * Everything the main entry (`cti-outcome`) exports besides `init` and `initSync`.
 * @typedef {object} CtiOutcome
 * @property {(text: string | Uint8Array) => DecodedText} decodeLog Decodes a CTI text dump into
 *   `{ events, notes, diagnostics }`; malformed lines become diagnostics.
 * @property {(bytes: Uint8Array, options?: FrameOptions) => DecodedFrames} decodeFrames Decodes
 *   GED-188 frames; the result's `framing` says which tag width was used.
 * @property {(input: string | Uint8Array, options?: LogOptions) => DecodedInput} decodeInput
 *   Decodes any input form, detected unless `options.format` names it.
 * @property {(input: string | Uint8Array, options?: LogOptions) => CtiLog} openLog Decodes a
 *   whole log into a `CtiLog` kept in wasm memory: the way to large logs.
 * @property {(inputs: Iterable<CollectionInput>, options?: LogOptions) => Promise<CtiCollection>}
 *   openCollection Reads several files, a folder's files or an archive (zip, tar, gzip; one
 *   archive inside another) as one log, in the order of their first call's time.
 * @property {(frames: Uint8Array, rows: Float64Array) => CtiLog} logOfFrames A `CtiLog` of a
 *   capture's frames: pass what `readCapture` (`cti-outcome/capture`) returned.
 * @property {(events: EventsInput) => Timeline} buildTimeline Groups events into calls (with
 *   outcomes and links) and agents (with state segments).
 * @property {(input: string | Uint8Array) => Sniffed} sniff What form an input has (its first
 *   64 KiB are read), and why.
 * @property {() => string} version The library's version, as in its package.json.
 * @property {() => number} wasmMemoryBytes Bytes of WebAssembly memory the module holds.
 * @property {new (options?: LogOptions) => CtiLog} CtiLog A log decoded in wasm memory.
 * @property {new (options?: FrameOptions) => FrameDecoder} FrameDecoder A stream of frames.
 * @property {new () => TimelineBuilder} TimelineBuilder A timeline of a live feed.
 */

/**
 * Everything `cti-outcome/traces` exports besides `init` and `initSync`: Cisco server traces
 * (Finesse webservices, MIVR ICD_CTI, `dumplog`) read into logs with the main entry's shapes.
 * @typedef {Pick<CtiOutcome, 'decodeInput' | 'openLog' | 'openCollection' | 'wasmMemoryBytes' | 'CtiLog'> & {
 *   decodeLog(input: string | Uint8Array, options?: LogOptions): DecodedText,
 * }} CtiOutcomeTraces
 */

/**
 * Everything `cti-outcome/finesse` exports besides `init` and `initSync`: a Finesse server's
 * webservices log (its CTI messages and the notifications it published) and saved Finesse
 * notifications read into logs with the main entry's shapes, dialogs as calls.
 * @typedef {CtiOutcomeTraces} CtiOutcomeFinesse
 */

/**
 * An agent desktop's view of calls as their events arrive: each push says which calls changed,
 * with their phase (`ringing`, `talking`, `held`, `wrap-up`, `ended`…) and their outcome as of
 * now, in the shape every API gives an outcome (`{ kind, rule, reason, evidence }`).
 * @typedef {object} LiveView
 * @property {(input: string | Uint8Array | EventsInput, now?: number) => LivePush} push Takes
 *   a Finesse notification (`<Update>` XML, one or several), CTI text (`MsgType:` dumps, a
 *   stream: its last event is taken in when the next begins), GED-188 frames, or event
 *   objects (whole events, taken in at once); `now` (ms since 1970, `Date.now()` by default)
 *   is the clock `keepEndedMs` counts for input without times.
 * @property {() => LivePush} finish Ends the input: what waits for more is read.
 * @property {() => CallChange[]} snapshot Every call the view holds now.
 * @property {number} length Events the view holds now.
 * @property {number} heapBytes Bytes the view holds.
 * @property {() => void} free Releases the view's memory now.
 */

/**
 * Everything `cti-outcome/live` exports besides `init` and `initSync`.
 * @typedef {object} CtiOutcomeLive
 * @property {new (options?: LiveOptions) => LiveView} LiveView A live view of calls;
 *   `options.keepEndedMs` forgets calls that ended longer ago than that (a desktop runs for
 *   days).
 */

/**
 * Everything `cti-outcome/encode` exports besides `init` and `initSync`.
 * @typedef {object} CtiOutcomeEncode
 * @property {(events: EventsInput, options?: FrameOptions) => Uint8Array} encodeEvents Encodes
 *   events as GED-188 frames (default width 2); throws listing every field with no wire form.
 */

/**
 * Everything `cti-outcome/capture` exports besides `init` and `initSync`.
 * @typedef {object} CtiOutcomeCapture
 * @property {(bytes: Uint8Array, options?: CaptureOptions) => CaptureFrames} readCapture Reads
 *   a capture's TCP connections down to the frames of the CTI ones.
 */

/**
 * Everything `cti-outcome/records` exports besides `init` and `initSync`.
 * @typedef {object} CtiOutcomeRecords
 * @property {(code: number, direction: Direction, cause?: number | null) => Connres} decodeConnres
 *   Decodes a CONNRES end-of-call code for a direction, with an optional Q.850 cause (0–127).
 * @property {(input: string | Uint8Array, options?: RecordOptions, queueDetail?: string | Uint8Array) => DecodedRecords} decodeRecords
 *   Reads a call-record export (CSV, semicolon- or tab-separated, with a header row) into calls:
 *   jtel's statistics, UCCE Termination_Call_Detail or Unified CCX ContactCallDetail (told by the
 *   header); `queueDetail` is a ContactQueueDetail export joined to a ContactCallDetail one.
 * @property {new (input: string | Uint8Array, options?: RecordOptions, queueDetail?: string | Uint8Array) => RecordLog} RecordLog
 *   An export kept in WebAssembly memory.
 */

import { SNIFF_BYTES, TRACE_FORMS } from './lists.js';
import { buildEvents, callList, packEvents, rawOf } from './columns.js';
import { expandInputs, feedCollection, locateLine, planCollection } from './collection.js';

/** Bytes (or UTF-16 code units) handed to the wasm side at a time, so that a large input never
 * sits in wasm memory whole. */
const CHUNK = 1 << 20;
/** Events built into objects per batch of columns. */
const PAGE = 1 << 16;

/** Pushes `input` (a string or a Uint8Array) into `log` in chunks.
 * @internal */
export function pushAll(log, input) {
  if (typeof input === 'string') {
    for (let at = 0; at < input.length;) {
      let end = Math.min(at + CHUNK, input.length);
      // Never split a surrogate pair: the halves would each become U+FFFD.
      const last = input.charCodeAt(end - 1);
      if (end < input.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      log.push(input.slice(at, end));
      at = end;
    }
  } else if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += CHUNK) log.push(input.subarray(at, at + CHUNK));
  } else {
    log.push(input); // the wasm side says what is wrong with it
  }
}

/** Events `start..end` of `log` as objects, built a page of columns at a time. */
function eventsOf(log, start, end) {
  const stop = Math.min(end ?? log.length, log.length);
  if (stop - start <= PAGE) return buildEvents(log.eventColumns(start, stop));
  const all = [];
  for (let at = start; at < stop; at += PAGE) {
    const page = buildEvents(log.eventColumns(at, Math.min(at + PAGE, stop)));
    for (let i = 0; i < page.length; i += 1) all.push(page[i]);
  }
  return all;
}

/** Every call and agent of `log` in full, and its session when it has one: the shape
 * `cti-outcome timeline` prints. */
function timelineOf(log) {
  const calls = new Array(log.callCount);
  for (let i = 0; i < calls.length; i += 1) calls[i] = log.call(i);
  const timeline = { calls, agents: log.agents() };
  const session = log.session();
  if (session.exchanges.length || session.unmatchedReplies.length || session.notices.length) {
    timeline.session = session;
  }
  return timeline;
}


/** The first bytes of `input` (a string is encoded as UTF-8), for `sniff`. */
function headOf(input) {
  if (typeof input === 'string') return new TextEncoder().encode(input.slice(0, SNIFF_BYTES));
  return input instanceof Uint8Array ? input.subarray(0, SNIFF_BYTES) : new Uint8Array(0);
}

/**
 * The package's API over one module's glue. The main entry's `decodeLog` reads a dump, or says
 * which entry reads a Cisco trace; the traces entry reads traces and the dumps pasted into
 * them, the Finesse entry Finesse logs and notifications.
 * @internal
 * @param {typeof import('./cti_outcome.js')} glue wasm-bindgen's generated module
 * @param {{ entry?: 'main' | 'traces' | 'finesse' }} [how] the entry whose module `glue` is
 * @returns {CtiOutcome}
 */
export function makeApi(glue, { entry = 'main' } = {}) {
  function decoded(input, options) {
    const log = new glue.CtiLog({ size: input?.length, ...options, calls: false });
    try {
      pushAll(log, input);
      log.finish();
      const summary = log.summary();
      const events = eventsOf(log, 0, log.length);
      if (summary.format !== 'binary' && summary.format !== 'hex') {
        return { format: summary.format ?? 'text', events, notes: summary.notes, diagnostics: summary.diagnostics };
      }
      return { format: summary.format, events, diagnostics: summary.diagnostics, framing: summary.framing };
    } finally {
      log.free();
    }
  }
  const without = ({ format, ...rest }) => rest;
  const wasmMemoryBytes = () => glue.wasmMemoryBytes();
  const logOf = (events) => glue.logOfEvents(...packEvents(events));

  class CtiLog extends glue.CtiLog {
    /** Events `start` to `end` (exclusive; clamped) as objects. */
    events(start, end) {
      return eventsOf(this, Math.max(0, start ?? 0), end);
    }

    /** Every call and agent in full (for small logs; large ones ask for `callColumns()` and
     * `call(i)`). */
    timeline() {
      return timelineOf(this);
    }

    /** Every call as a list shows it (key, type, direction, agents, start, outcome, reason). */
    calls() {
      // The list's columns carry the outcome's words; its evidence is the call's own.
      return callList(this.callColumns()).map((row, i) => ({ ...row, outcome: this.call(i).outcome }));
    }
  }

  class FrameDecoder {
    /** @param {FrameOptions} [options] */
    constructor(options) {
      this.log = new glue.CtiLog({ ...options, format: 'binary', calls: false });
      this.seen = 0;
      this.reported = 0;
    }

    step(push) {
      push();
      const summary = this.log.summary();
      const events = buildEvents(this.log.eventColumns(this.seen, this.log.length));
      const diagnostics = /** @type {ByteDiagnostic[]} */ (summary.diagnostics.slice(this.reported));
      this.seen = this.log.length;
      this.reported = summary.diagnostics.length;
      return { events, diagnostics, framing: summary.framing };
    }

    /** Decodes every complete frame in what has arrived so far. */
    push(chunk) {
      return this.step(() => this.log.push(chunk));
    }

    /** Ends the stream: bytes left over are reported. */
    finish() {
      return this.step(() => this.log.finish());
    }

    free() {
      this.log.free();
    }
  }

  class TimelineBuilder {
    constructor() {
      this.all = [];
    }

    push(events) {
      packEvents(events); // checks them before taking them
      this.all.push(...(Array.isArray(events) ? events : events.events));
    }

    snapshot() {
      return buildTimeline(this.all);
    }

    get length() {
      return this.all.length;
    }

    free() {
      this.all = [];
    }
  }

  function buildTimeline(events) {
    const log = logOf(events);
    try {
      return timelineOf(log);
    } finally {
      log.free();
    }
  }

  /** A log of the frames `readCapture` (cti-outcome/capture) found, with the package's methods. */
  function logOfFrames(frames, rows) {
    if (!(frames instanceof Uint8Array) || !(rows instanceof Float64Array)) {
      throw new TypeError('logOfFrames(frames, rows): pass the `frames` (Uint8Array) and `rows` (Float64Array) readCapture returned');
    }
    return Object.setPrototypeOf(glue.logOfFrames(frames, rows), CtiLog.prototype);
  }

  function openLog(input, options) {
    const log = new CtiLog({ size: input?.length, ...options });
    pushAll(log, input);
    log.finish();
    return log;
  }

  /** Several files, a folder's or an archive's, as one log (src/collection). */
  async function openCollection(inputs, options = {}) {
    const { members, skipped } = await expandInputs(inputs);
    const plan = await planCollection(members, { sniff, CtiLog, entry }, options);
    const log = new CtiLog({ ...options, format: plan.format });
    try {
      const { files } = await feedCollection(log, members, plan);
      log.finish();
      return { log, files, skipped: [...skipped, ...plan.skipped], locate: (line) => locateLine(files, line) };
    } catch (e) {
      log.free();
      throw e;
    }
  }

  /** What form `input` has, and why (src/sniff.rs: its first 64 KiB are read). */
  function sniff(input) {
    const [form, reason] = glue.sniffForm(headOf(input)).split('\t');
    return /** @type {Sniffed} */ ({ form, reason });
  }
  /** How `decodeLog` reads `input`: as a trace, or as a dump. */
  const textFormat = (input) => (entry !== 'main' || TRACE_FORMS.some((f) => f === sniff(input).form) ? 'trace' : 'text');

  return {
    decodeLog: (input, options = {}) => /** @type {DecodedText} */ (
      without(decoded(input, { ...options, format: textFormat(input) }))
    ),
    sniff,
    decodeFrames: (bytes, options) => /** @type {DecodedFrames} */ (without(decoded(bytes, { ...options, format: 'binary' }))),
    decodeInput: (input, options) => /** @type {DecodedInput} */ (decoded(input, options)),
    openLog,
    openCollection,
    logOfFrames,
    buildTimeline,
    version: () => glue.version(),
    wasmMemoryBytes,
    CtiLog,
    FrameDecoder,
    TimelineBuilder,
  };
}

/** The traces entry's API over its module's glue.
 * @internal
 * @param {typeof import('./cti_outcome.js')} glue
 * @returns {CtiOutcomeTraces} */
export function tracesApi(glue) {
  return textApi(glue, 'traces');
}

/** The Finesse entry's API over its module's glue.
 * @internal
 * @param {typeof import('./cti_outcome.js')} glue
 * @returns {CtiOutcomeFinesse} */
export function finesseApi(glue) {
  return textApi(glue, 'finesse');
}

/** The API of an entry whose module reads text logs only (a build of the main one).
 * @param {typeof import('./cti_outcome.js')} glue @param {'traces' | 'finesse'} entry
 * @returns {CtiOutcomeTraces} */
function textApi(glue, entry) {
  const { decodeLog, decodeInput, openLog, openCollection, wasmMemoryBytes, CtiLog } = makeApi(glue, { entry });
  return { decodeLog, decodeInput, openLog, openCollection, wasmMemoryBytes, CtiLog };
}

/** Event objects written as the text dump the decoders read (`MsgType:` and `Name: value`
 * lines), for a live view: the package's own events give their fields back as they were.
 * @internal
 * @param {EventsInput} events
 * @returns {string} */
export function dumpOf(events) {
  packEvents(events); // checks them
  const list = Array.isArray(events) ? events : /** @type {DecodedText | DecodedFrames} */ (events).events;
  let out = '';
  for (const e of list) {
    const time = e.time ? `${e.time} ` : '';
    out += `${time}MsgType: ${e.label ?? e.type}\n`;
    for (const f of e.fields ?? []) {
      const name = f.label ?? (f.index != null && f.tag == null ? `${f.name}[${f.index}]` : f.name);
      out += `${time}  ${name}: ${f.raw ?? rawOf(f)}\n`;
    }
  }
  return out;
}

/** The live entry's API over its module's glue.
 * @internal
 * @param {any} glue
 * @returns {CtiOutcomeLive} */
export function liveApi(glue) {
  class LiveView extends glue.LiveView {
    /** @param {string | Uint8Array | EventsInput} input @param {number} [now] */
    push(input, now) {
      if (typeof input === 'string' || input instanceof Uint8Array) return super.push(input, now);
      return super.pushEvents(dumpOf(/** @type {EventsInput} */ (input)), now);
    }
  }
  // The glue's class has the other members (its own declarations state them).
  return { LiveView: /** @type {CtiOutcomeLive['LiveView']} */ (/** @type {unknown} */ (LiveView)) };
}

/** The encode entry's API over its module's glue.
 * @internal
 * @param {any} glue
 * @returns {CtiOutcomeEncode} */
export function encodeApi(glue) {
  return { encodeEvents: (events, options) => glue.encodePacked(...packEvents(events), options) };
}

/** The capture entry's API over its module's glue.
 * @internal
 * @param {any} glue
 * @returns {CtiOutcomeCapture} */
export function captureApi(glue) {
  return { readCapture: (bytes, options) => glue.readCapture(bytes, options) };
}

/** The records entry's API over its module's glue.
 * @internal
 * @param {any} glue
 * @returns {CtiOutcomeRecords} */
export function recordsApi(glue) {
  return {
    decodeConnres: (code, direction, cause) => glue.decodeConnres(code, direction, cause),
    decodeRecords: (input, options, queueDetail) => glue.decodeRecords(input, options, queueDetail),
    RecordLog: glue.RecordLog,
  };
}
