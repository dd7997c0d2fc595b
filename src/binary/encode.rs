//! Events back to frames: any store's events (decoded from text, frames or JSON) written as
//! GED-188 frames in either width. A frame that decoded without diagnostics encodes back to the
//! same bytes.

use serde::Serialize;
use ts_rs::TS;

use crate::codes::fields::{FieldId, FieldType};
use crate::codes::layouts::{self, Layout, Variant, Wire};
use crate::codes::tags;
use crate::store::{EventRef, EventType, FieldName, FieldRef, FieldValue, Store};

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
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct EncodeIssue {
    /// Zero-based index of the event.
    pub event: u32,
    /// The field, when the issue is one field's.
    pub field: Option<String>,
    /// What happened, in words.
    pub message: String,
}

/// Encodes every event of `store` as frames with `width`-byte floating-field tags and lengths.
/// The fixed part of a type that changed over the versions is the one for `version` when given,
/// else the longest whose fields the event carries.
///
/// Fixed-part fields an event lacks are written as 0; `N/A` and empty numbers as the protocol's
/// null (all bits set, reference §1.5). A dump's `<TotalBytes: N>` summary is not a wire field
/// and is left out silently; anything else without a wire form is reported in `issues`.
#[must_use]
pub fn encode(store: &Store, width: Width, version: Option<u32>) -> Encoded {
    let mut out = Encoded::default();
    for e in store.events() {
        let index = u32::try_from(e.index()).unwrap_or(u32::MAX);
        let mut issues = Vec::new();
        let mut report = |field: Option<String>, message: String| {
            issues.push(EncodeIssue {
                event: index,
                field,
                message,
            });
        };
        if let Some((body, ty)) = body(store, e, width, version, &mut report) {
            if body.len() + 8 > MAX_FRAME {
                report(
                    None,
                    format!(
                        "{} bytes exceed the {MAX_FRAME}-byte frame maximum; left out",
                        body.len() + 8
                    ),
                );
            } else {
                let len = u32::try_from(body.len()).unwrap_or(u32::MAX);
                out.bytes.extend_from_slice(&len.to_be_bytes());
                out.bytes.extend_from_slice(&ty.to_be_bytes());
                out.bytes.extend_from_slice(&body);
            }
        }
        out.issues.extend(issues);
    }
    out
}

type Report<'a> = &'a mut dyn FnMut(Option<String>, String);

/// The body and the MessageType of one event, `None` when it cannot be framed at all.
fn body(
    store: &Store,
    e: EventRef<'_>,
    width: Width,
    version: Option<u32>,
    report: Report<'_>,
) -> Option<(Vec<u8>, u32)> {
    let EventType::Id(ty) = e.ty() else {
        let name = store.type_name(e.ty()).0.into_owned();
        report(
            None,
            format!("message type {name} is not in the references; left out"),
        );
        return None;
    };
    let fields: Vec<FieldRef> = e.fields().collect();
    let layout = u16::try_from(ty).ok().and_then(layouts::layout);
    let Some(layout) = layout else {
        // A type without a layout: its body as the decoder kept it.
        let mut out = Vec::new();
        for f in &fields {
            match (raw_name(store, f), bytes_of(store, f)) {
                (Some("Body" | "Rest"), Some(bytes)) => out.extend_from_slice(&bytes),
                _ => report(
                    Some(name(store, f)),
                    "a type without a layout carries only its Body, as hex".into(),
                ),
            }
        }
        return Some((out, ty));
    };
    let mut used = vec![false; fields.len()];
    let fixed = variant(layout, &fields, version);
    let mut out = Vec::with_capacity(64);
    for &(id, wire) in fixed {
        let found = fields
            .iter()
            .position(|f| f.field == Some(id) && f.index.is_none() && f.tag.is_none());
        if let Some(i) = found {
            used[i] = true;
        }
        put_fixed(&mut out, store, found.map(|i| &fields[i]), wire, report);
    }
    for (f, _) in fields.iter().zip(used).filter(|(_, used)| !used) {
        floating(&mut out, store, f, width, report);
    }
    Some((out, ty))
}

/// The fixed part for `version`, or the longest whose fields are all there.
fn variant(
    layout: &'static Layout,
    fields: &[FieldRef],
    version: Option<u32>,
) -> &'static [(FieldId, Wire)] {
    // The variants the version allows (all of them when it is not known), and of those the
    // longest whose fields the event has.
    let v = version.map(|v| u8::try_from(v).unwrap_or(u8::MAX));
    let allowed = |x: &&Variant| v.is_none_or(|v| x.covers(v));
    let has = |id: FieldId| {
        fields
            .iter()
            .any(|f| f.field == Some(id) && f.tag.is_none())
    };
    let mut candidates = layout.variants.iter().filter(allowed).peekable();
    let first = candidates.peek().copied().unwrap_or(&layout.variants[0]);
    layout
        .variants
        .iter()
        .filter(allowed)
        .rev()
        .find(|x| x.fields.iter().all(|&(id, _)| has(id)))
        .unwrap_or(first)
        .fields
}

