//! UCCE process traces as `dumplog` writes them (`cisco-logs.md` §3): lines
//! `HH:MM:SS[:mmm] <component-process> <message>` under `Events from <Month D, YYYY>` date lines.
//! Three processes write records read here:
//! - ctisvr: `SESSION n: MsgType:NAME (Field:Value …` with further lines of the same prefix and
//!   session, closed by ` )` (§3.2); the guide's field names, InvokeID in hex, `N/A`;
//! - a PIM: `Trace: CSTA NAME,` and tab-indented `Key = Value` lines without prefix (§3.3): the
//!   switch's CSTA event, kept as an event of type `CSTA NAME` with its fields as written;
//! - the OPC: `Trace: Peripheral::SendTerminationCallDetail - …` and `Trace:` lines of
//!   `Key=Value` pairs (§3.4): a call leg's end-of-call record.

use super::clock;
use super::write::{Loc, Raw, Ty, When, Writer};
use super::{find, find_byte};
use super::{Gathered, Kind, Source};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::Store;
use crate::text::{trim, trim_end, trim_start};

/// What a `dumplog` line is, given the record being gathered.
pub(super) enum Line {
    /// A further line of that record.
    More,
    /// The first line of a record read here.
    Starts(Source),
    /// A line of another trace.
    Other,
}

/// The owner of a record's lines: the process, and for ctisvr the session.
pub(super) fn owner<'a>(process: &'a str, rest: &'a str) -> &'a str {
    match session(rest) {
        Some((s, _)) => s,
        None => process,
    }
}

/// ctisvr's `SESSION n:` and what follows it.
fn session(rest: &str) -> Option<(&str, &str)> {
    let after = rest.strip_prefix("SESSION ")?;
    let colon = find_byte(after, b':')?;
    Some((&rest[.."SESSION ".len() + colon], &after[colon + 1..]))
}

pub(super) fn kind(process: &str, rest: &str, current: Kind, record: &Gathered) -> Line {
    let same_owner = |source| {
        current == Kind::Cti(source)
            && record
                .process
                .strip_prefix(process)
                .is_some_and(|s| s.is_empty() || s.starts_with(' '))
    };
    if process.ends_with("ctisvr") {
        if let Some((s, content)) = session(rest) {
            if trim_start(content).starts_with("MsgType:") {
                return Line::Starts(Source::CtiSvr);
            }
            let open = current == Kind::Cti(Source::CtiSvr)
                && record.process.ends_with(s)
                && !closed(&record.text);
            if open {
                return Line::More;
            }
        }
        return Line::Other;
    }
    let Some(trace) = rest.strip_prefix("Trace:") else {
        return Line::Other;
    };
    let trace = trim_start(trace);
    if trace.starts_with("CSTA ") {
        return Line::Starts(Source::Pim);
    }
    if trace.starts_with("Peripheral::SendTerminationCallDetail") {
        return Line::Starts(Source::Opc);
    }
    // INFERENCE: the OPC record's end is not shown (the source cut it); its lines are taken
    // while they are `Key=Value` pairs of the same process.
    let pairs = trace
        .split_whitespace()
        .next()
        .is_some_and(|t| find_byte(t, b'=').is_some());
    if pairs && same_owner(Source::Opc) {
        return Line::More;
    }
    Line::Other
}

/// Whether a ctisvr record's text ends with its closing ` )`.
fn closed(text: &str) -> bool {
    trim_end(text).ends_with(')')
}

/// What the `dumplog` reader keeps across lines: the date of the lines, and the last time.
#[derive(Default)]
pub(super) struct State {
    /// Days since 1970 of the last `Events from` line.
    day: Option<i64>,
    /// The time of day of the last record, to see midnight pass.
    last: Option<i64>,
    said_no_date: bool,
}

