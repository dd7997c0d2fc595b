//! Rows → legs → calls: each row's CONNRES decoded with its direction and cause, rows that share
//! a call id made one call with its legs in time order, and the call's outcome worked out from
//! its legs and (for inbound calls, when the columns exist) the A-part rule jtel's own
//! statistics apply (reference `jtel-records.md`, "The A-part outcome rule").

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::{RecordOptions, Role, Table};
use crate::codes::connres::{self, Connres, Direction};
use crate::diagnostic::{quoted, Diagnostic, DiagnosticCode};
use crate::outcome::OutcomeKind;

/// What one row says, parsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowFacts {
    /// The row's CONNRES reading: an index into [`Calls::codes`].
    pub connres: Option<u32>,
    /// The row's direction, as written.
    pub direction: Option<Direction>,
    /// The Q.850 cause.
    pub cause: Option<u8>,
    /// Start, connect, end and queue-start times (ms since 1970-01-01 as written, no zone
    /// applied; or ms since midnight for a time without a date).
    pub times: [Option<i64>; 4],
    /// Whether the caller hung up (`bCallerHangup` ≠ 0).
    pub caller_hangup: Option<bool>,
    /// The leg's place in its call (Cisco exports).
    pub sequence: Option<i64>,
    /// The leg's CallDisposition or contactDisposition (Cisco exports).
    pub disposition: Option<u32>,
}

/// The roles whose values are times, in [`RowFacts::times`] order.
pub const TIME_ROLES: [Role; 4] = [Role::Start, Role::Connect, Role::End, Role::Queue];

/// How a call's outcome was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RecordRule {
    /// jtel's A-part rule: never connected (`dtCallConnect` empty), so the caller hung up
    /// (abandoned), or the cause is 17 (busy) or another (rejected).
    APart,
    /// A leg's CONNRES says the destination answered.
    LegAnswered,
    /// No leg was answered: the last leg's CONNRES says how the call ended.
    LastLeg,
    /// The platform connected the call (`dtCallConnect` set) and no leg has a CONNRES.
    PlatformAnswered,
    /// Nothing to tell the outcome from.
    NoConnres,
    /// A Cisco export: the last leg's CallDisposition (UCCE) or contactDisposition (UCCX).
    LastDisposition,
    /// UCCE: every leg says 53 "Partial Call", so the row with the call's own disposition is
    /// not in the export.
    AllPartial,
    /// UCCX: the last leg's conference, transfer or redirect flag is 1.
    LegFlag,
    /// UCCX: ContactQueueDetail's disposition (confirmed), where contactDisposition's is not.
    QueueDetail,
    /// A Cisco export: no leg has a disposition.
    NoDisposition,
}

/// A call's outcome: its kind, the rule, and the row whose cells are the evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordOutcome {
    /// The outcome.
    pub kind: OutcomeKind,
    /// The rule that gave it.
    pub rule: RecordRule,
    /// The row (index into the table) the evidence is in.
    pub row: Option<u32>,
    /// The ContactQueueDetail row (index into its table) of the call, when one was given.
    pub queue: Option<u32>,
}

/// A call: its rows (legs) in time order, direction and outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// Its rows, in time order (indices into the table).
    pub rows: Vec<u32>,
    /// Its direction: the first that a row gives, else the options'.
    pub direction: Option<Direction>,
    /// How it ended.
    pub outcome: RecordOutcome,
    /// Other calls of the export it is linked to.
    pub links: Vec<Link>,
    /// What grouped its rows.
    pub grouped_by: super::cisco::GroupedBy,
}

/// A link from a call to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The other call (an index into [`Calls::calls`]).
    pub call: u32,
    /// How they are linked.
    pub kind: LinkKind,
}

/// How two calls are linked (said in the call's remarks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// UCCX: the other call is the consult session an agent placed while this call's leg was
    /// transferred or conferenced to them (INFERENCE from the agent's number and the times).
    Consult,
    /// UCCX: this call is a consult session placed for the other call (as `consult`).
    ConsultFor,
    /// UCCE: both calls carry the same CallGUID (the CVP join; UNCERTAIN).
    CallGuid,
}

/// The calls of an export.
#[derive(Clone, Debug, Default)]
pub struct Calls {
    /// Per row, what it says.
    pub facts: Vec<RowFacts>,
    /// Every distinct CONNRES reading (code, direction, cause), decoded once.
    pub codes: Vec<Connres>,
    /// The calls, in the order they start.
    pub calls: Vec<Call>,
}

/// Reads every row's facts and groups the rows into calls; bad cells are reported in `table`.
#[must_use]
pub fn calls(table: &mut Table, options: &RecordOptions) -> Calls {
    calls_with(table, None, options)
}

