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
use super::{Gathered, Kind, Prefix, Source};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::Store;

/// The prefix of a `dumplog` line: a time, then a `component-process` token.
pub(super) fn prefix(line: &str) -> Option<Prefix<'_>> {
    let b = line.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !(digit(0) && digit(1) && b.get(2) == Some(&b':') && digit(3) && digit(4)) {
        return None;
    }
    if !(b.get(5) == Some(&b':') && digit(6) && digit(7)) {
        return None;
    }
    let mut end = 8;
    if b.get(8) == Some(&b':') && digit(9) && digit(10) && digit(11) {
        end = 12;
    }
    if b.get(end) != Some(&b' ') {
        return None;
    }
    let after = &line[end + 1..];
    let process_len = after.find(' ').unwrap_or(after.len());
    let process = &after[..process_len];
    // `cg1A-ctisvr`, `ra-rtr`, `pg2B-opc`: a component and a process joined by `-`.
    if !process.contains('-') || process.starts_with("MsgType") {
        return None;
    }
    Some(Prefix::Dumplog {
        time: &line[..end],
        process,
        rest: after[process_len..].trim_start(),
    })
}

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
    let colon = after.find(':')?;
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
            if content.trim_start().starts_with("MsgType:") {
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
    let trace = trace.trim_start();
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
        .is_some_and(|t| t.contains('='));
    if pairs && same_owner(Source::Opc) {
        return Line::More;
    }
    Line::Other
}

/// Whether a ctisvr record's text ends with its closing ` )`.
fn closed(text: &str) -> bool {
    text.trim_end().ends_with(')')
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
                "Events from ".len() as u32 + 1,
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
        let start = text.find("MsgType:").map_or(0, |i| i + "MsgType:".len());
        let name_end = text[start..]
            .find(|c: char| c == '(' || c.is_whitespace())
            .map_or(text.len(), |i| start + i);
        w.begin(
            store,
            Ty::Name(text[start..name_end].trim()),
            None,
            record.at(),
            when,
        );
        let open = text[name_end..]
            .find('(')
            .map_or(text.len(), |i| name_end + i + 1);
        for (i, &(_, line_start)) in record.lines.iter().enumerate() {
            let line_end = record.lines.get(i + 1).map_or(text.len(), |l| l.1) - 1;
            let content = if i == 0 {
                open.min(line_end)
            } else {
                // Further lines repeat the prefix and the session: fields follow its colon.
                let line = &text[line_start..line_end];
                line.find("SESSION ")
                    .and_then(|s| line[s..].find(':').map(|c| line_start + s + c + 1))
                    .unwrap_or(line_start)
            };
            fields(w, store, record, content, line_end);
        }
        if !closed(text) {
            Writer::truncated(store);
            let (line, column) = record.position(text.len().saturating_sub(1));
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::RecordCut,
                line,
                column,
                "the message's closing ` )` is missing: the record ends first; its fields so far are kept",
            ));
        }
    }

    /// A PIM's CSTA event: `Trace: CSTA NAME,` and its `Key = Value` lines.
    pub fn pim(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let when = self.when(store, record);
        let text = record.text.as_str();
        let first_end = record.lines.get(1).map_or(text.len(), |l| l.1);
        let at = text.find("CSTA ").unwrap_or(0);
        let name = text[at..first_end].trim().trim_end_matches(',').trim();
        w.begin(store, Ty::Other(name), None, record.at(), when);
        for (i, &(_, line_start)) in record.lines.iter().enumerate().skip(1) {
            let line_end = record.lines.get(i + 1).map_or(text.len(), |l| l.1) - 1;
            switch_pairs(w, store, &text[line_start..line_end]);
        }
    }

    /// The OPC's end-of-call record of a call leg: `Key=Value` pairs on its `Trace:` lines.
    /// CallDisp and PeriphCallType come out as CallDisposition and PeripheralCallType (their
    /// code tables explain them); the other names stay as written.
    pub fn opc(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let when = self.when(store, record);
        w.begin(
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
            let from = line.find("Trace:").map_or(0, |t| t + "Trace:".len());
            let from = if i == 0 {
                line.find(" - ").map_or(line.len(), |d| d + 3)
            } else {
                from
            };
            opc_pairs(w, store, record, line_start + from, line_end);
        }
    }
}