impl State {
    /// An `Events from <date>` line.
    pub fn date(&mut self, store: &mut Store, number: u32, date: &str) {
        match clock::long_date(date) {
            Some(day) => {
                self.day = Some(day);
                self.last = None;
            }
            None => store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::NoDate,
                number,
                13,
                &format!("`{date}` is not a date of the form `February 8, 2007`"),
            )),
        }
    }

    /// The time of a record: dated by the last `Events from` line (a time earlier than the
    /// last one's passes midnight), or a time of day when no date came yet (said once).
    fn when<'r>(&mut self, store: &mut Store, record: &'r Gathered) -> When<'r> {
        let Some(in_day) = clock::time_of_day(&record.time) else {
            return When {
                ms: None,
                text: &record.time,
            };
        };
        let ms = match self.day {
            Some(day) => {
                if self.last.is_some_and(|last| in_day + 12 * 3_600_000 < last) {
                    self.day = Some(day + 1);
                }
                self.last = Some(in_day);
                (self.day.unwrap_or(day) * 86_400_000 + in_day, false)
            }
            None => {
                if !self.said_no_date {
                    self.said_no_date = true;
                    store.diagnostics.push(Diagnostic::text(
                        DiagnosticCode::NoDate,
                        record.at().line,
                        1,
                        "dumplog lines before any `Events from <date>` line have no date (cisco-logs.md §3.1): their times are times of day",
                    ));
                }
                (in_day, true)
            }
        };
        When {
            ms: Some(ms),
            text: &record.time,
        }
    }

    /// A ctisvr message: `MsgType:NAME (Field:Value … )` over one or more lines.
    pub fn ctisvr(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let when = self.when(store, record);
        let text = record.text.as_str();
        let start = find(text, "MsgType:").map_or(0, |i| i + "MsgType:".len());
        let name_end = text[start..]
            .find(|c: char| c == '(' || c.is_whitespace())
            .map_or(text.len(), |i| start + i);
        Writer::begin(
            store,
            Ty::Name(text[start..name_end].trim()),
            None,
            record.at(),
            when,
        );
        let open = find_byte(&text[name_end..], b'(').map_or(text.len(), |i| name_end + i + 1);
        for (i, &(_, line_start)) in record.lines.iter().enumerate() {
            let line_end = record.lines.get(i + 1).map_or(text.len(), |l| l.1) - 1;
            let content = if i == 0 {
                open.min(line_end)
            } else {
                // Further lines repeat the prefix and the session: fields follow its colon.
                let line = &text[line_start..line_end];
                find(line, "SESSION ")
                    .and_then(|s| find_byte(&line[s..], b':').map(|c| line_start + s + c + 1))
                    .unwrap_or(line_start)
            };
            write_pairs(w, store, record, (content, line_end), Source::CtiSvr);
        }
        if !closed(text) {
            record.ends_before(store, "closing ` )`");
        }
    }

    /// A PIM's CSTA event: `Trace: CSTA NAME,` and its `Key = Value` lines.
    pub fn pim(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let when = self.when(store, record);
        let text = record.text.as_str();
        let first_end = record.lines.get(1).map_or(text.len(), |l| l.1);
        let at = find(text, "CSTA ").unwrap_or(0);
        let name = text[at..first_end].trim().trim_end_matches(',').trim();
        Writer::begin(store, Ty::Other(name), None, record.at(), when);
        for (i, &(_, line_start)) in record.lines.iter().enumerate().skip(1) {
            let line_end = record.lines.get(i + 1).map_or(text.len(), |l| l.1) - 1;
            write_pairs(w, store, record, (line_start, line_end), Source::Pim);
        }
    }

    /// The OPC's end-of-call record of a call leg: `Key=Value` pairs on its `Trace:` lines.
    /// CallDisp and PeriphCallType come out as CallDisposition and PeripheralCallType (their
    /// code tables explain them); the other names stay as written.
    pub fn opc(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let when = self.when(store, record);
        Writer::begin(
            store,
            Ty::Other(crate::codes::message_types::LEG_RECORD),
            Some("Peripheral::SendTerminationCallDetail"),
            record.at(),
            when,
        );
        let text = record.text.as_str();
        for (i, &(_, line_start)) in record.lines.iter().enumerate() {
            let line_end = record.lines.get(i + 1).map_or(text.len(), |l| l.1) - 1;
            let line = &text[line_start..line_end];
            let from = find(line, "Trace:").map_or(0, |t| t + "Trace:".len());
            let from = if i == 0 {
                find(line, " - ").map_or(line.len(), |d| d + 3)
            } else {
                from
            };
            write_pairs(w, store, record, (line_start + from, line_end), Source::Opc);
        }
    }
}

/// A field of a `dumplog` record: where its name starts and ends, and its value ends, in the
/// record's text (the value starts after the separator).
struct Pair {
    key: usize,
    sep: usize,
    end: usize,
}

