//! Flattened and run-on dumps: events whose fields were pasted onto their `MsgType:` line (a web
//! page collapses white space: `MsgType: CALL_DATA_UPDATE_EVENT NumCTIClients: 0 …`), several
//! events on one line, and a `MsgType:` that follows prose (`Server sends the following
//! message(s) MsgType: BEGIN_CALL_EVENT …`).
//!
//! Such a line is cut at each `MsgType:` token and at each token that names a field: a name the
//! references know (the field catalogue, UCCX's spellings, ECC variables), or an unknown one
//! written like a field name (`FooID:`, `Some_Name:`; a capitalised word such as `Note:` is not
//! taken). A value runs to the next cut, so it may hold spaces (`Cancel Reservation`), colons
//! and nothing at all. A timestamp just before a cut belongs to what follows it.

use super::line::{self, Line};
use super::TextDecoder;
use crate::codes::fields::{resolve, Named};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{NoteKind, Store};

/// A piece of a flattened line. Every `&str` is a slice of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// Text before the first `MsgType:` (a note).
    Prose(&'a str),
    /// `MsgType:`, with the type as written and the timestamp written before it.
    MsgType(&'a str, Option<&'a str>),
    /// A field: name as written, value.
    Field(&'a str, &'a str),
    /// `...` or `…`: the dump elides the rest of the event.
    Ellipsis,
}

/// A token and where it starts and ends in the line.
#[derive(Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                out.push(Token {
                    text: &s[from..i],
                    start: from,
                    end: i,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(Token {
            text: &s[from..],
            start: from,
            end: s.len(),
        });
    }
    out
}

/// What cuts the line at a token: `MsgType:` (spread over one or two tokens), or a field name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut<'a> {
    MsgType { tokens: usize },
    Field(&'a str),
    Ellipsis,
}

fn cut_at(tokens: &[Token<'_>], i: usize) -> Option<Cut<'static>> {
    let t = tokens[i].text;
    if t.eq_ignore_ascii_case("MsgType:") {
        return Some(Cut::MsgType { tokens: 1 });
    }
    if t.eq_ignore_ascii_case("MsgType") && tokens.get(i + 1).is_some_and(|n| n.text == ":") {
        return Some(Cut::MsgType { tokens: 2 });
    }
    None
}

/// Whether `stem` (a token without its colon) names a field: one the references know, or an
/// unknown one written like a field name.
pub(super) fn is_field_name(stem: &str) -> bool {
    if stem.is_empty() || !stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    if resolve(stem).named != Named::Unknown {
        return true;
    }
    let (base, index) = match stem.split_once('[') {
        Some((b, rest)) => (b, Some(rest)),
        None => (stem, None),
    };
    let identifier = base
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        && index.is_none_or(|r| r.ends_with(']'));
    let upper = base.bytes().filter(u8::is_ascii_uppercase).count();
    let marked = base.contains(['_', '.']) || base.bytes().any(|b| b.is_ascii_digit());
    identifier && (upper >= 2 || marked)
}

/// The cuts of a line: (token index, cut), in order.
fn cuts<'a>(tokens: &[Token<'a>]) -> Vec<(usize, Cut<'a>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(Cut::MsgType { tokens: n }) = cut_at(tokens, i) {
            out.push((i, Cut::MsgType { tokens: n }));
            // The type's name is the next token, whatever it looks like.
            i += n + 1;
            continue;
        }
        let t = tokens[i].text;
        if let Some(stem) = t.strip_suffix(':').filter(|s| is_field_name(s)) {
            out.push((i, Cut::Field(stem)));
        } else if line::is_ellipsis(t) {
            out.push((i, Cut::Ellipsis));
        }
        i += 1;
    }
    out
}

