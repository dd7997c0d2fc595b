//! Calls, outcomes and agents as JSON: the timeline put into words when it is shown.
//!
//! ```text
//! Timeline { calls: Call[], agents: Agent[] }
//! Call     { key, callId, aliases, deviceIds, callType?, direction, devices, agents, ani?, dnis?,
//!            dialedNumber?, variables, events, start, end?, durations, links, outcome, remarks }
//! Outcome  { kind, rule, reason, evidence: Evidence[], missing? }
//! Link     { kind, call, rule, basis, evidence: Evidence[] }
//! Agent    { key, agentId?, extension?, state?, segments: Segment[], calls }
//! ```
//!
//! Events are referred to by their zero-based index in the store.

use std::borrow::Cow;

use serde::Serialize;
use ts_rs::TS;

use crate::codes::fields::FieldId;
use crate::codes::message_types;
use crate::codes::{call, session};
use crate::outcome::OutcomeKind;
use crate::store::{EventRef, Store, StrId};
use crate::timeline::call::{CallState, Ev, Item, Label, Lists, Mark};
use crate::timeline::outcome::Reason;
use crate::timeline::{self, key, CallDirection, LinkKind, Timeline};

use super::event::{explain, field, type_name};

/// Every call and every agent found in a log.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "Timeline")]
#[ts(optional_fields)]
pub struct TimelineView {
    /// Calls, in the order of their first event.
    pub calls: Vec<Call>,
    /// Agents, in the order of their first event.
    pub agents: Vec<Agent>,
    /// Requests and replies, and session notices (left out when the log has none).
    pub session: Option<super::session::Session>,
}

/// One call: its identity, parties, events in order, and how it ended.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Call {
    /// Unique key: the call ID, with `#2`, `#3`… when the log reuses the ID after the call ended.
    pub key: String,
    /// The ConnectionCallID the call was first seen with.
    pub call_id: u32,
    /// Further ConnectionCallIDs the call took (CALL_DATA_UPDATE_EVENT's NewConnectionCallID).
    pub aliases: Vec<u32>,
    /// Every non-empty ConnectionDeviceID seen for the call, in order of appearance.
    pub device_ids: Vec<String>,
    /// The latest CallType.
    pub call_type: Option<Coded>,
    /// Inbound, outbound or internal, when the events allow telling.
    pub direction: CallDirection,
    /// Every device ID any of the call's events names (`…DeviceID` fields), in order.
    pub devices: Vec<String>,
    /// Keys of the agents whose extension is one of `devices`.
    pub agents: Vec<String>,
    /// The latest non-empty ANI (calling number).
    pub ani: Option<String>,
    /// The latest non-empty DNIS.
    pub dnis: Option<String>,
    /// The latest non-empty DialedNumber.
    pub dialed_number: Option<String>,
    /// Call variables and ECC variables, latest values (CALL_DATA_UPDATE_EVENT replaces the set).
    pub variables: Vec<Variable>,
    /// Indices of the call's events, in order.
    pub events: Vec<u32>,
    /// The call's first event.
    pub start: Point,
    /// The event that ended the call (CALL_CLEARED_EVENT, else END_CALL_EVENT), if any.
    pub end: Option<Point>,
    /// Durations the timestamps allow computing.
    pub durations: Durations,
    /// Related calls.
    pub links: Vec<Link>,
    /// How the call ended, why, and from what.
    pub outcome: Outcome,
    /// What the model noticed but could not settle (disagreeing IDs, missing events).
    pub remarks: Vec<String>,
}

/// A coded value: number, protocol symbol, meaning.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Coded {
    /// The number.
    #[ts(type = "number")]
    pub value: i64,
    /// The protocol symbol (`CALLTYPE_RESERVATION`), when known.
    pub symbol: Option<String>,
    /// The meaning in words, when known.
    pub meaning: Option<String>,
}

impl Coded {
    pub(crate) fn of(table: &crate::codes::CodeTable, value: i64) -> Coded {
        let (symbol, meaning) = match u32::try_from(value) {
            Ok(v) => {
                let (s, m) = table.explain(v);
                (s.map(str::to_owned), Some(m.into_owned()))
            }
            Err(_) => (None, Some(format!("not a documented {} value", table.name))),
        };
        Coded {
            value,
            symbol,
            meaning,
        }
    }
}

/// A call or ECC variable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Variable {
    /// The variable's name (`CallVariable1`, `BAResponse`, `user.layout`).
    pub name: String,
    /// Its value as written.
    pub value: String,
}

