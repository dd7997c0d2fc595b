//! The text-dump decoder: `MsgType: NAME` opens an event, indented `Field: value` lines fill it.
//!
//! The format is the one Cisco's UCCX CTI guide prints its call flows in (reference §5), in
//! either dialect: symbolic values (`LCS_NULL`) or numbers (`LocalConnectionState: 0`).
//!
//! Which lines belong to an event is decided by indentation: lines indented deeper than the
//! `MsgType:` line are its fields; a `Name: value` line at the `MsgType:` line's own indentation
//! is a field only while the event's fields are written flush with it (logs without indented
//! fields). Any other line closes the event and becomes a [`Note`]. A line inside an event that
//! is not `Name: value` is a [`Diagnostic`]; decoding goes on with the next line.

mod line;

use std::borrow::Cow;

use crate::event::{Decoded, Diagnostic, DiagnosticCode, Event, Field, Note, NoteKind};
use line::{is_ellipsis, msg_type_value, split_field, Line, NotAField};

/// Decodes a text dump. Never fails: malformed lines become diagnostics, lines outside events
/// become notes, and every well-formed event around them is kept.
#[must_use]
pub fn decode_log(text: &str) -> Decoded {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut decoder = Decoder::default();
    let mut start = 0;
    let mut number = 0u32;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        number = number.saturating_add(1);
        if end == text.len() && start == end {
            break;
        }
        decoder.line(number, &text[start..end]);
        start = end + 1;
    }
    decoder.finish()
}

/// Decodes a text dump given as bytes. Invalid UTF-8 is replaced with U+FFFD and reported as a
/// warning at the first bad byte's line and column; the rest decodes as [`decode_log`].
#[must_use]
pub fn decode_log_bytes(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => decode_log(text),
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line_start = memchr::memrchr(b'\n', good).map_or(0, |i| i + 1);
            let line = memchr::memchr_iter(b'\n', good).count() + 1;
            // `good` is valid UTF-8 by construction.
            let column =
                std::str::from_utf8(&good[line_start..]).map_or(1, |s| s.chars().count() + 1);
            let mut decoded = decode_log(&String::from_utf8_lossy(bytes));
            let diagnostic = Diagnostic::new(
                DiagnosticCode::InvalidUtf8,
                u32::try_from(line).unwrap_or(u32::MAX),
                u32::try_from(column).unwrap_or(u32::MAX),
                "",
            );
            let at = decoded
                .diagnostics
                .partition_point(|d| d.line <= diagnostic.line);
            decoded.diagnostics.insert(at, diagnostic);
            decoded
        }
    }
}

/// The event being filled.
struct Open {
    event: Event,
    /// Indentation of its `MsgType:` line.
    msg_indent: u32,
    /// Indentation of its first field, once there is one.
    field_indent: Option<u32>,
}

impl Open {
    /// Whether fields are written flush with the `MsgType:` line (or none are written yet).
    fn flush(&self) -> bool {
        self.field_indent.is_none_or(|i| i == self.msg_indent)
    }
}

#[derive(Default)]
struct Decoder {
    open: Option<Open>,
    out: Decoded,
}

impl Decoder {
    fn line(&mut self, number: u32, full: &str) {
        let line = Line::new(full);
        if line.content.is_empty() {
            if self
                .open
                .as_ref()
                .is_some_and(|o| o.field_indent.is_some() && o.flush())
            {
                self.close();
            }
            return;
        }
        if line.content.starts_with('#') {
            self.note(number, NoteKind::Comment, line.content);
            return;
        }
        if let Some(rest) = msg_type_value(line.content) {
            self.close();
            self.open_event(number, &line, rest);
            return;
        }
        if let Some(open) = &mut self.open {
            if line.indent > open.msg_indent {
                if is_ellipsis(line.content) {
                    open.event.truncated = true;
                    open.event.end_line = number;
                    return;
                }
                match split_field(line.content) {
                    Ok((name, raw)) => self.push_field(number, line.indent, name, raw),
                    Err(why) => self.malformed(number, &line, &why),
                }
                return;
            }
            if line.indent == open.msg_indent && open.flush() {
                if let Ok((name, raw)) = split_field(line.content) {
                    self.push_field(number, line.indent, name, raw);
                    return;
                }
            }
            if is_ellipsis(line.content) {
                open.event.truncated = true;
            }
            self.close();
        }
        let kind = if is_step(line.content) {
            NoteKind::Step
        } else {
            NoteKind::Text
        };
        self.note(number, kind, line.content);
    }

    fn open_event(&mut self, number: u32, line: &Line<'_>, rest: &str) {
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
            self.out.diagnostics.push(Diagnostic::new(
                DiagnosticCode::MissingMessageType,
                number,
                column,
                "",
            ));
        }
        let mut event = Event::of_type(name);
        event.label = (written != event.type_name).then(|| written.to_owned());
        event.line = number;
        event.end_line = number;
        event.time = line.time.map(str::to_owned);
        event.truncated = truncated;
        self.open = Some(Open {
            event,
            msg_indent: line.indent,
            field_indent: None,
        });
    }

    fn push_field(&mut self, number: u32, indent: u32, written: &str, raw: &str) {
        let Some(open) = &mut self.open else { return };
        let field = Field::from_text(written, raw, &open.event.type_name);
        open.event.fields.push(field);
        open.event.end_line = number;
        open.field_indent.get_or_insert(indent);
    }

    fn malformed(&mut self, number: u32, line: &Line<'_>, why: &NotAField) {
        let (code, at) = match *why {
            NotAField::Malformed => (DiagnosticCode::MalformedField, 0),
            NotAField::EmptyName(colon) => (DiagnosticCode::EmptyFieldName, colon),
        };
        let detail = format!("{:?}", truncate(line.content, 60));
        self.out
            .diagnostics
            .push(Diagnostic::new(code, number, line.column(at), &detail));
    }

    fn note(&mut self, number: u32, kind: NoteKind, text: &str) {
        self.out.notes.push(Note {
            line: number,
            kind,
            text: text.to_owned(),
        });
    }

    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            self.out.events.push(open.event);
        }
    }

    fn finish(mut self) -> Decoded {
        self.close();
        self.out
    }
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
