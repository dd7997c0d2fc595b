//! The text-dump decoder: `MsgType: NAME` opens an event, indented `Field: value` lines fill it.
//!
//! The format is the one Cisco's UCCX CTI guide prints its call flows in (reference §5), in
//! either dialect: symbolic values (`LCS_NULL`) or numbers (`LocalConnectionState: 0`).
//!
//! Which lines belong to an event is decided by indentation: lines indented deeper than the
//! `MsgType:` line are its fields; a `Name: value` line at the `MsgType:` line's own indentation
//! is a field only while the event's fields are written flush with it (logs without indented
//! fields). Any other line closes the event and becomes a note. A line inside an event that is
//! not `Name: value` is a diagnostic; decoding goes on with the next line.
//!
//! The decoder writes straight into a [`Store`]: each line is typed once into rows of small
//! integers and interned strings. Input may arrive in chunks split anywhere.

pub mod events;
pub mod json;
mod line;
pub(crate) mod typing;

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::codes::fields::Named;
use crate::codes::message_types;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{
    flag, same, EventType, Form, Note, NoteKind, Store, StrId, WrittenId, NO_STR, NO_TIME,
};
use crate::time::{self, Stamp};
use line::{is_ellipsis, msg_type_value, split_field, Line, NotAField};
use typing::{Mistyped, Symbols, Typed};

pub use crate::store::LINE_MARK;

/// Decodes a whole text dump into a new store.
#[must_use]
pub fn decode(bytes: &[u8]) -> Store {
    let mut store = Store::new(Form::Text);
    let mut decoder = TextDecoder::default();
    decoder.push(&mut store, bytes);
    decoder.finish(&mut store);
    store
}

/// A text dump decoder fed in chunks of any size.
#[derive(Default)]
pub struct TextDecoder {
    /// Lines decoded so far.
    lines: u32,
    /// Bytes decoded so far (the start of `pending` in the input).
    offset: u64,
    /// The start of an incomplete last line.
    pending: Vec<u8>,
    open: Option<Open>,
    symbols: Symbols,
    /// Message type names as written → (packed type, whether the writing differs from the
    /// name, its shape in `shapes`).
    types: FxHashMap<Box<[u8]>, (u32, bool, u32)>,
    shapes: Vec<Vec<Slot>>,
    /// The latest timestamp as written.
    last_time: Vec<u8>,
    utf8_reported: bool,
    started: bool,
    /// Tests compare decoding with and without the shapes.
    #[cfg(test)]
    no_shapes: bool,
}

/// The event being filled: the store's last event.
struct Open {
    /// Indentation of its `MsgType:` line.
    msg_indent: u32,
    /// Indentation of its first field, once there is one.
    field_indent: Option<u32>,
    /// Its type's shape, and the position of the next field in it.
    shape: u32,
    position: usize,
}

/// What the field at one position of one message type (as written) was the last time: a dump
/// writes each type's fields in the same order, so a line that starts with the same name and a
/// colon is that field, found without splitting the line or hashing the name; and a value equal
/// to the last one is typed as it was.
#[derive(Clone, Copy)]
struct Slot {
    name: WrittenId,
    named: Named,
    /// The last value as interned, and how it was typed (only values typed without a problem).
    last: Option<(StrId, Typed)>,
}

impl Open {
    /// Whether fields are written flush with the `MsgType:` line (or none are written yet).
    fn flush(&self) -> bool {
        self.field_indent.is_none_or(|i| i == self.msg_indent)
    }
}

impl TextDecoder {
    /// Decodes the complete lines `chunk` brings; a line cut short waits for the next chunk.
    pub fn push(&mut self, store: &mut Store, chunk: &[u8]) {
        let chunk = if self.started {
            chunk
        } else {
            self.started = !chunk.is_empty();
            chunk.strip_prefix("\u{feff}".as_bytes()).unwrap_or(chunk)
        };
        let Some(last) = memchr::memrchr(b'\n', chunk) else {
            self.pending.extend_from_slice(chunk);
            return;
        };
        if self.pending.is_empty() {
            self.lines_of(store, &chunk[..=last]);
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(&chunk[..=last]);
            self.lines_of(store, &joined);
        }
        self.pending.extend_from_slice(&chunk[last + 1..]);
    }

