//! CONNRES: the end-of-call result code, 0–14, whose meaning depends on the call's direction.
//!
//! Source: jtel's "Value Reference - CONNRES" (copied in
//! `tests/fixtures/reference/connres.txt`). Labels and meanings below are that page's words,
//! unchanged. Code 5 ("ISDN cause") points at a Q.850 cause, decoded by [`super::q850`].

use std::borrow::Cow;

use serde::Serialize;

use super::q850::{self, Cause, MAX_CAUSE};
use crate::error::{ArgumentError, Got};
use crate::outcome::OutcomeKind;

/// Which side placed the call: the meaning of a CONNRES code depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, ts_rs::TS, strum::IntoStaticStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Direction {
    /// A call to a destination made for an inbound call (ACD, IVR).
    Inbound,
    /// An outbound call (dialler, click to dial).
    Outbound,
}

/// What a direction must be, in words.
pub const DIRECTION_EXPECTED: &str = "\"inbound\" or \"outbound\"";

impl Direction {
    /// The direction as the JSON writes it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The `direction` option.
    ///
    /// # Errors
    /// For anything but `"inbound"` or `"outbound"`.
    pub fn given<G: crate::options::Given>(
        given: &G,
    ) -> Result<Option<Direction>, crate::options::Expected> {
        let text = given.text().unwrap_or_default();
        Direction::parse(&text)
            .map(Some)
            .map_err(|_| DIRECTION_EXPECTED)
    }

    /// Parses `inbound` or `outbound` (ASCII case ignored).
    ///
    /// # Errors
    /// [`ArgumentError`] naming `direction` and the accepted values.
    pub fn parse(text: &str) -> Result<Direction, ArgumentError> {
        if text.eq_ignore_ascii_case("inbound") {
            Ok(Direction::Inbound)
        } else if text.eq_ignore_ascii_case("outbound") {
            Ok(Direction::Outbound)
        } else {
            Err(ArgumentError::new(
                "direction",
                DIRECTION_EXPECTED,
                Got::Text(crate::diagnostic::quoted(text)),
            ))
        }
    }
}

/// The largest code accepted: CONNRES is stored as an unsigned 32-bit number.
pub const MAX_CODE: u32 = u32::MAX;

/// What a code must be, in words.
pub const CODE_EXPECTED: &str = "a whole number from 0 to 4294967295 (0–14 are defined)";
/// What a cause must be, in words.
pub const CAUSE_EXPECTED: &str = "a whole number from 0 to 127 (a Q.850 cause)";

/// Checks a code given as a JavaScript number or parsed text.
///
/// # Errors
/// [`ArgumentError`] for a negative, fractional, NaN or too-large value.
pub fn code_from_f64(value: f64) -> Result<u32, ArgumentError> {
    whole_in_range(value, f64::from(MAX_CODE))
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(ArgumentError::new(
            "code",
            CODE_EXPECTED,
            Got::Number(value),
        ))
}

/// Checks a Q.850 cause given as a JavaScript number or parsed text.
///
/// # Errors
/// [`ArgumentError`] for a value that is not a whole number from 0 to 127.
pub fn cause_from_f64(value: f64) -> Result<u8, ArgumentError> {
    whole_in_range(value, f64::from(MAX_CAUSE))
        .and_then(|v| u8::try_from(v).ok())
        .ok_or(ArgumentError::new(
            "cause",
            CAUSE_EXPECTED,
            Got::Number(value),
        ))
}

/// `value` as an integer if it is a whole number from 0 to `max` (at most 2^32 − 1, exact in f64).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked just before
fn whole_in_range(value: f64, max: f64) -> Option<u64> {
    (value.is_finite() && value.fract() == 0.0 && (0.0..=max).contains(&value))
        .then_some(value as u64)
}

/// A decoded CONNRES code: the JSON shape `{ code, direction, known, symbol, label, meaning,
/// legacy, outcome, cause? }`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(optional_fields)]
pub struct Connres {
    /// The code as given.
    pub code: u32,
    /// The direction it was read for.
    pub direction: Direction,
    /// Whether the code is defined (0–14).
    pub known: bool,
    /// A stable symbol for the code, the same in both directions (`UNKNOWN` above 14).
    pub symbol: &'static str,
    /// The source's short label for this direction.
    pub label: &'static str,
    /// The source's full meaning for this direction.
    pub meaning: Cow<'static, str>,
    /// Legacy codes (8–11, 13, 14) are no longer produced.
    pub legacy: bool,
    /// The outcome in the product's shared vocabulary.
    pub outcome: OutcomeKind,
    /// The Q.850 cause given with the code, decoded.
    pub cause: Option<Cause>,
}

