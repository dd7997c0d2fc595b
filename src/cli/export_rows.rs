//! One input of `cti-outcome export` decoded into the dataset's rows: a CTI log's (text, trace,
//! frames, capture) calls, agent states and events, or a call-record export's calls and legs.
//! Rows go straight from the calls model ([`view::dataset`]) to the tables' column builders.

use std::path::Path;

use cti_outcome::log::Log;
use cti_outcome::records::{self, RecordOptions};
use cti_outcome::sniff::{sniff, Form as SniffedForm};
use cti_outcome::store::{Form, Store};
use cti_outcome::view::dataset;
use cti_outcome::{binary, capture, view};

use super::parquet::{Table, TABLES};

/// An input's tables, each written by day as rows come.
pub struct Tables<'o> {
    /// `calls`.
    pub calls: Table<'o>,
    /// `legs` (call-record exports).
    pub legs: Table<'o>,
    /// `agent_states`.
    pub agent_states: Table<'o>,
    /// `events` (with `--events`).
    pub events: Table<'o>,
}

impl<'o> Tables<'o> {
    /// The tables of the input whose parts are named `part-{id}`, under `out`.
    pub fn new(out: &'o Path, id: &'o str) -> Self {
        let [calls, legs, agent_states, events] = TABLES.map(|t| Table::new(out, t, id));
        Tables {
            calls,
            legs,
            agent_states,
            events,
        }
    }

    /// Closes every table: the parts written, relative to the output folder.
    ///
    /// # Errors
    /// When a part cannot be written (the others are removed).
    pub fn finish(self) -> Result<Vec<String>, String> {
        let mut parts = Vec::new();
        let mut failed = None;
        for table in [self.calls, self.legs, self.agent_states, self.events] {
            if failed.is_some() {
                table.abandon();
                continue;
            }
            match table.finish() {
                Ok(p) => parts.extend(p),
                Err(e) => failed = Some(e),
            }
        }
        match failed {
            None => Ok(parts),
            Some(e) => Err(e),
        }
    }

    /// Removes every part begun.
    pub fn abandon(self) {
        for table in [self.calls, self.legs, self.agent_states, self.events] {
            table.abandon();
        }
    }
}

