//! The one outcome vocabulary: how a call ended, shared by CONNRES and (later) call timelines.

use serde::Serialize;

/// How a call or call attempt ended.
///
/// One closed set for the whole product: a decoded CONNRES code and a call derived from CTI
/// events use the same words, so a page can colour and count them alike.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    ts_rs::TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum OutcomeKind {
    /// The destination answered and the parties were connected.
    Answered,
    /// The caller (or the initiator) hung up before being connected.
    Abandoned,
    /// The destination was alerted but did not answer.
    NoAnswer,
    /// The destination was busy.
    Busy,
    /// The destination or the network refused the call.
    Rejected,
    /// An agent skipped an outbound contact.
    Skipped,
    /// An agent accepted an outbound contact (a reservation call); whether the customer answered
    /// is the outcome of the customer call that follows.
    Accepted,
    /// The call could not be made (error, aborted dial).
    Failed,
    /// The number was blocked by configuration; no call was made.
    Blocked,
    /// The call was transferred to another party.
    Transferred,
    /// The call became a conference.
    Conferenced,
    /// The call had not ended when the log stopped.
    StillActive,
    /// A code that is only kept for old data and no longer produced.
    Legacy,
    /// The outcome cannot be told from the input.
    Unknown,
}

impl OutcomeKind {
    /// Every kind, in display order (the order the call columns' numbers index).
    pub const ALL: &'static [OutcomeKind] = <OutcomeKind as strum::VariantArray>::VARIANTS;

    /// The kind's place in [`OutcomeKind::ALL`] (the number the call columns hold).
    #[must_use]
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The kind's name as it appears in JSON (`no_answer`, `still_active`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_the_place_in_all() {
        for (i, kind) in OutcomeKind::ALL.iter().enumerate() {
            assert_eq!(usize::from(kind.index()), i);
        }
    }

    #[test]
    fn json_names_match_as_str() {
        for &kind in OutcomeKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
