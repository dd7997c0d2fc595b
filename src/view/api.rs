//! Shapes only the JavaScript package has: the rows of its call list (built in JavaScript from
//! [`super::calls::CallColumns`]). Declared here so that the package's TypeScript declarations
//! come from Rust types like every other shape (see [`super::typescript`]); the options the
//! package takes are the core's own types (`LogOptions`, `FrameOptions`, `RecordOptions`).

use serde::Serialize;
use ts_rs::TS;

use crate::timeline::CallDirection;

/// One row of `CtiLog.calls()`: what a list of calls shows and sorts by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallRow {
    /// Position in the log's calls (for `CtiLog.call(index)`).
    pub index: u32,
    /// The call's key.
    pub key: String,
    /// The ConnectionCallID.
    pub call_id: u32,
    /// The CallType's symbol, or its number.
    #[ts(optional)]
    pub call_type: Option<String>,
    /// Which way the call goes.
    pub direction: CallDirection,
    /// The agents' keys, joined with `, ` (empty for none).
    pub agents: String,
    /// The first event's index.
    pub start_event: u32,
    /// The first event's time as written.
    #[ts(optional)]
    pub start_time: Option<String>,
    /// The first event's time in milliseconds since 1970-01-01 UTC (or since midnight for a time
    /// of day alone).
    #[ts(optional, type = "number")]
    pub start_ms: Option<i64>,
    /// Queue, ring and talk time in milliseconds, when the times tell any.
    #[ts(optional, type = "number")]
    pub duration_ms: Option<u64>,
    /// How the call ended, why, and from what: the one outcome shape of every API (the same
    /// as `call(i).outcome`, `buildTimeline` and the live view's change records).
    pub outcome: super::timeline::Outcome,
    /// Number of events.
    pub events: u32,
}
