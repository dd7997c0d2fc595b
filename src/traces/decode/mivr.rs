//! A Unified CCX Engine log with ICD_CTI tracing (`cisco-logs.md` §2): records
//! `SEQUENCE: Mon DD HH:MM:SS.mmm ZONE %MIVR-<SUBSYSTEM>-<severity>-<ID>:…`. ICD_CTI writes each
//! CTI message twice: a high-level line `{ length=N type=NAME, key: value, … }` (§2.2), which
//! is not a complete record of the message, and the frame's exact bytes as a hex dump,
//! `writing... MHDR: 0000: … MDATA: 0000: … 0010: …` (§2.3). The bytes win: a high-level line
//! followed by the dump of a frame of its type is taken as that frame (and counted in a note);
//! one without a dump is an event of its own.

use std::fmt::Write as _;

use super::clock;
use super::write::{Loc, Raw, Ty, When, Writer};
use super::{find, find_byte, split_at_byte};
use super::{Gathered, Other, Source};
use crate::binary::{FrameDecoder, Options, MAX_BODY};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{
    flag, kind, FieldName, FieldValue, Form, Note, NoteKind, Store, StrRef, NO_STR,
};
use crate::text::{trim, trim_start};
use crate::traces::Year;

/// What a record of `subsystem` is: an ICD_CTI message or frame dump, or another trace.
pub(super) fn kind<'a>(subsystem: &'a str, rest: &str) -> Result<Source, Other<'a>> {
    if subsystem != "ICD_CTI" {
        return Err(("MIVR", subsystem));
    }
    // §2.3 shows `writing...` (a message the Engine sends); INFERENCE: `reading...` for one it
    // receives, which no source showed.
    if rest.starts_with("writing...") || rest.starts_with("reading...") {
        Ok(Source::MivrFrame)
    } else if find(rest, "{ length=").is_some() {
        Ok(Source::MivrMessage)
    } else {
        Err(("MIVR", "ICD_CTI (not a message)"))
    }
}

/// What the MIVR reader keeps across records.
pub(super) struct State {
    year: Option<Year>,
    /// A high-level message waiting to see whether the dump of its frame follows.
    pending: Option<Gathered>,
    /// Frames read from the dumps, for their type and fields.
    frames: FrameDecoder,
    /// High-level lines taken as the frame dumps after them.
    superseded: u64,
    first_superseded: u32,
    /// Whether the missing year or the zone has been said.
    said_year: bool,
}

impl State {
    pub fn new(year: Option<Year>) -> State {
        State {
            year,
            pending: None,
            frames: FrameDecoder::new(Options::default()),
            superseded: 0,
            first_superseded: 0,
            said_year: false,
        }
    }

    /// A high-level message: held until the next ICD_CTI record tells whether its frame follows.
    pub fn message(&mut self, w: &mut Writer, store: &mut Store, record: &mut Gathered) {
        if let Some(pending) = self.pending.take() {
            self.write_message(w, store, &pending);
        }
        self.pending = Some(std::mem::take(record));
    }

