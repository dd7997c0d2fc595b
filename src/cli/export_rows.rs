//! One input of `cti-outcome export` decoded into the dataset's rows: a CTI log's (text, trace,
//! frames, capture) calls, agent states and events, or a call-record export's calls and legs.

use cti_outcome::log::Log;
use cti_outcome::records::{self, RecordOptions};
use cti_outcome::sniff::{sniff, Form as SniffedForm};
use cti_outcome::store::{Form, Store};
use cti_outcome::view::timeline::{Agent, Call};
use cti_outcome::{binary, capture, view};

use super::parquet::{Cell, Rows};

/// An input's rows, by table.
#[derive(Default)]
pub struct Tables {
    /// `calls`.
    pub calls: Rows,
    /// `legs` (call-record exports).
    pub legs: Rows,
    /// `agent_states`.
    pub agent_states: Rows,
    /// `events` (with `--events`).
    pub events: Rows,
}

/// Decodes `bytes` (named `name`) into rows; why not, when it holds nothing to read.
pub fn tables(name: &str, bytes: &[u8], year: Option<i32>, events: bool) -> Result<Tables, String> {
    let sniffed = sniff(bytes);
    let log = match sniffed.form {
        SniffedForm::Records => return records_tables(name, bytes),
        SniffedForm::Pcap | SniffedForm::Pcapng => {
            let (store, _, _) = capture::decode(bytes, &capture::CaptureOptions::default());
            Log::of_store(store)
        }
        _ => {
            let mut log = Log::new(None, binary::Options::default());
            if let Some(year) = year {
                log.set_year(cti_outcome::traces::Year { year, month: None });
            }
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
    // Call by call and agent by agent: not the whole timeline view, whose session (requests and
    // replies) the dataset has no table for.
    let t = log.timeline();
    let mut out = Tables::default();
    for i in 0..t.call_count() {
        let (start, row) = call_row(name, store, view::timeline::call_view(store, t, i));
        out.calls.push(start, row);
    }
    for i in 0..t.agent_count() {
        agent_rows(
            name,
            store,
            &view::timeline::agent(store, t, i),
            &mut out.agent_states,
        );
    }
    if events {
        event_rows(name, store, &mut out.events);
    }
    Ok(out)
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

fn text(s: &str) -> Cell {
    Cell::Text(Some(s.to_owned()))
}

/// A call's row, and its start.
fn call_row(name: &str, store: &Store, call: Call) -> (Option<i64>, Vec<Cell>) {
    let start = time(store, call.start.event);
    let end = call.end.as_ref().and_then(|p| time(store, p.event));
    let evidence = call
        .outcome
        .evidence
        .iter()
        .map(|e| (name.to_owned(), place(store, e.event)))
        .collect();
    let call_type = call
        .call_type
        .as_ref()
        .map(|t| t.symbol.clone().unwrap_or_else(|| t.value.to_string()));
    let direction: &'static str = call.direction.into();
    let links = call
        .links
        .iter()
        .map(|l| {
            let kind = serde_json::to_value(l.kind).ok();
            format!(
                "{}:{}",
                kind.as_ref().and_then(|k| k.as_str()).unwrap_or(""),
                l.call
            )
        })
        .collect();
    let row = vec![
        text(name),
        Cell::Text(Some(call.key)),
        Cell::Time(start),
        Cell::Time(end),
        Cell::Int(start.zip(end).map(|(s, e)| e - s)),
        text(direction),
        Cell::Text(call_type),
        Cell::Texts(call.agents),
        Cell::Texts(call.devices),
        Cell::Text(None),
        text(call.outcome.kind.as_str()),
        Cell::Text(Some(call.outcome.rule)),
        Cell::Text(Some(call.outcome.reason)),
        Cell::Places(evidence),
        Cell::Texts(links),
    ];
    (start, row)
}

/// An agent's state spans.
fn agent_rows(name: &str, store: &Store, agent: &Agent, out: &mut Rows) {
    for s in &agent.segments {
        let start = time(store, s.start.event);
        let end = s.end.as_ref().and_then(|p| time(store, p.event));
        let state = s
            .state
            .symbol
            .clone()
            .unwrap_or_else(|| s.state.value.to_string());
        out.push(
            start,
            vec![
                text(name),
                text(&agent.key),
                text(&state),
                Cell::Int(s.reason_code),
                Cell::Time(start),
                Cell::Time(end),
                Cell::Int(s.duration_ms.and_then(|d| i64::try_from(d).ok())),
            ],
        );
    }
}

fn event_rows(name: &str, store: &Store, out: &mut Rows) {
    for e in store.events() {
        let i = u32::try_from(e.index()).unwrap_or(u32::MAX);
        let t = view::text_event(e);
        let fields = t
            .fields
            .iter()
            .map(|f| (f.name.to_string(), f.raw.to_string()))
            .collect();
        let at = time(store, i);
        out.push(
            at,
            vec![
                text(name),
                Cell::Int(place(store, i)),
                Cell::Time(at),
                text(&t.type_name),
                Cell::Map(fields),
            ],
        );
    }
}

/// A call-record export's calls and legs.
fn records_tables(name: &str, bytes: &[u8]) -> Result<Tables, String> {
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
    let family = serde_json::to_value(records.table.family)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut out = Tables::default();
    for call in &records.calls.calls {
        let view = view::records::record_call(&records, call);
        // Milliseconds of real dates are whole numbers well within 2^53.
        #[allow(clippy::cast_possible_truncation)]
        let ms = |v: Option<f64>| v.map(|v| v as i64);
        let start = view.legs.iter().filter_map(|l| ms(l.start_ms)).min();
        let end = view.legs.iter().filter_map(|l| ms(l.end_ms)).max();
        let agents: Vec<String> = view
            .legs
            .iter()
            .filter_map(|l| l.cisco.as_ref()?.agent.map(str::to_owned))
            .collect();
        let skill_group = view
            .legs
            .iter()
            .find_map(|l| l.cisco.as_ref()?.skill_group.map(str::to_owned));
        let evidence = view
            .outcome
            .evidence
            .iter()
            .map(|e| (name.to_owned(), Some(i64::from(e.row))))
            .collect();
        leg_rows(name, &records, &view, &family, &mut out.legs);
        out.calls.push(
            start,
            vec![
                text(name),
                text(&view.key),
                Cell::Time(start),
                Cell::Time(end),
                Cell::Int(ms(view.duration_ms)),
                text(view.direction),
                Cell::Text(None),
                Cell::Texts(agents),
                Cell::Texts(Vec::new()),
                Cell::Text(skill_group),
                text(view.outcome.kind.as_str()),
                text(view::record_columns::rule_name(view.outcome.rule)),
                text(&view.outcome.reason),
                Cell::Places(evidence),
                Cell::Texts(Vec::new()),
            ],
        );
    }
    Ok(out)
}

/// The legs of a call of a call-record export.
fn leg_rows(
    name: &str,
    records: &records::Records,
    view: &view::records::RecordCall<'_>,
    family: &str,
    out: &mut Rows,
) {
    // Milliseconds of real dates are whole numbers well within 2^53.
    #[allow(clippy::cast_possible_truncation)]
    let ms = |v: Option<f64>| v.map(|v| v as i64);
    for leg in &view.legs {
        let cisco = leg.cisco.as_ref();
        let code = cisco.and_then(|c| c.disposition.as_ref());
        let connres = leg.connres.map(|i| &records.calls.codes[i as usize]);
        out.push(
            ms(leg.start_ms),
            vec![
                text(name),
                text(&view.key),
                Cell::Int(Some(i64::from(leg.row))),
                Cell::Int(Some(i64::from(leg.line))),
                text(family),
                Cell::Time(ms(leg.start_ms)),
                Cell::Time(ms(leg.end_ms)),
                Cell::Int(
                    code.map(|c| i64::from(c.code))
                        .or(connres.map(|c| i64::from(c.code))),
                ),
                Cell::Text(
                    code.map(|c| c.meaning.to_string())
                        .or(connres.map(|c| c.label.to_string())),
                ),
                Cell::Text(
                    code.and_then(|c| c.kind)
                        .or(connres.map(|c| c.outcome))
                        .map(|k| k.as_str().to_owned()),
                ),
                Cell::Text(cisco.and_then(|c| c.agent.map(str::to_owned))),
            ],
        );
    }
}
