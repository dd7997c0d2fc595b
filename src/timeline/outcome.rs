//! How a call ended: the derivation rules, in the order they are tried.
//!
//! The first rule that applies decides. [`RULES`] is the table the README prints; each rule has a
//! test in `tests/timeline.rs`. Reasons and evidence are kept as ids and put into words on output.

use crate::outcome::OutcomeKind;
use crate::store::{Store, StrId};

use crate::codes::fields::FieldId as F;
use crate::codes::message_types::id;

use super::call::{CallState, Ev, Label, Lists, Mark};
use super::CallDirection;

/// The derivation rules, in order: (rule id, when it applies → which kind).
pub static RULES: &[(&str, &str)] = &[
    ("preview-response", "An outbound reservation call carries a non-empty `BAResponse` ECC variable: Accept → accepted (the customer call that follows has its own outcome); Reject, Reject-Close → rejected; Skip, Skip-Close → skipped; Cancel Reservation → abandoned; Reclassify → failed; any other value → unknown."),
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
    ("reservation-leg", "A call that only clears is linked to a reservation call by reservation-cleared (see the link rules) → the reservation call's outcome: it is the same reservation under another call ID."),
    ("undetermined", "None of the above: unknown, and `missing` says which events the log lacks."),
    ("dialog-failed", "A Finesse dialog (no CTI call events for the call) with a FAILED participant: stateCause BUSY → busy; BAD_DESTINATION, DEVICE_RESOURCE_NOT_AVAILABLE, OTHER → failed."),
    ("dialog-secondary", "A Finesse dialog that names another as its secondaryId, or that another names so (FIN-API: after a transfer or conference the surviving dialog names the dropped one), when its own states decided it → transferred, or conferenced when three or more participants remain on the surviving dialog (INFERENCE)."),
    ("dialog-answered", "A Finesse dialog with a participant that became ACTIVE after ALERTING (or ACTIVE anywhere when none was ALERTING: the caller's own leg is ACTIVE while it rings), then DROPPED or deleted → answered; the reason names the participant that was DROPPED first. Finesse gives a voice dialog no disposition."),
    ("dialog-not-answered", "A Finesse dialog that was ALERTING at a participant, never ACTIVE at any, then DROPPED or deleted → no_answer (Finesse does not say whether the caller hung up or the ringing stopped)."),
    ("dialog-still-active", "A Finesse dialog neither DROPPED nor deleted when the notifications end → still_active."),
    ("dialog-undetermined", "A Finesse dialog that ended without an ALERTING or ACTIVE participant → unknown."),
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

/// How a call ended, why, and from what.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The kind, from the vocabulary CONNRES shares.
    pub kind: OutcomeKind,
    /// The derivation rule that decided.
    pub rule: &'static str,
    /// The reason, put into words on output.
    pub reason: Reason,
    pub(crate) evidence: Box<[Ev]>,
    /// For `unknown`: what the log lacks that would decide it.
    pub missing: Option<Box<str>>,
}