/// A point in a call or agent timeline: an event, and its time when the log has one.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Point {
    /// Index of the event.
    pub event: u32,
    /// The event's timestamp as written.
    pub time: Option<String>,
}

/// Durations in milliseconds, present only where both ends have timestamps.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Durations {
    /// From queued (CALL_QUEUED_EVENT) to delivered or answered.
    #[ts(optional, type = "number")]
    pub queue_ms: Option<u64>,
    /// From delivered (CALL_DELIVERED_EVENT) to answered or cleared.
    #[ts(optional, type = "number")]
    pub ring_ms: Option<u64>,
    /// From answered (CALL_ESTABLISHED_EVENT) to cleared, holds included.
    #[ts(optional, type = "number")]
    pub talk_ms: Option<u64>,
    /// Sum of held (CALL_HELD_EVENT) → retrieved (CALL_RETRIEVED_EVENT) spans.
    #[ts(optional, type = "number")]
    pub hold_ms: Option<u64>,
}

/// A related call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Link {
    /// How the calls are related.
    pub kind: LinkKind,
    /// The other call's key.
    pub call: String,
    /// The linking rule (see the README's link rule table).
    #[ts(type = "LinkRule")]
    pub rule: String,
    /// What the link rests on, in words.
    pub basis: String,
    /// The events and fields the link rests on.
    pub evidence: Vec<Evidence>,
}

/// How a call ended.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Outcome {
    /// The kind, from the vocabulary CONNRES shares.
    pub kind: OutcomeKind,
    /// The derivation rule that decided (see the README's rule table).
    #[ts(type = "OutcomeRule")]
    pub rule: String,
    /// The reason in words.
    pub reason: String,
    /// The events and fields the outcome was derived from.
    pub evidence: Vec<Evidence>,
    /// For `unknown`: what the log lacks that would decide it.
    pub missing: Option<String>,
}

/// One piece of evidence: an event, and the field in it that counted.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Evidence {
    /// Index of the event.
    pub event: u32,
    /// The event's message type (or what the event stood for, e.g. `last event of the call`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// The field's canonical name.
    pub field: Option<String>,
    /// The field's value as written.
    pub value: Option<String>,
    /// The value's meaning, when known.
    pub meaning: Option<String>,
    /// Where the event is in the input, as the command-line tool's `timeline` adds it (the
    /// package's logs answer `events(i)` instead): the file of a collection, …
    #[cfg(not(target_arch = "wasm32"))]
    pub file: Option<String>,
    /// … one-based first and last line (text, counted in `file` for a collection), …
    #[cfg(not(target_arch = "wasm32"))]
    pub line: Option<u32>,
    /// … (the last line)
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(rename = "endLine")]
    pub end_line: Option<u32>,
    /// … zero-based byte offset (frames), …
    #[cfg(not(target_arch = "wasm32"))]
    #[ts(optional, type = "number")]
    pub offset: Option<u64>,
    /// … or one-based packet number (captures).
    #[cfg(not(target_arch = "wasm32"))]
    pub packet: Option<u32>,
}

/// One agent: state segments in order and the calls handled.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Agent {
    /// Unique key: the AgentID, or `ext:` and the extension when the events give no AgentID.
    pub key: String,
    /// The AgentID.
    pub agent_id: Option<String>,
    /// The latest AgentExtension.
    pub extension: Option<String>,
    /// The state at the end of the events (the last segment's).
    pub state: Option<Coded>,
    /// State segments in order; consecutive events with the same state and reason code form one.
    pub segments: Vec<Segment>,
    /// Keys of the calls on the agent's extension, in order.
    pub calls: Vec<String>,
}

/// A span of time an agent spent in one state.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Segment {
    /// The AgentState.
    pub state: Coded,
    /// The EventReasonCode (not-ready and logout reasons), when written.
    #[ts(optional, type = "number")]
    pub reason_code: Option<i64>,
    /// The skill group (UCCX: CSQ) state of the segment's last event.
    pub skill_group_state: Option<Coded>,
    /// The AGENT_STATE_EVENTs that make up the segment.
    pub events: Vec<u32>,
    /// The first of them.
    pub start: Point,
    /// The agent's next state event, if any.
    pub end: Option<Point>,
    /// From start to end in milliseconds, when both have timestamps.
    #[ts(optional, type = "number")]
    pub duration_ms: Option<u64>,
    /// The StateDuration (or Duration) the first event reports, in seconds.
    #[ts(optional, type = "number")]
    pub reported_duration_s: Option<i64>,
}

fn text(store: &Store, s: StrId) -> String {
    String::from_utf8_lossy(store.interned(s)).into_owned()
}

