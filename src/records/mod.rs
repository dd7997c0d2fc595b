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
pub mod cisco;
pub mod family;
mod links;
pub mod table;

use serde::Serialize;

use crate::options::{settable, Expected, Given};
use ts_rs::TS;

pub use calls::{Call, Calls, RecordOutcome, RecordRule};
pub use family::Family;
pub use table::Table;

/// What a column holds, for the columns the reader uses; every other column is kept as it is.
/// Each [`Family`] names a role's column its own way ([`Role::names`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RecordRole")]
pub enum Role {
    /// The CONNRES code of a call to a destination (jtel `CONNRES`).
    Connres,
    /// The call's direction (jtel `bOutbound`: 0 inbound, 1 outbound).
    Direction,
    /// The Q.850 cause (jtel `CauseCodesID`; 0 = no cause specified).
    Cause,
    /// The call the row belongs to (jtel `StatisticsPartAID`, or `ID` on the A-part table; UCCE `RouterCallKey`; UCCX `sessionID`).
    Call,
    /// When the call (or leg) started (jtel `dtCallStart`; UCCE `StartDateTimeUTC`; UCCX `startDateTime`).
    Start,
    /// When it was connected; absent when it never was (jtel `dtCallConnect`; UCCE `AnsweredDateTimeUTC`, newer releases only).
    Connect,
    /// When it ended (jtel `dtCallEnd`; UCCE `CallTerminatedDateTimeUTC`, newer releases only; UCCX `endDateTime`).
    End,
    /// When it entered the queue (jtel `dtQueueStart`).
    Queue,
    /// Whether the caller hung up (jtel `bCallerHangup`, 0 = no).
    CallerHangup,
    /// The day half of the router call key (UCCE `RouterCallKeyDay`).
    CallDay,
    /// The leg's place in its call (UCCE `RouterCallKeySequenceNumber`; UCCX `sessionSeqNum`).
    Sequence,
    /// How the leg ended (UCCE `CallDisposition`, 1–65; UCCX `contactDisposition`).
    Disposition,
    /// UCCE `CallDispositionFlag`: shown as written (no source gives its values).
    DispositionFlag,
    /// The leg's type (UCCE `PeripheralCallType`; UCCX `contactType`).
    CallType,
    /// UCCE `NewTransaction`: another row follows for this call.
    NewTransaction,
    /// The peripheral that wrote the row (UCCE `PeripheralID`).
    Peripheral,
    /// The peripheral's key for the call (UCCE `PeripheralCallKey`).
    PeripheralCall,
    /// The agent's peripheral number (UCCE `AgentPeripheralNumber`).
    Agent,
    /// The skill group (UCCE `SkillGroupSkillTargetID`).
    SkillGroup,
    /// The call's GUID (UCCE `CallGUID`; the CVP join).
    CallGuid,
    /// When the row was written, the leg's end, in the database's local time (UCCE `DateTime`).
    Written,
    /// The leg's length in seconds (UCCE `Duration`).
    Duration,
    /// Seconds ringing (UCCE `RingTime`).
    Ring,
    /// Seconds of delay (UCCE `DelayTime`).
    Delay,
    /// Seconds talking (UCCE `TalkTime`).
    Talk,
    /// Seconds on hold (UCCE `HoldTime`).
    Hold,
    /// Seconds of after-call work (UCCE `WorkTime`).
    Work,
    /// Seconds in the local queue (UCCE `LocalQTime`).
    LocalQueue,
    /// 1 on the leg that was transferred (UCCX `transfer`).
    Transfer,
    /// 1 on the leg that was redirected (UCCX `redirect`).
    Redirect,
    /// 1 on the leg that was conferenced (UCCX `conference`).
    Conference,
    /// Who placed the leg (UCCX `originatorType`: 1 an agent, 2 a device).
    OriginatorType,
    /// The placing party's number (UCCX `originatorDN`).
    Originator,
    /// Who received the leg (UCCX `destinationType`: 1 an agent, 2 a device).
    DestinationType,
    /// The receiving party's number (UCCX `destinationDN`).
    Destination,
    /// The script application (UCCX `applicationName`).
    Application,
    /// How the contact left its queue (UCCX ContactQueueDetail `disposition`, 1–5).
    QueueDisposition,
}

