//! A call-record export as JSON: `{ format, encoding, separator, columns, rows, codes, calls,
//! diagnostics }`, and its summary. Calls, reasons and evidence are made as they are written:
//! the records keep row indices and small numbers only.

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use ts_rs::TS;

use super::cisco_records::{self as cisco, CiscoLeg};
use super::{Diagnostics, RowDiagnostic};
use crate::codes::connres::{Connres, Direction};
use crate::codes::q850;
use crate::outcome::OutcomeKind;
use crate::records::{Call, Family, RecordRule, Records, Role, Table};
use crate::text::encoding::Encoding;

/// What every view of an export starts with: how it was read, its columns, rows and codes.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RecordsExport")]
pub struct RecordsExport<'a> {
    /// Always `records`.
    #[ts(type = "\"records\"")]
    pub format: &'static str,
    /// The encoding the export was read in.
    pub encoding: Encoding,
    /// The separator told from the header line.
    #[ts(type = "\",\" | \";\" | \"\\t\"")]
    pub separator: &'static str,
    /// Every column: the header's, then any past its end; with the role the reader gave it.
    pub columns: Vec<RecordColumn<'a>>,
    /// Data rows (the header not counted).
    pub rows: u32,
    /// Every distinct CONNRES reading of the export (code, direction, cause), decoded once, as
    /// `decodeConnres` decodes it; a leg's `connres` is an index into this list.
    pub codes: &'a [Connres],
    /// The table the export was saved from, told from its header.
    pub family: Family,
    /// Which table it was read as, and the header's names that told.
    pub read_as: String,
    /// How its times were read (zones), in words.
    pub clock: &'static str,
}

/// A decoded call-record export.
#[derive(Serialize, TS)]
#[ts(rename = "DecodedRecords")]
pub struct DecodedRecords<'a> {
    /// How the export was read, its columns, rows and codes.
    #[serde(flatten)]
    #[ts(flatten)]
    pub export: RecordsExport<'a>,
    /// The calls, in the order they start.
    #[ts(as = "Vec<RecordCall<'static>>")]
    pub calls: CallList<'a>,
    /// Everything wrong, by row and column.
    #[ts(as = "Vec<RowDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
}

/// A column of an export.
#[serde_with::skip_serializing_none]
#[derive(Serialize, TS)]
#[ts(optional_fields)]
pub struct RecordColumn<'a> {
    /// Its name in the header (`column N` past the header's end).
    pub name: &'a str,
    /// What the reader uses it for; absent for a column it only keeps.
    pub role: Option<Role>,
}

/// A call of an export: the rows that share its call id.
#[serde_with::skip_serializing_none]
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct RecordCall<'a> {
    /// The call id, or `row N` for a row without one.
    pub key: String,
    /// The direction its rows give.
    #[ts(type = "\"inbound\" | \"outbound\" | \"unknown\"")]
    pub direction: &'static str,
    /// The earliest start, as written.
    pub start: Option<&'a str>,
    /// From the earliest start to the latest end (ms).
    pub duration_ms: Option<f64>,
    /// How it ended, why, and the cells that say so.
    pub outcome: RecordOutcomeView<'a>,
    /// Its rows, in time order (Cisco exports: in sequence order).
    pub legs: Vec<RecordLeg<'a>>,
    /// What else to know: how its legs were grouped and linked, the calls it is linked to.
    pub remarks: Vec<String>,
}

/// A call's outcome with its rule, reason and evidence.
#[derive(Serialize, TS)]
#[ts(rename = "RecordOutcome")]
pub struct RecordOutcomeView<'a> {
    /// How it ended.
    pub kind: OutcomeKind,
    /// The rule that decided.
    pub rule: RecordRule,
    /// Why, in words.
    pub reason: String,
    /// The cells the rule read.
    pub evidence: Vec<RecordEvidence<'a>>,
}

/// A cell that is evidence for an outcome.
#[derive(Serialize, TS)]
pub struct RecordEvidence<'a> {
    /// One-based row, as a spreadsheet numbers it.
    pub row: u32,
    /// The column's name.
    pub column: &'a str,
    /// The cell as written (empty for a missing cell).
    pub value: &'a str,
    /// The export the cell is in, when it is not the main one (`ContactQueueDetail`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub source: Option<&'static str>,
}

