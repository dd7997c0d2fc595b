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
//!
//! The `cti-outcome/finesse` WebAssembly module reads no dump (only its line splitting and
//! value typing, for the trace decoders): in that build the dump grammar is left unused.
#![cfg_attr(feature = "wasm-finesse", allow(dead_code, unused_imports))]

mod build;
pub mod encoding;
pub mod events;
mod flat;
pub mod json;
mod line;
pub mod slices;
pub(crate) use line::find;
#[cfg(all(feature = "finesse", feature = "traces"))]
pub(crate) use line::rfind;
/// `str`'s trims without decoding characters (the same results): the decoders trim every value.
#[cfg(feature = "traces")]
pub(crate) use line::{trim, trim_end, trim_start};
pub(crate) mod typing;

use std::borrow::Cow;

use crate::codes::fields::Named;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{flag, Form, Note, NoteKind, Store, StrId, WrittenId};
use build::extend;
use line::{is_ellipsis, msg_type_value, split_field, Line, NotAField};
use typing::{Symbols, Typed};

pub use crate::store::LINE_MARK;

/// Decodes a whole text dump into a new store.
#[must_use]
pub fn decode(bytes: &[u8]) -> Store {
    let mut store = Store::new(Form::Text);
    let mut input = encoding::TextInput::default();
    input.push(&mut store, bytes);
    input.finish(&mut store);
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
    /// Message type names as written, interned (compared a word at a time, not through
    /// `memcmp`), and for each (by its id): the packed type, whether the writing differs from
    /// the name, and its shape in `shapes`.
    type_names: crate::store::Interner,
    types: Vec<Option<(u32, bool, u32)>>,
    shapes: Vec<Vec<Slot>>,
    /// The latest timestamp as written.
    last_time: Vec<u8>,
    utf8_reported: bool,
    /// Lines read as flattened: the one diagnostic that says so, the lines, events and fields.
    flattened: Option<(usize, u32, usize, usize)>,
    started: bool,
    /// Tests compare decoding with and without the shapes.
    #[cfg(test)]
    no_shapes: bool,
    /// For a Cisco trace: the trace decoder, which takes every line and hands the lines of a
    /// dump pasted into the trace back to this one.
    trace: Option<Box<crate::traces::Traces>>,
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
    /// Opened from a flattened line: its further lines may hold several fields too.
    flat: bool,
}