fn point(store: &Store, event: u32) -> Point {
    Point {
        event,
        time: store
            .event(event as usize)
            .time_text()
            .map(std::borrow::Cow::into_owned),
    }
}

/// The whole timeline as JSON.
#[must_use]
pub fn timeline(store: &Store, t: &Timeline) -> TimelineView {
    TimelineView {
        calls: (0..t.call_count())
            .map(|i| call_view(store, t, i))
            .collect(),
        agents: (0..t.agent_count()).map(|i| agent(store, t, i)).collect(),
        session: Some(super::session::session(store, t)).filter(|s| !s.is_empty()),
    }
}

/// Call `i` of a timeline as JSON.
#[must_use]
pub fn call_view(store: &Store, t: &Timeline, i: usize) -> Call {
    let state = &t.calls[i];
    let derived = &t.derived[i];
    let lists = &t.lists;
    Call {
        key: key(state),
        call_id: state.call_id,
        aliases: state
            .items(lists, |x| match x {
                Item::Alias(a) => Some(a),
                _ => None,
            })
            .collect(),
        device_ids: state
            .device_ids(lists)
            .map(|(d, _)| text(store, d))
            .collect(),
        call_type: state.call_type.map(|v| Coded::of(&call::CALL_TYPE, v)),
        direction: derived.direction,
        devices: state.devices(lists).map(|d| text(store, d)).collect(),
        agents: t
            .call_agents
            .get(i)
            .iter()
            .map(|&a| agent_key(store, &t.agents[a as usize]))
            .collect(),
        ani: state.ani.map(|s| text(store, s)),
        dnis: state.dnis.map(|s| text(store, s)),
        dialed_number: state.dialed_number.map(|s| text(store, s)),
        variables: state
            .items(lists, |x| match x {
                Item::Variable(n, v) => Some(Variable {
                    name: text(store, n),
                    value: text(store, v),
                }),
                _ => None,
            })
            .collect(),
        events: lists.events.iter(state.events).collect(),
        start: point(store, state.start),
        end: state.end.map(|e| point(store, e.event())),
        durations: durations(store, lists, state),
        links: derived
            .links
            .iter()
            .map(|l| Link {
                kind: l.kind,
                call: key(&t.calls[l.call]),
                rule: l.rule.to_owned(),
                basis: l.basis.to_owned(),
                evidence: l.evidence.iter().map(|ev| evidence(store, *ev)).collect(),
            })
            .collect(),
        outcome: outcome(store, &derived.outcome),
        remarks: derived.remarks.clone(),
    }
}

pub(crate) fn durations(store: &Store, lists: &Lists, state: &CallState) -> Durations {
    let [queue_ms, ring_ms, talk_ms] = phases(store, state);
    let hold_ms = state
        .holds(lists)
        .filter_map(|(held, retrieved)| timeline::between(store, Some(held), retrieved))
        .fold(None, |sum: Option<u64>, ms| Some(sum.unwrap_or(0) + ms));
    Durations {
        queue_ms,
        ring_ms,
        talk_ms,
        hold_ms,
    }
}

/// Queue, ring and talk time of a call (ms), each when its marks have times: what the call
/// list's duration adds up (without the holds, which only the full call shows).
pub(crate) fn phases(store: &Store, state: &CallState) -> [Option<u64>; 3] {
    let f = &state.facts;
    let span = |a, b| timeline::between(store, a, b);
    let hangup = f.cleared.or(f.connection_cleared).or(f.end_call);
    [
        span(f.queued, f.delivered.or(f.established)),
        span(f.delivered, f.established.or(hangup)),
        span(f.established, hangup),
    ]
}

/// An outcome put into words.
#[must_use]
pub fn outcome(store: &Store, o: &timeline::Outcome) -> Outcome {
    Outcome {
        kind: o.kind,
        rule: o.rule.to_owned(),
        reason: reason(store, o),
        evidence: o.evidence.iter().map(|ev| evidence(store, *ev)).collect(),
        missing: o.missing.as_deref().map(str::to_owned),
    }
}