/// How many tokens just before token `i` make a timestamp (`10:00:00.000`, or a date and time
/// as one or two tokens), with the timestamp's text.
fn timestamp_before<'a>(
    line: &'a str,
    tokens: &[Token<'a>],
    i: usize,
    floor: usize,
) -> Option<(usize, &'a str)> {
    for n in [2, 1] {
        if i < floor + n {
            continue;
        }
        let (first, last) = (tokens[i - n], tokens[i - 1]);
        let text = &line[first.start..last.end];
        if line::timestamp_len(text.as_bytes()) == Some(text.len()) {
            return Some((n, text));
        }
    }
    None
}

/// The pieces of `line`; `fields_first` takes field names before any `MsgType:` as fields (a
/// line that goes on with an open event) rather than prose.
pub(super) fn pieces(line: &str, fields_first: bool) -> Vec<Piece<'_>> {
    let tokens = tokens(line);
    let mut cuts = cuts(&tokens);
    if !fields_first {
        let first = cuts
            .iter()
            .position(|(_, c)| matches!(c, Cut::MsgType { .. }));
        cuts.drain(..first.unwrap_or(cuts.len()));
    }
    let mut out = Vec::new();
    // Where each cut's text begins (a timestamp before it belongs to it), and ends.
    let mut starts = Vec::with_capacity(cuts.len());
    let mut floor = 0;
    for &(i, _) in &cuts {
        let time = timestamp_before(line, &tokens, i, floor);
        starts.push(time.map_or(i, |(n, _)| i - n));
        floor = i + 1;
    }
    if let Some(&first) = starts.first() {
        if first > 0 {
            out.push(Piece::Prose(line[..tokens[first].start].trim_end()));
        }
    } else {
        return vec![Piece::Prose(line)];
    }
    for (k, &(i, cut)) in cuts.iter().enumerate() {
        let text_end = starts.get(k + 1).map_or(line.len(), |&s| tokens[s].start);
        match cut {
            Cut::MsgType { tokens: n } => {
                let time =
                    (starts[k] < i).then(|| &line[tokens[starts[k]].start..tokens[i - 1].end]);
                let from = tokens[i + n - 1].end;
                out.push(Piece::MsgType(line[from..text_end.max(from)].trim(), time));
            }
            Cut::Field(stem) => {
                let from = tokens[i].end;
                out.push(Piece::Field(stem, line[from..text_end.max(from)].trim()));
            }
            Cut::Ellipsis => {
                out.push(Piece::Ellipsis);
                // What follows an elision until the next cut is outside the event (a table row,
                // prose), as on the line after a `...` in an indented dump.
                let rest = line[tokens[i].end..text_end.max(tokens[i].end)].trim();
                if !rest.is_empty() {
                    out.push(Piece::Prose(rest));
                }
            }
        }
    }
    out
}

/// Whether a line mentions `MsgType` (ASCII case ignored): the one test prose lines get.
pub(super) fn mentions_msg_type(s: &str) -> bool {
    s.as_bytes()
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"MsgType"))
}

impl TextDecoder {
    /// Whether the open event came flattened and its last field, the last thing on its line,
    /// has no value: the copy cut the line between the name and the value.
    fn value_cut_off(&self, store: &Store) -> bool {
        if !self.open.as_ref().is_some_and(|o| o.flat) {
            return false;
        }
        let first = store.events.body.last().copied().unwrap_or(0);
        (store.fields.name.len() as u64) > first
            && store.fields.kind.last() == Some(&crate::store::kind::EMPTY)
    }

    /// Types the open event's last field again with `value`, found on the next line.
    fn refill_last(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        value: &str,
    ) {
        let f = &mut store.fields;
        let (Some(name), Some(_), Some(_)) = (f.name.pop(), f.kind.pop(), f.values.pop()) else {
            return;
        };
        let written =
            String::from_utf8_lossy(store.names.written_text(&store.names.get(name))).into_owned();
        if let Some(open) = &mut self.open {
            open.position = open.position.saturating_sub(1);
        }
        self.push_field(store, number, offset, line, &written, value);
    }

