//! `cti-outcome summary`: the calls of a log (one file, several, a folder, an archive) or of a
//! call-record export counted by outcome, as a table with a header and a total, or as JSON or
//! CSV.

use std::fmt::Write as _;

use cti_outcome::records::{self, RecordOptions};
use cti_outcome::sniff::{sniff, Form as SniffedForm};
use cti_outcome::view::records::OutcomeCount;
use cti_outcome::OutcomeKind;
use serde::Serialize;

use super::{collection, output, read_input, string, Decoded, Input, Owned};

/// What `summary --output json` prints.
#[derive(Serialize)]
struct Counts {
    /// Calls in all.
    calls: u32,
    /// Calls per outcome, most first (outcomes with none left out).
    outcomes: Vec<OutcomeCount>,
}

/// How the counts are written.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Text,
    Json,
    Csv,
}

pub fn summary(parser: &mut lexopt::Parser) -> Result<(), String> {
    let mut input = Input::default();
    let mut how = Output::Text;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())?.map(Owned::from) {
        if arg == Owned::Long("output".into()) {
            how = match string(parser.value())?.as_str() {
                "text" => Output::Text,
                "json" => Output::Json,
                "csv" => Output::Csv,
                other => {
                    return Err(format!(
                        "summary: --output must be text, json or csv, got {other:?}"
                    ))
                }
            };
        } else if !input.take(parser, &arg)? {
            return Err(format!("summary: unexpected {}", arg.describe()));
        }
    }
    let strict = input.strict;
    let (kinds, diagnostics) = if is_records(&input) {
        let bytes = read_input("summary", input.file.clone())?;
        let records = records::read(&bytes, &RecordOptions::default());
        super::records::refuse_without_connres("summary", &records)?;
        let kinds = records.calls.calls.iter().map(|c| c.outcome.kind).collect();
        (kinds, records.table.diagnostics.clone())
    } else {
        let log = match input.decode("summary")? {
            Decoded::One(log, _) => log,
            Decoded::Collection(collected) => {
                collection::none_read("summary", &collected)?;
                collected.log
            }
        };
        let t = log.timeline();
        let kinds = (0..t.call_count())
            .filter_map(|i| t.outcome(i))
            .collect::<Vec<_>>();
        (kinds, log.store().diagnostics().to_vec())
    };
    let counts = count(&kinds);
    match how {
        Output::Json => output::print_json(&counts, false)?,
        Output::Csv | Output::Text => {
            let csv = how == Output::Csv;
            output::write_bytes(table(counts.calls, &counts.outcomes, csv).as_bytes())?;
        }
    }
    output::strict(strict, &diagnostics);
    Ok(())
}

/// Whether the one FILE given is a call-record export.
fn is_records(input: &Input) -> bool {
    let Some(file) = input
        .file
        .as_ref()
        .filter(|f| *f != "-" && input.more.is_empty())
    else {
        return false;
    };
    let head = std::fs::File::open(file).and_then(|f| {
        let mut head = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(f, 64 * 1024), &mut head)?;
        Ok(head)
    });
    head.is_ok_and(|h| sniff(&h).form == SniffedForm::Records)
}

fn count(kinds: &[OutcomeKind]) -> Counts {
    let mut outcomes: Vec<OutcomeCount> = OutcomeKind::ALL
        .iter()
        .map(|&kind| OutcomeCount {
            kind,
            count: u32::try_from(kinds.iter().filter(|&&k| k == kind).count()).unwrap_or(u32::MAX),
        })
        .filter(|o| o.count > 0)
        .collect();
    outcomes.sort_by_key(|o| std::cmp::Reverse(o.count));
    Counts {
        calls: u32::try_from(kinds.len()).unwrap_or(u32::MAX),
        outcomes,
    }
}

/// `calls` counted by outcome as a table (a header, a row per outcome, the total), or as CSV.
pub(super) fn table(calls: u32, outcomes: &[OutcomeCount], csv: bool) -> String {
    let share = |n: u32| {
        if calls == 0 {
            0.0
        } else {
            f64::from(n) * 100.0 / f64::from(calls)
        }
    };
    let mut out = String::new();
    if csv {
        out.push_str("outcome,calls,share\n");
        for o in outcomes {
            let _ = writeln!(out, "{},{},{:.1}", o.kind.as_str(), o.count, share(o.count));
        }
        let _ = writeln!(out, "total,{calls},100.0");
        return out;
    }
    let _ = writeln!(out, "{:<14} {:>9} {:>7}", "outcome", "calls", "share");
    for o in outcomes {
        let _ = writeln!(
            out,
            "{:<14} {:>9} {:>6.1}%",
            o.kind.as_str(),
            o.count,
            share(o.count)
        );
    }
    let _ = writeln!(
        out,
        "{:<14} {:>9} {:>6.1}%",
        "total",
        calls,
        if calls == 0 { 0.0 } else { 100.0 }
    );
    out
}