/// As [`calls`], with a ContactQueueDetail table for a UCCX export.
#[must_use]
pub fn calls_with(table: &mut Table, queue: Option<&Table>, options: &RecordOptions) -> Calls {
    if table.is_empty() && table.header_len > 0 {
        let detail = format!(
            "the header names {} columns and no row follows",
            table.header_len
        );
        table
            .diagnostics
            .push(Diagnostic::row(DiagnosticCode::NoRows, 1, 0, &detail));
    }
    if table.family != super::Family::Jtel {
        let mut bad = Vec::new();
        let out = super::cisco::calls(table, queue, &mut bad);
        table.diagnostics.append(&mut bad);
        return out;
    }
    let mut out = Calls::default();
    let mut readings: FxHashMap<(u32, Direction, Option<u8>), u32> = FxHashMap::default();
    let mut undirected = 0u32;
    let mut bad = Vec::new();
    out.facts.reserve_exact(table.len());
    for row in 0..table.len() {
        let mut facts = row_facts(table, row, &mut bad);
        if let Some(code) = code_of(table, row, &mut bad) {
            let direction = facts.direction.or(options.direction).unwrap_or_else(|| {
                undirected += 1;
                Direction::Inbound
            });
            let next = u32::try_from(out.codes.len()).unwrap_or(u32::MAX);
            let index = *readings
                .entry((code, direction, facts.cause))
                .or_insert_with(|| {
                    out.codes
                        .push(connres::decode(code, direction, facts.cause));
                    next
                });
            facts.connres = Some(index);
        }
        out.facts.push(facts);
    }
    table.diagnostics.append(&mut bad);
    if undirected > 0 {
        let detail = format!(
            "{undirected} rows with a CONNRES give no direction (no bOutbound column, or an empty cell); they were read as inbound. Give the direction with `--direction outbound` (in JavaScript, `{{ direction: 'outbound' }}`) or map the column with `--column direction=NAME`"
        );
        table
            .diagnostics
            .push(Diagnostic::row(DiagnosticCode::NoDirection, 1, 0, &detail));
    }
    out.calls = group(table, &out, options);
    out
}

/// Row `row`'s CONNRES code, if it has one that reads as a number.
fn code_of(table: &Table, row: usize, bad: &mut Vec<Diagnostic>) -> Option<u32> {
    let text = table.role_value(row, Role::Connres)?;
    let code = text
        .parse::<f64>()
        .ok()
        .and_then(|n| connres::code_from_f64(n).ok());
    if code.is_none() {
        bad.push(invalid(
            table,
            row,
            Role::Connres,
            text,
            "a whole number from 0 to 4294967295 (0–14 are defined)",
        ));
    }
    code
}

/// Row `row`'s direction, cause, times and caller-hangup flag; bad cells go to `bad`.
fn row_facts(table: &Table, row: usize, bad: &mut Vec<Diagnostic>) -> RowFacts {
    let mut facts = RowFacts::default();
    if let Some(text) = table.role_value(row, Role::Direction) {
        facts.direction = match text {
            "0" => Some(Direction::Inbound),
            "1" => Some(Direction::Outbound),
            t => Direction::parse(t).ok(),
        };
        if facts.direction.is_none() {
            let expected = "0 (inbound), 1 (outbound), inbound or outbound";
            bad.push(invalid(table, row, Role::Direction, text, expected));
        }
    }
    if let Some(text) = table.role_value(row, Role::Cause) {
        facts.cause = text
            .parse::<f64>()
            .ok()
            .and_then(|n| connres::cause_from_f64(n).ok());
        if facts.cause.is_none() {
            let expected = "a whole number from 0 to 127 (a Q.850 cause)";
            bad.push(invalid(table, row, Role::Cause, text, expected));
        }
    }
    if let Some(text) = table.role_value(row, Role::CallerHangup) {
        facts.caller_hangup = text.parse::<i64>().ok().map(|n| n != 0);
        if facts.caller_hangup.is_none() {
            bad.push(invalid(table, row, Role::CallerHangup, text, "0 or 1"));
        }
    }
    for (slot, role) in facts.times.iter_mut().zip(TIME_ROLES) {
        let Some(text) = table.role_value(row, role) else {
            continue;
        };
        *slot = crate::time::parse(text.as_bytes()).map(|s| match s {
            crate::time::Stamp::Absolute(ms) | crate::time::Stamp::TimeOfDay(ms) => ms,
        });
        if slot.is_none() {
            let expected = "a date and time as YYYY-MM-DD HH:MM:SS[.fff]";
            bad.push(invalid(table, row, role, text, expected));
        }
    }
    facts
}