    /// Ends the input: the last line (without a newline) is decoded and the open event closed.
    pub fn finish(&mut self, store: &mut Store) {
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            self.lines_of(store, &rest);
        }
        self.open = None;
    }

    /// Events that are complete (every one but an event still open).
    #[must_use]
    pub fn complete(&self, store: &Store) -> usize {
        store.len() - usize::from(self.open.is_some())
    }

    /// Decodes `bytes`, which hold whole lines (the last may lack its newline only at the end).
    fn lines_of(&mut self, store: &mut Store, bytes: &[u8]) {
        let text: Cow<'_, str> = match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(err) => {
                self.report_utf8(store, bytes, err.valid_up_to());
                Cow::Owned(String::from_utf8_lossy(bytes).into_owned())
            }
        };
        // Offsets count input bytes; after a lossy repair they count the repaired text.
        let mut start = 0;
        let end = text.len();
        while start < end {
            let stop = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(end, |i| start + i);
            self.lines = self.lines.saturating_add(1);
            let offset = self.offset + start as u64;
            if self.lines % LINE_MARK == 1 {
                store.line_marks.push(offset);
            }
            self.line(store, &text[start..stop], offset);
            start = stop + 1;
        }
        self.offset += bytes.len() as u64;
    }

    fn report_utf8(&mut self, store: &mut Store, bytes: &[u8], valid: usize) {
        if std::mem::replace(&mut self.utf8_reported, true) {
            return;
        }
        let good = &bytes[..valid];
        let line_start = memchr::memrchr(b'\n', good).map_or(0, |i| i + 1);
        let line = self.lines as usize + memchr::memchr_iter(b'\n', good).count() + 1;
        // `good` is valid UTF-8 by construction.
        let column = std::str::from_utf8(&good[line_start..]).map_or(1, |s| s.chars().count() + 1);
        store.diagnostics.push(Diagnostic::text(
            DiagnosticCode::InvalidUtf8,
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
            "",
        ));
    }

    fn line(&mut self, store: &mut Store, full: &str, offset: u64) {
        let number = self.lines;
        let line = Line::after(full, &self.last_time);
        if let Some(time) = line.time {
            if time.len() != self.last_time.len() || !same(time.as_bytes(), &self.last_time) {
                self.last_time.clear();
                self.last_time.extend_from_slice(time.as_bytes());
            }
        }
        if line.content.is_empty() {
            if self
                .open
                .as_ref()
                .is_some_and(|o| o.field_indent.is_some() && o.flush())
            {
                self.open = None;
            }
            return;
        }
        if line.content.starts_with('#') {
            note(store, number, NoteKind::Comment, line.content);
            return;
        }
        if let Some(rest) = msg_type_value(line.content) {
            self.open_event(store, number, offset, &line, rest);
            return;
        }
        if let Some(open) = &self.open {
            if line.indent > open.msg_indent {
                if is_ellipsis(line.content) {
                    extend(store, number, offset, full.len(), flag::TRUNCATED);
                    return;
                }
                if self.expected_field(store, number, offset, &line) {
                    return;
                }
                match split_field(line.content) {
                    Ok((name, raw)) => self.push_field(store, number, offset, &line, name, raw),
                    Err(why) => malformed(store, number, &line, &why),
                }
                return;
            }
            if line.indent == open.msg_indent && open.flush() {
                if let Ok((name, raw)) = split_field(line.content) {
                    self.push_field(store, number, offset, &line, name, raw);
                    return;
                }
            }
            if is_ellipsis(line.content) {
                let last = store.events.flags.len() - 1;
                store.events.flags[last] |= flag::TRUNCATED;
            }
            self.open = None;
        }
        let kind = if is_step(line.content) {
            NoteKind::Step
        } else {
            NoteKind::Text
        };
        note(store, number, kind, line.content);
    }

    fn open_event(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        rest: &str,
    ) {
        let written = rest.trim();
        let mut name = written.trim_end_matches(':').trim_end();
        let truncated = name.ends_with("...") || name.ends_with('…');
        if truncated {
            name = name
                .trim_end_matches(['.', '…'])
                .trim_end()
                .trim_end_matches(':')
                .trim_end();
        }
        if name.is_empty() {
            let column = line.column(line.content.len() - rest.len());
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::MissingMessageType,
                number,
                column,
                "",
            ));
        }
        let (ty, differs, shape) = self.event_type(store, name);
        let e = &mut store.events;
        e.ty.push(ty);
        e.offset.push(offset);
        e.length
            .push(u32::try_from(line.full.len()).unwrap_or(u32::MAX));
        e.line.push(number);
        e.end_line.push(number);
        let (time, time_text, time_flag) = timestamp(&mut store.strings, line.time);
        e.time.push(time);
        e.time_text.push(time_text);
        e.flags
            .push(time_flag | if truncated { flag::TRUNCATED } else { 0 });
        let label =
            (differs || written != name).then(|| store.strings.intern(written.as_bytes()).0);
        e.label.push(label.unwrap_or(NO_STR));
        e.body.push(store.fields.name.len() as u64);
        self.open = Some(Open {
            msg_indent: line.indent,
            field_indent: None,
            shape,
            position: 0,
        });
    }

    /// The packed type of a name as written, whether the writing differs from the canonical
    /// name (ASCII case, a UCCX name), and the shape of its fields.
    fn event_type(&mut self, store: &mut Store, name: &str) -> (u32, bool, u32) {
        if let Some(&found) = self.types.get(name.as_bytes()) {
            return found;
        }
        let shape = u32::try_from(self.shapes.len()).unwrap_or(u32::MAX);
        self.shapes.push(Vec::new());
        let found = match message_types::id_of(name) {
            Some(id) => {
                let canonical = message_types::name_of(id).unwrap_or_default();
                (
                    EventType::Id(u32::from(id)).pack(),
                    canonical != name,
                    shape,
                )
            }
            None => (
                EventType::Unnamed(store.strings.intern(name.as_bytes())).pack(),
                false,
                shape,
            ),
        };
        self.types.insert(name.as_bytes().into(), found);
        found
    }

    /// Reads the line as the field its type had at this position last time, when the line
    /// starts with that name and a colon; `false` when it does not.
    fn expected_field(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
    ) -> bool {
        #[cfg(test)]
        if self.no_shapes {
            return false;
        }
        let Some(open) = &self.open else { return false };
        let Some(&slot) = self.shapes[open.shape as usize].get(open.position) else {
            return false;
        };
        let written = store.names.written_text(&store.names.get(slot.name));
        let content = line.content.as_bytes();
        if content.len() <= written.len()
            || content[written.len()] != b':'
            || !same(&content[..written.len()], written)
        {
            return false;
        }
        let raw = line::trim(&line.content[written.len() + 1..]);
        let (typed, problem) = match slot.last {
            Some((last, typed)) if same(store.strings.get(last), raw.as_bytes()) => (typed, None),
            _ => self.typed(store, slot.named, raw),
        };
        self.put_field(
            store,
            number,
            offset,
            line,
            slot.name,
            typed,
            problem.is_none(),
        );
        true
    }

    fn push_field(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        written: &str,
        raw: &str,
    ) {
        let name = store.names.written(written);
        let named = store.names.get(name).named;
        let (typed, problem) = self.typed(store, named, raw); // Problems are not reported yet.
        self.put_field(store, number, offset, line, name, typed, problem.is_none());
    }

    /// Types a value of the open event, and remembers it for the field's position.
    fn typed(&mut self, store: &mut Store, named: Named, raw: &str) -> (Typed, Option<Mistyped>) {
        let message_type = EventType::unpack(*store.events.ty.last().expect("an open event")).id();
        self.symbols
            .type_value(&mut store.strings, named, message_type, raw)
    }

    /// Adds a field to the open event; its value is remembered for the position when
    /// `remember` (values typed without a problem).
    #[allow(clippy::too_many_arguments)]
    fn put_field(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        name: WrittenId,
        typed: Typed,
        remember: bool,
    ) {
        let Some(open) = &mut self.open else { return };
        open.field_indent.get_or_insert(line.indent);
        let shape = &mut self.shapes[open.shape as usize];
        let (k, r, n) = typed;
        let slot = Slot {
            name,
            named: store.names.get(name).named,
            last: (remember && r != NO_STR).then_some((StrId(r), typed)),
        };
        if open.position < shape.len() {
            shape[open.position] = slot;
        } else if open.position == shape.len() {
            shape.push(slot);
        }
        open.position += 1;
        let f = &mut store.fields;
        f.name.push(name);
        f.kind.push(k);
        f.raw.push(r);
        f.num.push(n);
        extend(store, number, offset, line.full.len(), 0);
    }
}