/// Decodes a CONNRES code for a direction, with an optional Q.850 cause (0–127).
///
/// For code 5 the cause decides the outcome the way jtel's statistics do (reference
/// `q850-causes.md`): cause 17 "User busy" is busy, any other cause (or none) is rejected.
/// A cause given with another code is still explained, but does not change the outcome.
#[must_use]
pub fn decode(code: u32, direction: Direction, cause: Option<u8>) -> Connres {
    let cause = cause.map(q850::decode);
    let Some(entry) = usize::try_from(code).ok().and_then(|i| TABLE.get(i)) else {
        return Connres {
            code,
            direction,
            known: false,
            symbol: "UNKNOWN",
            label: "Unknown",
            meaning: Cow::Owned(format!(
                "CONNRES {code} is not defined; the defined codes are 0 to 14."
            )),
            legacy: false,
            outcome: OutcomeKind::Unknown,
            cause,
        };
    };
    let side = match direction {
        Direction::Inbound => &entry.inbound,
        Direction::Outbound => &entry.outbound,
    };
    let outcome = match (&cause, code) {
        (Some(c), 5) if c.code == 17 => OutcomeKind::Busy,
        _ => side.outcome,
    };
    Connres {
        code,
        direction,
        known: true,
        symbol: entry.symbol,
        label: side.label,
        meaning: Cow::Borrowed(side.meaning),
        legacy: entry.legacy,
        outcome,
        cause,
    }
}

struct Entry {
    symbol: &'static str,
    legacy: bool,
    inbound: Side,
    outbound: Side,
}

struct Side {
    label: &'static str,
    meaning: &'static str,
    outcome: OutcomeKind,
}

const fn side(label: &'static str, meaning: &'static str, outcome: OutcomeKind) -> Side {
    Side {
        label,
        meaning,
        outcome,
    }
}

const fn legacy(symbol: &'static str, label: &'static str) -> Entry {
    Entry {
        symbol,
        legacy: true,
        inbound: side(label, "Legacy, no longer supported.", OutcomeKind::Legacy),
        outbound: side("Not used", "Not used.", OutcomeKind::Legacy),
    }
}

use OutcomeKind::{Abandoned, Answered, Blocked, Busy, Failed, NoAnswer, Rejected};

