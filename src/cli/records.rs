//! `cti-outcome records`: a call-record export (CSV, semicolon- or tab-separated) read into calls
//! with legs and outcomes.

use std::ffi::OsString;

use cti_outcome::records::{self, RecordOptions, Role};
use cti_outcome::view::records as view;
use lexopt::prelude::*;

use super::{output, print_json, read_input, string, Owned};

/// Reads FILE and prints `{ format, …, calls, diagnostics }`, or with `--summary` the counts:
/// the table `summary` prints (a header, calls per outcome, the total) and rows per CONNRES
/// code, or with `--output json` all of it as JSON.
pub fn records(parser: &mut lexopt::Parser) -> Result<(), String> {
    let mut options = RecordOptions::default();
    let (mut file, mut pretty, mut summary): (Option<OsString>, _, _) = (None, false, false);
    let mut queue: Option<OsString> = None;
    let mut strict = false;
    let mut json = false;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("pretty") => pretty = true,
            Long("strict") => strict = true,
            Long("summary") => summary = true,
            Long("output") => {
                json = match string(parser.value())?.as_str() {
                    "json" => true,
                    "text" => false,
                    other => {
                        return Err(format!(
                            "records: --output must be json or text (of --summary), got {other:?}"
                        ))
                    }
                };
            }
            Long("column") => options.columns.push(mapping(&string(parser.value())?)?),
            Long("direction") => {
                let text = string(parser.value())?;
                let direction = cti_outcome::Direction::parse(&text)
                    .map_err(|e| format!("records: --direction: {e}"))?;
                options.direction = Some(direction);
            }
            Value(v) if file.is_none() => file = Some(v),
            // A UCCX ContactQueueDetail export beside its ContactCallDetail one.
            Value(v) if queue.is_none() => queue = Some(v),
            other => {
                return Err(format!(
                    "records: unexpected {}",
                    Owned::from(other).describe()
                ))
            }
        }
    }
    let bytes = read_input("records", file)?;
    let queue = queue.map(|q| read_input("records", Some(q))).transpose()?;
    let records = records::read_with_queue(&bytes, queue.as_deref(), &options);
    let t = &records.table;
    eprintln!(
        "cti-outcome: read as call records, {} ({}, {}-separated): {} rows, {} calls",
        t.family.table(),
        t.encoding.describe(),
        match t.separator {
            b';' => "semicolon",
            b'\t' => "tab",
            _ => "comma",
        },
        t.len(),
        records.calls.calls.len()
    );
    if summary && !json {
        output::write_bytes(summary_text(&view::summary(&records)).as_bytes())?;
    } else if summary {
        print_json(&view::summary(&records), pretty)?;
    } else {
        print_json(&view::decoded_records(&records), pretty)?;
    }
    refuse_without_connres("records", &records)?;
    output::strict(strict, &records.table.diagnostics);
    Ok(())
}

/// `--summary` as text: the outcome table of `summary`, then rows per CONNRES code (jtel).
fn summary_text(s: &view::RecordsSummary<'_>) -> String {
    use std::fmt::Write as _;
    let mut out = super::summary::table(s.calls, &s.outcomes, false);
    if !s.codes.is_empty() {
        let _ = writeln!(out, "\n{:<8} {:>9}  meaning", "connres", "rows");
        for c in &s.codes {
            let r = c.connres;
            let _ = write!(
                out,
                "{:<8} {:>9}  {} ({})",
                r.code,
                c.count,
                r.label,
                r.direction.as_str()
            );
            let _ = match &r.cause {
                Some(cause) => writeln!(out, ", Q.850 cause {} {}", cause.code, cause.name),
                None => writeln!(out),
            };
        }
    }
    out
}

/// An export with no CONNRES column has no outcome to give: refused (status 2) with the
/// diagnostic's sentence, after the JSON that says the same.
pub fn refuse_without_connres(command: &str, records: &records::Records) -> Result<(), String> {
    match records.table.diagnostics.iter().find(|d| {
        matches!(
            d.code,
            cti_outcome::DiagnosticCode::NoConnresColumn
                | cti_outcome::DiagnosticCode::MissingColumns
        )
    }) {
        Some(d) => Err(format!("{command}: {}", d.message)),
        None => Ok(()),
    }
}

/// `ROLE=NAME` of `--column`.
fn mapping(text: &str) -> Result<(Role, String), String> {
    let keys: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
    let (key, name) = text
        .split_once('=')
        .ok_or(format!("records: --column must be ROLE=NAME, got {text:?}"))?;
    let role = Role::parse(key.trim()).ok_or(format!(
        "records: --column: {key:?} is no role; the roles are {}",
        keys.join(", ")
    ))?;
    Ok((role, name.trim().to_owned()))
}