    /// A frame dump: decoded as the frame it is, taking the place of the high-level line of
    /// its type just before it.
    pub fn frame(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let (bytes, complete) = frame_bytes(&record.text);
        let ty = (bytes.len() >= 8).then(|| u16::from_be_bytes([bytes[6], bytes[7]]));
        if let Some(pending) = self.pending.take() {
            if ty.is_some()
                && message_type(&pending.text) == ty.and_then(crate::codes::message_types::name_of)
            {
                self.superseded += 1;
                if self.superseded == 1 {
                    self.first_superseded = pending.at().line;
                }
            } else {
                self.write_message(w, store, &pending);
            }
        }
        let when = self.when(store, record);
        let Some(ty) = ty else {
            let (line, column) = record.position(0);
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::RecordCut,
                line,
                column,
                "a frame dump without its 8-byte MHDR: nothing to decode",
            ));
            return;
        };
        Writer::begin(store, Ty::Id(ty), None, record.at(), when);
        let mut frames = Store::new(Form::Frames);
        self.frames.take_whole(&mut frames, &bytes, 0);
        if frames.len() == 1 {
            frame_fields(store, &frames, 0);
            if frames.event(0).truncated() {
                Writer::truncated(store);
            }
        }
        let (line, column) = record.position(0);
        // A dump cut short is a frame cut short, not a bad one: the cut is said below instead
        // of what the frame decoder finds missing.
        for d in frames.diagnostics().iter().filter(|_| complete) {
            store.diagnostics.push(Diagnostic::text(
                d.code,
                line,
                column,
                &format!("in the frame dumped here: {}", d.message),
            ));
        }
        if !complete {
            Writer::truncated(store);
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::RecordCut,
                line,
                column,
                &format!("the hex dump holds {} of the frame's bytes: the record is cut short; the frame is read as far as it goes", bytes.len()),
            ));
        }
    }

    /// Writes a held high-level message as an event.
    fn write_message(&mut self, w: &mut Writer, store: &mut Store, record: &Gathered) {
        let text = record.text.as_str();
        let open = find_byte(text, b'{').unwrap_or(text.len());
        let when = self.when(store, record);
        let name = message_type(text).unwrap_or("");
        Writer::begin(store, Ty::Name(name), None, record.at(), when);
        let body_end = find_byte(&text[open..], b'}').map(|i| open + i);
        let body = &text[(open + 1).min(text.len())..body_end.unwrap_or(text.len())];
        let base = (open + 1).min(text.len());
        for (at, key, value) in pairs(body) {
            if key == "length" || key == "type" {
                continue;
            }
            let raw = if value == "null" {
                Raw::Absent(value)
            } else {
                Raw::Text(value)
            };
            w.field(store, key, raw, Loc(record, base + at));
        }
        if body_end.is_none() {
            record.ends_before(store, "`}`");
        }
    }

    /// The record's time: dated when the year is known, else a time of day (said once).
    fn when<'r>(&mut self, store: &mut Store, record: &'r Gathered) -> When<'r> {
        let parsed = clock::mivr(&record.time);
        let ms = parsed.map(|(month, day, in_day)| match self.year {
            Some(year) => (
                clock::days(year.of(month), month, day) * 86_400_000 + in_day,
                false,
            ),
            None => (in_day, true),
        });
        if !self.said_year && parsed.is_some() {
            self.said_year = true;
            let zone = record.time.split_ascii_whitespace().nth(3).unwrap_or("");
            self.say_year(store, record.at().line, zone);
        }
        When {
            ms,
            text: &record.time,
        }
    }

    fn say_year(&self, store: &mut Store, line: u32, zone: &str) {
        match self.year {
            None => store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::NoDate,
                line,
                1,
                "MIVR records carry no year (cisco-logs.md §2.1): their times are read as times of day; give the year (`--year`, the `year` option) to date them",
            )),
            Some(year) => {
                let from = if year.month.is_some() {
                    "the file's modification time"
                } else {
                    "the year given"
                };
                store.notes.push(Note {
                    line,
                    kind: NoteKind::Summary,
                    text: format!(
                        "MIVR records carry no year: they are dated in {} (from {from}; a record of a later month than the file's is taken as the year before), at the wall-clock time of their zone ({zone}), which is not turned into UTC",
                        year.year
                    ),
                });
            }
        }
    }

    /// Ends the input: a held message is written, and the superseded lines counted.
    pub fn finish(&mut self, w: &mut Writer, store: &mut Store) {
        if let Some(pending) = self.pending.take() {
            self.write_message(w, store, &pending);
        }
        if self.superseded > 0 {
            store.notes.push(Note {
                line: self.first_superseded,
                kind: NoteKind::Summary,
                text: format!(
                    "{} MIVR high-level message lines were read from the frame dumps that follow them (the exact bytes, cisco-logs.md §2.3)",
                    super::thousands(self.superseded)
                ),
            });
        }
    }
}

