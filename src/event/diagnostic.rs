//! Diagnostics: what was malformed, and where: one-based line and column in text, zero-based
//! byte offset in binary input.

use std::fmt;

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Part of the input could not be decoded; decoding went on after it.
    Error,
    /// The input was decoded, but something in it was repaired or is doubtful.
    Warning,
}

/// What went wrong; each code has a fixed one-line description.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticCode {
    /// A line inside an event is not `Name: value`.
    MalformedField,
    /// A field line has nothing before its colon.
    EmptyFieldName,
    /// A `MsgType:` line names no message type.
    MissingMessageType,
    /// The input is not valid UTF-8; the bad bytes were replaced with U+FFFD.
    InvalidUtf8,
    /// A frame's MessageLength is above the protocol's maximum (reference §1.5).
    LengthOverMaximum,
    /// Bytes that are no frame were skipped to reach the next plausible header.
    SkippedBytes,
    /// The stream ended inside a frame.
    TruncatedFrame,
    /// A frame's body is shorter than its message type's fixed part (reference §2.2).
    FixedPartShort,
    /// A floating field's length runs past the end of its frame.
    FieldOverrun,
    /// A string floating field has no NUL inside its length.
    StringWithoutNul,
    /// A numeric floating field's length is not its type's size.
    FieldSize,
    /// A message type no reference lists; its body is kept as hex.
    UnknownMessageType,
    /// Neither floating-field width parses the frame's body exactly.
    NoWidthFits,
    /// A hex dump token that is not hex bytes.
    InvalidHex,
}

impl DiagnosticCode {
    /// The code's fixed description.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            DiagnosticCode::MalformedField => "expected `Name: value` inside an event",
            DiagnosticCode::EmptyFieldName => "field line has no name before its colon",
            DiagnosticCode::MissingMessageType => "`MsgType:` line names no message type",
            DiagnosticCode::InvalidUtf8 => "invalid UTF-8, replaced with U+FFFD",
            DiagnosticCode::LengthOverMaximum => "MessageLength above the 12,500-byte maximum",
            DiagnosticCode::SkippedBytes => "bytes skipped to the next plausible frame header",
            DiagnosticCode::TruncatedFrame => "the input ends inside a frame",
            DiagnosticCode::FixedPartShort => "frame shorter than its message type's fixed part",
            DiagnosticCode::FieldOverrun => "floating field runs past the end of its frame",
            DiagnosticCode::StringWithoutNul => "string field without a terminating NUL",
            DiagnosticCode::FieldSize => "numeric field of the wrong size",
            DiagnosticCode::UnknownMessageType => {
                "message type no reference lists; body kept as hex"
            }
            DiagnosticCode::NoWidthFits => "neither floating-field width parses this frame exactly",
            DiagnosticCode::InvalidHex => "not a hex byte",
        }
    }

    /// The severity every diagnostic of this code has.
    #[must_use]
    pub fn severity(self) -> Severity {
        match self {
            DiagnosticCode::InvalidUtf8
            | DiagnosticCode::UnknownMessageType
            | DiagnosticCode::StringWithoutNul => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Something malformed in the input, with its position. JSON has `line` and `column` for text
/// input, `offset` for binary input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// What went wrong, as a stable kebab-case code (`malformed-field`).
    pub code: DiagnosticCode,
    /// The description, with the offending text where it helps.
    pub message: String,
    /// One-based line (0 for binary input).
    pub line: u32,
    /// One-based column, counted in Unicode scalar values (0 for binary input).
    pub column: u32,
    /// Zero-based byte offset in binary input.
    pub offset: Option<u64>,
}

impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Diagnostic", 5)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &self.message)?;
        if let Some(offset) = self.offset {
            s.serialize_field("offset", &offset)?;
        } else {
            s.serialize_field("line", &self.line)?;
            s.serialize_field("column", &self.column)?;
        }
        s.end()
    }
}

impl Diagnostic {
    /// A diagnostic of `code` at a one-based `line` and `column`, with `detail` appended to the
    /// code's description.
    #[must_use]
    pub fn new(code: DiagnosticCode, line: u32, column: u32, detail: &str) -> Self {
        let message = if detail.is_empty() {
            code.description().to_owned()
        } else {
            format!("{}: {detail}", code.description())
        };
        Diagnostic {
            severity: code.severity(),
            code,
            message,
            line,
            column,
            offset: None,
        }
    }

    /// A diagnostic of `code` at a zero-based byte `offset` of binary input.
    #[must_use]
    pub fn at_offset(code: DiagnosticCode, offset: u64, detail: &str) -> Self {
        let mut d = Diagnostic::new(code, 0, 0, detail);
        d.offset = Some(offset);
        d
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} at byte {offset}", self.message),
            None => write!(
                f,
                "{} at line {} column {}",
                self.message, self.line, self.column
            ),
        }
    }
}
