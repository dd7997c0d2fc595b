//! How a call ended: the derivation rules, in the order they are tried.
//!
//! The first rule that applies decides. [`RULES`] is the table the README prints; each rule has a
//! test in `tests/timeline.rs`.

use crate::outcome::OutcomeKind;

use super::call::{event_evidence, CallState, Mark};
use super::model::{CallDirection, Evidence, Outcome};

/// The derivation rules, in order: (rule id, when it applies → which kind).
pub static RULES: &[(&str, &str)] = &[
    ("preview-response", "An outbound reservation call carries a non-empty `BAResponse` ECC variable: Accept → answered; Reject, Reject-Close → rejected; Skip, Skip-Close → skipped; Cancel Reservation → abandoned; Reclassify → failed; any other value → unknown."),
    ("transfer-event", "A CALL_TRANSFERRED_EVENT names the call as primary or secondary → transferred."),
    ("conference-event", "A CALL_CONFERENCED_EVENT names the call as primary or secondary → conferenced."),
    ("failed-event", "A CALL_FAILED_EVENT for the call → busy when its EventCause is a busy cause, else failed."),
    ("clearing-cause", "The clearing event's EventCause is decisive: busy causes → busy; not answered, ring no answer → no_answer; cancelled and the CECX_ABAND_* causes → abandoned; unobtainable, reorder, network errors → failed; do not disturb → rejected; transfer causes → transferred; conference causes → conferenced."),
    ("answered", "CALL_ESTABLISHED_EVENT seen and the call cleared or ended → answered."),
    ("still-active", "Neither CALL_CLEARED_EVENT nor END_CALL_EVENT when the events end → still_active."),
    ("abandoned-in-queue", "Queued (CALL_QUEUED_EVENT), never answered, then cleared → abandoned."),
    ("diverted-unanswered", "Delivered, diverted (CALL_DIVERTED_EVENT), never answered → no_answer."),
    ("outbound-unanswered", "An outbound or originated call delivered or reaching the network, never answered, then cleared → no_answer."),
    ("abandoned-ringing", "Delivered (alerting), never answered, then cleared → abandoned: the caller hung up while it rang."),
    ("undetermined", "None of the above: unknown, and `missing` says which events the log lacks."),
];

/// EventCause values by what they say about the end of a call (reference §4.7).
const BUSY: &[i64] = &[3, 33, 1008, 1009, 1011];
const NO_ANSWER: &[i64] = &[10, 1010, 1019];
const ABANDONED: &[i64] = &[
    5, 1001, 1002, 1003, 1004, 1005, 1006, 1035, 1036, 1037, 1057,
];
const FAILED: &[i64] = &[
    13, 15, 20, 21, 29, 30, 56, 57, 58, 1012, 1020, 1021, 1025, 1027,
];
const REJECTED: &[i64] = &[14];
const TRANSFERRED: &[i64] = &[32, 1028, 1029, 1034, 1055];
const CONFERENCED: &[i64] = &[1030, 1056];

/// CallType values of outbound reservation calls (reference §4.9: 18 and 27–31).
pub(crate) fn is_reservation(call_type: i64) -> bool {
    call_type == 18 || (27..=31).contains(&call_type)
}