/// Makes the store's last event reach to the end of line `number`.
fn extend(store: &mut Store, number: u32, offset: u64, len: usize, flags: u8) {
    let e = &mut store.events;
    let last = e.ty.len() - 1;
    e.end_line[last] = number;
    e.length[last] = u32::try_from(offset + len as u64 - e.offset[last]).unwrap_or(u32::MAX);
    e.flags[last] |= flags;
}

/// The event time: milliseconds, the text as written, and the time-of-day flag.
fn timestamp(strings: &mut crate::store::Interner, written: Option<&str>) -> (i64, u32, u8) {
    let Some(text) = written else {
        return (NO_TIME, NO_STR, 0);
    };
    let id: StrId = strings.append(text.as_bytes());
    match time::parse(text.as_bytes()) {
        Some(Stamp::Absolute(ms)) => (ms, id.0, 0),
        Some(Stamp::TimeOfDay(ms)) => (ms, id.0, flag::TIME_OF_DAY),
        None => (NO_TIME, id.0, 0),
    }
}

fn note(store: &mut Store, line: u32, kind: NoteKind, text: &str) {
    store.notes.push(Note {
        line,
        kind,
        text: text.to_owned(),
    });
}

fn malformed(store: &mut Store, number: u32, line: &Line<'_>, why: &NotAField) {
    let (code, at) = match *why {
        NotAField::Malformed => (DiagnosticCode::MalformedField, 0),
        NotAField::EmptyName(colon) => (DiagnosticCode::EmptyFieldName, colon),
    };
    let detail = crate::diagnostic::quoted(&truncate(line.content, 60));
    store
        .diagnostics
        .push(Diagnostic::text(code, number, line.column(at), &detail));
}