/// Codes 0–14, indexed by code. Outcomes are this project's reading of each meaning.
static TABLE: [Entry; 15] = [
    Entry {
        symbol: "CALLER_HANGUP",
        legacy: false,
        inbound: side("Caller Hangup", "The caller hung up the telephone, before the call to the destination was initiated.", Abandoned),
        outbound: side("Outbound to number not used", "The initiator (usually the agent) hung up the telephone, before the call to the destination was actually initiated.", Abandoned),
    },
    Entry {
        symbol: "OK",
        legacy: false,
        inbound: side("OK", "Successful call to the destination.", Answered),
        outbound: side("OK", "Successful outbound call to destination.", Answered),
    },
    Entry {
        symbol: "NO_ANSWER",
        legacy: false,
        inbound: side("No answer", "The destination did not answer the telephone.", NoAnswer),
        outbound: side("Number no answer", "The called destination did not answer.", NoAnswer),
    },
    Entry {
        symbol: "BUSY",
        legacy: false,
        inbound: side("Busy", "The called destination was busy.", Busy),
        outbound: side("Number busy", "The called destination was busy.", Busy),
    },
    Entry {
        symbol: "DIAL_ABORTED",
        legacy: false,
        inbound: side("Caller hangup", "The caller hungup whilst the call to the destination was being made.", Abandoned),
        outbound: side("System aborted dial", "The outdial was aborted.", Failed),
    },
    Entry {
        symbol: "ISDN_CAUSE",
        legacy: false,
        inbound: side("ISDN cause", "A reason other than busy was received from the called destination.", Rejected),
        outbound: side("ISDN cause", "A reason other than busy was received from the called destination.", Rejected),
    },
    Entry {
        symbol: "DESTINATION_HANGUP",
        legacy: false,
        inbound: side("Destination hangup", "The destination hungup during the whisper prompt before caller and destination were connected.", Rejected),
        outbound: side("Called party hangup before agent connected", "The called destination hungup after answering but before the connection to the agent was made. This can be during a whisper announcement if one was configured.", Abandoned),
    },
    Entry {
        symbol: "ERROR",
        legacy: false,
        inbound: side("Error", "An error occurred when calling the destination.", Failed),
        outbound: side("Error", "An error occurred when calling the destination.", Failed),
    },
    legacy("OK_DTMF_HANGUP", "OK, DTMF Hangup"),
    legacy("OK_DTMF_DISCONNECT", "OK, DTMF Disconnect"),
    legacy("OK_CLIENT_SIGNAL", "OK, Client Signal"),
    legacy("VOICE_MAIL", "Voice Mail"),
    Entry {
        symbol: "NUMBER_BLOCKED",
        legacy: false,
        inbound: side("Number Blocked", "The destination number was blocked in the restricted numbers table. The call was not made.", Blocked),
        outbound: side("Number Blocked", "The destination number was blocked in the restricted numbers table. The call was not made.", Blocked),
    },
    legacy("AGENT_TO_AGENT_TRANSFER", "Agent to Agent Transfer"),
    legacy("AGENT_TO_EXTERNAL_TRANSFER", "Agent to External Transfer"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_flag_is_set_for_exactly_8_to_11_13_14() {
        let legacy: Vec<u32> = (0..15)
            .filter(|&c| decode(c, Direction::Inbound, None).legacy)
            .collect();
        assert_eq!(legacy, [8, 9, 10, 11, 13, 14]);
    }

    #[test]
    fn symbols_are_unique_and_the_same_in_both_directions() {
        let mut symbols: Vec<_> = (0..15)
            .map(|c| decode(c, Direction::Inbound, None).symbol)
            .collect();
        for c in 0..15 {
            assert_eq!(
                decode(c, Direction::Outbound, None).symbol,
                symbols[c as usize]
            );
        }
        symbols.sort_unstable();
        symbols.dedup();
        assert_eq!(symbols.len(), 15);
    }

    #[test]
    fn code_5_outcome_follows_the_cause() {
        let busy = decode(5, Direction::Outbound, Some(17));
        assert_eq!(busy.outcome, OutcomeKind::Busy);
        assert_eq!(
            busy.cause.as_ref().map(|c| c.name.as_str()),
            Some("User busy")
        );
        assert_eq!(
            decode(5, Direction::Outbound, Some(21)).outcome,
            OutcomeKind::Rejected
        );
        assert_eq!(
            decode(5, Direction::Inbound, None).outcome,
            OutcomeKind::Rejected
        );
        assert_eq!(
            decode(1, Direction::Inbound, Some(17)).outcome,
            OutcomeKind::Answered
        );
    }

    #[test]
    fn codes_above_14_are_unknown_and_keep_their_number() {
        let d = decode(15, Direction::Inbound, None);
        assert_eq!(
            (d.code, d.known, d.symbol, d.outcome),
            (15, false, "UNKNOWN", OutcomeKind::Unknown)
        );
        assert_eq!(decode(u32::MAX, Direction::Outbound, None).code, u32::MAX);
    }

    #[test]
    fn bad_numbers_name_the_argument_and_the_accepted_values() {
        for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, 4_294_967_296.0] {
            let err = code_from_f64(bad).unwrap_err();
            assert_eq!(err.argument, "code");
            assert!(
                err.to_string()
                    .starts_with("`code` must be a whole number from 0 to 4294967295"),
                "{err}"
            );
        }
        assert_eq!(code_from_f64(4_294_967_295.0), Ok(u32::MAX));
        assert_eq!(cause_from_f64(127.0), Ok(127));
        assert_eq!(cause_from_f64(128.0).unwrap_err().argument, "cause");
        assert!(code_from_f64(f64::NAN)
            .unwrap_err()
            .to_string()
            .ends_with("got NaN"));
        let err = Direction::parse("sideways").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`direction` must be \"inbound\" or \"outbound\", got \"sideways\""
        );
        assert_eq!(Direction::parse("OUTBOUND"), Ok(Direction::Outbound));
    }
}
