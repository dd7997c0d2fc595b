//! A call-record export's calls as columns (the [`CallColumns`] shape the page's call list
//! draws), and its head: everything but the calls.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use super::calls::CallColumns;
use super::columns::Table;
use super::records::RecordsExport;
use super::{Diagnostics, RowDiagnostic};
use crate::codes::connres::Direction;
use crate::codes::q850;
use crate::outcome::OutcomeKind;
use crate::records::{Call, RecordRule, Records, Role};

/// An export without its calls: what the page shows before it lists them.
#[derive(Serialize, TS)]
#[ts(rename = "RecordsHead")]
pub struct RecordsHead<'a> {
    /// How the export was read, its columns, rows and codes.
    #[serde(flatten)]
    #[ts(flatten)]
    pub export: RecordsExport<'a>,
    /// Calls.
    pub calls: u32,
    /// Everything wrong, by row and column.
    #[ts(as = "Vec<RowDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
}

/// The head of `records`.
#[must_use]
pub fn records_head(records: &Records) -> RecordsHead<'_> {
    RecordsHead {
        export: super::records::records_export(records),
        calls: u32::try_from(records.calls.calls.len()).unwrap_or(u32::MAX),
        diagnostics: Diagnostics(&records.table.diagnostics),
    }
}

/// What a short reason depends on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ReasonKey {
    Code(RecordRule, u32),
    APart(OutcomeKind, Option<u8>),
    Fixed(RecordRule),
    /// A Cisco rule, the disposition and the ContactQueueDetail one (or the flagged kind).
    Cisco(RecordRule, Option<u32>, Option<u32>, OutcomeKind),
}

/// The calls as columns: key, direction, first row, start, duration, outcome, rule, a short
/// reason (shared by the calls it fits) and the number of rows.
#[must_use]
pub fn record_call_columns(records: &Records) -> CallColumns {
    let mut c = CallColumns::default();
    let mut t = Table::default();
    let mut reasons: FxHashMap<ReasonKey, u32> = FxHashMap::default();
    let facts = &records.calls.facts;
    let mut key = String::new();
    for (i, call) in records.calls.calls.iter().enumerate() {
        key.clear();
        super::records::write_call_key(records, call, &mut key);
        let (_, duration) = super::records::call_span(records, call);
        c.key.push(t.push(&key));
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        c.call_id.push(key.parse().unwrap_or(index));
        c.call_type.push(-1);
        c.direction.push(match call.direction {
            Some(Direction::Inbound) => 0,
            Some(Direction::Outbound) => 1,
            None => 3,
        });
        c.agents.push(-1);
        c.start_event.push(index);
        #[allow(clippy::cast_precision_loss)] // ms of any real date are well within 2^53
        c.start_ms.push(
            call.rows
                .iter()
                .filter_map(|&r| facts[r as usize].times[0])
                .min()
                .map_or(f64::NAN, |ms| ms as f64),
        );
        // The start as written is in the call itself; the list writes `startMs` (a string per
        // call would make a million-row list's string table tens of megabytes).
        c.start_time.push(-1);
        c.duration_ms.push(duration.unwrap_or(f64::NAN));
        let kind = call.outcome.kind;
        c.outcome.push(kind.index());
        c.rule.push(t.fixed(rule_name(call.outcome.rule)));
        let key = reason_key(records, call);
        let reason = *reasons
            .entry(key)
            .or_insert_with(|| t.text(Cow::Owned(short_reason(records, key))));
        c.reason.push(reason);
        c.events
            .push(u32::try_from(call.rows.len()).unwrap_or(u32::MAX));
    }
    (c.strings, c.string_ends) = t.finish();
    c
}

/// The rule's name, as the JSON writes it.
#[must_use]
pub fn rule_name(rule: RecordRule) -> &'static str {
    match rule {
        RecordRule::APart => "a-part",
        RecordRule::LegAnswered => "leg-answered",
        RecordRule::LastLeg => "last-leg",
        RecordRule::PlatformAnswered => "platform-answered",
        RecordRule::NoConnres => "no-connres",
        RecordRule::LastDisposition => "last-disposition",
        RecordRule::AllPartial => "all-partial",
        RecordRule::LegFlag => "leg-flag",
        RecordRule::QueueDetail => "queue-detail",
        RecordRule::NoDisposition => "no-disposition",
    }
}

fn reason_key(records: &Records, call: &Call) -> ReasonKey {
    let o = call.outcome;
    let facts = &records.calls.facts;
    if records.table.family != crate::records::Family::Jtel {
        let code = o.row.and_then(|r| facts[r as usize].disposition);
        let queue = super::cisco_records::queue_code(records, call);
        return ReasonKey::Cisco(o.rule, code, queue, o.kind);
    }
    match o.rule {
        RecordRule::LegAnswered | RecordRule::LastLeg => {
            match o.row.and_then(|r| facts[r as usize].connres) {
                Some(i) => ReasonKey::Code(o.rule, i),
                None => ReasonKey::Fixed(o.rule),
            }
        }
        RecordRule::APart => {
            let cause = call.rows.iter().find_map(|&r| facts[r as usize].cause);
            ReasonKey::APart(o.kind, cause)
        }
        rule => ReasonKey::Fixed(rule),
    }
}

fn short_reason(records: &Records, key: ReasonKey) -> String {
    let t = &records.table;
    let connect = t
        .column_of(Role::Connect)
        .map_or("dtCallConnect", |c| t.columns[c].as_str());
    match key {
        ReasonKey::Code(rule, i) => {
            let c = &records.calls.codes[i as usize];
            let cause = c
                .cause
                .as_ref()
                .map(|q| format!(" (cause {}, {})", q.code, q.name))
                .unwrap_or_default();
            let lead = if rule == RecordRule::LegAnswered {
                "a leg was answered: "
            } else {
                ""
            };
            format!("{lead}CONNRES {} {}{cause}", c.code, c.label)
        }
        ReasonKey::APart(OutcomeKind::Abandoned, _) => {
            format!("never connected ({connect} empty); the caller hung up")
        }
        ReasonKey::APart(_, Some(cause)) => format!(
            "never connected ({connect} empty); cause {cause}, {}",
            q850::decode(cause).name
        ),
        ReasonKey::APart(_, None) => format!("never connected ({connect} empty); no cause"),
        ReasonKey::Fixed(RecordRule::PlatformAnswered) => {
            format!("connected by the platform ({connect} set); no leg has a CONNRES")
        }
        ReasonKey::Fixed(_) => "no row has a CONNRES".to_owned(),
        ReasonKey::Cisco(rule, code, queue, kind) => {
            super::cisco_records::short_reason(records, rule, code, queue, kind)
        }
    }
}

/// The calls (indices, in order) whose key, outcome or any cell contains `needle`, ASCII case
/// ignored.
#[must_use]
pub fn search(records: &Records, needle: &str) -> Vec<u32> {
    let needle = needle.trim().as_bytes();
    let has = |text: &str| {
        needle.is_empty()
            || text
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
    };
    let t = &records.table;
    let mut out = Vec::new();
    for (i, call) in records.calls.calls.iter().enumerate() {
        let found = has(call.outcome.kind.as_str())
            || has(&super::records::call_key(records, call))
            || call.rows.iter().any(|&r| {
                let row = r as usize;
                (0..t.cells_in(row)).any(|c| t.raw(row, c).is_some_and(has))
            });
        if found {
            out.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    out
}