/// `Body` and `Rest`: the bytes a frame holds that are no fields (as the decoder names them, or
/// as JSON brings those names back).
fn raw_name<'a>(store: &Store, f: &'a FieldRef) -> Option<&'a str> {
    match f.name {
        FieldName::Raw(n) => Some(n),
        FieldName::Id(id) if !store.names.is_known(id) => match store.names.name_text(id) {
            b"Body" => Some("Body"),
            b"Rest" => Some("Rest"),
            _ => None,
        },
        _ => None,
    }
}

/// Opaque bytes: as kept, or written as hex text.
fn bytes_of(store: &Store, f: &FieldRef) -> Option<Vec<u8>> {
    match f.value {
        FieldValue::Bytes(s) => Some(store.str(s).to_vec()),
        FieldValue::Text(s) | FieldValue::Number { raw: Some(s), .. } => unhex(store.str(s)),
        FieldValue::Number { n, raw: None } => unhex(n.to_string().as_bytes()),
        FieldValue::Empty => Some(Vec::new()),
        _ => None,
    }
}

/// Hex text (as the decoder writes bytes) back to bytes.
fn unhex(text: &[u8]) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    let digit = |b: u8| (b as char).to_digit(16);
    text.chunks(2)
        .map(|pair| Some(u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).unwrap_or(0)))
        .collect()
}

fn name(store: &Store, f: &FieldRef) -> String {
    match f.name {
        FieldName::Id(id) => String::from_utf8_lossy(store.names.name_text(id)).into_owned(),
        FieldName::Ecc(s) => String::from_utf8_lossy(store.str(s)).into_owned(),
        FieldName::Tag(t) => format!("Tag{t}"),
        FieldName::Raw(n) => n.to_owned(),
    }
}

fn put_fixed(
    out: &mut Vec<u8>,
    store: &Store,
    f: Option<&FieldRef>,
    wire: Wire,
    report: Report<'_>,
) {
    if let Wire::Bytes(n) = wire {
        let mut bytes = f.and_then(|f| bytes_of(store, f)).unwrap_or_default();
        bytes.resize(usize::from(n), 0);
        out.extend_from_slice(&bytes);
        return;
    }
    let n = f.map_or(0, |f| number(store, f, wire, report));
    put_number(out, wire, n);
}

/// One field as a floating field, or a report of why not.
fn floating(out: &mut Vec<u8>, store: &Store, f: &FieldRef, width: Width, report: Report<'_>) {
    if let Some(raw) = raw_name(store, f) {
        match (raw, bytes_of(store, f)) {
            ("Rest", Some(bytes)) => out.extend_from_slice(&bytes),
            ("Rest", None) => report(Some(raw.to_owned()), "Rest is written as hex".into()),
            _ => {}
        }
        return;
    }
    let (tag, data) = match f.name {
        FieldName::Raw(_) => return,
        FieldName::Tag(tag) => match bytes_of(store, f) {
            Some(bytes) => (tag, bytes),
            None => {
                return report(
                    Some(name(store, f)),
                    "an unknown tag's value is written as hex".into(),
                )
            }
        },
        FieldName::Id(id) if !store.names.is_known(id) => {
            let text = name(store, f);
            let tag = text.strip_prefix("Tag").and_then(|t| t.parse::<u16>().ok());
            match (tag, bytes_of(store, f)) {
                (Some(tag), Some(bytes)) => (tag, bytes),
                _ => {
                    return report(
                        Some(text),
                        "no floating-field tag for this name; left out".into(),
                    )
                }
            }
        }
        FieldName::Ecc(s) => match ecc(store.str(s), f, store, report) {
            Some(field) => field,
            None => return,
        },
        FieldName::Id(id) if store.names.is_ecc(id) => {
            match ecc(store.names.name_text(id), f, store, report) {
                Some(field) => field,
                None => return,
            }
        }
        FieldName::Id(_) => {
            let Some(field) = f.field else {
                return report(
                    Some(name(store, f)),
                    "no floating-field tag for this name; left out".into(),
                );
            };
            if field.def().ty == FieldType::DumpSummary {
                return;
            }
            let Some((tag, wire)) = f
                .tag
                .and_then(|t| tags::tag(t).map(|(_, w)| (t, w)))
                .or_else(|| tags::tag_of(field))
            else {
                return report(
                    Some(name(store, f)),
                    "no floating-field tag for this name; left out".into(),
                );
            };
            (tag, data(store, f, wire, report))
        }
    };
    put_field(out, tag, &data, width, &name(store, f), report);
}

