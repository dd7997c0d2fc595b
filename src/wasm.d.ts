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

/** One decoded CTI message. */
export interface CtiEvent {
  /** The message type's canonical name, or the name as written if unknown. */
  type: string;
  /** The message type ID, `null` for an unknown type. */
  typeId: number | null;
  /** One-based line of the `MsgType:` line. */
  line: number;
  /** One-based line of the event's last field. */
  endLine: number;
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

export type DiagnosticCode = "malformed-field" | "empty-field-name" | "missing-message-type" | "invalid-utf8";

/** Something malformed in the input. */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** One-based line. */
  line: number;
  /** One-based column, in Unicode scalar values. */
  column: number;
}

/** The result of `decodeLog`. */
export interface DecodedLog {
  events: CtiEvent[];
  notes: Note[];
  diagnostics: Diagnostic[];
}