/// Derives the outcome of a call from its facts.
pub(crate) fn derive(call: &CallState, direction: CallDirection) -> Outcome {
    let f = &call.facts;
    let ended = f.cleared.or(f.end_call).or(f.connection_cleared);
    let marks = |pairs: &[(Option<Mark>, &'static str)]| -> Vec<Evidence> {
        pairs
            .iter()
            .filter_map(|(m, t)| m.map(|m| event_evidence(m.event, t)))
            .collect()
    };

    let reservation = call
        .call_type
        .as_ref()
        .is_none_or(|t| is_reservation(t.value));
    if let (Some(response), true) = (&f.ba_response, reservation) {
        let value = response.value.as_deref().unwrap_or_default();
        let (kind, reason) = match value.trim() {
            "Accept" => (
                OutcomeKind::Answered,
                "the agent accepted the outbound contact",
            ),
            "Reject" => (
                OutcomeKind::Rejected,
                "the agent rejected the outbound contact",
            ),
            "Reject-Close" => (
                OutcomeKind::Rejected,
                "the agent rejected the outbound contact and closed it for the campaign",
            ),
            "Skip" => (
                OutcomeKind::Skipped,
                "the agent skipped the outbound contact",
            ),
            "Skip-Close" => (
                OutcomeKind::Skipped,
                "the agent skipped the outbound contact and closed it for the campaign",
            ),
            "Cancel Reservation" => (
                OutcomeKind::Abandoned,
                "the reservation was cancelled before the agent took the contact",
            ),
            "Reclassify" => (OutcomeKind::Failed, "the agent reclassified the contact"),
            _ => (
                OutcomeKind::Unknown,
                "the BAResponse value is not one the references list",
            ),
        };
        let mut evidence = vec![response.clone()];
        evidence.extend(f.call_type.clone());
        return outcome(
            kind,
            "preview-response",
            format!("{reason} (BAResponse = {value})"),
            evidence,
        );
    }
    if let Some(m) = f.transferred.or(f.conferenced) {
        let transfer = f.transferred.is_some();
        let (kind, rule, what, event_type) = if transfer {
            (
                OutcomeKind::Transferred,
                "transfer-event",
                "the call was transferred",
                "CALL_TRANSFERRED_EVENT",
            )
        } else {
            (
                OutcomeKind::Conferenced,
                "conference-event",
                "the call became a conference",
                "CALL_CONFERENCED_EVENT",
            )
        };
        let device = |name: &str| {
            f.join
                .iter()
                .find(|e| e.field.as_deref() == Some(name))
                .and_then(|e| e.value.clone())
        };
        let from = device("TransferringDeviceID").or_else(|| device("ControllerDeviceID"));
        let to = device("TransferredDeviceID").or_else(|| device("AddedPartyDeviceID"));
        let reason = match (transfer, from, to) {
            (true, Some(from), Some(to)) => format!("{what} by {from} to {to}"),
            (false, Some(by), Some(added)) => format!("{what} by {by}, adding {added}"),
            _ => what.to_owned(),
        };
        let evidence = if f.join.is_empty() {
            marks(&[(Some(m), event_type)])
        } else {
            f.join.clone()
        };
        return outcome(kind, rule, reason, evidence);
    }
    if let Some(m) = f.failed {
        let mut evidence = marks(&[(Some(m), "CALL_FAILED_EVENT")]);
        let (kind, reason) = match &f.cause {
            Some((n, cause)) if cause.event == m.event => {
                evidence = vec![cause.clone()];
                let kind = if BUSY.contains(n) {
                    OutcomeKind::Busy
                } else {
                    OutcomeKind::Failed
                };
                (kind, format!("the call failed: {}", describe(cause)))
            }
            _ => (
                OutcomeKind::Failed,
                "the call failed (CALL_FAILED_EVENT gives no cause)".into(),
            ),
        };
        return outcome(kind, "failed-event", reason, evidence);
    }
    if let Some((n, cause)) = &f.cause {
        let kind = [
            (BUSY, OutcomeKind::Busy),
            (NO_ANSWER, OutcomeKind::NoAnswer),
            (ABANDONED, OutcomeKind::Abandoned),
            (FAILED, OutcomeKind::Failed),
            (REJECTED, OutcomeKind::Rejected),
            (TRANSFERRED, OutcomeKind::Transferred),
            (CONFERENCED, OutcomeKind::Conferenced),
        ]
        .iter()
        .find(|(set, _)| set.contains(n))
        .map(|(_, kind)| *kind);
        if let Some(kind) = kind {
            let reason = format!("the call was cleared with cause {}", describe(cause));
            return outcome(kind, "clearing-cause", reason, vec![cause.clone()]);
        }
    }
    if let (Some(answer), Some(end)) = (f.established, ended) {
        let evidence = marks(&[
            (Some(answer), "CALL_ESTABLISHED_EVENT"),
            (Some(end), end_type(call, end)),
        ]);
        return outcome(
            OutcomeKind::Answered,
            "answered",
            "the call was answered and then ended".into(),
            evidence,
        );
    }
    if f.cleared.is_none() && f.end_call.is_none() {
        let (at, reason) = [
            (f.established, "CALL_ESTABLISHED_EVENT", "the call was answered and had not been cleared when the events end"),
            (f.delivered, "CALL_DELIVERED_EVENT", "the call was ringing (delivered, not answered) when the events end"),
            (f.queued, "CALL_QUEUED_EVENT", "the call was queued when the events end"),
            (f.connection_cleared, "CALL_CONNECTION_CLEARED_EVENT", "a party left the call (connection cleared) but the call had not been cleared when the events end"),
        ]
        .into_iter()
        .find_map(|(m, t, r)| m.map(|m| (event_evidence(m.event, t), r)))
        .unwrap_or_else(|| (event_evidence(call.start.event, "first event of the call"), "the call had not been cleared when the events end"));
        let mut evidence = vec![at];
        let last = *call.events.last().unwrap_or(&call.start.event);
        if evidence[0].event != last {
            evidence.push(event_evidence(last, "last event of the call"));
        }
        return outcome(
            OutcomeKind::StillActive,
            "still-active",
            reason.into(),
            evidence,
        );
    }
    let end = ended.expect("cleared or ended");
    if let Some(queued) = f.queued {
        let evidence = marks(&[
            (Some(queued), "CALL_QUEUED_EVENT"),
            (Some(end), end_type(call, end)),
        ]);
        return outcome(
            OutcomeKind::Abandoned,
            "abandoned-in-queue",
            "the caller hung up while queued, before any answer".into(),
            evidence,
        );
    }
    if let (Some(delivered), Some(diverted)) = (f.delivered, f.diverted) {
        let evidence = marks(&[
            (Some(delivered), "CALL_DELIVERED_EVENT"),
            (Some(diverted), "CALL_DIVERTED_EVENT"),
        ]);
        return outcome(
            OutcomeKind::NoAnswer,
            "diverted-unanswered",
            "the call rang without an answer and was diverted".into(),
            evidence,
        );
    }
    let outbound = direction == CallDirection::Outbound || f.originated.is_some();
    if let (Some(reached), true) = (f.delivered.or(f.originated), outbound) {
        let evidence = marks(&[
            (Some(reached), "CALL_DELIVERED_EVENT"),
            (Some(end), end_type(call, end)),
        ]);
        return outcome(
            OutcomeKind::NoAnswer,
            "outbound-unanswered",
            "the called party did not answer before the call was cleared".into(),
            evidence,
        );
    }
    if let Some(delivered) = f.delivered {
        let evidence = marks(&[
            (Some(delivered), "CALL_DELIVERED_EVENT"),
            (Some(end), end_type(call, end)),
        ]);
        return outcome(
            OutcomeKind::Abandoned,
            "abandoned-ringing",
            "the call was cleared while ringing, before any answer".into(),
            evidence,
        );
    }
    let reason = match (f.cleared.or(f.connection_cleared), &f.cause) {
        (Some(_), None) => "the call was cleared without a cause (CEC_NONE), and the events do not show whether it was answered",
        (Some(_), Some(_)) => "the call was cleared with a cause that does not tell how it ended, and the events do not show whether it was answered",
        (None, _) => "the events do not show how the call ended",
    };
    let mut o = outcome(
        OutcomeKind::Unknown,
        "undetermined",
        reason.into(),
        marks(&[(Some(end), end_type(call, end))]),
    );
    o.missing = Some(missing(call));
    o
}

fn outcome(
    kind: OutcomeKind,
    rule: &'static str,
    reason: String,
    evidence: Vec<Evidence>,
) -> Outcome {
    Outcome {
        kind,
        rule,
        reason,
        evidence,
        missing: None,
    }
}

fn describe(cause: &Evidence) -> String {
    let value = cause.value.as_deref().unwrap_or_default();
    match &cause.meaning {
        Some(meaning) => format!("{value} ({meaning})"),
        None => value.to_owned(),
    }
}

fn end_type(call: &CallState, end: Mark) -> &'static str {
    let f = &call.facts;
    if f.cleared == Some(end) {
        "CALL_CLEARED_EVENT"
    } else if f.end_call == Some(end) {
        "END_CALL_EVENT"
    } else {
        "CALL_CONNECTION_CLEARED_EVENT"
    }
}

/// Which events an undetermined call lacks, in words.
fn missing(call: &CallState) -> String {
    let f = &call.facts;
    let mut absent = Vec::new();
    if f.begin.is_none() {
        absent.push("BEGIN_CALL_EVENT");
    }
    if f.delivered.is_none() && f.originated.is_none() && f.queued.is_none() {
        absent.push("a delivery, queueing or origination event");
    }
    absent.push("CALL_ESTABLISHED_EVENT");
    if f.cause.is_none() {
        absent.push("a clearing EventCause other than CEC_NONE");
    }
    let reservation = call
        .call_type
        .as_ref()
        .is_some_and(|t| is_reservation(t.value));
    if f.ba_response.is_none() && reservation {
        absent.push("a BAResponse value");
    }
    let mut text = format!("not in the events for this call: {}", absent.join("; "));
    if f.cleared.is_none() && f.connection_cleared.is_none() && f.end_call.is_some() {
        text.push_str(". END_CALL_EVENT alone ends the client's association with the call, which does not mean the call ended (reference §5)");
    }
    text
}