/// ctisvr fields in `text[from..to]`: `Name:Value` tokens; a token without such a name goes
/// with the value before it (a value may hold spaces); ` )` closes.
fn fields(w: &mut Writer, store: &mut Store, record: &Gathered, from: usize, to: usize) {
    let text = &record.text[..to];
    let mut current: Option<(usize, usize, usize)> = None; // name start, colon, value end
    let flush = |w: &mut Writer, store: &mut Store, c: Option<(usize, usize, usize)>| {
        if let Some((start, colon, end)) = c {
            let value = text[colon + 1..end].trim();
            let raw = if value == "N/A" {
                Raw::Absent(value)
            } else {
                Raw::Text(value)
            };
            w.field(store, &text[start..colon], raw, Loc(record, start));
        }
    };
    let mut at = from;
    for token in text[from..].split_ascii_whitespace() {
        let start = at + text[at..].find(token).unwrap_or(0);
        let end = start + token.len();
        at = end;
        if token == ")" {
            break;
        }
        let named = token.find(':').filter(|&c| {
            c > 0
                && token[..c]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'[' | b']'))
        });
        match named {
            Some(c) => {
                flush(w, store, current.take());
                current = Some((start, start + c, end));
            }
            None => {
                if let Some(c) = &mut current {
                    c.2 = end;
                }
            }
        }
    }
    flush(w, store, current);
}

/// A PIM line's `Key = Value` pairs (several per line), or `Key=Value` (`PrivData=[…]`); a
/// line of neither is kept whole as `Text`.
fn switch_pairs(w: &mut Writer, store: &mut Store, line: &str) {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let keys: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens.get(i + 1) == Some(&"="))
        .collect();
    if keys.is_empty() {
        match line.trim().split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !k.contains(' ') => {
                w.verbatim(store, k.trim(), v.trim());
            }
            _ if !line.trim().is_empty() => w.verbatim(store, "Text", line.trim()),
            _ => {}
        }
        return;
    }
    for (n, &k) in keys.iter().enumerate() {
        let end = keys.get(n + 1).copied().unwrap_or(tokens.len());
        let value = tokens[(k + 2).min(end)..end].join(" ");
        w.verbatim(store, tokens[k], &value);
    }
}

/// The OPC's `Key=Value` tokens in `text[from..to]`; a token without `=` goes with the value
/// before it (`PeriphCallType=2 DBCD_PREROUTE_ACD_IN`); a trailing `,` is a separator.
fn opc_pairs(w: &mut Writer, store: &mut Store, record: &Gathered, from: usize, to: usize) {
    let text = &record.text[..to];
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new(); // key start, '=', value end
    let mut at = from;
    for token in text[from..].split_ascii_whitespace() {
        let start = at + text[at..].find(token).unwrap_or(0);
        let end = start + token.trim_end_matches(',').len();
        at = start + token.len();
        match token.find('=') {
            Some(eq) if eq > 0 => pairs.push((start, start + eq, end)),
            _ => {
                if let Some(p) = pairs.last_mut() {
                    p.2 = end;
                }
            }
        }
    }
    for (start, eq, end) in pairs {
        let key = &text[start..eq];
        let value = text[eq + 1..end].trim();
        match key {
            "CallDisp" | "PeriphCallType" => {
                // `13,DBCD_DROP_HANDLED_PRIMARY_ROUTE`, `2 DBCD_PREROUTE_ACD_IN`: the number, then
                // its symbol.
                let cut = value.find([',', ' ']).unwrap_or(value.len());
                let raw = match value[..cut].parse::<i64>() {
                    Ok(n) if cut < value.len() => Raw::Coded(n, value[cut + 1..].trim(), value),
                    _ => Raw::Text(value),
                };
                w.named(store, key, raw, Loc(record, start));
            }
            _ => w.verbatim(store, key, value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_told() {
        match prefix("22:21:22:921 cg1A-ctisvr SESSION 9: MsgType:X (InvokeID:0x1") {
            Some(Prefix::Dumplog {
                time,
                process,
                rest,
            }) => {
                assert_eq!((time, process), ("22:21:22:921", "cg1A-ctisvr"));
                assert!(rest.starts_with("SESSION 9:"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            prefix("00:37:44 ra-rtr MDS is in service."),
            Some(Prefix::Dumplog { .. })
        ));
        assert_eq!(prefix("10:43:59 MsgType: BEGIN_CALL_EVENT"), None);
        assert_eq!(prefix("12: Sep 22 2014"), None);
        assert_eq!(
            session("SESSION 9:         SkillGroupNumber:28353 )").map(|s| s.0),
            Some("SESSION 9")
        );
    }
}