/// A reason, kept as ids until it is put into words.
#[derive(Clone, Debug)]
pub enum Reason {
    /// A fixed sentence.
    Text(&'static str),
    /// The agent's BAResponse: what it means, and the value.
    Preview(&'static str, StrId),
    /// A transfer (`true`) or conference, by and to the devices the event names.
    Join(bool, Option<StrId>, Option<StrId>),
    /// A CALL_FAILED_EVENT, with its cause (the first evidence) or without one.
    Failed(bool),
    /// A clearing cause (the first evidence).
    Cleared,
    /// Another call ID of a reservation call (its key): what the agent's BAResponse means, and
    /// the value (boxed: a reason is kept for every call, this one for few).
    Leg(Box<(String, &'static str, StrId)>),
    /// A clearing cause no reference documents (the first evidence): it tells nothing.
    Undocumented,
    /// Words about a Finesse dialog's participant: before and after its `mediaAddress`.
    #[cfg(feature = "finesse")]
    Party(&'static (&'static str, &'static str), StrId),
}

/// CallType values of outbound reservation calls (reference §4.9: 18 and 27–31).
pub(crate) fn is_reservation(call_type: i64) -> bool {
    call_type == 18 || (27..=31).contains(&call_type)
}

/// An outcome with nothing `missing`.
pub(super) fn outcome(
    kind: OutcomeKind,
    rule: &'static str,
    reason: Reason,
    evidence: Vec<Ev>,
) -> Outcome {
    Outcome {
        kind,
        rule,
        reason,
        evidence: evidence.into_boxed_slice(),
        missing: None,
    }
}

/// The evidence of the marks that are set, in a list of just their length (a call keeps it: a
/// list grown by pushing holds room for four).
fn marks(pairs: &[(Option<Mark>, Label)]) -> Vec<Ev> {
    let mut evidence = Vec::with_capacity(pairs.iter().filter(|(m, _)| m.is_some()).count());
    evidence.extend(
        pairs
            .iter()
            .filter_map(|&(m, label)| m.map(|m| Ev::labelled(m.event(), label))),
    );
    evidence
}

/// Derives the outcome of a call from its facts.
pub(crate) fn derive(
    store: &Store,
    lists: &Lists,
    call: &CallState,
    direction: CallDirection,
) -> Outcome {
    #[cfg(feature = "finesse")]
    if let Some(dialog) = call.dialog.as_deref() {
        if !super::dialog::has_cti(&call.facts) {
            return super::dialog::outcome(store, dialog);
        }
    }
    if let Some(o) = preview(store, call) {
        return o;
    }
    if let Some(o) = join(lists, call) {
        return o;
    }
    if let Some(o) = by_cause(call) {
        return o;
    }
    let f = &call.facts;
    let ended = f.cleared.or(f.end_call).or(f.connection_cleared);
    if let (Some(answer), Some(end)) = (f.established, ended) {
        let evidence = marks(&[
            (Some(answer), Label::Type(id::CALL_ESTABLISHED_EVENT)),
            (Some(end), end_type(call, end)),
        ]);
        return outcome(
            OutcomeKind::Answered,
            "answered",
            Reason::Text("the call was answered and then ended"),
            evidence,
        );
    }
    if f.cleared.is_none() && f.end_call.is_none() {
        return still_active(lists, call);
    }
    unanswered(call, direction, ended.expect("cleared or ended"))
}

fn preview(store: &Store, call: &CallState) -> Option<Outcome> {
    let f = &call.facts;
    let reservation = call.call_type.is_none_or(is_reservation);
    let (response, value) = f.ba_response.filter(|_| reservation)?;
    let text = String::from_utf8_lossy(store.interned(value));
    let (kind, what) = match text.trim() {
        "Accept" => (
            OutcomeKind::Accepted,
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
    let mut evidence = Vec::with_capacity(1 + usize::from(f.call_type.is_some()));
    evidence.push(response);
    evidence.extend(f.call_type);
    Some(outcome(
        kind,
        "preview-response",
        Reason::Preview(what, value),
        evidence,
    ))
}

fn join(lists: &Lists, call: &CallState) -> Option<Outcome> {
    let f = &call.facts;
    let m = f.transferred.or(f.conferenced)?;
    let transfer = f.transferred.is_some();
    let (kind, rule, event_type) = if transfer {
        (
            OutcomeKind::Transferred,
            "transfer-event",
            Label::Type(id::CALL_TRANSFERRED_EVENT),
        )
    } else {
        (
            OutcomeKind::Conferenced,
            "conference-event",
            Label::Type(id::CALL_CONFERENCED_EVENT),
        )
    };
    let device = |field: F| {
        call.join_fields(lists)
            .find(|&(_, x, _)| x == field)
            .map(|(_, _, v)| v)
    };
    let from = device(F::TransferringDeviceID).or_else(|| device(F::ControllerDeviceID));
    let to = device(F::TransferredDeviceID).or_else(|| device(F::AddedPartyDeviceID));
    let mut evidence = Vec::with_capacity(call.join_fields(lists).count());
    evidence.extend(call.join_fields(lists).map(|(ev, _, _)| ev));
    if evidence.is_empty() {
        evidence = marks(&[(Some(m), event_type)]);
    }
    Some(outcome(
        kind,
        rule,
        Reason::Join(transfer, from, to),
        evidence,
    ))
}

fn by_cause(call: &CallState) -> Option<Outcome> {
    let f = &call.facts;
    if let Some(m) = f.failed {
        return Some(match f.cause {
            Some((n, cause)) if cause.event() == m.event() => {
                let kind = if BUSY.contains(&n) {
                    OutcomeKind::Busy
                } else {
                    OutcomeKind::Failed
                };
                outcome(kind, "failed-event", Reason::Failed(true), vec![cause])
            }
            _ => outcome(
                OutcomeKind::Failed,
                "failed-event",
                Reason::Failed(false),
                marks(&[(Some(m), Label::Type(id::CALL_FAILED_EVENT))]),
            ),
        });
    }
    let (n, cause) = f.cause?;
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
    .find(|(set, _)| set.contains(&n))
    .map(|(_, kind)| *kind)?;
    Some(outcome(
        kind,
        "clearing-cause",
        Reason::Cleared,
        vec![cause],
    ))
}

fn still_active(lists: &Lists, call: &CallState) -> Outcome {
    let f = &call.facts;
    let (at, reason) = [
        (f.established, id::CALL_ESTABLISHED_EVENT, "the call was answered and had not been cleared when the events end"),
        (f.delivered, id::CALL_DELIVERED_EVENT, "the call was ringing (delivered, not answered) when the events end"),
        (f.queued, id::CALL_QUEUED_EVENT, "the call was queued when the events end"),
        (f.connection_cleared, id::CALL_CONNECTION_CLEARED_EVENT, "a party left the call (connection cleared) but the call had not been cleared when the events end"),
    ]
    .into_iter()
    .find_map(|(m, t, r)| m.map(|m| (Ev::labelled(m.event(), Label::Type(t)), r)))
    .unwrap_or((
        Ev::labelled(call.start, Label::First),
        "the call had not been cleared when the events end",
    ));
    let last = call.last_event(lists);
    let mut evidence = Vec::with_capacity(1 + usize::from(at.event() != last));
    evidence.push(at);
    if at.event() != last {
        evidence.push(Ev::labelled(last, Label::Last));
    }
    outcome(
        OutcomeKind::StillActive,
        "still-active",
        Reason::Text(reason),
        evidence,
    )
}

fn unanswered(call: &CallState, direction: CallDirection, end: Mark) -> Outcome {
    let f = &call.facts;
    let end_ev = (Some(end), end_type(call, end));
    if let Some(queued) = f.queued {
        return outcome(
            OutcomeKind::Abandoned,
            "abandoned-in-queue",
            Reason::Text("the caller hung up while queued, before any answer"),
            marks(&[(Some(queued), Label::Type(id::CALL_QUEUED_EVENT)), end_ev]),
        );
    }
    if let (Some(delivered), Some(diverted)) = (f.delivered, f.diverted) {
        return outcome(
            OutcomeKind::NoAnswer,
            "diverted-unanswered",
            Reason::Text("the call rang without an answer and was diverted"),
            marks(&[
                (Some(delivered), Label::Type(id::CALL_DELIVERED_EVENT)),
                (Some(diverted), Label::Type(id::CALL_DIVERTED_EVENT)),
            ]),
        );
    }
    let outbound = direction == CallDirection::Outbound || f.originated.is_some();
    if let (Some(reached), true) = (f.delivered.or(f.originated), outbound) {
        return outcome(
            OutcomeKind::NoAnswer,
            "outbound-unanswered",
            Reason::Text("the called party did not answer before the call was cleared"),
            marks(&[
                (Some(reached), Label::Type(id::CALL_DELIVERED_EVENT)),
                end_ev,
            ]),
        );
    }
    if let Some(delivered) = f.delivered {
        return outcome(
            OutcomeKind::Abandoned,
            "abandoned-ringing",
            Reason::Text("the call was cleared while ringing, before any answer"),
            marks(&[
                (Some(delivered), Label::Type(id::CALL_DELIVERED_EVENT)),
                end_ev,
            ]),
        );
    }
    if let (Some(_), None, Some(ev)) = (
        f.cleared.or(f.connection_cleared),
        &f.cause,
        f.undocumented_cause,
    ) {
        let mut evidence = vec![ev];
        evidence.extend(
            marks(&[end_ev])
                .into_iter()
                .filter(|e| e.event() != ev.event()),
        );
        let mut o = outcome(
            OutcomeKind::Unknown,
            "undetermined",
            Reason::Undocumented,
            evidence,
        );
        o.missing = Some(missing(call).into());
        return o;
    }
    let reason = match (f.cleared.or(f.connection_cleared), &f.cause) {
        (Some(_), None) => "the call was cleared without a cause (CEC_NONE), and the events do not show whether it was answered",
        (Some(_), Some(_)) => "the call was cleared with a cause that does not tell how it ended, and the events do not show whether it was answered",
        (None, _) => "the events do not show how the call ended",
    };
    let mut o = outcome(
        OutcomeKind::Unknown,
        "undetermined",
        Reason::Text(reason),
        marks(&[end_ev]),
    );
    o.missing = Some(missing(call).into());
    o
}

fn end_type(call: &CallState, end: Mark) -> Label {
    let f = &call.facts;
    Label::Type(if f.cleared == Some(end) {
        id::CALL_CLEARED_EVENT
    } else if f.end_call == Some(end) {
        id::END_CALL_EVENT
    } else {
        id::CALL_CONNECTION_CLEARED_EVENT
    })
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
    if f.undocumented_cause.is_some() && f.cause.is_none() {
        absent.push("a clearing EventCause the references document");
    } else if f.cause.is_none() {
        absent.push("a clearing EventCause other than CEC_NONE");
    }
    if f.ba_response.is_none() && call.call_type.is_some_and(is_reservation) {
        absent.push("a BAResponse value");
    }
    let mut text = format!("not in the events for this call: {}", absent.join("; "));
    if f.cleared.is_none() && f.connection_cleared.is_none() && f.end_call.is_some() {
        text.push_str(". END_CALL_EVENT alone ends the client's association with the call, which does not mean the call ended (reference §5)");
    }
    text
}