/// The `Name<sep>Value` pairs of `text[from..to]`, split at white space: a token with `sep`
/// after a name starts a pair (ctisvr's `Name:Value`, the OPC's `Key=Value`), and so does a
/// name followed by a lone `=` (a PIM's `Key = Value`); any other token goes with the value
/// before it, which may so hold spaces (`PeriphCallType=2 DBCD_PREROUTE_ACD_IN`). ctisvr's
/// closing ` )` ends the pairs.
fn pairs(text: &str, from: usize, to: usize, sep: u8) -> Vec<Pair> {
    let b = text.as_bytes();
    let mut out: Vec<Pair> = Vec::new();
    let mut at = from;
    let mut lone_key: Option<usize> = None;
    while at < to {
        while at < to && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while at < to && !b[at].is_ascii_whitespace() {
            at += 1;
        }
        if start == at {
            break;
        }
        let token = &b[start..at];
        if token == b")" && sep == b':' {
            break;
        }
        if token == b"=" && sep == b'=' {
            if let Some(key) = lone_key.take() {
                out.pop();
                out.push(Pair {
                    key,
                    sep: start,
                    end: start,
                });
            }
            continue;
        }
        let name_len = token
            .iter()
            .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'[' | b']' | b'#')))
            .unwrap_or(token.len());
        if name_len > 0 && token.get(name_len) == Some(&sep) {
            let end = if token.last() == Some(&b',') {
                at - 1
            } else {
                at
            };
            out.push(Pair {
                key: start,
                sep: start + name_len,
                end: end.max(start + name_len + 1),
            });
            lone_key = None;
        } else if let Some(last) = out.last_mut() {
            last.end = if token.last() == Some(&b',') {
                at - 1
            } else {
                at
            };
            lone_key = (name_len == token.len()).then_some(start);
            if lone_key.is_some() {
                // A bare word may be the next pair's name (`Key = Value`): kept apart until the
                // `=` after it says so.
                last.end = prev_end(b, start);
                out.push(Pair {
                    key: start,
                    sep: start,
                    end: at,
                });
            }
        } else if name_len == token.len() {
            lone_key = Some(start);
            out.push(Pair {
                key: start,
                sep: start,
                end: at,
            });
        }
    }
    // A bare word no `=` followed belongs to the value before it.
    // (One before any pair is kept as a pair of its own, named `?` when written.)
    let mut merged: Vec<Pair> = Vec::with_capacity(out.len());
    for p in out {
        match merged.last_mut() {
            Some(last) if p.sep == p.key => last.end = p.end,
            _ => merged.push(p),
        }
    }
    merged
}

/// The end of the text before `at`, without the white space in between.
fn prev_end(b: &[u8], mut at: usize) -> usize {
    while at > 0 && b[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    at
}

/// Writes the pairs of `text[from..to]`: ctisvr's under the guide's names, a PIM's as written,
/// the OPC's as written but for CallDisp and PeriphCallType (`13,DBCD_…`: the number, then its
/// symbol), which their code tables explain.
fn write_pairs(
    w: &mut Writer,
    store: &mut Store,
    record: &Gathered,
    (from, to): (usize, usize),
    source: Source,
) {
    let text = record.text.as_str();
    let sep = if source == Source::CtiSvr { b':' } else { b'=' };
    for p in pairs(text, from, to, sep) {
        // Text before any `Name<sep>` is kept under the name `?` (said as an unknown name).
        let (key, value) = if p.sep == p.key {
            ("?", trim(&text[p.key..p.end]))
        } else {
            (
                trim_end(&text[p.key..p.sep]),
                trim(&text[(p.sep + 1).min(p.end)..p.end]),
            )
        };
        match (source, key) {
            (Source::CtiSvr, _) => {
                let raw = if value == "N/A" {
                    Raw::Absent(value)
                } else {
                    Raw::Text(value)
                };
                w.field(store, key, raw, Loc(record, p.key));
            }
            (Source::Opc, "CallDisp" | "PeriphCallType") => {
                let cut = value.find([',', ' ']).unwrap_or(value.len());
                let raw = match value[..cut].parse::<i64>() {
                    Ok(n) if cut < value.len() => Raw::Coded(n, trim(&value[cut + 1..]), value),
                    _ => Raw::Text(value),
                };
                w.field(store, key, raw, Loc(record, p.key));
            }
            _ => w.verbatim(store, key, value),
        }
    }
}
