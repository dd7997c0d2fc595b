/** How a call or call attempt ended: one vocabulary for CONNRES codes and call timelines. */
export type OutcomeKind =
  | "answered" | "abandoned" | "no_answer" | "busy" | "rejected" | "skipped" | "failed"
  | "blocked" | "transferred" | "conferenced" | "still_active" | "legacy" | "unknown";

/** Which side placed the call; a CONNRES code's meaning depends on it. */
export type Direction = "inbound" | "outbound";

/** A stable symbol per CONNRES code 0–14, the same in both directions; `UNKNOWN` above 14. */
export type ConnresSymbol =
  | "CALLER_HANGUP" | "OK" | "NO_ANSWER" | "BUSY" | "DIAL_ABORTED" | "ISDN_CAUSE"
  | "DESTINATION_HANGUP" | "ERROR" | "OK_DTMF_HANGUP" | "OK_DTMF_DISCONNECT" | "OK_CLIENT_SIGNAL"
  | "VOICE_MAIL" | "NUMBER_BLOCKED" | "AGENT_TO_AGENT_TRANSFER" | "AGENT_TO_EXTERNAL_TRANSFER"
  | "UNKNOWN";

/** The class of a Q.850 cause: the upper three of its seven bits. */
export type Q850Class =
  | "Normal event" | "Resource unavailable" | "Service or option not available"
  | "Service or option not implemented" | "Invalid message" | "Protocol error" | "Interworking";

/** A decoded Q.850 (ISDN) cause. */
export interface Q850Cause {
  /** The cause value, 0–127. */
  code: number;
  /** Whether Q.850 assigns this value. */
  known: boolean;
  /** The Q.850 name, or a description of the gap. */
  name: string;
  class: Q850Class;
  /** The SIP response RFC 3398 maps this cause to, where it lists one. */
  sip?: number;
}

/** A decoded CONNRES end-of-call result code. */
export interface Connres {
  code: number;
  direction: Direction;
  /** Whether the code is defined (0–14). */
  known: boolean;
  symbol: ConnresSymbol;
  /** The source's short label for this direction. */
  label: string;
  /** The source's full meaning for this direction. */
  meaning: string;
  /** Legacy codes (8–11, 13, 14) are no longer produced. */
  legacy: boolean;
  outcome: OutcomeKind;
  /** The Q.850 cause given with the code, decoded. */
  cause?: Q850Cause;
}

/** How a field's `value` is to be read. */
export type ValueKind = "number" | "text" | "empty" | "na" | "bytes";

interface FieldBase {
  /** The canonical field name (e.g. `ConnectionCallID`), or the name as written if unknown. */
  name: string;
  /** The name as written, when it differs from `name` (e.g. `CallID`). */
  label?: string;
  /** The numeric index written in brackets after the name (`ConnectedPartyCallID[1]`). */
  index?: number;
  /** The value exactly as written, without surrounding white space. */
  raw: string;
  /** The protocol symbol of a coded value (e.g. `LCS_NULL`). */
  symbol?: string;
  /** The value's meaning in words. */
  meaning?: string;
  /** Present (true) when no reference lists the field name. */
  unknown?: true;
}

/** One field of an event; `kind` says how to read `value`. */
export type Field = FieldBase & (
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "empty" | "na"; value: null }
  /** `<TotalBytes: N>`: `value` is N. */
  | { kind: "bytes"; value: number }
);

/** One decoded CTI message: from a text dump (`line`, `endLine`) or from a binary frame
 *  (`offset`, `length`). */
export type CtiEvent = TextEvent | FrameEvent;

/** An event decoded from a text dump. */
export interface TextEvent extends EventBase {
  /** One-based line of the `MsgType:` line. */
  line: number;
  /** One-based line of the event's last field. */
  endLine: number;
}

/** An event decoded from a binary frame. */
export interface FrameEvent extends EventBase {
  /** Zero-based byte offset of the frame's header in the input. */
  offset: number;
  /** The frame's length in bytes, the 8-byte header included. */
  length: number;
}

interface EventBase {
  /** The message type's canonical name (`UNKNOWN_MESSAGE_TYPE_<n>` for a frame of a type no
   *  reference lists), or the name as written if unknown. */
  type: string;
  /** The message type ID, `null` for an unknown type. */
  typeId: number | null;
  /** The timestamp at the start of the `MsgType:` line, as written. */
  time?: string;
  /** The type as written, when it differs from `type`. */
  label?: string;
  /** Present (true) when the dump elides part of the message (`...`). */
  truncated?: true;
  fields: Field[];
}

/** What kind of line a note is. */
export type NoteKind = "step" | "comment" | "text";

/** A line outside any event. */
export interface Note {
  /** One-based line number. */
  line: number;
  kind: NoteKind;
  text: string;
}

export type Severity = "error" | "warning";

export type DiagnosticCode =
  | "malformed-field" | "empty-field-name" | "missing-message-type" | "invalid-utf8"
  | "length-over-maximum" | "skipped-bytes" | "truncated-frame" | "fixed-part-short"
  | "field-overrun" | "string-without-nul" | "field-size" | "unknown-message-type"
  | "no-width-fits" | "invalid-hex";

/** Something malformed in the input: at a line and column of text, or a byte offset. */
export type Diagnostic = DiagnosticBase & (
  /** One-based line and column (in Unicode scalar values) of text input. */
  | { line: number; column: number }
  /** Zero-based byte offset of binary input. */
  | { offset: number }
);