/// A NAMEDVAR (or, with an index, NAMEDARRAY) field for an ECC variable (reference §1.4).
fn ecc(name: &[u8], f: &FieldRef, store: &Store, report: Report<'_>) -> Option<(u16, Vec<u8>)> {
    let value: &[u8] = match f.value {
        FieldValue::Text(s) | FieldValue::Na(s) => store.str(s),
        _ => b"",
    };
    let mut data = Vec::with_capacity(name.len() + value.len() + 3);
    let tag = match f.index {
        None => 82,
        Some(i) => match u8::try_from(i) {
            Ok(i) => {
                data.push(i);
                83
            }
            Err(_) => {
                report(
                    Some(String::from_utf8_lossy(name).into_owned()),
                    "a NAMEDARRAY index is one byte".into(),
                );
                return None;
            }
        },
    };
    data.extend_from_slice(name);
    data.push(0);
    data.extend_from_slice(value);
    data.push(0);
    Some((tag, data))
}

/// The data of a catalogued floating field written as `wire`.
fn data(store: &Store, f: &FieldRef, wire: Wire, report: Report<'_>) -> Vec<u8> {
    match (wire, f.value) {
        (_, FieldValue::Bytes(s)) => store.str(s).to_vec(),
        (Wire::Unspec, _) => bytes_of(store, f).unwrap_or_else(|| {
            report(
                Some(name(store, f)),
                "UNSPEC values are written as hex".into(),
            );
            Vec::new()
        }),
        (Wire::Str | Wire::Flex(_), FieldValue::Text(s) | FieldValue::Na(s)) => {
            let mut d = store.str(s).to_vec();
            d.push(0);
            d
        }
        (Wire::Str | Wire::Flex(_), FieldValue::Empty) => vec![0],
        (Wire::Flex(size), _) => {
            let wire = if size == 2 { Wire::U16 } else { Wire::U32 };
            let mut d = Vec::new();
            put_number(&mut d, wire, number(store, f, wire, report));
            d
        }
        (Wire::Str, FieldValue::Number { n, raw }) => {
            let mut d = raw.map_or_else(|| n.to_string().into_bytes(), |s| store.str(s).to_vec());
            d.push(0);
            d
        }
        _ => {
            let mut d = Vec::new();
            put_number(&mut d, wire, number(store, f, wire, report));
            d
        }
    }
}

fn put_field(
    out: &mut Vec<u8>,
    tag: u16,
    data: &[u8],
    width: Width,
    name: &str,
    report: Report<'_>,
) {
    let (max_tag, max_len) = match width {
        Width::One => (u16::from(u8::MAX), usize::from(u8::MAX)),
        Width::Two => (u16::MAX, usize::from(u16::MAX)),
    };
    if tag > max_tag {
        return report(
            Some(name.to_owned()),
            format!("tag {tag} does not fit one byte"),
        );
    }
    if data.len() > max_len {
        return report(
            Some(name.to_owned()),
            format!(
                "{} bytes do not fit a {}-byte length",
                data.len(),
                width.bytes()
            ),
        );
    }
    match width {
        // Both fit, as checked above.
        Width::One => out.extend_from_slice(&[
            tag.to_be_bytes()[1],
            u8::try_from(data.len()).unwrap_or(u8::MAX),
        ]),
        Width::Two => {
            out.extend_from_slice(&tag.to_be_bytes());
            out.extend_from_slice(&u16::try_from(data.len()).unwrap_or(u16::MAX).to_be_bytes());
        }
    }
    out.extend_from_slice(data);
}

/// A numeric field's value for `wire`: its number, the null value for `N/A`/empty, else the
/// null value with a report.
fn number(store: &Store, f: &FieldRef, wire: Wire, report: Report<'_>) -> i64 {
    let null = match wire {
        Wire::U8 => 0xFF,
        Wire::U16 | Wire::Bool => 0xFFFF,
        Wire::I32 => -1,
        _ => 0xFFFF_FFFF,
    };
    let n = match f.value {
        FieldValue::Number { n, .. } => n,
        FieldValue::Na(_) | FieldValue::Empty => return null,
        FieldValue::Text(s) => {
            let text = String::from_utf8_lossy(store.str(s));
            report(
                Some(name(store, f)),
                format!(
                    "{} has no documented number; written as {null:#x}",
                    crate::diagnostic::quoted(&text)
                ),
            );
            return null;
        }
        _ => {
            report(
                Some(name(store, f)),
                format!("not a number; written as {null:#x}"),
            );
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
            Some(name(store, f)),
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