impl Role {
    /// Every role, in the order the reader looks for them.
    pub const ALL: [Role; 37] = [
        Role::Connres,
        Role::Direction,
        Role::Cause,
        Role::Call,
        Role::Start,
        Role::Connect,
        Role::End,
        Role::Queue,
        Role::CallerHangup,
        Role::CallDay,
        Role::Sequence,
        Role::Disposition,
        Role::DispositionFlag,
        Role::CallType,
        Role::NewTransaction,
        Role::Peripheral,
        Role::PeripheralCall,
        Role::Agent,
        Role::SkillGroup,
        Role::CallGuid,
        Role::Written,
        Role::Duration,
        Role::Ring,
        Role::Delay,
        Role::Talk,
        Role::Hold,
        Role::Work,
        Role::LocalQueue,
        Role::Transfer,
        Role::Redirect,
        Role::Conference,
        Role::OriginatorType,
        Role::Originator,
        Role::DestinationType,
        Role::Destination,
        Role::Application,
        Role::QueueDisposition,
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
            Role::CallDay => "callDay",
            Role::Sequence => "sequence",
            Role::Disposition => "disposition",
            Role::DispositionFlag => "dispositionFlag",
            Role::CallType => "callType",
            Role::NewTransaction => "newTransaction",
            Role::Peripheral => "peripheral",
            Role::PeripheralCall => "peripheralCall",
            Role::Agent => "agent",
            Role::SkillGroup => "skillGroup",
            Role::CallGuid => "callGuid",
            Role::Written => "written",
            Role::Duration => "duration",
            Role::Ring => "ring",
            Role::Delay => "delay",
            Role::Talk => "talk",
            Role::Hold => "hold",
            Role::Work => "work",
            Role::LocalQueue => "localQueue",
            Role::Transfer => "transfer",
            Role::Redirect => "redirect",
            Role::Conference => "conference",
            Role::OriginatorType => "originatorType",
            Role::Originator => "originator",
            Role::DestinationType => "destinationType",
            Role::Destination => "destination",
            Role::Application => "application",
            Role::QueueDisposition => "queueDisposition",
        }
    }

    /// The role with mapping key `key` (ASCII case ignored).
    #[must_use]
    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.key().eq_ignore_ascii_case(key))
    }

    /// The `columns` option: header names by role (`{ connres: 'Result' }`).
    ///
    /// # Errors
    /// For anything but an object of strings by role.
    pub fn given<G: Given>(given: &G) -> Result<Vec<(Role, String)>, Expected> {
        const EXPECTED: Expected =
            "an object of column names by role (a RecordRole: connres, direction, cause, …)";
        let entries = given.entries().ok_or(EXPECTED)?;
        entries
            .into_iter()
            .map(|(key, name)| Some((Role::parse(&key)?, name.text()?)))
            .collect::<Option<_>>()
            .ok_or(EXPECTED)
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

settable!(RecordOptions {
    columns: Role::given,
    direction: crate::codes::connres::Direction::given,
});

/// An export read into calls.
pub struct Records {
    /// The rows and cells.
    pub table: Table,
    /// The calls, their legs and outcomes.
    pub calls: Calls,
    /// The UCCX ContactQueueDetail export given with a ContactCallDetail one.
    pub queue: Option<Table>,
}

/// Reads an export: its encoding and separator told from its first bytes, its header row, its
/// rows, then its calls. Nothing is fatal: what was wrong is in `table.diagnostics`.
#[must_use]
pub fn read(bytes: &[u8], options: &RecordOptions) -> Records {
    read_with_queue(bytes, None, options)
}

/// Reads a UCCX ContactCallDetail export with its ContactQueueDetail (joined on sessionID,
/// `cisco-records.md` §2.2); the queue table's diagnostics are the export's, named as its.
#[must_use]
pub fn read_with_queue(bytes: &[u8], queue: Option<&[u8]>, options: &RecordOptions) -> Records {
    let mut table = table::read(bytes, options);
    let mut queue = queue.map(|q| table::read(q, options));
    // Given in either order: the ContactQueueDetail is the one without contactDisposition.
    if let Some(q) = queue.as_mut() {
        if table.is_queue_detail() && !q.is_queue_detail() {
            std::mem::swap(&mut table, q);
        }
    }
    let queue = queue.map(|mut q| {
        q.diagnostics
            .retain(|d| d.code != crate::DiagnosticCode::MissingColumns);
        for d in &mut q.diagnostics {
            d.message = format!("ContactQueueDetail: {}", d.message);
        }
        q
    });
    let calls = calls::calls_with(&mut table, queue.as_ref(), options);
    if let Some(q) = &queue {
        table.diagnostics.extend(q.diagnostics.iter().cloned());
    }
    Records {
        table,
        calls,
        queue,
    }
}

/// Whether a header line names a column that tells a family of call records (CONNRES,
/// `bOutbound`, a `dtCall…` time; `RouterCallKey`, `CallDisposition`; `sessionID`,
/// `contactDisposition`, …): how the input form detector tells an export from a CTI log.
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
            .any(family::tells)
}