/// `2. The agent becomes available.`: a number, a dot, a space.
fn is_step(content: &str) -> bool {
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && content[digits..].starts_with(". ")
}

/// At most `max` characters of `s`, with `…` when cut.
fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    fn decoded(text: &str, shapes: bool) -> String {
        let mut store = Store::new(Form::Text);
        let mut decoder = TextDecoder {
            no_shapes: !shapes,
            ..TextDecoder::default()
        };
        decoder.push(&mut store, text.as_bytes());
        decoder.finish(&mut store);
        serde_json::to_string(&crate::view::decoded_text(&store)).unwrap()
    }

    #[test]
    fn line_marks_find_any_line_by_counting_from_a_mark() {
        let mut text = String::new();
        for i in 0..1000 {
            let _ = writeln!(text, "# note {i}{}", "x".repeat(i % 7));
        }
        let store = decode(text.as_bytes());
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for line in [1u32, 2, 256, 257, 258, 513, 1000, 5000] {
            let (mark, offset) = store.line_start(line).unwrap();
            assert!(mark <= line, "line {line}: mark {mark}");
            assert!(
                line > 1000 || line - mark < LINE_MARK,
                "line {line}: mark {mark}"
            );
            assert_eq!(offset, starts[mark as usize - 1] as u64, "line {line}");
        }
        assert_eq!(store.line_start(0), None);
    }

    proptest! {
        /// Reading fields by the shape of earlier events of their type gives what reading each
        /// line afresh gives, whatever the order, names and values.
        #[test]
        fn shapes_change_nothing(
            events in proptest::collection::vec(
                (
                    prop::sample::select(vec!["CALL_CLEARED_EVENT", "BEGIN_CALL_EVENT", "X_EVENT"]),
                    proptest::collection::vec(
                        (
                            prop::sample::select(vec!["EventCause", "CallType", "ConnectionDeviceID", "ANI", "EventCauseX", "BAResponse"]),
                            prop::sample::select(vec![":", " :", "::", ""]),
                            prop::sample::select(vec!["CEC_NONE", "65535", "0xFFFF", "7", "", " N/A", "4020", "x y", "CALLTYPE_ACD_IN", "CEC_BOGUS"]),
                        ),
                        0..6,
                    ),
                ),
                0..12,
            )
        ) {
            let mut text = String::new();
            for (ty, fields) in &events {
                let _ = writeln!(text, "MsgType: {ty}");
                for (name, colon, value) in fields {
                    let _ = writeln!(text, "  {name}{colon} {value}");
                }
            }
            prop_assert_eq!(decoded(&text, true), decoded(&text, false));
        }
    }
}
