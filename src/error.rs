//! The error an argument is refused with, whatever the surface: the command-line tool prints
//! its message, the npm package throws it as an `Error` (through one conversion, `thrown` in
//! `src/wasm.rs`). What is wrong *inside* an input is never an error: it is a diagnostic.

use std::fmt;

/// A rejected argument: names the argument, what it accepts, and what it got.
#[derive(Clone, Debug, PartialEq)]
pub struct ArgumentError {
    /// The argument's name (`code`, `direction`, `cause`).
    pub argument: &'static str,
    /// The accepted values, in words.
    pub expected: &'static str,
    /// The value given.
    pub got: Got,
}

/// A rejected value: a number (shown by the caller, which knows how its users write numbers)
/// or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    /// A number.
    Number(f64),
    /// Text, as given.
    Text(String),
}

impl ArgumentError {
    /// An argument refused: its name, what it accepts, what it got.
    #[must_use]
    pub fn new(argument: &'static str, expected: &'static str, got: Got) -> Self {
        ArgumentError {
            argument,
            expected,
            got,
        }
    }

    /// The message, with the value given written by `number`.
    #[must_use]
    pub fn message(&self, number: impl Fn(f64) -> String) -> String {
        let got = match &self.got {
            Got::Number(n) if n.is_nan() => "NaN".to_owned(),
            Got::Number(n) => number(*n),
            Got::Text(t) => t.clone(),
        };
        format!("`{}` must be {}, got {got}", self.argument, self.expected)
    }
}

impl fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(|n| n.to_string()))
    }
}

impl std::error::Error for ArgumentError {}

/// What kind of refusal a JavaScript caller catches: the `code` of the thrown `Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS, strum::IntoStaticStr)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ErrorCode {
    /// An argument or option of the wrong type or out of its range (`argument` names it).
    BadArgument,
    /// An index past the last call (`argument` is `index`).
    NoSuchCall,
    /// Events that cannot be written as frames (the message lists each).
    CannotEncode,
}

impl ErrorCode {
    /// The code as JavaScript sees it (`bad-argument`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The properties of an `Error` the npm package throws, besides its `message`: the same shape
/// from every function (`e.code`, and `e.argument` when one argument was refused).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(optional_fields)]
pub struct ErrorDetails {
    /// What kind of refusal.
    pub code: ErrorCode,
    /// The argument refused (`width`, `ports`, `columns`), when one was.
    pub argument: Option<String>,
}
