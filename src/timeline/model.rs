//! The timeline's output shapes: what JSON and JavaScript receive.
//!
//! ```text
//! Timeline { calls: Call[], agents: Agent[] }
//! Call     { key, callId, aliases, deviceIds, callType?, direction, devices, agents, ani?, dnis?,
//!            dialedNumber?, variables, events, start, end?, durations, links, outcome, remarks }
//! Outcome  { kind, rule, reason, evidence: Evidence[], missing? }
//! Agent    { key, agentId?, extension?, state?, segments: Segment[], calls }
//! ```
//!
//! Events are referred to by their zero-based index in the event list the timeline was built
//! from (for a [`TimelineBuilder`](super::TimelineBuilder), across every batch pushed).

use std::borrow::Cow;

use serde::Serialize;

use crate::event::Field;
use crate::outcome::OutcomeKind;

/// Every call and every agent found in a list of events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// Calls, in the order of their first event.
    pub calls: Vec<Call>,
    /// Agents, in the order of their first event.
    pub agents: Vec<Agent>,
}

/// One call: its identity, parties, events in order, and how it ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Call {
    /// Unique key within the timeline: the call ID in decimal, with `#2`, `#3`… appended when the
    /// log reuses the ID after the call ended.
    pub key: String,
    /// The ConnectionCallID the call was first seen with.
    pub call_id: u32,
    /// Further ConnectionCallIDs the call took (CALL_DATA_UPDATE_EVENT's NewConnectionCallID).
    pub aliases: Vec<u32>,
    /// Every non-empty ConnectionDeviceID seen for the call, in order of appearance.
    pub device_ids: Vec<String>,
    /// The latest CallType.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_type: Option<Coded>,
    /// Inbound, outbound or internal, when the events allow telling.
    pub direction: CallDirection,
    /// Every device ID any of the call's events names (`…DeviceID` fields), in order.
    pub devices: Vec<String>,
    /// Keys of the agents whose extension is one of `devices`.
    pub agents: Vec<String>,
    /// The latest non-empty ANI (calling number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ani: Option<String>,
    /// The latest non-empty DNIS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dnis: Option<String>,
    /// The latest non-empty DialedNumber.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialed_number: Option<String>,
    /// Call variables and ECC variables, latest values (CALL_DATA_UPDATE_EVENT replaces the set).
    pub variables: Vec<Variable>,
    /// Indices of the call's events, in order.
    pub events: Vec<u32>,
    /// The call's first event.
    pub start: Point,
    /// The event that ended the call (CALL_CLEARED_EVENT, else END_CALL_EVENT), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coded {
    /// The number.
    pub value: i64,
    /// The protocol symbol (`CALLTYPE_RESERVATION`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<&'static str>,
    /// The meaning in words, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<Cow<'static, str>>,
}

impl Coded {
    /// The coded value of a numeric field, `None` for a field without a number.
    #[must_use]
    pub fn of(field: &Field) -> Option<Coded> {
        Some(Coded {
            value: field.number()?,
            symbol: field.symbol,
            meaning: field.meaning.clone(),
        })
    }
}

/// Which way a call goes, as far as the events tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallDirection {
    /// A customer called in.
    Inbound,
    /// A call to a customer.
    Outbound,
    /// Between devices of the contact centre (consult, reservation, supervisor, inside call).
    Internal,
    /// The events do not say.
    Unknown,
}

/// A call or ECC variable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Variable {
    /// The variable's name (`CallVariable1`, `BAResponse`, `user.layout`).
    pub name: String,
    /// Its value as written.
    pub value: String,
}

/// A point in a call or agent timeline: an event, and its time when the log has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Point {
    /// Index of the event.
    pub event: u32,
    /// The event's timestamp as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// Durations in milliseconds, present only where both ends have timestamps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Durations {
    /// From queued (CALL_QUEUED_EVENT) to delivered or answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_ms: Option<u64>,
    /// From delivered (CALL_DELIVERED_EVENT) to answered or cleared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ring_ms: Option<u64>,
    /// From answered (CALL_ESTABLISHED_EVENT) to cleared, holds included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub talk_ms: Option<u64>,
    /// Sum of held (CALL_HELD_EVENT) → retrieved (CALL_RETRIEVED_EVENT) spans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold_ms: Option<u64>,
}

/// How two calls are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// CALL_TRANSFERRED_EVENT names both calls (primary and secondary).
    Transfer,
    /// CALL_CONFERENCED_EVENT names both calls (primary and secondary).
    Conference,
    /// A consult call made while this call was held on the same device.
    Consult,
    /// An outbound reservation call and the customer call it led to.
    Reservation,
    /// The call is one of the connected parties a transfer or conference lists.
    Party,
}

/// A related call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// How the calls are related.
    pub kind: LinkKind,
    /// The other call's key.
    pub call: String,
    /// The event that shows the relation, when one event does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<u32>,
    /// What the link rests on, in words.
    pub basis: &'static str,
}

/// How a call ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The kind, from the vocabulary CONNRES shares.
    pub kind: OutcomeKind,
    /// The derivation rule that decided (see the README's rule table).
    pub rule: &'static str,
    /// The reason in words.
    pub reason: String,
    /// The events and fields the outcome was derived from.
    pub evidence: Vec<Evidence>,
    /// For `unknown`: what the log lacks that would decide it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
}

/// One piece of evidence: an event, and the field in it that counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Index of the event.
    pub event: u32,
    /// The event's message type.
    #[serde(rename = "type")]
    pub type_name: Cow<'static, str>,
    /// The field's canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Cow<'static, str>>,
    /// The field's value as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The value's meaning, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<Cow<'static, str>>,
}

/// One agent: state segments in order and the calls handled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agent {
    /// Unique key: the AgentID, or `ext:` and the extension when the events give no AgentID.
    pub key: String,
    /// The AgentID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_id: Option<String>,
    /// The latest AgentExtension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// The state at the end of the events (the last segment's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<Coded>,
    /// State segments in order; consecutive events with the same state and reason code form one.
    pub segments: Vec<Segment>,
    /// Keys of the calls on the agent's extension, in order.
    pub calls: Vec<String>,
}

/// A span of time an agent spent in one state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    /// The AgentState.
    pub state: Coded,
    /// The EventReasonCode (not-ready and logout reasons), when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<i64>,
    /// The skill group (UCCX: CSQ) state of the segment's last event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill_group_state: Option<Coded>,
    /// The AGENT_STATE_EVENTs that make up the segment.
    pub events: Vec<u32>,
    /// The first of them.
    pub start: Point,
    /// The agent's next state event, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Point>,
    /// From start to end in milliseconds, when both have timestamps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// The StateDuration (or Duration) the first event reports, in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_duration_s: Option<i64>,
}