/// A row of a call: a leg, when it has a CONNRES.
#[serde_with::skip_serializing_none]
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct RecordLeg<'a> {
    /// One-based row, as a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// One-based line where the row starts.
    pub line: u32,
    /// Its CONNRES: an index into `codes`.
    pub connres: Option<u32>,
    /// Start (ms since 1970-01-01 as written, no zone applied).
    pub start_ms: Option<f64>,
    /// Connect (ms, as `startMs`).
    pub connect_ms: Option<f64>,
    /// End (ms, as `startMs`).
    pub end_ms: Option<f64>,
    /// Queue start (ms, as `startMs`).
    pub queue_ms: Option<f64>,
    /// Every cell, by column (`null` past the row's end).
    pub cells: Vec<Option<&'a str>>,
    /// A Cisco leg's codes explained.
    pub cisco: Option<CiscoLeg<'a>>,
}

/// The calls, serialised one by one as they are made.
pub struct CallList<'a>(&'a Records);

impl Serialize for CallList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let calls = &self.0.calls.calls;
        let mut seq = serializer.serialize_seq(Some(calls.len()))?;
        for call in calls {
            seq.serialize_element(&record_call(self.0, call))?;
        }
        seq.end()
    }
}

/// An export as JSON.
#[must_use]
pub fn decoded_records(records: &Records) -> DecodedRecords<'_> {
    let t = &records.table;
    DecodedRecords {
        export: records_export(records),
        calls: CallList(records),
        diagnostics: Diagnostics(&t.diagnostics),
    }
}

/// How `records` was read, its columns, rows and codes.
#[must_use]
pub fn records_export(records: &Records) -> RecordsExport<'_> {
    let t = &records.table;
    RecordsExport {
        format: "records",
        encoding: t.encoding,
        separator: separator(t.separator),
        columns: columns(t),
        rows: u32::try_from(t.len()).unwrap_or(u32::MAX),
        codes: &records.calls.codes,
        family: t.family,
        read_as: read_as(t),
        clock: cisco::clock(t),
    }
}

/// `UCCE Termination_Call_Detail, told by its columns RouterCallKey, …`.
fn read_as(t: &Table) -> String {
    if t.told_by.is_empty() {
        return format!(
            "{}: no column tells a family; read as jtel's",
            t.family.table()
        );
    }
    let shown = t.told_by.len().min(4);
    let more = match t.told_by.len() - shown {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!(
        "{}, told by its columns {}{more}",
        t.family.table(),
        t.told_by[..shown].join(", ")
    )
}

fn separator(b: u8) -> &'static str {
    match b {
        b';' => ";",
        b'\t' => "\t",
        _ => ",",
    }
}

fn columns(t: &Table) -> Vec<RecordColumn<'_>> {
    t.columns
        .iter()
        .enumerate()
        .map(|(i, name)| RecordColumn {
            name,
            role: t.role_of(i),
        })
        .collect()
}

/// `direction` as the views write it.
#[must_use]
pub fn direction_name(direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::Inbound) => "inbound",
        Some(Direction::Outbound) => "outbound",
        None => "unknown",
    }
}

/// Call `call` of `records` as JSON.
#[must_use]
pub fn record_call<'a>(records: &'a Records, call: &Call) -> RecordCall<'a> {
    let (start, duration_ms) = call_span(records, call);
    RecordCall {
        key: call_key(records, call),
        direction: direction_name(call.direction),
        start,
        duration_ms,
        outcome: outcome_view(records, call),
        legs: call.rows.iter().map(|&r| leg(records, r)).collect(),
        remarks: cisco::remarks(records, call),
    }
}

/// A call's key: its call id, or `row N` for a row without one.
#[must_use]
pub fn call_key(records: &Records, call: &Call) -> String {
    let mut key = String::new();
    write_call_key(records, call, &mut key);
    key
}

/// Appends a call's key to `out` (the call list writes half a million keys into one buffer).
pub fn write_call_key(records: &Records, call: &Call, out: &mut String) {
    if cisco::write_call_key(records, call, out) {
        return;
    }
    let row = call.rows[0] as usize;
    match records.table.role_value(row, Role::Call) {
        Some(id) => out.push_str(id),
        None => {
            out.push_str("row ");
            out.push_str(&Table::row_number(row).to_string());
        }
    }
}