    /// Says once, at the first such line, that events and fields were read from lines that held
    /// several (with the counts of every such line so far), not once per line.
    fn said_flattened(
        &mut self,
        store: &mut Store,
        number: u32,
        column: u32,
        events: usize,
        fields: usize,
    ) {
        let said = self.flattened.filter(|&(at, ..)| {
            store
                .diagnostics
                .get(at)
                .is_some_and(|d| d.code == DiagnosticCode::Flattened)
        });
        let (at, lines, events, fields) = match said {
            Some((at, lines, e, f)) => (at, lines + 1, e + events, f + fields),
            None => {
                store.diagnostics.push(Diagnostic::text(
                    DiagnosticCode::Flattened,
                    number,
                    column,
                    "",
                ));
                (store.diagnostics.len() - 1, 1, events, fields)
            }
        };
        self.flattened = Some((at, lines, events, fields));
        store.diagnostics[at].message = flattened_message((lines, events, fields));
    }

    /// Decodes `line` piece by piece when it holds more than one (events, fields, prose before
    /// an event); `false` when it is an ordinary line, left to the caller.
    #[inline(never)] // called from several places of the line dispatch: one copy
    pub(super) fn flattened(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
    ) -> bool {
        // The traces module reads a dump pasted into a trace line by line: flattened dumps
        // (copies from web pages) are the main module's, which keeps the traces module within
        // its size budget.
        if cfg!(feature = "wasm-traces") {
            return false;
        }
        let open = self.open.is_some();
        let pieces = pieces(line.content, open);
        let events = pieces
            .iter()
            .filter(|p| matches!(p, Piece::MsgType(..)))
            .count();
        let fields = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Field(..)))
            .count();
        let prose = matches!(pieces.first(), Some(Piece::Prose(_)));
        let ordinary = (events == 0 && fields <= 1 && !prose)
            || (events == 1 && fields == 0 && !prose)
            || pieces.len() <= 1;
        if ordinary {
            return false;
        }
        for (k, piece) in pieces.into_iter().enumerate() {
            match piece {
                // A copy that wrapped a line between a field's name and its value
                // (`… CSQID:` / `N/A AgentState: …`): the text is that field's value.
                Piece::Prose(text) if k == 0 && self.value_cut_off(store) => {
                    self.refill_last(store, number, offset, line, text);
                }
                Piece::Prose(text) => {
                    self.open = None;
                    let kind = if text.starts_with('#') {
                        NoteKind::Comment
                    } else {
                        NoteKind::Text
                    };
                    super::note(store, number, kind, text.trim_start_matches('#').trim());
                }
                Piece::MsgType(name, time) => {
                    self.open_event(store, number, offset, line, name, time);
                }
                Piece::Field(name, raw) => {
                    if self.open.is_some() {
                        self.push_field(store, number, offset, line, name, raw);
                    } else {
                        // No event to hold it (prose came between): kept as a note.
                        super::note(store, number, NoteKind::Text, &format!("{name}: {raw}"));
                    }
                }
                Piece::Ellipsis => {
                    if self.open.is_some() {
                        let last = store.events.flags.len() - 1;
                        store.events.flags[last] |= crate::store::flag::TRUNCATED;
                    }
                }
            }
        }
        if let Some(open) = &mut self.open {
            open.flat = true;
        }
        self.said_flattened(store, number, line.column(0), events, fields);
        true
    }
}

/// The flattened-lines diagnostic's words for `(lines, events, fields)` read so far.
pub(super) fn flattened_message((lines, events, fields): (u32, usize, usize)) -> String {
    let read = match (events, fields) {
        (0, n) => format!("{n} fields"),
        (1, n) => format!("an event and {n} fields"),
        (e, n) => format!("{e} events and {n} fields"),
    };
    if lines == 1 {
        format!("{read} read from one line")
    } else {
        format!("{read} read from {lines} lines, the first here")
    }
}