/// The `type=NAME` of a high-level message.
fn message_type(text: &str) -> Option<&str> {
    let at = find(text, "type=")? + "type=".len();
    let rest = &text[at..];
    let end = rest
        .find(|c: char| c == ',' || c == '}' || c.is_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The `key: value` pairs of a high-level message's body, with where each key starts: split at
/// `, ` where a word and `: ` (or `=`) follow, so a value may hold `, ` itself.
fn pairs(body: &str) -> Vec<(usize, &str, &str)> {
    let b = body.as_bytes();
    let mut cuts = vec![0];
    let mut i = 0;
    while let Some(j) = memchr::memchr(b',', &b[i..]) {
        let at = i + j;
        if b.get(at + 1) == Some(&b' ') && starts_key(&body[at + 2..]) {
            cuts.push(at + 2);
        }
        i = at + 1;
    }
    let mut out = Vec::with_capacity(cuts.len());
    for (k, &start) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(body.len(), |&n| n - 2);
        let piece = &body[start..end];
        let lead = piece.len() - trim_start(piece).len();
        let piece = trim(piece);
        // The first pair is `length=N type=NAME`.
        let split = find(piece, ": ")
            .map(|i| (&piece[..i], &piece[i + 2..]))
            .or_else(|| split_at_byte(piece, b'='));
        match split {
            Some((key, value)) if find_byte(key, b' ').is_none() => {
                out.push((start + lead, trim(key), trim(value)));
            }
            // Text that is no `key: value` is kept under the name `?` (said as an unknown name).
            _ if !piece.is_empty() => out.push((start + lead, "?", piece)),
            _ => {}
        }
    }
    out
}

fn starts_key(s: &str) -> bool {
    let key = s
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
        .count();
    key > 0 && (s[key..].starts_with(": ") || s[key..].starts_with('='))
}

/// The frame's bytes from a dump's `MHDR:` and `MDATA:` rows (on one line or many; the ASCII
/// column is never read, §2.3), and whether all the bytes the header announces are there.
fn frame_bytes(text: &str) -> (Vec<u8>, bool) {
    let mut bytes = Vec::new();
    let Some(h) = find(text, "MHDR:") else {
        return (bytes, false);
    };
    let data = find(text, "MDATA:");
    let header_end = data.unwrap_or(text.len());
    read_rows(&text[h + 5..header_end.max(h + 5)], 8, &mut bytes);
    if bytes.len() < 8 {
        return (bytes, false);
    }
    let body = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let want = body.min(MAX_BODY);
    if let Some(d) = data {
        let mut body_bytes = Vec::with_capacity(want);
        read_rows(&text[d + 6..], want, &mut body_bytes);
        bytes.extend_from_slice(&body_bytes);
    }
    let complete = bytes.len() == 8 + body && body <= MAX_BODY;
    (bytes, complete)
}

/// Reads rows `OFFSET: xx xx … ASCII` until `want` bytes are read or the rows end: each row's
/// offset must be the count so far, and holds at most 16 bytes.
fn read_rows(text: &str, want: usize, out: &mut Vec<u8>) {
    let mut tokens = text.split_ascii_whitespace().peekable();
    while out.len() < want {
        // Skip the ASCII column (and anything else) up to this row's offset.
        let at = out.len();
        let is_offset = |t: &str| {
            t.strip_suffix(':')
                .filter(|h| h.len() >= 4)
                .and_then(|h| usize::from_str_radix(h, 16).ok())
                == Some(at)
        };
        if !tokens.by_ref().any(is_offset) {
            return;
        }
        let row = (want - out.len()).min(16);
        for _ in 0..row {
            match tokens.peek().and_then(|t| hex_byte(t)) {
                Some(b) => {
                    out.push(b);
                    tokens.next();
                }
                None => return,
            }
        }
    }
}

fn hex_byte(t: &str) -> Option<u8> {
    (t.len() == 2)
        .then(|| u8::from_str_radix(t, 16).ok())
        .flatten()
}

/// Whether event `i` is flagged as cut short.
#[allow(dead_code)]
fn truncated(store: &Store, i: usize) -> bool {
    store.events.flags[i] & flag::TRUNCATED != 0
}

/// Copies the fields of frame event `i` of `frames` (a frame the binary decoder read) into
/// the last event: names, indices and values field for field (not the floating-field tags:
/// a text event keeps none, and the traces module has no room for them).
fn frame_fields(store: &mut Store, frames: &Store, i: usize) {
    let mut written = String::new();
    for f in frames.event(i).fields() {
        written.clear();
        match f.name {
            FieldName::Id(id) => {
                written.push_str(&String::from_utf8_lossy(frames.names.name_text(id)));
            }
            FieldName::Ecc(s) => written.push_str(&String::from_utf8_lossy(frames.str(s))),
            FieldName::Tag(tag) => {
                let _ = write!(written, "Tag{tag}");
            }
            FieldName::Raw(raw) => written.push_str(raw),
        }
        if let (Some(index), false) = (f.index, matches!(f.name, FieldName::Ecc(_))) {
            let _ = write!(written, "[{index}]");
        }
        let name = store.names.written(&written);
        let text = |store: &mut Store, s: StrRef| store.strings.intern(frames.str(s)).0;
        let typed = match f.value {
            FieldValue::Number { n, .. } => (kind::NUMBER, NO_STR, n),
            FieldValue::Text(s) => (kind::TEXT, text(store, s), 0),
            FieldValue::Empty => (kind::EMPTY, NO_STR, 0),
            FieldValue::Na(s) => (kind::NA, text(store, s), 0),
            FieldValue::TotalBytes(n, s) => (kind::TOTAL_BYTES, text(store, s), i64::from(n)),
            FieldValue::Bytes(s) => {
                let hex = hex(frames.str(s));
                (kind::TEXT, store.strings.intern(hex.as_bytes()).0, 0)
            }
        };
        store.push_field(name, typed);
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// cisco-logs.md §2.3, as stored (the copy lost its line breaks).
    const DUMP: &str = "writing... MHDR: 0000: 00 00 00 36 00 00 00 17 ...6.... MDATA: 0000: 00 00 00 00 00 00 00 01 00 15 00 00 00 00 00 00 .... 0010: 00 01 00 00 01 00 01 10 00 00 08 05 32 30 30 36 ...........2006 0020: 00 0B 05 37 30 30 30 00 19 05 39 30 32 36 00 0A ..7000...9026.. 0030: 05 37 30 30 30 00 .7000.";

    #[test]
    fn the_reference_dump_gives_its_54_bytes_on_one_line_or_many() {
        let (bytes, complete) = frame_bytes(DUMP);
        assert!(complete);
        assert_eq!(bytes.len(), 8 + 0x36);
        assert_eq!(&bytes[..8], &[0, 0, 0, 0x36, 0, 0, 0, 0x17]);
        assert_eq!(&bytes[bytes.len() - 6..], b"\x057000\0");
        let rows = DUMP
            .replace(" 0010:", "\n0010:")
            .replace(" 0020:", "\n        0020:");
        assert_eq!(frame_bytes(&rows), (bytes.clone(), true));
        let cut = &DUMP[..DUMP.find(" 0030:").unwrap()];
        let (short, complete) = frame_bytes(cut);
        assert!(!complete);
        assert_eq!(short[..], bytes[..short.len()]);
    }

    #[test]
    fn high_level_pairs_keep_values_with_commas() {
        let body = " length=-1 type=BEGIN_CALL_EVENT, monitorID: 0, ani1: 2006, callVar1: a, b, dnis: 7000 ";
        let got: Vec<_> = pairs(body).into_iter().map(|(_, k, v)| (k, v)).collect();
        assert_eq!(
            got,
            [
                ("length", "-1 type=BEGIN_CALL_EVENT"),
                ("monitorID", "0"),
                ("ani1", "2006"),
                ("callVar1", "a, b"),
                ("dnis", "7000")
            ]
        );
        assert_eq!(message_type(body), Some("BEGIN_CALL_EVENT"));
    }
}