interface DiagnosticBase {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

/** The result of `decodeLog` and `decodeFrames`. */
export interface DecodedLog {
  events: CtiEvent[];
  notes: Note[];
  diagnostics: Diagnostic[];
  /** Binary input: the floating-field width used, and why. */
  framing?: Framing;
}

/** A coded value: number, protocol symbol, meaning. */
export interface Coded {
  value: number;
  symbol?: string;
  meaning?: string;
}

/** Which way a call goes, as far as the events tell. */
export type CallDirection = "inbound" | "outbound" | "internal" | "unknown";

/** How two calls are related. */
export type LinkKind = "transfer" | "conference" | "consult" | "reservation" | "party";

/** The derivation rule that decided an outcome (the README's table). */
export type OutcomeRule =
  | "preview-response" | "transfer-event" | "conference-event" | "failed-event" | "clearing-cause"
  | "answered" | "still-active" | "abandoned-in-queue" | "diverted-unanswered"
  | "outbound-unanswered" | "abandoned-ringing" | "undetermined";

/** A point in a timeline: an event (zero-based index into the events), and its time if written. */
export interface Point {
  event: number;
  time?: string;
}

/** One piece of evidence for an outcome: an event, and the field in it that counted. */
export interface Evidence {
  /** Zero-based index of the event. */
  event: number;
  /** The event's message type (or what the event stood for, e.g. `last event of the call`). */
  type: string;
  field?: string;
  /** The field's value as written. */
  value?: string;
  meaning?: string;
}

/** How a call ended, why, and from what. */
export interface Outcome {
  kind: OutcomeKind;
  rule: OutcomeRule;
  /** The reason in words. */
  reason: string;
  evidence: Evidence[];
  /** For `unknown`: what the events lack that would decide it. */
  missing?: string;
}

/** A related call. */
export interface Link {
  kind: LinkKind;
  /** The other call's `key`. */
  call: string;
  /** Index of the event that shows the relation, when one does. */
  event?: number;
  /** What the link rests on, in words. */
  basis: string;
}

/** Durations in milliseconds, present where both ends have timestamps. */
export interface Durations {
  queueMs?: number;
  ringMs?: number;
  talkMs?: number;
  holdMs?: number;
}

/** A call or ECC variable's latest value. */
export interface Variable {
  name: string;
  value: string;
}

/** One call: identity, parties, events in order, and how it ended. */
export interface Call {
  /** Unique key: the call ID, with `#2`… when the log reuses it after the call ended. */
  key: string;
  callId: number;
  /** Further call IDs the call took (NewConnectionCallID). */
  aliases: number[];
  deviceIds: string[];
  callType?: Coded;
  direction: CallDirection;
  devices: string[];
  /** Keys of the agents on the call's devices. */
  agents: string[];
  ani?: string;
  dnis?: string;
  dialedNumber?: string;
  variables: Variable[];
  /** Zero-based indices of the call's events, in order. */
  events: number[];
  start: Point;
  end?: Point;
  durations: Durations;
  links: Link[];
  outcome: Outcome;
  /** What the model noticed but could not settle. */
  remarks: string[];
}

/** A span of time an agent spent in one state. */
export interface Segment {
  state: Coded;
  reasonCode?: number;
  skillGroupState?: Coded;
  events: number[];
  start: Point;
  end?: Point;
  durationMs?: number;
  /** The StateDuration the first event reports, in seconds. */
  reportedDurationS?: number;
}

/** One agent: state segments and calls handled. */
export interface Agent {
  /** The AgentID, or `ext:` and the extension. */
  key: string;
  agentId?: string;
  extension?: string;
  /** The state at the end of the events. */
  state?: Coded;
  segments: Segment[];
  calls: string[];
}

/** The result of `buildTimeline` and `TimelineBuilder.snapshot()`. */
export interface Timeline {
  calls: Call[];
  agents: Agent[];
}

/** Options for binary input and output. */
export interface FrameOptions {
  /** Bytes per floating-field tag and length: 1 (protocol versions to 17) or 2 (24 on). Learned
   *  from OPEN_REQ or from the frames when left out; `encodeEvents` defaults to 2. */
  width?: 1 | 2;
}

/** The three input forms. */
export type InputFormat = "text" | "binary" | "hex";

/** Options for `decodeInput`. */
export interface InputOptions extends FrameOptions {
  /** The input form; detected when left out or `"auto"`. */
  format?: InputFormat | "auto";
}

/** Which floating-field width binary input was decoded with, and why. */
export interface Framing {
  /** 1 or 2; `null` while no frame has told. */
  width: 1 | 2 | null;
  basis: string;
}

/** The result of `decodeInput`: a decoded log and the form it was read as. */
export interface DecodedInput extends DecodedLog {
  format: InputFormat;
}

/** What a `CtiLog` holds besides its events (`log.events(start, end)` pages through those). */
export interface LogSummary {
  /** The input form; `null` before any input. */
  format: InputFormat | null;
  framing?: Framing;
  eventCount: number;
  /** Whether `finish()` was called (always, for `openLog`). */
  finished: boolean;
  notes: Note[];
  diagnostics: Diagnostic[];
  /** Calls and agents; their event indices are positions for `events()`. */
  timeline: Timeline;
}
