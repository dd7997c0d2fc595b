//! The one outcome vocabulary: how a call ended, shared by CONNRES and (later) call timelines.

use serde::Serialize;

/// How a call or call attempt ended.
///
/// One closed set for the whole product: a decoded CONNRES code and a call derived from CTI
/// events use the same words, so a page can colour and count them alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
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
    /// Every kind, in display order.
    pub const ALL: [OutcomeKind; 14] = [
        OutcomeKind::Answered,
        OutcomeKind::Abandoned,
        OutcomeKind::NoAnswer,
        OutcomeKind::Busy,
        OutcomeKind::Rejected,
        OutcomeKind::Skipped,
        OutcomeKind::Accepted,
        OutcomeKind::Failed,
        OutcomeKind::Blocked,
        OutcomeKind::Transferred,
        OutcomeKind::Conferenced,
        OutcomeKind::StillActive,
        OutcomeKind::Legacy,
        OutcomeKind::Unknown,
    ];

    /// The kind's name as it appears in JSON (`no_answer`, `still_active`, …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Answered => "answered",
            OutcomeKind::Abandoned => "abandoned",
            OutcomeKind::NoAnswer => "no_answer",
            OutcomeKind::Busy => "busy",
            OutcomeKind::Rejected => "rejected",
            OutcomeKind::Skipped => "skipped",
            OutcomeKind::Accepted => "accepted",
            OutcomeKind::Failed => "failed",
            OutcomeKind::Blocked => "blocked",
            OutcomeKind::Transferred => "transferred",
            OutcomeKind::Conferenced => "conferenced",
            OutcomeKind::StillActive => "still_active",
            OutcomeKind::Legacy => "legacy",
            OutcomeKind::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The package and the page turn the call columns' outcome numbers into names with lists
    /// of their own; they must be this order.
    #[test]
    fn the_javascript_lists_are_in_this_order() {
        let names: Vec<String> = OutcomeKind::ALL
            .iter()
            .map(|k| format!("'{}'", k.as_str()))
            .collect();
        for (file, source) in [
            ("pkg-config/api.js", include_str!("../pkg-config/api.js")),
            ("www/call-table.js", include_str!("../www/call-table.js")),
        ] {
            let start = source.find("OUTCOMES = [").expect("an OUTCOMES list") + 12;
            let list = &source[start..start + source[start..].find(']').unwrap()];
            let written: Vec<&str> = list.split(',').map(str::trim).collect();
            assert_eq!(written, names, "{file}");
        }
    }

    #[test]
    fn json_names_match_as_str() {
        for kind in OutcomeKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