/// An outcome's reason in words.
#[must_use]
pub fn reason(store: &Store, o: &timeline::Outcome) -> String {
    let describe = || {
        let e = evidence(store, o.evidence[0]);
        match &e.meaning {
            Some(meaning) => format!("{} ({meaning})", e.value.as_deref().unwrap_or_default()),
            None => e.value.unwrap_or_default(),
        }
    };
    match &o.reason {
        Reason::Text(text) => (*text).to_owned(),
        Reason::Preview(what, value) => format!("{what} (BAResponse = {})", text(store, *value)),
        Reason::Join(transfer, from, to) => {
            let what = if *transfer {
                "the call was transferred"
            } else {
                "the call became a conference"
            };
            match (transfer, from, to) {
                (true, Some(from), Some(to)) => {
                    format!("{what} by {} to {}", text(store, *from), text(store, *to))
                }
                (false, Some(by), Some(added)) => {
                    format!(
                        "{what} by {}, adding {}",
                        text(store, *by),
                        text(store, *added)
                    )
                }
                _ => what.to_owned(),
            }
        }
        Reason::Leg(leg) => format!(
            "this call ID clears reservation call {}: {} (BAResponse = {})",
            leg.0,
            leg.1,
            text(store, leg.2)
        ),
        Reason::Failed(true) => format!("the call failed: {}", describe()),
        Reason::Failed(false) => "the call failed (CALL_FAILED_EVENT gives no cause)".to_owned(),
        Reason::Cleared => format!("the call was cleared with cause {}", describe()),
        #[cfg(feature = "finesse")]
        Reason::Party((before, after), who) => format!("{before}{}{after}", text(store, *who)),
        Reason::Undocumented => format!(
            "the call was cleared with cause {}, which no reference documents, so the events do not show how it ended",
            evidence(store, o.evidence[0]).value.unwrap_or_default()
        ),
    }
}

fn evidence(store: &Store, ev: Ev) -> Evidence {
    let e: EventRef<'_> = store.event(ev.event() as usize);
    let type_name = match ev.label() {
        Label::Own => type_name(store, e.ty()).0.into_owned(),
        Label::Type(id) => message_types::name_of(id).unwrap_or_default().to_owned(),
        Label::First => "first event of the call".to_owned(),
        Label::Last => "last event of the call".to_owned(),
    };
    let found = ev.field_at().and_then(|n| e.fields().nth(n as usize));
    let (field_name, value, meaning) = match found {
        Some(f) => {
            let view = field(store, e.type_id(), &f);
            (
                Some(view.name.into_owned()),
                Some(view.raw.into_owned()),
                view.meaning.map(Cow::into_owned),
            )
        }
        None => (None, None, None),
    };
    Evidence {
        event: ev.event(),
        type_name,
        field: field_name,
        value,
        meaning,
        #[cfg(not(target_arch = "wasm32"))]
        file: None,
        #[cfg(not(target_arch = "wasm32"))]
        line: None,
        #[cfg(not(target_arch = "wasm32"))]
        end_line: None,
        #[cfg(not(target_arch = "wasm32"))]
        offset: None,
        #[cfg(not(target_arch = "wasm32"))]
        packet: None,
    }
}

pub(crate) fn agent_key(store: &Store, a: &timeline::AgentState) -> String {
    match a.key {
        (0, id) => text(store, id),
        (1, ext) => format!("ext:{}", text(store, ext)),
        _ => "unidentified".to_owned(),
    }
}

/// Agent `i` of a timeline as JSON.
#[must_use]
pub fn agent(store: &Store, t: &Timeline, i: usize) -> Agent {
    let a = &t.agents[i];
    let segments: Vec<Segment> = a
        .segments
        .iter()
        .map(|s| Segment {
            state: Coded::of(&session::AGENT_STATE, s.state),
            reason_code: s.reason_code,
            skill_group_state: s
                .skill_group_state
                .map(|v| Coded::of(&session::AGENT_STATE, v)),
            events: t.lists.events.iter(s.events).collect(),
            start: point(store, s.start.event()),
            end: s.end.map(|m: Mark| point(store, m.event())),
            duration_ms: s
                .end
                .and_then(|end| timeline::between(store, Some(s.start), Some(end))),
            reported_duration_s: s.reported_duration_s,
        })
        .collect();
    Agent {
        key: agent_key(store, a),
        agent_id: a.agent_id.map(|s| text(store, s)),
        extension: a.extension.map(|s| text(store, s)),
        state: segments.last().map(|s| s.state.clone()),
        segments,
        calls: t
            .agent_calls
            .get(i)
            .iter()
            .map(|&c| key(&t.calls[c as usize]))
            .collect(),
    }
}

/// The symbol and meaning of a coded field's value (used by the session view).
#[must_use]
pub fn coded(
    field: FieldId,
    message_type: Option<u16>,
    value: i64,
) -> (Option<String>, Option<String>) {
    let (s, m) = explain(
        message_type,
        field,
        &crate::store::FieldValue::Number {
            n: value,
            raw: None,
        },
        "",
    );
    (s.map(Cow::into_owned), m.map(Cow::into_owned))
}
