//! One frame → one event: header, fixed part, floating fields in a given width.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::codes::{fields, message_types};
use crate::event::{explain, Diagnostic, DiagnosticCode, Event, Field, FrameSpan, Value};

use super::layout::{self, Wire};

/// Tags that repeat as list members (reference §1.2, §2.2): their fields get an `index`.
const LIST_TAGS: &[u16] = &[23, 24, 39, 40, 41, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65];

/// The message type of an unknown type ID, as an event type name.
pub(crate) fn unknown_type_name(type_id: u32) -> String {
    format!("UNKNOWN_MESSAGE_TYPE_{type_id}")
}

/// What the floating part gave under one width.
pub(crate) struct Floating {
    pub fields: Vec<Field>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether every field fitted, strings ended in NUL and numbers had their size.
    pub exact: bool,
}

/// Decodes the body of a frame of known layout up to the floating part. `offset` is the
/// frame's offset in the input. Returns the event (without floating fields), the diagnostics,
/// and where the floating part starts in `body`.
pub(crate) fn fixed_part(
    type_id: u32,
    body: &[u8],
    offset: u64,
    length: u32,
) -> (Event, Vec<Diagnostic>, usize) {
    let known = u16::try_from(type_id)
        .ok()
        .filter(|&id| message_types::name_of(id).is_some());
    let mut event = match known {
        Some(id) => Event::of_type(message_types::name_of(id).unwrap_or_default()),
        None => Event::of_type(&unknown_type_name(type_id)),
    };
    event.frame = Some(FrameSpan { offset, length });
    let mut diagnostics = Vec::new();
    let Some(layout) = known.and_then(layout::fixed) else {
        if known.is_none() {
            diagnostics.push(Diagnostic::at_offset(
                DiagnosticCode::UnknownMessageType,
                offset + 4,
                &format!("MessageType {type_id}"),
            ));
        }
        if !body.is_empty() {
            event.fields.push(raw_field("Body", body));
        }
        return (event, diagnostics, body.len());
    };
    // The fixed fields, and room for as many floating ones, without regrowing.
    event.fields.reserve(layout.len() * 2);
    let mut at = 0;
    for &(name, wire) in layout {
        let size = wire.size().unwrap_or(0);
        let Some(bytes) = body.get(at..at + size) else {
            diagnostics.push(Diagnostic::at_offset(
                DiagnosticCode::FixedPartShort,
                offset + 8 + at as u64,
                &format!(
                    "{} needs {} bytes, the body has {}",
                    event.type_name,
                    layout::fixed_size(layout),
                    body.len()
                ),
            ));
            event.truncated = true;
            if at < body.len() {
                event.fields.push(raw_field("Rest", &body[at..]));
            }
            return (event, diagnostics, body.len());
        };
        event.fields.push(number_field(name, wire, bytes, None));
        at += size;
    }
    (event, diagnostics, at)
}

/// Decodes the floating fields in `data` (which starts at `offset` in the input) with `width`
/// bytes of tag and of length.
pub(crate) fn floating(data: &[u8], offset: u64, width: u8, message_type: &str) -> Floating {
    let mut out = Floating {
        fields: Vec::new(),
        diagnostics: Vec::new(),
        exact: true,
    };
    let w = usize::from(width);
    let mut counts: Vec<(u16, u32)> = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let here = offset + at as u64;
        if data.len() - at < 2 * w {
            out.exact = false;
            out.diagnostics.push(Diagnostic::at_offset(
                DiagnosticCode::FieldOverrun,
                here,
                &format!(
                    "{} bytes left, a field header needs {}",
                    data.len() - at,
                    2 * w
                ),
            ));
            out.fields.push(raw_field("Rest", &data[at..]));
            break;
        }
        let (tag, len, start) = field_header(data, at, w);
        let Some(value) = data.get(start..start + len) else {
            out.exact = false;
            out.diagnostics.push(Diagnostic::at_offset(
                DiagnosticCode::FieldOverrun,
                here,
                &format!(
                    "tag {tag} says {len} bytes, {} are left in the frame",
                    data.len() - start
                ),
            ));
            out.fields.push(raw_field("Rest", &data[at..]));
            break;
        };
        at = start + len;
        let index = if LIST_TAGS.contains(&tag) {
            let slot = match counts.iter().position(|(t, _)| *t == tag) {
                Some(i) => i,
                None => {
                    counts.push((tag, 0));
                    counts.len() - 1
                }
            };
            counts[slot].1 += 1;
            Some(counts[slot].1 - 1)
        } else {
            None
        };
        let Some((name, wire)) = layout::tag(tag) else {
            let mut field = raw_field("", value);
            field.name = Cow::Owned(format!("Tag{tag}"));
            out.fields.push(field);
            continue;
        };
        match wire {
            Wire::Str | Wire::NamedVar | Wire::NamedArray => {
                let (strings, nul) = split_strings(value, wire);
                if !nul {
                    out.exact = false;
                    out.diagnostics.push(Diagnostic::at_offset(
                        DiagnosticCode::StringWithoutNul,
                        here,
                        &format!("tag {tag} ({name})"),
                    ));
                }
                out.fields.push(match (wire, strings) {
                    (Wire::NamedVar, Strings::Pair(var, val)) => {
                        Field::from_text(&var, &val, message_type)
                    }
                    (Wire::NamedArray, Strings::Indexed(i, var, val)) => {
                        let mut field =
                            Field::from_text(&format!("{var}[{i}]"), &val, message_type);
                        field.label = None;
                        field
                    }
                    (_, Strings::One(text)) => {
                        let mut field = Field::from_text(name, &text, message_type);
                        field.index = index;
                        field
                    }
                    _ => {
                        out.exact = false;
                        let mut field = raw_field("", value);
                        field.name = Cow::Borrowed(name);
                        field
                    }
                });
            }
            Wire::Unspec => {
                let mut field = raw_field("", value);
                field.name = Cow::Borrowed(name);
                field.known = true;
                out.fields.push(field);
            }
            _ => {
                if Some(value.len()) == wire.size() {
                    out.fields.push(number_field(name, wire, value, index));
                } else {
                    out.exact = false;
                    out.diagnostics.push(Diagnostic::at_offset(
                        DiagnosticCode::FieldSize,
                        here,
                        &format!(
                            "tag {tag} ({name}) has {} bytes, its type has {}",
                            value.len(),
                            wire.size().unwrap_or(0)
                        ),
                    ));
                    let mut field = raw_field("", value);
                    field.name = Cow::Borrowed(name);
                    out.fields.push(field);
                }
            }
        }
    }
    out
}