/// Decodes `bytes` (named `name`) into `out`'s tables: the number of calls; why not, when it
/// holds nothing to read or a part cannot be written.
pub fn write(
    name: &str,
    bytes: &[u8],
    year: Option<i32>,
    events: bool,
    out: &mut Tables<'_>,
) -> Result<u64, String> {
    let sniffed = sniff(bytes);
    let log = match sniffed.form {
        SniffedForm::Records => return write_records(name, bytes, out),
        SniffedForm::Pcap | SniffedForm::Pcapng => {
            let (store, _, _) = capture::decode(bytes, &capture::CaptureOptions::default());
            Log::of_store(store)
        }
        _ => {
            let mut log = Log::new(None, binary::Options::default());
            if let Some(year) = year {
                log.set_year(cti_outcome::traces::Year { year, month: None });
            }
            log.expect(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
            log.push(bytes);
            log.finish();
            log
        }
    };
    let store = log.store();
    if store.is_empty() {
        let why = store
            .diagnostics()
            .last()
            .map_or_else(|| sniffed.reason.to_string(), |d| d.message.clone());
        return Err(format!("nothing to export: {why}"));
    }
    let t = log.timeline();
    let mut rows = dataset::Rows::new(store, t);
    for i in 0..t.call_count() {
        call_row(name, store, &rows.call(i), &mut out.calls)?;
    }
    for i in 0..t.agent_count() {
        let mut failed = Ok(());
        rows.agent_states(i, |s| {
            if failed.is_ok() {
                failed = state_row(name, store, s, &mut out.agent_states);
            }
        });
        failed?;
    }
    if events {
        event_rows(name, store, &mut out.events)?;
    }
    Ok(u64::try_from(t.call_count()).unwrap_or(u64::MAX))
}

/// An event's timestamp (ms, UTC), when it has a date.
fn time(store: &Store, event: u32) -> Option<i64> {
    let i = usize::try_from(event).ok().filter(|&i| i < store.len())?;
    store
        .event(i)
        .time_ms()
        .and_then(|(ms, time_of_day)| (!time_of_day).then_some(ms))
}

/// Where an event is: its line (text), packet (capture) or byte offset (frames).
fn place(store: &Store, event: u32) -> Option<i64> {
    let i = usize::try_from(event).ok().filter(|&i| i < store.len())?;
    let e = store.event(i);
    Some(match store.form() {
        Form::Text | Form::Capture => i64::from(e.lines().0),
        Form::Frames => i64::try_from(e.offset()).unwrap_or(i64::MAX),
    })
}

/// A call's row.
fn call_row(
    name: &str,
    store: &Store,
    call: &dataset::CallRow<'_>,
    out: &mut Table<'_>,
) -> Result<(), String> {
    let start = time(store, call.start_event);
    let end = call.end_event.and_then(|e| time(store, e));
    out.push(start, |r| {
        r.text(Some(name))
            .text(Some(call.key))
            .time(start)
            .time(end)
            .int(start.zip(end).map(|(s, e)| e - s))
            .text(Some(call.direction))
            .text(call.call_type)
            .texts(call.agents())
            .texts(call.devices.iter().map(|d| &**d))
            .text(None)
            .text(Some(call.outcome))
            .text(Some(call.rule))
            .text(Some(call.reason))
            .places(name, call.evidence.iter().map(|&e| place(store, e)))
            .texts(call.links.iter().map(String::as_str));
    })
}

/// An agent's span in one state.
fn state_row(
    name: &str,
    store: &Store,
    s: &dataset::StateRow<'_>,
    out: &mut Table<'_>,
) -> Result<(), String> {
    let start = time(store, s.start_event);
    let end = s.end_event.and_then(|e| time(store, e));
    out.push(start, |r| {
        r.text(Some(name))
            .text(Some(s.agent))
            .text(Some(s.state))
            .int(s.reason_code)
            .time(start)
            .time(end)
            .int(s.duration_ms.and_then(|d| i64::try_from(d).ok()));
    })
}

fn event_rows(name: &str, store: &Store, out: &mut Table<'_>) -> Result<(), String> {
    for e in store.events() {
        let i = u32::try_from(e.index()).unwrap_or(u32::MAX);
        let t = view::text_event(e);
        let at = time(store, i);
        out.push(at, |r| {
            r.text(Some(name))
                .int(place(store, i))
                .time(at)
                .text(Some(&t.type_name))
                .map(t.fields.iter().map(|f| (&*f.name, &*f.raw)));
        })?;
    }
    Ok(())
}

/// A call-record export's calls and legs.
fn write_records(name: &str, bytes: &[u8], out: &mut Tables<'_>) -> Result<u64, String> {
    let records = records::read(bytes, &RecordOptions::default());
    let refused = records.table.diagnostics.iter().find(|d| {
        matches!(
            d.code,
            cti_outcome::DiagnosticCode::NoConnresColumn
                | cti_outcome::DiagnosticCode::MissingColumns
        )
    });
    if let Some(d) = refused {
        return Err(d.message.clone());
    }
    let family = records.table.family.as_str();
    for call in &records.calls.calls {
        let view = view::records::record_call(&records, call);
        let start = view.legs.iter().filter_map(|l| ms(l.start_ms)).min();
        let end = view.legs.iter().filter_map(|l| ms(l.end_ms)).max();
        let skill_group = view.legs.iter().find_map(|l| l.cisco.as_ref()?.skill_group);
        leg_rows(name, &records, &view, family, &mut out.legs)?;
        out.calls.push(start, |r| {
            r.text(Some(name))
                .text(Some(&view.key))
                .time(start)
                .time(end)
                .int(ms(view.duration_ms))
                .text(Some(view.direction))
                .text(None)
                .texts(view.legs.iter().filter_map(|l| l.cisco.as_ref()?.agent))
                .texts([])
                .text(skill_group)
                .text(Some(view.outcome.kind.as_str()))
                .text(Some(view::record_columns::rule_name(view.outcome.rule)))
                .text(Some(&view.outcome.reason))
                .places(
                    name,
                    view.outcome.evidence.iter().map(|e| Some(i64::from(e.row))),
                )
                .texts([]);
        })?;
    }
    Ok(u64::try_from(records.calls.calls.len()).unwrap_or(u64::MAX))
}

/// Milliseconds of a call-record time: real dates are whole numbers well within 2^53.
#[allow(clippy::cast_possible_truncation)]
fn ms(v: Option<f64>) -> Option<i64> {
    v.map(|v| v as i64)
}

/// The legs of a call of a call-record export.
fn leg_rows(
    name: &str,
    records: &records::Records,
    view: &view::records::RecordCall<'_>,
    family: &str,
    out: &mut Table<'_>,
) -> Result<(), String> {
    for leg in &view.legs {
        let cisco = leg.cisco.as_ref();
        let code = cisco.and_then(|c| c.disposition.as_ref());
        let connres = leg.connres.map(|i| &records.calls.codes[i as usize]);
        let meaning = code
            .map(|c| c.meaning.to_string())
            .or(connres.map(|c| c.label.to_string()));
        out.push(ms(leg.start_ms), |r| {
            r.text(Some(name))
                .text(Some(&view.key))
                .int(Some(i64::from(leg.row)))
                .int(Some(i64::from(leg.line)))
                .text(Some(family))
                .time(ms(leg.start_ms))
                .time(ms(leg.end_ms))
                .int(
                    code.map(|c| i64::from(c.code))
                        .or(connres.map(|c| i64::from(c.code))),
                )
                .text(meaning.as_deref())
                .text(
                    code.and_then(|c| c.kind)
                        .or(connres.map(|c| c.outcome))
                        .map(cti_outcome::OutcomeKind::as_str),
                )
                .text(cisco.and_then(|c| c.agent));
        })?;
    }
    Ok(())
}
