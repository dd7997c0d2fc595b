//! Diagnostics: what was wrong with an input, and where, in words.
//!
//! Positions are kept the way each input form counts them ([`At`]): one-based line and column in
//! text, a zero-based byte offset in frames, a one-based packet number in captures, a one-based
//! row and column in call-record exports.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Part of the input could not be decoded; decoding went on after it.
    Error,
    /// The input was decoded, but something in it was repaired or is doubtful.
    Warning,
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $code:ident = $severity:ident, $text:literal;)*) => {
        /// What went wrong; each code has a fixed one-line description and severity.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
        #[serde(rename_all = "kebab-case")]
        pub enum DiagnosticCode {
            $($(#[doc = $doc])* $(#[cfg($cfg)])? $code,)*
        }

        impl DiagnosticCode {
            /// Every code (of this build).
            pub const ALL: &'static [DiagnosticCode] = &[$($(#[cfg($cfg)])? DiagnosticCode::$code,)*];

            /// The code's fixed description.
            #[must_use]
            pub fn description(self) -> &'static str {
                match self { $($(#[cfg($cfg)])? DiagnosticCode::$code => $text,)* }
            }

            /// The severity every diagnostic of this code has.
            #[must_use]
            pub fn severity(self) -> Severity {
                match self { $($(#[cfg($cfg)])? DiagnosticCode::$code => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    /// A line inside an event is not `Name: value`.
    MalformedField = Error, "expected `Name: value` inside an event";
    /// A field line has nothing before its colon.
    EmptyFieldName = Error, "field line has no name before its colon";
    /// A `MsgType:` line names no message type.
    MissingMessageType = Error, "`MsgType:` line names no message type";
    /// A value does not have the type its field takes; it is kept as text.
    InvalidValue = Error, "value does not fit its field";
    /// An event was rebuilt from a line holding several `Name: value` pairs.
    Flattened = Warning, "events and fields reconstructed from a line that holds several (white space collapsed by a copy)";
    /// The input is not valid UTF-8; the bad bytes were replaced with U+FFFD.
    InvalidUtf8 = Warning, "invalid UTF-8, replaced with U+FFFD";
    /// Nothing in the input could be read as an event.
    NoEvents = Error, "no events";
    /// A frame's MessageLength is above the protocol's maximum (reference §1.5).
    LengthOverMaximum = Error, "MessageLength above the 12,500-byte maximum";
    /// Bytes that are no frame were skipped to reach the next frame.
    SkippedBytes = Error, "bytes skipped to the next frame";
    /// The stream ended inside a frame.
    TruncatedFrame = Warning, "the input ends inside a frame";
    /// A frame's body is shorter than its message type's fixed part (reference §2.2).
    FixedPartShort = Error, "frame shorter than its message type's fixed part";
    /// A floating field's length runs past the end of its frame.
    FieldOverrun = Error, "floating field runs past the end of its frame";
    /// A floating field has tag 0, which no field has (reference §3).
    ZeroTag = Error, "floating field with tag 0, which no field has";
    /// A string floating field has no NUL inside its length.
    StringWithoutNul = Warning, "string field without a terminating NUL";
    /// A numeric floating field's length is not its type's size.
    FieldSize = Error, "numeric field of the wrong size";
    /// A frame of a message type no reference lists; its body is kept as hex.
    UnknownMessageType = Warning, "message type no reference lists; body kept as hex";
    /// Both floating-field widths parse the frame; one was taken.
    AmbiguousWidth = Warning, "both floating-field widths fit";
    /// Neither floating-field width parses the frame's body exactly.
    NoWidthFits = Error, "neither floating-field width parses this frame exactly";
    /// A hex dump token that is not hex bytes.
    InvalidHex = Error, "not a hex byte";
    /// A capture file's block does not parse, or the file ends inside one.
    CaptureBroken = Error, "the capture file cannot be read on";
    /// Bytes of a TCP stream that no captured packet carried.
    CaptureGap = Error, "bytes of the stream are not in the capture";
    /// Packets cut by the capture's snap length.
    PacketsTruncated = Warning, "packets truncated by the capture's snap length";
    /// What a capture holds besides CTI connections, or why it holds none.
    CaptureContents = Warning, "not CTI Server traffic";
    /// A call-record export has no column of CONNRES codes.
    NoConnresColumn = Error, "no CONNRES column";
    /// A Cisco call-detail export lacks columns its calls are made from (the router call key,
    /// CallDisposition; sessionID, contactDisposition).
    MissingColumns = Error, "columns the calls are made from are missing";
    /// A column mapping names a column the header does not have.
    UnknownColumn = Error, "no such column";
    /// A row of a call-record export has more or fewer cells than its header names.
    RaggedRow = Warning, "row and header differ in their number of cells";
    /// A call-record export has a header and no row.
    NoRows = Error, "no rows";
    /// Rows with a CONNRES but no direction, read as inbound.
    NoDirection = Warning, "no direction: CONNRES read as inbound";
    /// A trace record is cut short: by the start or end of the input (rotation, a copy) or by
    /// the trace's own line limit; it is read as far as it goes.
    RecordCut = Warning, "record cut short";
    /// A field name that no mapping of the traces' spellings knows; the field is kept as written.
    UnknownFieldName = Warning, "unknown field name, kept as written";
    /// A number and the name written beside it (`7 (BUSY_OTHER)`) disagree; the number is kept.
    CodeMismatch = Warning, "number and name disagree";
    /// Trace records whose date is not written: their times are times of day.
    NoDate = Warning, "no date";
    /// A Finesse notification that is not well-formed XML; what was read before the fault is
    /// kept. (Only in builds that read notifications.)
    #[cfg(feature = "finesse")]
    MalformedXml = Error, "notification is not well-formed XML";
    /// A Finesse update or DELETE for a dialog no earlier notification created.
    #[cfg(feature = "finesse")]
    UnseenDialog = Warning, "update for a dialog not seen before";
}

/// Where a diagnostic points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// Text: one-based line and column (column in Unicode scalar values).
    Text {
        /// One-based line.
        line: u32,
        /// One-based column.
        column: u32,
    },
    /// Frames: a zero-based byte offset into the input.
    Byte(u64),
    /// Captures: a one-based packet number.
    Packet(u32),
    /// Call-record exports: a one-based row as a spreadsheet numbers it (the header is row 1)
    /// and a one-based column (0: the whole row).
    Row {
        /// One-based row.
        row: u32,
        /// One-based column; 0 for the whole row.
        column: u32,
    },
}

/// Something wrong in the input, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What went wrong, as a stable kebab-case code (`malformed-field`).
    pub code: DiagnosticCode,
    /// The description, with the offending text where it helps.
    pub message: String,
    /// Where.
    pub at: At,
}

impl Diagnostic {
    /// A diagnostic of `code` at `at`, with `detail` after the code's description.
    #[must_use]
    pub fn new(code: DiagnosticCode, at: At, detail: &str) -> Self {
        let message = if detail.is_empty() {
            code.description().to_owned()
        } else {
            format!("{}: {detail}", code.description())
        };
        Diagnostic { code, message, at }
    }

    /// A diagnostic at a one-based `line` and `column` of text.
    #[must_use]
    pub fn text(code: DiagnosticCode, line: u32, column: u32, detail: &str) -> Self {
        Diagnostic::new(code, At::Text { line, column }, detail)
    }

    /// A diagnostic at a zero-based byte `offset` of binary input.
    #[must_use]
    pub fn byte(code: DiagnosticCode, offset: u64, detail: &str) -> Self {
        Diagnostic::new(code, At::Byte(offset), detail)
    }

    /// A diagnostic at a one-based `packet` number of a capture.
    #[must_use]
    pub fn packet(code: DiagnosticCode, packet: u32, detail: &str) -> Self {
        Diagnostic::new(code, At::Packet(packet), detail)
    }

    /// A diagnostic at a one-based `row` and `column` (0: the whole row) of a call-record
    /// export.
    #[must_use]
    pub fn row(code: DiagnosticCode, row: u32, column: u32, detail: &str) -> Self {
        Diagnostic::new(code, At::Row { row, column }, detail)
    }

    /// How bad it is.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The one-based line, for text input.
    #[must_use]
    pub fn line(&self) -> Option<u32> {
        match self.at {
            At::Text { line, .. } => Some(line),
            At::Byte(_) | At::Packet(_) | At::Row { .. } => None,
        }
    }

    /// The one-based column, for text input.
    #[must_use]
    pub fn column(&self) -> Option<u32> {
        match self.at {
            At::Text { column, .. } => Some(column),
            At::Byte(_) | At::Packet(_) | At::Row { .. } => None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            At::Byte(offset) => write!(f, "{} at byte {offset}", self.message),
            At::Packet(n) => write!(f, "{} at packet {n}", self.message),
            At::Text { line, column } => {
                write!(f, "{} at line {line} column {column}", self.message)
            }
            At::Row { row, column: 0 } => write!(f, "{} at row {row}", self.message),
            At::Row { row, column } => write!(f, "{} at row {row} column {column}", self.message),
        }
    }
}

/// `s` in double quotes, with `"`, `\` and control characters escaped as Rust and JSON write
/// them (`\"`, `\\`, `\n`, `\u{1b}`): how messages show text from the input.
#[must_use]
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = fmt::Write::write_fmt(&mut out, format_args!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod quoting {
    #[test]
    fn quoted_text_escapes_what_debug_escapes_for_ascii_and_controls() {
        for s in [
            "plain",
            "a \"b\" c",
            "back\\slash",
            "tab\there\nline\r",
            "esc\u{1b}x\u{7f}",
            "äö€",
        ] {
            assert_eq!(super::quoted(s), format!("{s:?}"), "{s}");
        }
    }
}