/// What the field at one position of one message type (as written) was the last time: a dump
/// writes each type's fields in the same order, so a line that starts with the same name and a
/// colon is that field, found without splitting the line or hashing the name (the next
/// position's name is tried too: events of a type leave out fields others have); and a value
/// equal to the last one is typed as it was.
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
    /// A decoder of a Cisco server trace (`crate::traces`); `year` dates records written
    /// without one.
    #[cfg(feature = "traces")]
    #[must_use]
    pub fn traces(year: Option<crate::traces::Year>) -> TextDecoder {
        TextDecoder {
            trace: Some(Box::new(crate::traces::Traces::new(year))),
            ..TextDecoder::default()
        }
    }

    /// A decoder of a dump's slice that starts after `lines` lines and `offset` bytes of the
    /// input (see [`slices`]): its positions are the whole input's.
    #[must_use]
    pub fn at(lines: u32, offset: u64) -> TextDecoder {
        TextDecoder {
            lines,
            offset,
            started: true,
            ..TextDecoder::default()
        }
    }

    /// Closes the event being filled (a trace record follows the dump lines; a live push held
    /// whole events).
    #[cfg(any(feature = "traces", feature = "finesse"))]
    pub(crate) fn close(&mut self) {
        self.open = None;
    }

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
        // Only the line cut at the end of the last chunk is joined to the rest of it: the
        // chunk's other lines are decoded where they lie.
        let mut joined = std::mem::take(&mut self.pending);
        let mut whole = &chunk[..=last];
        if !joined.is_empty() {
            let first = memchr::memchr(b'\n', whole).unwrap_or(last);
            joined.extend_from_slice(&whole[..=first]);
            whole = &whole[first + 1..];
        }
        for part in [&joined[..], whole] {
            if !part.is_empty() {
                self.lines_of(store, part);
            }
        }
        joined.clear();
        joined.extend_from_slice(&chunk[last + 1..]);
        self.pending = joined;
    }

    /// Ends the input: the last line (without a newline) is decoded and the open event closed.
    pub fn finish(&mut self, store: &mut Store) {
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            self.lines_of(store, &rest);
        }
        if let Some(mut trace) = self.trace.take() {
            trace.finish(self, store);
            self.trace = Some(trace);
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
        let text = std::str::from_utf8(bytes);
        // Offsets count input bytes: a line with invalid UTF-8 is repaired on its own, so the
        // lines after it keep their places (and a decode does not depend on how it is cut).
        let mut start = 0;
        let end = bytes.len();
        while start < end {
            let stop = memchr::memchr(b'\n', &bytes[start..]).map_or(end, |i| start + i);
            self.lines = self.lines.saturating_add(1);
            let offset = self.offset + start as u64;
            if self.lines % LINE_MARK == 1 {
                store.line_marks.push(offset);
            }
            let line = match text {
                Ok(text) => Cow::Borrowed(&text[start..stop]),
                Err(_) => self.repaired(store, &bytes[start..stop]),
            };
            match self.trace.take() {
                Some(mut trace) => {
                    trace.line(self, store, self.lines, &line, offset);
                    self.trace = Some(trace);
                }
                #[cfg(not(feature = "wasm-finesse"))]
                None => self.line(store, &line, offset),
                // The Finesse module reads no dump: its logs never make this a dump decoder.
                #[cfg(feature = "wasm-finesse")]
                None => {}
            }
            start = stop + 1;
        }
        self.offset += bytes.len() as u64;
    }

    /// A line (the `self.lines`th) as text: invalid UTF-8 replaced with U+FFFD, and said
    /// once for the whole input, at its first line with any.
    fn repaired<'b>(&mut self, store: &mut Store, line: &'b [u8]) -> Cow<'b, str> {
        let valid = match std::str::from_utf8(line) {
            Ok(text) => return Cow::Borrowed(text),
            Err(err) => err.valid_up_to(),
        };
        if !std::mem::replace(&mut self.utf8_reported, true) {
            // Characters before the first invalid byte (valid UTF-8 by construction).
            let column = std::str::from_utf8(&line[..valid]).map_or(1, |s| s.chars().count() + 1);
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::InvalidUtf8,
                self.lines,
                u32::try_from(column).unwrap_or(u32::MAX),
                "",
            ));
        }
        String::from_utf8_lossy(line)
    }

    /// Decodes one line of a dump, the `self.lines`th, at byte `offset`.
    #[cfg(not(feature = "wasm-finesse"))]
    pub(crate) fn line(&mut self, store: &mut Store, full: &str, offset: u64) {
        let number = self.lines;
        let line = Line::after(full, &self.last_time);
        if let Some(time) = line.time.filter(|_| !line.same_time) {
            self.last_time.clear();
            self.last_time.extend_from_slice(time.as_bytes());
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
            if !(flat::mentions_msg_type(line.content)
                && self.flattened(store, number, offset, &line))
            {
                note(store, number, NoteKind::Comment, line.content);
            }
            return;
        }
        if let Some(rest) = msg_type_value(line.content) {
            let more = memchr::memchr(b':', rest.as_bytes()).is_some();
            if !(more && self.flattened(store, number, offset, &line)) {
                self.open_event(store, number, offset, &line, rest, line.time);
            }
            return;
        }
        let open = self
            .open
            .as_ref()
            .map(|o| (o.msg_indent, o.flush(), o.flat));
        if let Some((msg_indent, flush, is_flat)) = open {
            // A field line may hold more fields (and events) when its event came flattened or
            // the line names a message type.
            let run_on = |raw: &str| {
                memchr::memchr(b':', raw.as_bytes()).is_some()
                    && (is_flat || flat::mentions_msg_type(raw))
            };
            if line.indent > msg_indent {
                if is_ellipsis(line.content) {
                    extend(store, number, offset, full.len(), flag::TRUNCATED);
                    return;
                }
                if self.expected_field(store, number, offset, &line) {
                    return;
                }
                match split_field(line.content) {
                    Ok((_, raw)) if run_on(raw) && self.flattened(store, number, offset, &line) => {
                    }
                    Ok((name, raw)) => self.push_field(store, number, offset, &line, name, raw),
                    Err(_)
                        if flat::mentions_msg_type(line.content)
                            && self.flattened(store, number, offset, &line) => {}
                    Err(why) => malformed(store, number, &line, &why),
                }
                return;
            }
            if line.indent == msg_indent && flush {
                match split_field(line.content) {
                    Ok((_, raw)) if run_on(raw) && self.flattened(store, number, offset, &line) => {
                        return
                    }
                    Ok((name, raw)) => {
                        self.push_field(store, number, offset, &line, name, raw);
                        return;
                    }
                    Err(_) => {}
                }
            }
            // A line that goes on with a flattened event (a copy wrapped it anywhere, even
            // between a field's name and its value) is read on with the event still open.
            if is_flat && self.flattened(store, number, offset, &line) {
                return;
            }
            if is_ellipsis(line.content) {
                let last = store.events.flags.len() - 1;
                store.events.flags[last] |= flag::TRUNCATED;
            }
            self.open = None;
        }
        if flat::mentions_msg_type(line.content) && self.flattened(store, number, offset, &line) {
            return;
        }
        let kind = if is_step(line.content) {
            NoteKind::Step
        } else {
            NoteKind::Text
        };
        note(store, number, kind, line.content);
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
mod tests;