pub(super) fn invalid(
    table: &Table,
    row: usize,
    role: Role,
    text: &str,
    expected: &str,
) -> Diagnostic {
    let column = table.column_of(role).unwrap_or(0);
    let detail = format!(
        "{} must be {expected}, got {}",
        table.columns[column],
        quoted(text)
    );
    Diagnostic::row(
        DiagnosticCode::InvalidValue,
        Table::row_number(row),
        u32::try_from(column + 1).unwrap_or(u32::MAX),
        &detail,
    )
}

/// Groups rows by call id (a row without one is a call of its own), orders each call's rows by
/// start time (file order when a row has none) and the calls by their first row's start.
fn group(table: &Table, calls: &Calls, options: &RecordOptions) -> Vec<Call> {
    let mut by_id: FxHashMap<&str, usize> = FxHashMap::default();
    let mut rows_of: Vec<Vec<u32>> = Vec::new();
    for row in 0..table.len() {
        let r = u32::try_from(row).unwrap_or(u32::MAX);
        match table.role_value(row, Role::Call) {
            Some(id) => {
                let next = rows_of.len();
                let at = *by_id.entry(id).or_insert(next);
                if at == next {
                    rows_of.push(Vec::new());
                }
                rows_of[at].push(r);
            }
            None => rows_of.push(vec![r]),
        }
    }
    let start = |r: u32| calls.facts[r as usize].times[0];
    let mut out: Vec<Call> = rows_of
        .into_iter()
        .map(|mut rows| {
            if rows.iter().all(|&r| start(r).is_some()) {
                rows.sort_by_key(|&r| (start(r), r));
            }
            let direction = rows
                .iter()
                .find_map(|&r| calls.facts[r as usize].direction)
                .or(options.direction);
            let outcome = outcome(table, calls, &rows, direction);
            let grouped_by = if table.role_value(rows[0] as usize, Role::Call).is_some() {
                super::cisco::GroupedBy::Key
            } else {
                super::cisco::GroupedBy::Alone
            };
            Call {
                rows,
                direction,
                outcome,
                links: Vec::new(),
                grouped_by,
            }
        })
        .collect();
    if out.iter().all(|c| start(c.rows[0]).is_some()) {
        out.sort_by_key(|c| (start(c.rows[0]), c.rows[0]));
    }
    out
}

/// A call's outcome: jtel's A-part rule for an inbound call the platform never connected; else
/// the first leg whose CONNRES says answered; else the last leg with a CONNRES; else, when the
/// platform connected it, answered by the platform.
fn outcome(
    table: &Table,
    calls: &Calls,
    rows: &[u32],
    direction: Option<Direction>,
) -> RecordOutcome {
    let facts = |r: u32| &calls.facts[r as usize];
    let has = |role| table.column_of(role).is_some();
    let a_part =
        direction == Some(Direction::Inbound) && has(Role::Connect) && has(Role::CallerHangup);
    let connected = rows.iter().find(|&&r| facts(r).times[1].is_some());
    if a_part && connected.is_none() {
        let hung_up = rows.iter().find(|&&r| facts(r).caller_hangup == Some(true));
        let cause = rows.iter().find_map(|&r| facts(r).cause);
        let kind = match (hung_up, cause) {
            (Some(_), _) => OutcomeKind::Abandoned,
            (None, Some(17)) => OutcomeKind::Busy,
            (None, _) => OutcomeKind::Rejected,
        };
        let row = hung_up.copied().or(rows.first().copied());
        return RecordOutcome {
            kind,
            rule: RecordRule::APart,
            row,
            queue: None,
        };
    }
    let kind_of = |r: u32| facts(r).connres.map(|i| calls.codes[i as usize].outcome);
    if let Some(&r) = rows
        .iter()
        .find(|&&r| kind_of(r) == Some(OutcomeKind::Answered))
    {
        return RecordOutcome {
            kind: OutcomeKind::Answered,
            rule: RecordRule::LegAnswered,
            row: Some(r),
            queue: None,
        };
    }
    if let Some(&r) = rows.iter().rev().find(|&&r| kind_of(r).is_some()) {
        return RecordOutcome {
            kind: kind_of(r).unwrap_or(OutcomeKind::Unknown),
            rule: RecordRule::LastLeg,
            row: Some(r),
            queue: None,
        };
    }
    match connected {
        Some(&r) if a_part => RecordOutcome {
            kind: OutcomeKind::Answered,
            rule: RecordRule::PlatformAnswered,
            row: Some(r),
            queue: None,
        },
        _ => RecordOutcome {
            kind: OutcomeKind::Unknown,
            rule: RecordRule::NoConnres,
            row: None,
            queue: None,
        },
    }
}
