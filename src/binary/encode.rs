//! Events (the JSON shape) back to frames, for fake CTI feeds in tests.

use serde::Serialize;

use crate::codes::fields;
use crate::event::{Event, Field, Value};

use super::layout::{self, Wire};
use super::{Width, MAX_FRAME};

/// Frames, and what could not be encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    /// The frames, one after another.
    pub bytes: Vec<u8>,
    /// Everything left out or replaced, by event.
    pub issues: Vec<EncodeIssue>,
}

/// Something in an event that has no wire form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EncodeIssue {
    /// Zero-based index of the event.
    pub event: u32,
    /// The field, when the issue is one field's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What happened, in words.
    pub message: String,
}

/// Encodes events as frames with `width`-byte floating-field tags and lengths.
///
/// Fixed-part fields an event lacks are written as 0; `N/A` and empty values of numeric
/// fields as the protocol's null (all bits set, reference §1.5). Fields with no wire form (a
/// dump's `<TotalBytes: N>` summary is skipped silently) are reported in `issues`.
#[must_use]
pub fn encode_events(events: &[Event], width: Width) -> Encoded {
    let mut out = Encoded::default();
    for (i, event) in events.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let mut issues = Vec::new();
        if let Some(body) = body(
            event,
            width,
            &mut |field: Option<&Field>, message: String| {
                issues.push(EncodeIssue {
                    event: index,
                    field: field.map(|f| f.label.clone().unwrap_or_else(|| f.name.to_string())),
                    message,
                });
            },
        ) {
            if body.0.len() + 8 > MAX_FRAME {
                issues.push(EncodeIssue {
                    event: index,
                    field: None,
                    message: format!(
                        "{} bytes exceed the {MAX_FRAME}-byte frame maximum; left out",
                        body.0.len() + 8
                    ),
                });
            } else {
                let len = u32::try_from(body.0.len()).unwrap_or(u32::MAX);
                out.bytes.extend_from_slice(&len.to_be_bytes());
                out.bytes.extend_from_slice(&body.1.to_be_bytes());
                out.bytes.extend_from_slice(&body.0);
            }
        }
        out.issues.extend(issues);
    }
    out
}

type Report<'a> = &'a mut dyn FnMut(Option<&Field>, String);

/// The body and the MessageType of one event, `None` when it cannot be framed at all.
fn body(event: &Event, width: Width, report: Report<'_>) -> Option<(Vec<u8>, u32)> {
    if let Some(n) = event.type_name.strip_prefix("UNKNOWN_MESSAGE_TYPE_") {
        let type_id: u32 = n.parse().ok()?;
        let body = event
            .field("Body")
            .map_or(Some(Vec::new()), |f| unhex(&f.raw));
        if body.is_none() {
            report(event.field("Body"), "Body is not hex".into());
        }
        return body.map(|b| (b, type_id));
    }
    let Some(type_id) = event.type_id else {
        report(
            None,
            format!(
                "message type {} is not in the references; left out",
                event.type_name
            ),
        );
        return None;
    };
    let Some(fixed) = layout::fixed(type_id) else {
        report(
            None,
            format!(
                "the references give no fixed part for {}; left out",
                event.type_name
            ),
        );
        return None;
    };
    let mut out = Vec::new();
    let mut used = vec![false; event.fields.len()];
    for &(name, wire) in fixed {
        let found = event
            .fields
            .iter()
            .position(|f| f.name == name && f.index.is_none());
        let n = match found {
            Some(i) => {
                used[i] = true;
                number(&event.fields[i], wire, report)
            }
            None => 0,
        };
        put_number(&mut out, wire, n);
    }
    for (field, _) in event.fields.iter().zip(used).filter(|(_, used)| !used) {
        floating(&mut out, field, width, report);
    }
    Some((out, u32::from(type_id)))
}