/// A call's earliest start as written, and the ms from it to the latest end.
#[must_use]
pub fn call_span<'a>(records: &'a Records, call: &Call) -> (Option<&'a str>, Option<f64>) {
    let facts = |r: u32| &records.calls.facts[r as usize];
    let first = call
        .rows
        .iter()
        .filter(|&&r| facts(r).times[0].is_some())
        .min_by_key(|&&r| facts(r).times[0]);
    let start_ms = first.and_then(|&r| facts(r).times[0]);
    let end_ms = call.rows.iter().filter_map(|&r| facts(r).times[2]).max();
    let start = first.and_then(|&r| records.table.role_value(r as usize, Role::Start));
    #[allow(clippy::cast_precision_loss)] // ms of any real date are well within 2^53
    let duration = start_ms
        .zip(end_ms)
        .filter(|(s, e)| e >= s)
        .map(|(s, e)| (e - s) as f64);
    (start, duration)
}

#[allow(clippy::cast_precision_loss)] // ms of any real date are well within 2^53
fn leg(records: &Records, r: u32) -> RecordLeg<'_> {
    let t = &records.table;
    let row = r as usize;
    let f = &records.calls.facts[row];
    let ms = |i: usize| f.times[i].map(|v| v as f64);
    RecordLeg {
        row: Table::row_number(row),
        line: t.line(row),
        connres: f.connres,
        start_ms: ms(0),
        connect_ms: ms(1),
        end_ms: ms(2),
        queue_ms: ms(3),
        cells: (0..t.columns.len()).map(|c| t.raw(row, c)).collect(),
        cisco: (t.family != Family::Jtel).then(|| cisco::leg(records, row)),
    }
}

