//! The session as JSON: requests with their replies and round-trip times, unanswered requests,
//! replies to requests the log lacks, and what FAILURE_EVENT and SYSTEM_EVENT said.

use serde::Serialize;
use ts_rs::TS;

use crate::codes::fields::FieldId;
use crate::store::Store;
use crate::timeline::call::Mark;
use crate::timeline::session::{is_failure, SessionState};
use crate::timeline::{self, Timeline};

use super::event::field;
use super::timeline::Point;

/// The CTI session around the calls.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Every request with an InvokeID, in the order sent, and its reply.
    pub exchanges: Vec<Exchange>,
    /// The requests no reply answers (events).
    pub unanswered: Vec<u32>,
    /// Replies whose request is not in the log (events).
    pub unmatched_replies: Vec<u32>,
    /// FAILURE_EVENT and SYSTEM_EVENT, put into words.
    pub notices: Vec<Notice>,
}

impl Session {
    /// Whether the log has no session events (then the timeline JSON leaves `session` out).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.exchanges.is_empty() && self.unmatched_replies.is_empty() && self.notices.is_empty()
    }
}

/// A request and its reply.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Exchange {
    /// The request.
    pub request: Point,
    /// The request's message type.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The InvokeID both carry.
    pub invoke_id: u32,
    /// The reply, when one came.
    pub reply: Option<Point>,
    /// The reply's message type.
    pub reply_type: Option<String>,
    /// From request to reply in milliseconds, when both have times.
    #[ts(optional, type = "number")]
    pub rtt_ms: Option<u64>,
    /// The reply is a failure (FAILURE_CONF or CONTROL_FAILURE_CONF), and why, in words.
    pub failure: Option<String>,
}

/// A session notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Notice {
    /// The event.
    pub event: Point,
    /// Its message type.
    #[serde(rename = "type")]
    pub type_name: String,
    /// What it says, in words.
    pub what: String,
}

/// What an event's coded field says: `SYMBOL (meaning)`, or the raw value.
fn says(store: &Store, event: u32, wanted: &[FieldId]) -> Option<String> {
    let e = store.event(event as usize);
    let parts: Vec<String> = e
        .fields()
        .filter(|f| f.field.is_some_and(|x| wanted.contains(&x)))
        .map(|f| {
            let view = field(store, e.type_id(), &f);
            let value = view.symbol.as_deref().unwrap_or(&view.raw).to_owned();
            match view.meaning {
                Some(meaning) if meaning != value => format!("{}: {value} ({meaning})", view.name),
                _ => format!("{}: {value}", view.name),
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
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

fn type_of(store: &Store, event: u32) -> String {
    store
        .type_name(store.event(event as usize).ty())
        .0
        .into_owned()
}

/// The session of a timeline as JSON.
#[must_use]
pub fn session(store: &Store, t: &Timeline) -> Session {
    let s: &SessionState = &t.session;
    let exchanges = s
        .exchanges
        .iter()
        .map(|x| Exchange {
            request: point(store, x.request),
            type_name: type_of(store, x.request),
            invoke_id: x.invoke_id,
            reply: x.reply.map(|r| point(store, r)),
            reply_type: x.reply.map(|r| type_of(store, r)),
            rtt_ms: x.reply.and_then(|r| {
                timeline::between(store, Some(Mark::new(x.request)), Some(Mark::new(r)))
            }),
            failure: x.reply.filter(|&r| is_failure(store, r)).map(|r| {
                says(
                    store,
                    r,
                    &[
                        FieldId::Status,
                        FieldId::FailureCode,
                        FieldId::PeripheralErrorCode,
                    ],
                )
                .unwrap_or_else(|| "no status given".to_owned())
            }),
        })
        .collect();
    Session {
        exchanges,
        unanswered: s
            .exchanges
            .iter()
            .filter(|x| x.reply.is_none())
            .map(|x| x.request)
            .collect(),
        unmatched_replies: s.unmatched.clone(),
        notices: s
            .notices
            .iter()
            .map(|&n| Notice {
                event: point(store, n),
                type_name: type_of(store, n),
                what: says(
                    store,
                    n,
                    &[FieldId::Status, FieldId::SystemEventID, FieldId::PGStatus],
                )
                .unwrap_or_default(),
            })
            .collect(),
    }
}
