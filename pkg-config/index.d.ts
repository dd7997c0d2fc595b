// Types of the cti-outcome package. The shapes (events, calls, outcomes, diagnostics) are the
// crate's own declarations (src/wasm.d.ts), which tests check against the Rust types; this file
// declares the functions as the package exports them (with optional options) and `init`.
import type {
  Connres,
  CtiEvent,
  DecodedInput,
  DecodedLog,
  Direction,
  FrameOptions,
  InputOptions,
  LogSummary,
  Timeline,
} from './cti_outcome.js';

export type * from './cti_outcome.js';

/** Decodes a CONNRES end-of-call code for a call direction, with an optional Q.850 cause (0–127). */
export function decodeConnres(code: number, direction: Direction, cause?: number | null): Connres;
/** Decodes a CTI text dump into `{ events, notes, diagnostics }`; malformed lines become diagnostics. */
export function decodeLog(text: string): DecodedLog;
/** Decodes GED-188 frames (big-endian, length-prefixed); the result's `framing` says which tag width was used. */
export function decodeFrames(bytes: Uint8Array, options?: FrameOptions): DecodedLog;
/** Decodes any input form: text dump, hex dump or binary frames, detected unless `options.format` names it. */
export function decodeInput(input: string | Uint8Array, options?: InputOptions): DecodedInput;
/** Encodes events as GED-188 frames (default width 2); throws listing every field with no wire form. */
export function encodeEvents(events: readonly CtiEvent[] | DecodedLog, options?: FrameOptions): Uint8Array;
/** Decodes a whole log into a `CtiLog` kept in wasm memory: the fast path for large logs. */
export function openLog(input: string | Uint8Array, options?: InputOptions): CtiLog;
/** Groups events into calls (with outcomes and links) and agents (with state segments). */
export function buildTimeline(events: readonly CtiEvent[] | DecodedLog): Timeline;
/** The library's version, as in its package.json. */
export function version(): string;

/** Decodes a GED-188 byte stream fed in chunks of any size; a partial frame waits for more bytes. */
export class FrameDecoder {
  constructor(options?: FrameOptions);
  /** Decodes every complete frame in what has arrived so far. */
  push(chunk: Uint8Array): DecodedLog;
  /** Ends the stream: bytes left over are reported as a truncated frame. */
  finish(): DecodedLog;
  /** Releases the decoder's memory now instead of when it is garbage-collected. */
  free(): void;
}

/**
 * A log decoded once and kept in wasm memory: `summary()` gives calls, notes and diagnostics,
 * `events(start, end)` a page of events. Feed it whole (`openLog`) or in chunks (a file read
 * piece by piece): `push(chunk)` decodes what the chunk completes, `finish()` the rest.
 */
export class CtiLog {
  constructor(options?: InputOptions);
  push(chunk: string | Uint8Array): void;
  finish(): void;
  summary(): LogSummary;
  /** Events `start` to `end` (exclusive), clamped to what there is. */
  events(start: number, end: number): CtiEvent[];
  /** Events decoded so far. */
  readonly length: number;
  /** Releases the log's memory now instead of when it is garbage-collected. */
  free(): void;
}

/** Builds a timeline from events pushed in batches (a live feed); `snapshot()` at any time. */
export class TimelineBuilder {
  constructor();
  push(events: readonly CtiEvent[] | DecodedLog): void;
  snapshot(): Timeline;
  /** Events pushed so far. */
  readonly length: number;
  /** Releases the builder's memory now instead of when it is garbage-collected. */
  free(): void;
}

/** Everything the package exports besides `init` and `initSync`. */
export interface CtiOutcome {
  decodeConnres: typeof decodeConnres;
  decodeLog: typeof decodeLog;
  decodeFrames: typeof decodeFrames;
  decodeInput: typeof decodeInput;
  encodeEvents: typeof encodeEvents;
  openLog: typeof openLog;
  buildTimeline: typeof buildTimeline;
  version: typeof version;
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