/// One field as a floating field, or a report of why not.
fn floating(out: &mut Vec<u8>, field: &Field, width: Width, report: Report<'_>) {
    let name = &*field.name;
    let def = fields::lookup(name);
    if def.is_some_and(|d| d.ty == fields::FieldType::DumpSummary) {
        return;
    }
    if name == "Rest" && !field.known {
        if let Some(bytes) = unhex(&field.raw) {
            out.extend_from_slice(&bytes);
        }
        return;
    }
    let (tag, data) = if let Some(tag) = name
        .strip_prefix("Tag")
        .and_then(|t| t.parse::<u16>().ok())
        .filter(|_| !field.known)
    {
        let Some(data) = unhex(&field.raw) else {
            report(Some(field), "an unknown tag's value must be hex".into());
            return;
        };
        (tag, data)
    } else if let Some((tag, wire)) = layout::tag_of(name) {
        let data = match wire {
            Wire::Str => nul_terminated(&[field.raw.as_bytes()]),
            Wire::Unspec => match unhex(&field.raw) {
                Some(bytes) => bytes,
                None => {
                    report(Some(field), "UNSPEC values are written as hex".into());
                    return;
                }
            },
            Wire::NamedVar | Wire::NamedArray => {
                report(
                    Some(field),
                    "write ECC variables by name, not as NamedVariable".into(),
                );
                return;
            }
            _ => {
                let mut bytes = Vec::new();
                put_number(&mut bytes, wire, number(field, wire, report));
                bytes
            }
        };
        (tag, data)
    } else if field.known && def.is_none() {
        // An ECC variable (reference §1.4): NAMEDVAR, or NAMEDARRAY with its index.
        match field.index {
            None => (82, nul_terminated(&[name.as_bytes(), field.raw.as_bytes()])),
            Some(i) => match u8::try_from(i) {
                Ok(i) => {
                    let mut data = vec![i];
                    data.extend(nul_terminated(&[name.as_bytes(), field.raw.as_bytes()]));
                    (83, data)
                }
                Err(_) => {
                    report(Some(field), "a NAMEDARRAY index is one byte".into());
                    return;
                }
            },
        }
    } else {
        report(
            Some(field),
            "no floating-field tag for this name; left out".into(),
        );
        return;
    };
    let max = if width == Width::One {
        usize::from(u8::MAX)
    } else {
        usize::from(u16::MAX)
    };
    if data.len() > max {
        report(
            Some(field),
            format!(
                "{} bytes do not fit a {}-byte length",
                data.len(),
                width.bytes()
            ),
        );
        return;
    }
    match width {
        Width::One => {
            let Ok(tag) = u8::try_from(tag) else {
                report(Some(field), format!("tag {tag} does not fit one byte"));
                return;
            };
            out.push(tag);
            out.push(u8::try_from(data.len()).unwrap_or(u8::MAX));
        }
        Width::Two => {
            out.extend_from_slice(&tag.to_be_bytes());
            out.extend_from_slice(&u16::try_from(data.len()).unwrap_or(u16::MAX).to_be_bytes());
        }
    }
    out.extend_from_slice(&data);
}

/// A numeric field's value for `wire`: its number, the null value for `N/A`/empty, else 0
/// with a report.
fn number(field: &Field, wire: Wire, report: Report<'_>) -> i64 {
    let null = match wire {
        Wire::U8 => 0xFF,
        Wire::U16 | Wire::Bool => 0xFFFF,
        Wire::I32 => -1,
        _ => 0xFFFF_FFFF,
    };
    let n = match field.value {
        Value::Number(n) => n,
        Value::NotApplicable | Value::Empty => return null,
        _ => {
            let why = match field.symbol {
                Some(symbol) => format!("{symbol} has no documented number; written as {null:#x}"),
                None => format!("{:?} is not a number; written as {null:#x}", field.raw),
            };
            report(Some(field), why);
            return null;
        }
    };
    let (min, max) = match wire {
        Wire::U8 => (0, 0xFF),
        Wire::U16 | Wire::Bool => (0, 0xFFFF),
        Wire::I32 => (i64::from(i32::MIN), i64::from(i32::MAX)),
        _ => (0, 0xFFFF_FFFF),
    };
    if (min..=max).contains(&n) {
        n
    } else {
        report(
            Some(field),
            format!("{n} does not fit; written as {null:#x}"),
        );
        null
    }
}

fn put_number(out: &mut Vec<u8>, wire: Wire, n: i64) {
    // Ranges were checked by `number`; the casts keep the low bytes.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    match wire {
        Wire::U8 => out.push(n as u8),
        Wire::U16 | Wire::Bool => out.extend_from_slice(&(n as u16).to_be_bytes()),
        _ => out.extend_from_slice(&(n as u32).to_be_bytes()),
    }
}

fn nul_terminated(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(part);
        out.push(0);
    }
    out
}

/// Hex text (as the decoder writes bytes) back to bytes.
fn unhex(text: &str) -> Option<Vec<u8>> {
    let digits = text.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect()
}