/// Whether floating fields in `data` parse exactly with `width`-byte tags and lengths, by the
/// rules [`floating`] applies: each fits, strings have their NUL, ECC variables a name, numbers
/// their size; and no tag is 0. Allocates nothing.
pub(crate) fn exact(data: &[u8], width: u8) -> bool {
    let w = usize::from(width);
    let mut at = 0;
    while at < data.len() {
        if data.len() - at < 2 * w {
            return false;
        }
        let (tag, len, start) = field_header(data, at, w);
        let Some(value) = data.get(start..start + len) else {
            return false;
        };
        at = start + len;
        let ok = match layout::tag(tag) {
            // No tag 0 exists (reference §3); runs of zeros are not fields.
            None => tag != 0,
            Some((_, Wire::Unspec)) => true,
            Some((_, Wire::Str)) => memchr::memchr(0, value).is_some(),
            Some((_, Wire::NamedVar)) => named(value),
            Some((_, Wire::NamedArray)) => value.len() > 1 && named(&value[1..]),
            Some((_, wire)) => Some(len) == wire.size(),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Tag, data length and data start of the floating field whose header (already known to fit)
/// starts at `at`, with `w`-byte tags and lengths.
fn field_header(data: &[u8], at: usize, w: usize) -> (u16, usize, usize) {
    let (tag, len) = if w == 1 {
        (u16::from(data[at]), usize::from(data[at + 1]))
    } else {
        (
            u16::from_be_bytes([data[at], data[at + 1]]),
            usize::from(u16::from_be_bytes([data[at + 2], data[at + 3]])),
        )
    };
    (tag, len, at + 2 * w)
}

/// A NAMEDVAR value as [`split_strings`] takes it: a non-empty name and a value, each ending
/// in NUL.
fn named(value: &[u8]) -> bool {
    value.first().is_some_and(|&b| b != 0) && memchr::memchr_iter(0, value).count() >= 2
}

enum Strings {
    One(String),
    Pair(String, String),
    Indexed(u8, String, String),
    Malformed,
}

/// The NUL-terminated strings of a STRING, NAMEDVAR or NAMEDARRAY value, and whether every
/// one ended in NUL.
fn split_strings(value: &[u8], wire: Wire) -> (Strings, bool) {
    let (index, rest) = match wire {
        Wire::NamedArray => match value.split_first() {
            Some((i, rest)) => (Some(*i), rest),
            None => return (Strings::Malformed, false),
        },
        _ => (None, value),
    };
    let wanted = if wire == Wire::Str { 1 } else { 2 };
    let mut parts = Vec::with_capacity(wanted);
    let mut rest = rest;
    let mut nul = true;
    for _ in 0..wanted {
        match memchr::memchr(0, rest) {
            Some(end) => {
                parts.push(String::from_utf8_lossy(&rest[..end]).into_owned());
                rest = &rest[end + 1..];
            }
            None => {
                nul = false;
                parts.push(String::from_utf8_lossy(rest).into_owned());
                rest = &[];
            }
        }
    }
    let strings = match (wire, index, parts.as_slice()) {
        (Wire::Str, _, [one]) => Strings::One(one.clone()),
        (Wire::NamedVar, _, [name, val]) if !name.is_empty() => {
            Strings::Pair(name.clone(), val.clone())
        }
        (Wire::NamedArray, Some(i), [name, val]) if !name.is_empty() => {
            Strings::Indexed(i, name.clone(), val.clone())
        }
        _ => Strings::Malformed,
    };
    (strings, nul)
}

/// A numeric field from its big-endian bytes (already checked to be the type's size).
fn number_field(name: &'static str, wire: Wire, bytes: &[u8], index: Option<u32>) -> Field {
    let n: i64 = match wire {
        Wire::U8 => i64::from(bytes[0]),
        Wire::U16 | Wire::Bool => i64::from(u16::from_be_bytes([bytes[0], bytes[1]])),
        Wire::I32 => i64::from(i32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])),
        _ => i64::from(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])),
    };
    let def = fields::lookup(name);
    let (symbol, meaning) = def.map_or((None, None), |d| explain(d, n));
    Field {
        name: Cow::Borrowed(name),
        label: None,
        index,
        raw: n.to_string(),
        value: Value::Number(n),
        symbol,
        meaning,
        known: true,
    }
}

/// Bytes kept as lowercase hex text.
pub(crate) fn raw_field(name: &'static str, bytes: &[u8]) -> Field {
    Field {
        name: Cow::Borrowed(name),
        label: None,
        index: None,
        raw: hex(bytes),
        value: Value::Text,
        symbol: None,
        meaning: None,
        known: false,
    }
}

/// Lowercase hex, two digits per byte, no separators.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}
