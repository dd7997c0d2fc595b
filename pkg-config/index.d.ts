// Types of the cti-outcome package. Every shape (events, diagnostics, calls, columns, options) is
// generated from the library's Rust types and lives in cti_outcome.d.ts; this file declares the
// functions and classes as the package exports them, each with the shapes it actually returns.
import type {
  Agent,
  AgentColumns,
  ByteDiagnostic,
  Call,
  CallColumns,
  CallRow,
  DecodedFrames,
  DecodedText,
  EventColumns,
  FrameEvent,
  FrameOptions,
  Framing,
  LogOptions,
  LogSummary,
  Session,
  Sniffed,
  TextEvent,
  Timeline,
} from './cti_outcome.js';

export type * from './cti_outcome.js';

/** An event of either form. */
export type CtiEvent = TextEvent | FrameEvent;

/** What `decodeInput` gives: a text decode or a frames decode, told apart by `format`. */
export type DecodedInput =
  | ({ format: 'text' } & DecodedText)
  | ({ format: 'binary' | 'hex' } & DecodedFrames);

/** Frames decoded so far by a `FrameDecoder`. */
export interface FrameBatch {
  /** The frames completed by this push. */
  events: FrameEvent[];
  /** Problems found in this push's bytes. */
  diagnostics: ByteDiagnostic[];
  /** The width and protocol version in use, and why. */
  framing: Framing;
}

/** Decodes a CTI text dump into `{ events, notes, diagnostics }`; malformed lines become diagnostics. */
export function decodeLog(text: string | Uint8Array): DecodedText;
/** Decodes GED-188 frames (big-endian, length-prefixed); the result's `framing` says which tag width was used. */
export function decodeFrames(bytes: Uint8Array, options?: FrameOptions): DecodedFrames;
/** Decodes any input form: text dump, hex dump or binary frames, detected unless `options.format` names it. */
export function decodeInput(input: string | Uint8Array, options?: LogOptions): DecodedInput;
/** Decodes a whole log into a `CtiLog` kept in wasm memory: the way to large logs. */
export function openLog(input: string | Uint8Array, options?: LogOptions): CtiLog;
/** A `CtiLog` of a capture's frames: pass what `readCapture` (from `cti-outcome/capture`) returned. */
export function logOfFrames(frames: Uint8Array, rows: Float64Array): CtiLog;
/** Groups events into calls (with outcomes and links) and agents (with state segments). */
export function buildTimeline(events: readonly CtiEvent[] | DecodedText | DecodedFrames): Timeline;
/** The library's version, as in its package.json. */
/** What form an input has (its first 64 KiB are read), and why. A Cisco trace (`finesse`,
 * `mivr`, `dumplog`) is read by `cti-outcome/traces`, a capture by `cti-outcome/capture`, call
 * records by `cti-outcome/records`, the rest by this entry. */
export function sniff(input: string | Uint8Array): Sniffed;

export function version(): string;
/** Bytes of WebAssembly memory the module holds (it grows and is never given back). */
export function wasmMemoryBytes(): number;

/** Decodes a GED-188 byte stream fed in chunks of any size; a partial frame waits for more bytes. */
export class FrameDecoder {
  constructor(options?: FrameOptions);
  /** Decodes every complete frame in what has arrived so far. */
  push(chunk: Uint8Array): FrameBatch;
  /** Ends the stream: bytes left over are reported as a truncated frame. */
  finish(): FrameBatch;
  /** Releases the decoder's memory now instead of when it is garbage-collected. */
  free(): void;
}

/**
 * A log decoded once and kept in wasm memory. Feed it whole (`openLog`) or in chunks (a file
 * read piece by piece, a live feed): `push(chunk)` decodes what the chunk completes, `finish()`
 * the rest. Then ask for what is shown: the call list, one call, a page of events.
 */
export class CtiLog {
  constructor(options?: LogOptions);
  /** Decodes what the chunk completes; the rest waits for the next chunk or `finish()`. */
  push(chunk: string | Uint8Array): void;
  /** Ends the input: what is pending is decoded, and the calls worked out. */
  finish(): void;
  /** Events decoded so far. */
  readonly length: number;
  /** Everything but the events and calls: format, counts, notes, diagnostics. */
  summary(): LogSummary;
  /** Events `start` to `end` (exclusive; clamped), as objects. */
  events(start: number, end?: number): CtiEvent[];
  /** Events `start` to `end` as columns (typed arrays and a string table). */
  eventColumns(start: number, end: number): EventColumns;
  /** Every call as a list shows it. */
  calls(): CallRow[];
  /** The call list as columns (typed arrays and a string table), for large logs and Workers. */
  callColumns(): CallColumns;
  /** Call `index` in full: parties, variables, events, links, outcome with evidence, remarks. */
  call(index: number): Call;
  /** The agents on call `index`'s devices. */
  agentsOf(index: number): Agent[];
  /** Every agent: state segments and calls. */
  agents(): Agent[];
  /** Every agent over the log's time as typed-array columns: state segments and calls with their times. */
  agentColumns(): AgentColumns;
  /** The session: requests matched to their replies by InvokeID, round-trip times, unanswered
   * requests, replies without a request, FAILURE_EVENT and SYSTEM_EVENT in words. */
  session(): Session;
  /** Calls worked out so far. */
  readonly callCount: number;
  /** Every call and agent in full (for small logs). */
  timeline(): Timeline;
  /** The events no call holds (agent state events, session messages, events whose call ID
   * could not be read), by index. */
  otherEvents(): Uint32Array;
  /** The calls whose words contain `needle` (ASCII case ignored), by index. */
  searchCalls(needle: string): Uint32Array;
  /** Text input: a line at or before `line` whose byte offset is known, as `[line, offset]`. */
  lineStart(line: number): [number, number] | undefined;
  /** Releases the log's memory now instead of when it is garbage-collected. */
  free(): void;
}

/** Builds a timeline from events pushed in batches (a live feed); `snapshot()` at any time. */
export class TimelineBuilder {
  constructor();
  push(events: readonly CtiEvent[] | DecodedText | DecodedFrames): void;
  snapshot(): Timeline;
  /** Events pushed so far. */
  readonly length: number;
  /** Releases the builder's memory now instead of when it is garbage-collected. */
  free(): void;
}

/** Everything the package exports besides `init` and `initSync`. */
export interface CtiOutcome {
  decodeLog: typeof decodeLog;
  decodeFrames: typeof decodeFrames;
  decodeInput: typeof decodeInput;
  openLog: typeof openLog;
  logOfFrames: typeof logOfFrames;
  buildTimeline: typeof buildTimeline;
  sniff: typeof sniff;
  version: typeof version;
  wasmMemoryBytes: typeof wasmMemoryBytes;
  FrameDecoder: typeof FrameDecoder;
  CtiLog: typeof CtiLog;
  TimelineBuilder: typeof TimelineBuilder;
}

/** Where `init` can load the `.wasm` from: a URL, a Request or Response, bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module; with no argument, from `cti_outcome_bg.wasm` next to the module.
 * Every call returns the same promise of the same API object; arguments after the first call are
 * ignored. In Node the module is already loaded and this resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<CtiOutcome>;
export { init };
/** Loads the module synchronously (for Workers): bytes or a `WebAssembly.Module`. */
export function initSync(input: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): CtiOutcome;
