//! Shapes only the JavaScript package has: the options its functions take and the rows of its
//! call list. They are declared here so that the package's TypeScript declarations come from
//! Rust types like every other shape (see [`super::typescript`]); the wasm boundary reads the
//! options by these names.

use serde::Serialize;
use ts_rs::TS;

use crate::outcome::OutcomeKind;
use crate::timeline::CallDirection;

/// The input form to read, or `auto` to tell it from the first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FormatOption {
    /// Tell the form from the input.
    Auto,
    /// A text dump.
    Text,
    /// GED-188 frames.
    Binary,
    /// A hex dump of frames.
    Hex,
    /// A Cisco server trace (Finesse webservices, MIVR ICD_CTI, dumplog): `cti-outcome/traces`.
    Trace,
}

/// How frames are read or written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct FrameOptions {
    /// Bytes of a floating field's tag and length: 1 (protocol versions up to 19) or 2 (20 and
    /// later). Told from the frames when not given.
    #[ts(optional, type = "1 | 2")]
    pub width: Option<u8>,
    /// The protocol version the frames were written with (it chooses between fixed-part
    /// layouts that changed); told from OPEN_REQ when not given.
    #[ts(optional)]
    pub version: Option<u32>,
}

/// How an input is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct InputOptions {
    /// The input form (default `auto`).
    #[ts(optional)]
    pub format: Option<FormatOption>,
    /// Bytes of a floating field's tag and length (frames).
    #[ts(optional, type = "1 | 2")]
    pub width: Option<u8>,
    /// The protocol version of the frames.
    #[ts(optional)]
    pub version: Option<u32>,
}

/// How a `CtiLog` reads its input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, TS)]
pub struct LogOptions {
    /// The input form (default `auto`).
    #[ts(optional)]
    pub format: Option<FormatOption>,
    /// Bytes of a floating field's tag and length (frames).
    #[ts(optional, type = "1 | 2")]
    pub width: Option<u8>,
    /// The protocol version of the frames.
    #[ts(optional)]
    pub version: Option<u32>,
    /// Whether calls are worked out as events arrive (default `true`; `false` for a decode that
    /// only wants events).
    #[ts(optional)]
    pub calls: Option<bool>,
    /// The whole input's size in bytes, when known (a file's): memory for all of it is
    /// reserved once its first part is decoded, instead of growing as it comes.
    #[ts(optional)]
    pub size: Option<f64>,
    /// `cti-outcome/traces`: the year of MIVR records, which carry none (`cisco-logs.md`
    /// §2.1); without it their times are times of day.
    #[ts(optional)]
    pub year: Option<f64>,
    /// With `year`, when it is a file's modification time: that month (1–12), so that records
    /// of a later month are taken as the year before.
    #[ts(optional)]
    pub month: Option<f64>,
}

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
    /// How the call ended.
    pub outcome: OutcomeKind,
    /// The derivation rule that decided.
    #[ts(type = "OutcomeRule")]
    pub rule: String,
    /// The reason in words.
    pub reason: String,
    /// Number of events.
    pub events: u32,
}

/// How `decodeRecords` reads a call-record export.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct RecordOptions {
    /// Columns named otherwise than the vendor's names, by role: `{ connres: 'Result' }`.
    #[ts(optional, type = "Partial<Record<RecordRole, string>>")]
    pub columns: Option<Vec<(String, String)>>,
    /// The direction of rows that give none (without it they are read as inbound, with a
    /// warning).
    #[ts(optional)]
    pub direction: Option<crate::Direction>,
}
