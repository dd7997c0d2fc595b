//! Whether a frame parses exactly, and what is wrong when it does not: the one notion of
//! "parses exactly" that width detection, layout variants, resynchronisation and diagnostics
//! all use.
//!
//! A floating part parses exactly with a width when every field's header and data fit the frame,
//! no tag is 0 (reference §3 has none; runs of zeros are not fields), strings end in NUL, ECC
//! variables have a name and a value, and numbers have their type's size.

use crate::codes::layouts::Wire;
use crate::codes::tags;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::frame::{header, Item, Problem, Shape, Walk, HEADER};

/// What is wrong with one floating field's data, if anything.
fn field_problem(tag: u16, data: &[u8]) -> Option<(DiagnosticCode, String)> {
    if tag == 0 {
        return Some((DiagnosticCode::ZeroTag, String::new()));
    }
    let (field, wire) = tags::tag(tag)?;
    let named_ok = |d: &[u8]| crate::store::named(d).is_some();
    let bad = match wire {
        Wire::Str => memchr::memchr(0, data).is_none(),
        Wire::NamedVar => !named_ok(data),
        Wire::NamedArray => data.len() < 2 || !named_ok(&data[1..]),
        Wire::Unspec | Wire::Flex(_) | Wire::Bytes(_) => false,
        _ => Some(data.len()) != wire.size(),
    };
    if !bad {
        return None;
    }
    let name = field.name();
    Some(match wire {
        Wire::Str => (
            DiagnosticCode::StringWithoutNul,
            format!("tag {tag} ({name})"),
        ),
        Wire::NamedVar | Wire::NamedArray => (
            DiagnosticCode::StringWithoutNul,
            format!("tag {tag} ({name}) needs a name and a value, each ending in NUL"),
        ),
        _ => (
            DiagnosticCode::FieldSize,
            format!(
                "tag {tag} ({name}) has {} bytes, its type has {}",
                data.len(),
                wire.size().unwrap_or(0)
            ),
        ),
    })
}

/// Whether the floating fields in `data` parse exactly with `width`-byte tags and lengths.
/// Allocates nothing.
#[must_use]
pub(crate) fn exact(data: &[u8], width: u8) -> bool {
    let w = usize::from(width);
    let mut at = 0;
    while at < data.len() {
        if data.len() - at < 2 * w {
            return false;
        }
        let (tag, len) = header(&data[at..], w);
        let start = at + 2 * w;
        let Some(value) = data.get(start..start + len) else {
            return false;
        };
        if field_problem(tag, value).is_some() {
            return false;
        }
        at = start + len;
    }
    true
}

/// Whether a whole frame (header included) parses exactly in `shape`: its body holds the fixed
/// part and its floating part parses exactly.
#[must_use]
pub(crate) fn frame_exact(frame: &[u8], shape: Shape) -> bool {
    shape.fixed.is_none()
        || frame
            .get(HEADER + shape.size..)
            .is_some_and(|floating| exact(floating, shape.width))
}

/// The diagnostics of a frame read in `shape`, with offsets into the input (the frame starts at
/// `offset`).
pub(crate) fn problems(
    frame: &[u8],
    shape: Shape,
    offset: u64,
    name: &str,
    out: &mut Vec<Diagnostic>,
) {
    for item in Walk::new(frame, shape) {
        match item {
            Item::Rest { at, problem } => {
                let here = offset + u64::from(at);
                let d = match problem {
                    Problem::FixedPartShort => {
                        let size = shape.size;
                        Diagnostic::byte(
                            DiagnosticCode::FixedPartShort,
                            offset + HEADER as u64,
                            &format!(
                                "{name} needs {size} bytes, the body has {}",
                                frame.len() - HEADER
                            ),
                        )
                    }
                    Problem::HeaderShort => Diagnostic::byte(
                        DiagnosticCode::FieldOverrun,
                        here,
                        &format!(
                            "{} bytes left, a field header needs {}",
                            frame.len() - at as usize,
                            2 * shape.width
                        ),
                    ),
                    Problem::Overrun { tag, len } => Diagnostic::byte(
                        DiagnosticCode::FieldOverrun,
                        here,
                        &format!(
                            "tag {tag} says {len} bytes, {} are left in the frame",
                            frame.len() - at as usize - 2 * usize::from(shape.width)
                        ),
                    ),
                };
                out.push(d);
            }
            Item::Floating { tag, at, len, .. } => {
                let data = &frame[at as usize..(at + len) as usize];
                if let Some((code, detail)) = field_problem(tag, data) {
                    let header_at = u64::from(at) - 2 * u64::from(shape.width);
                    out.push(Diagnostic::byte(code, offset + header_at, &detail));
                }
            }
            Item::Fixed { .. } | Item::Body { .. } => {}
        }
    }
}