fn outcome_view<'a>(records: &'a Records, call: &Call) -> RecordOutcomeView<'a> {
    let t = &records.table;
    let o = call.outcome;
    let roles: &[Role] = match o.rule {
        RecordRule::APart => &[Role::Connect, Role::CallerHangup, Role::Cause],
        RecordRule::LegAnswered | RecordRule::LastLeg => {
            &[Role::Connres, Role::Direction, Role::Cause]
        }
        RecordRule::PlatformAnswered => &[Role::Connect],
        RecordRule::NoConnres => &[],
        rule => cisco::evidence_roles(t.family, rule),
    };
    let mut evidence: Vec<RecordEvidence> = o
        .row
        .map(|r| {
            roles
                .iter()
                .filter_map(|&role| {
                    let column = t.column_of(role)?;
                    Some(RecordEvidence {
                        row: Table::row_number(r as usize),
                        column: &t.columns[column],
                        value: t.raw(r as usize, column).unwrap_or(""),
                        source: None,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    if let Some((q, r)) = records.queue.as_ref().zip(o.queue) {
        if let Some(column) = q.column_of(Role::QueueDisposition) {
            evidence.push(RecordEvidence {
                row: Table::row_number(r as usize),
                column: &q.columns[column],
                value: q.raw(r as usize, column).unwrap_or(""),
                source: Some("ContactQueueDetail"),
            });
        }
    }
    RecordOutcomeView {
        kind: o.kind,
        rule: o.rule,
        reason: reason(records, call),
        evidence,
    }
}

/// Why a call ended as it did, in words.
fn reason(records: &Records, call: &Call) -> String {
    let t = &records.table;
    if t.family != Family::Jtel {
        return cisco::reason(records, call);
    }
    let name = |role: Role| t.column_of(role).map_or("", |c| t.columns[c].as_str());
    let o = call.outcome;
    let row = o.row.map_or(0, |r| Table::row_number(r as usize));
    let code = o
        .row
        .and_then(|r| records.calls.facts[r as usize].connres)
        .map(|i| &records.calls.codes[i as usize]);
    let said = |c: &Connres| {
        let cause = c
            .cause
            .as_ref()
            .map(|q| format!(" (cause {}, {})", q.code, q.name))
            .unwrap_or_default();
        format!("CONNRES {} {}: {}{cause}", c.code, c.label, c.meaning)
    };
    match (o.rule, code) {
        (RecordRule::APart, _) => {
            let cause = call
                .rows
                .iter()
                .find_map(|&r| records.calls.facts[r as usize].cause);
            let hangup = o
                .row
                .and_then(|r| t.role_value(r as usize, Role::CallerHangup))
                .unwrap_or("0");
            let why = match (o.kind, cause) {
                (OutcomeKind::Abandoned, _) => format!(
                    "the caller hung up ({} {hangup} at row {row})",
                    name(Role::CallerHangup)
                ),
                (_, Some(c)) => format!(
                    "the caller did not hang up ({} 0), and the cause is {c}, {}",
                    name(Role::CallerHangup),
                    q850::decode(c).name
                ),
                (_, None) => format!(
                    "the caller did not hang up ({} 0), and no cause is given",
                    name(Role::CallerHangup)
                ),
            };
            format!(
                "the platform never connected the call ({} is empty) and {why}: jtel's A-part rule",
                name(Role::Connect)
            )
        }
        (RecordRule::LegAnswered, Some(c)) => format!("the leg at row {row} was answered: {}", said(c)),
        (RecordRule::LastLeg, Some(c)) if call.rows.len() > 1 => {
            format!("no leg was answered; the last, at row {row}, ended with {}", said(c))
        }
        (RecordRule::LastLeg, Some(c)) => format!("the leg at row {row} ended with {}", said(c)),
        (RecordRule::PlatformAnswered, _) => format!(
            "the platform connected the call ({} at row {row}) and no leg to a destination has a CONNRES",
            name(Role::Connect)
        ),
        _ => no_connres(t, call),
    }
}

fn no_connres(t: &Table, call: &Call) -> String {
    let rule = if t.column_of(Role::Connect).is_none() || t.column_of(Role::CallerHangup).is_none()
    {
        "the export has no dtCallConnect and bCallerHangup columns for jtel's A-part rule"
    } else if call.direction != Some(Direction::Inbound) {
        "jtel's A-part rule is for inbound calls only"
    } else {
        "nothing else tells how it ended"
    };
    format!("no row of this call has a CONNRES, and {rule}")
}

/// What an export holds, in counts: the `--summary` of `cti-outcome records`.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordsSummary<'a> {
    /// Always `records`.
    #[ts(type = "\"records\"")]
    pub format: &'static str,
    /// Data rows.
    pub rows: u32,
    /// Rows with a CONNRES (Cisco exports: with a disposition).
    pub legs: u32,
    /// Calls.
    pub calls: u32,
    /// Calls per outcome, most first.
    pub outcomes: Vec<OutcomeCount>,
    /// Rows per CONNRES reading, most first.
    pub codes: Vec<CodeCount<'a>>,
    /// Everything wrong, by row and column.
    #[ts(as = "Vec<RowDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
}

/// Calls of one outcome.
#[derive(Serialize, TS)]
pub struct OutcomeCount {
    /// The outcome.
    pub kind: OutcomeKind,
    /// Calls.
    pub count: u32,
}

/// Rows of one CONNRES reading.
#[derive(Serialize, TS)]
pub struct CodeCount<'a> {
    /// The reading.
    pub connres: &'a Connres,
    /// Rows.
    pub count: u32,
}

/// An export's summary.
#[must_use]
pub fn summary(records: &Records) -> RecordsSummary<'_> {
    let c = &records.calls;
    let mut per_code = vec![0u32; c.codes.len()];
    for i in c.facts.iter().filter_map(|f| f.connres) {
        per_code[i as usize] += 1;
    }
    let mut per_kind = vec![0u32; OutcomeKind::ALL.len()];
    for call in &c.calls {
        let k = OutcomeKind::ALL
            .iter()
            .position(|&k| k == call.outcome.kind)
            .unwrap_or(0);
        per_kind[k] += 1;
    }
    let mut outcomes: Vec<OutcomeCount> = OutcomeKind::ALL
        .iter()
        .zip(per_kind)
        .filter(|(_, n)| *n > 0)
        .map(|(&kind, count)| OutcomeCount { kind, count })
        .collect();
    outcomes.sort_by_key(|o| std::cmp::Reverse(o.count));
    let mut codes: Vec<CodeCount> = c
        .codes
        .iter()
        .zip(per_code)
        .map(|(connres, count)| CodeCount { connres, count })
        .collect();
    codes.sort_by_key(|c| std::cmp::Reverse(c.count));
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    RecordsSummary {
        format: "records",
        rows: count(records.table.len()),
        legs: count(
            c.facts
                .iter()
                .filter(|f| f.connres.is_some() || f.disposition.is_some())
                .count(),
        ),
        calls: count(c.calls.len()),
        outcomes,
        codes,
        diagnostics: Diagnostics(&records.table.diagnostics),
    }
}
