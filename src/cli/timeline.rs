//! `cti-outcome timeline`: the calls and agents of a log. As JSON (the library's `Timeline`,
//! with the log's diagnostics and each piece of evidence's place in the input, so that no
//! second `decode` is needed), as one JSON call per line, as CSV, or as a text table with a
//! header and the totals.

use std::fmt::Write as _;

use cti_outcome::collection::Files;
use cti_outcome::store::{Form, Store};
use cti_outcome::view::{self, collection::Located, timeline::TimelineView};
use cti_outcome::OutcomeKind;

use super::{collection, no_events, output, string, Decoded, Input, Owned};

/// How the calls are written.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Json,
    Ndjson,
    Csv,
    Text,
}

pub fn timeline(parser: &mut lexopt::Parser) -> Result<(), String> {
    let (input, pretty, how) = arguments(parser)?;
    let strict = input.strict;
    let (log, files) = match input.decode("timeline")? {
        Decoded::One(log, _) => (log, None),
        Decoded::Collection(collected) => {
            collection::none_read("timeline", &collected)?;
            let files = collected.files.clone();
            (collected.log, Some(files))
        }
    };
    let store = log.store();
    let mut timeline = view::timeline::timeline(store, log.timeline());
    place_evidence(&mut timeline, store, files.as_ref());
    match how {
        Output::Json => {
            let diagnostics = match &files {
                Some(files) => Diagnostics::Collection(Located::diagnostics(store, files)),
                None => Diagnostics::One(view::Diagnostics(store.diagnostics())),
            };
            output::print_json(
                &Placed {
                    timeline: &timeline,
                    diagnostics,
                },
                pretty,
            )?;
        }
        Output::Ndjson => {
            let mut out = String::new();
            for call in &timeline.calls {
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::to_string(call).map_err(|e| e.to_string())?
                );
            }
            output::write_bytes(out.as_bytes())?;
        }
        Output::Csv => output::write_bytes(csv(&timeline).as_bytes())?,
        Output::Text => output::write_bytes(table(&timeline).as_bytes())?,
    }
    no_events(&log, strict)
}

/// What `timeline` was asked: the input, `--pretty`, and how the calls are written.
fn arguments(parser: &mut lexopt::Parser) -> Result<(Input, bool, Output), String> {
    let mut input = Input::default();
    let (mut pretty, mut how) = (false, Output::Json);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())?.map(Owned::from) {
        match arg {
            Owned::Long(l) if l == "pretty" => pretty = true,
            // The per-call table, as before `--output`.
            Owned::Long(l) if l == "summary" => how = Output::Text,
            Owned::Long(l) if l == "output" => {
                how = match string(parser.value())?.as_str() {
                    "json" => Output::Json,
                    "ndjson" => Output::Ndjson,
                    "csv" => Output::Csv,
                    "text" => Output::Text,
                    other => {
                        return Err(format!(
                            "timeline: --output must be json, ndjson, csv or text, got {other:?}"
                        ))
                    }
                }
            }
            arg => {
                if !input.take(parser, &arg)? {
                    return Err(format!("timeline: unexpected {}", arg.describe()));
                }
            }
        }
    }
    Ok((input, pretty, how))
}

/// The timeline with the log's diagnostics (each with its file in a collection).
#[derive(serde::Serialize)]
struct Placed<'a> {
    #[serde(flatten)]
    timeline: &'a TimelineView,
    diagnostics: Diagnostics<'a>,
}

/// The log's diagnostics, as `decode` shows them.
enum Diagnostics<'a> {
    One(view::Diagnostics<'a>),
    Collection(Located<'a>),
}

impl serde::Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Diagnostics::One(d) => d.serialize(serializer),
            Diagnostics::Collection(d) => d.serialize(serializer),
        }
    }
}

/// Each piece of evidence's place in the input: `line` and `endLine` (text; with `file`,
/// counted in it, for a collection), `offset` (frames) or `packet` (captures).
fn place_evidence(timeline: &mut TimelineView, store: &Store, files: Option<&Files>) {
    for call in &mut timeline.calls {
        let links = call.links.iter_mut().flat_map(|l| l.evidence.iter_mut());
        for evidence in call.outcome.evidence.iter_mut().chain(links) {
            let Some(e) = usize::try_from(evidence.event)
                .ok()
                .filter(|&i| i < store.len())
            else {
                continue;
            };
            let e = store.event(e);
            let (line, end) = e.lines();
            match store.form() {
                Form::Text => match files.and_then(|f| f.locate(line).map(|at| (f, at))) {
                    Some((f, at)) => {
                        evidence.file = Some(f.name(at.file).to_owned());
                        evidence.line = Some(at.line);
                        evidence.end_line = Some(at.line + (end - line));
                    }
                    None => (evidence.line, evidence.end_line) = (Some(line), Some(end)),
                },
                Form::Frames => evidence.offset = Some(e.offset()),
                Form::Capture => evidence.packet = Some(line),
            }
        }
    }
}

/// One row per call with a header: call, type, direction, agents, outcome, reason.
fn csv(timeline: &TimelineView) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "call",
        "type",
        "direction",
        "agents",
        "start",
        "outcome",
        "rule",
        "reason",
    ]);
    for call in &timeline.calls {
        let row = [
            call.key.clone(),
            call_type(call),
            call.direction.as_str().to_owned(),
            call.agents.join(" "),
            call.start.time.clone().unwrap_or_default(),
            call.outcome.kind.as_str().to_owned(),
            call.outcome.rule.clone(),
            reason(call),
        ];
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn call_type(call: &view::timeline::Call) -> String {
    call.call_type.as_ref().map_or_else(
        || "-".to_owned(),
        |t| t.symbol.clone().unwrap_or_else(|| t.value.to_string()),
    )
}

fn reason(call: &view::timeline::Call) -> String {
    match &call.outcome.missing {
        Some(missing) => format!("{}; {missing}", call.outcome.reason),
        None => call.outcome.reason.clone(),
    }
}

/// The per-call table: a header, a line per call, and the totals per outcome.
fn table(timeline: &TimelineView) -> String {
    let mut out = format!(
        "{:<12} {:<28} {:<9} {:<12} {:<12} reason\n",
        "call", "type", "direction", "agents", "outcome"
    );
    let mut counts = vec![0usize; OutcomeKind::ALL.len()];
    for call in &timeline.calls {
        let agents = if call.agents.is_empty() {
            "-".to_owned()
        } else {
            call.agents.join(",")
        };
        let _ = writeln!(
            out,
            "{:<12} {:<28} {:<9} {:<12} {:<12} {}",
            call.key,
            call_type(call),
            call.direction.as_str(),
            agents,
            call.outcome.kind.as_str(),
            reason(call)
        );
        if let Some(k) = OutcomeKind::ALL
            .iter()
            .position(|&k| k == call.outcome.kind)
        {
            counts[k] += 1;
        }
    }
    let per: Vec<String> = OutcomeKind::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    let n = timeline.calls.len();
    let _ = writeln!(
        out,
        "{n} call{}: {}",
        if n == 1 { "" } else { "s" },
        per.join(", ")
    );
    out
}
