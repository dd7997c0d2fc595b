//! Diagnostics: what was malformed, and where (one-based line and column).

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
        }
    }

    /// The severity every diagnostic of this code has.
    #[must_use]
    pub fn severity(self) -> Severity {
        match self {
            DiagnosticCode::InvalidUtf8 => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Something malformed in the input, with its position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// What went wrong, as a stable kebab-case code (`malformed-field`).
    pub code: DiagnosticCode,
    /// The description, with the offending text where it helps.
    pub message: String,
    /// One-based line.
    pub line: u32,
    /// One-based column, counted in Unicode scalar values.
    pub column: u32,
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
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}
