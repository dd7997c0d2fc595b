//! Call-record exports: the ACD's statistics tables and the itemised call-details report as a
//! database client or a report page writes them (CSV, semicolon- or tab-separated, with a header
//! row), read into calls whose legs carry CONNRES codes.
//!
//! Facts (copied in `tests/fixtures/reference/jtel-records.md`, from jtel's public wiki): the
//! direction is `bOutbound` (0 inbound, 1 outbound), the Q.850 cause `CauseCodesID`, rows of one
//! call share its A-part id (`StatisticsPartAID`, or `ID` on the A-part table), times are `dt…`
//! columns, and column order is never to be assumed: columns are found by name.
//!
//! The path: bytes → [`table`] (cells in one arena, rows as spans) → [`calls`] (rows → legs →
//! calls with an outcome and its evidence) → the JSON view (`crate::view::records`).

pub mod calls;
pub mod table;

use serde::Serialize;
use ts_rs::TS;

pub use calls::{Call, Calls, RecordOutcome, RecordRule};
pub use table::Table;

/// What a column holds, for the columns the reader uses; every other column is kept as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RecordRole")]
pub enum Role {
    /// The CONNRES code of a call to a destination (`CONNRES`).
    Connres,
    /// The call's direction (`bOutbound`: 0 inbound, 1 outbound).
    Direction,
    /// The Q.850 cause (`CauseCodesID`; 0 = no cause specified).
    Cause,
    /// The call the row belongs to (`StatisticsPartAID`, or `ID` on the A-part table).
    Call,
    /// When the call (or leg) started (`dtCallStart`).
    Start,
    /// When it was connected; absent when it never was (`dtCallConnect`).
    Connect,
    /// When it ended (`dtCallEnd`).
    End,
    /// When it entered the queue (`dtQueueStart`).
    Queue,
    /// Whether the caller hung up (`bCallerHangup`, 0 = no).
    CallerHangup,
}

impl Role {
    /// Every role, in the order the reader looks for them.
    pub const ALL: [Role; 9] = [
        Role::Connres,
        Role::Direction,
        Role::Cause,
        Role::Call,
        Role::Start,
        Role::Connect,
        Role::End,
        Role::Queue,
        Role::CallerHangup,
    ];

    /// The role's key in a column mapping (`--column connres=Result`, `{ columns: { connres:
    /// 'Result' } }`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Role::Connres => "connres",
            Role::Direction => "direction",
            Role::Cause => "cause",
            Role::Call => "call",
            Role::Start => "start",
            Role::Connect => "connect",
            Role::End => "end",
            Role::Queue => "queue",
            Role::CallerHangup => "callerHangup",
        }
    }

    /// The role with mapping key `key` (ASCII case ignored).
    #[must_use]
    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.key().eq_ignore_ascii_case(key))
    }

    /// The column names the vendor's tables use for this role, tried in order (ASCII case
    /// ignored).
    #[must_use]
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Role::Connres => &["CONNRES"],
            Role::Direction => &["bOutbound"],
            Role::Cause => &["CauseCodesID"],
            Role::Call => &["StatisticsPartAID", "ID"],
            Role::Start => &["dtCallStart"],
            Role::Connect => &["dtCallConnect"],
            Role::End => &["dtCallEnd"],
            Role::Queue => &["dtQueueStart"],
            Role::CallerHangup => &["bCallerHangup"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How to read an export (`RecordOptions` in the package; `--column` and `--direction` on the
/// command line).
#[derive(Clone, Debug, Default, PartialEq, Eq, TS)]
#[ts(optional_fields)]
pub struct RecordOptions {
    /// Columns named otherwise than the vendor's names, by role: `{ connres: 'Result' }`
    /// (role, header name).
    #[ts(optional, type = "Partial<Record<RecordRole, string>>")]
    pub columns: Vec<(Role, String)>,
    /// The direction of rows that give none (without it they are read as inbound, with a
    /// warning).
    pub direction: Option<crate::Direction>,
}

/// An export read into calls.
pub struct Records {
    /// The rows and cells.
    pub table: Table,
    /// The calls, their legs and outcomes.
    pub calls: Calls,
}

/// Reads an export: its encoding and separator told from its first bytes, its header row, its
/// rows, then its calls. Nothing is fatal: what was wrong is in `table.diagnostics`.
#[must_use]
pub fn read(bytes: &[u8], options: &RecordOptions) -> Records {
    let mut table = table::read(bytes, options);
    let calls = calls::calls(&mut table, options);
    Records { table, calls }
}

/// Whether a header line names a column of the vendor's call records (CONNRES, `bOutbound`,
/// `CauseCodesID`, `StatisticsPartAID`, a `dtCall…` time): how the input form detector tells an
/// export from a CTI log.
#[must_use]
pub fn is_header(line: &str) -> bool {
    let separators = line
        .bytes()
        .filter(|b| matches!(b, b',' | b';' | b'\t'))
        .count();
    separators > 0
        && line
            .split([',', ';', '\t'])
            .map(|name| name.trim().trim_matches('"'))
            .any(|name| {
                Role::ALL
                    .iter()
                    .flat_map(|r| r.names())
                    .any(|n| *n != "ID" && n.eq_ignore_ascii_case(name))
            })
}
