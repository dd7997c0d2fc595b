//! Events and their fields as JSON: the shapes the command-line tool prints and the page shows,
//! produced from the store when asked for.

use std::borrow::Cow;

use serde::Serialize;
use ts_rs::TS;

use crate::codes::fields::{FieldId, FieldType};
use crate::codes::{enums, Codes, SymbolMatch};
use crate::store::{flag, EventRef, EventType, FieldName, FieldRef, FieldValue, Form, Store};

/// A field's value; `kind` says how to read `value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Value<'a> {
    /// An integer (written as digits, or a coded symbol whose number is known).
    Number(#[ts(type = "number")] i64),
    /// Text: the value as written (for opaque bytes, their hex).
    Text(#[ts(type = "string")] Cow<'a, str>),
    /// Nothing after the colon: `value` is null.
    Empty(()),
    /// `N/A`: `value` is null.
    Na(()),
    /// `<TotalBytes: N>`: a dump's summary of N bytes it does not print.
    Bytes(u32),
}

/// One field of an event.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct Field<'a> {
    /// The canonical name (e.g. `ConnectionCallID`), or the name as written if unknown.
    #[ts(type = "string")]
    pub name: Cow<'a, str>,
    /// The name as written, when it differs from `name` (e.g. `CallID`).
    #[ts(optional, type = "string")]
    pub label: Option<Cow<'a, str>>,
    /// The number written in brackets after the name, or a repeated list member's position.
    pub index: Option<u32>,
    /// The floating-field tag a frame carried the field in.
    pub tag: Option<u16>,
    /// The value exactly as written, without surrounding white space.
    #[ts(type = "string")]
    pub raw: Cow<'a, str>,
    /// The typed value.
    #[serde(flatten)]
    pub value: Value<'a>,
    /// The protocol symbol of a coded value (e.g. `LCS_NULL`).
    #[ts(optional, type = "string")]
    pub symbol: Option<Cow<'static, str>>,
    /// The value's meaning in words.
    #[ts(optional, type = "string")]
    pub meaning: Option<Cow<'static, str>>,
    /// Present (true) when no reference lists the field name.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, type = "true")]
    pub unknown: bool,
}

/// An event decoded from a text dump.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextEvent<'a> {
    /// The message type's canonical name, or the name as written if no source lists it.
    #[serde(rename = "type")]
    #[ts(type = "string")]
    pub type_name: Cow<'a, str>,
    /// The message type ID, null for a type no source lists.
    pub type_id: Option<u32>,
    /// One-based line of the `MsgType:` line.
    pub line: u32,
    /// One-based line of the event's last field.
    pub end_line: u32,
    /// The timestamp at the start of the `MsgType:` line, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub time: Option<Cow<'a, str>>,
    /// The type as written, when it differs from `type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub label: Option<Cow<'a, str>>,
    /// Present (true) when the dump elides part of the message (`...`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, type = "true")]
    pub truncated: bool,
    /// The fields, in the order written.
    pub fields: Vec<Field<'a>>,
}

/// An event decoded from a binary frame.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FrameEvent<'a> {
    /// The message type's name (`UNKNOWN_MESSAGE_TYPE_<n>` for a type no reference lists).
    #[serde(rename = "type")]
    #[ts(type = "string")]
    pub type_name: Cow<'a, str>,
    /// The message type ID.
    pub type_id: Option<u32>,
    /// Zero-based byte offset of the frame's header in the input (in a capture: in its
    /// direction's TCP stream).
    // A number in JavaScript (offsets stay below 2^53), not the bigint ts-rs gives a u64.
    #[ts(type = "number")]
    pub offset: u64,
    /// Captures: the one-based number of the packet that completed the frame.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub packet: Option<u32>,
    /// Captures: the zero-based index of the connection (see the capture's `connections`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub connection: Option<u32>,
    /// Captures: who sent the frame.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "\"client\" | \"server\"")]
    pub from: Option<&'static str>,
    /// Captures: the packet's time, ISO 8601 in UTC with milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub time: Option<String>,
    /// The frame's length in bytes, the 8-byte header included.
    pub length: u32,
    /// Present (true) when the frame is shorter than its type's fixed part.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, type = "true")]
    pub truncated: bool,
    /// What the references doubt about how this type's frames are laid out (a layout from one
    /// source, or none at all, so that the body is kept as bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub doubt: Option<&'static str>,
    /// The fields: the fixed part, then the floating fields in the frame's order.
    pub fields: Vec<Field<'a>>,
}

/// What the references doubt about the layout of a message type's frames, if anything.
#[must_use]
pub fn layout_doubt(type_id: Option<u16>) -> Option<&'static str> {
    let id = type_id?;
    crate::codes::message_types::name_of(id)?;
    match crate::codes::layouts::layout(id) {
        Some(layout) => layout.doubt,
        None => Some("no source read gives this type's fixed part (reference §2.3.6): the body is kept as bytes"),
    }
}

/// The name and ID of an event's type as the JSON prints them.
pub(crate) fn type_name(store: &Store, ty: EventType) -> (Cow<'_, str>, Option<u32>) {
    store.type_name(ty)
}

/// Event `e` of a text store.
#[must_use]
pub fn text_event(e: EventRef<'_>) -> TextEvent<'_> {
    let store = e.store;
    let (type_name, type_id) = type_name(store, e.ty());
    let i = e.index();
    let label = store.events.label.get(i);
    TextEvent {
        type_name,
        type_id,
        line: store.events.line[i],
        end_line: store.events.end_line[i],
        time: e.time_text(),
        label: (label != crate::store::NO_STR)
            .then(|| String::from_utf8_lossy(store.interned(crate::store::StrId(label)))),
        truncated: e.truncated(),
        fields: fields(e),
    }
}

/// Event `e` of a frame store.
#[must_use]
pub fn frame_event(e: EventRef<'_>) -> FrameEvent<'_> {
    let store = e.store;
    let (type_name, type_id) = type_name(store, e.ty());
    let i = e.index();
    let capture = store.form() == Form::Capture;
    FrameEvent {
        type_name,
        type_id,
        offset: store.events.offset[i],
        packet: capture.then(|| store.events.line[i]),
        connection: capture.then(|| store.events.end_line[i]),
        from: capture.then_some(if e.flags() & flag::FROM_SERVER == 0 {
            "client"
        } else {
            "server"
        }),
        time: e
            .time_ms()
            .filter(|_| capture)
            .map(|(ms, _)| crate::time::iso_millis(ms)),
        length: store.events.length[i],
        truncated: e.truncated(),
        doubt: layout_doubt(e.type_id()),
        fields: fields(e),
    }
}

/// The fields of event `e`.
#[must_use]
pub fn fields(e: EventRef<'_>) -> Vec<Field<'_>> {
    let ty = e.type_id();
    e.fields().map(|f| field(e.store, ty, &f)).collect()
}

/// One field as JSON.
#[must_use]
pub fn field<'s>(store: &'s Store, message_type: Option<u16>, f: &FieldRef) -> Field<'s> {
    let text = |s| String::from_utf8_lossy(store.str(s));
    let (name, known) = match f.name {
        FieldName::Id(id) => (
            String::from_utf8_lossy(store.names.name_text(id)),
            store.names.is_known(id),
        ),
        FieldName::Ecc(s) => (text(s), true),
        FieldName::Tag(tag) => (Cow::Owned(format!("Tag{tag}")), false),
        FieldName::Raw(name) => (Cow::Borrowed(name), false),
    };
    let label = f.label.map(|w| {
        let written = store.names.get(w);
        String::from_utf8_lossy(store.names.written_text(&written))
    });
    let (raw, value): (Cow<'_, str>, Value<'_>) = match f.value {
        FieldValue::Number { n, raw } => (
            raw.map_or_else(|| Cow::Owned(n.to_string()), text),
            Value::Number(n),
        ),
        FieldValue::Text(s) => {
            let t = text(s);
            (t.clone(), Value::Text(t))
        }
        FieldValue::Empty => (Cow::Borrowed(""), Value::Empty(())),
        FieldValue::Na(s) => (text(s), Value::Na(())),
        FieldValue::TotalBytes(n, s) => (text(s), Value::Bytes(n)),
        FieldValue::Bytes(s) => {
            let hex: Cow<'_, str> = Cow::Owned(hex(store.str(s)));
            (hex.clone(), Value::Text(hex))
        }
    };
    let (symbol, meaning) = match f.field {
        Some(field) => explain(message_type, field, &f.value, raw.as_ref()),
        None => (None, None),
    };
    Field {
        name,
        label,
        index: f.index,
        tag: f.tag,
        raw,
        value,
        symbol,
        meaning,
        unknown: !known && !matches!(f.name, FieldName::Ecc(_)),
    }
}

/// The symbol and meaning of a field's value: a coded field's table entry or mask flags, a
/// TIME's UTC date; for text in a coded field, whether the symbol is one without a number.
#[must_use]
pub fn explain(
    message_type: Option<u16>,
    field: FieldId,
    value: &FieldValue,
    raw: &str,
) -> (Option<Cow<'static, str>>, Option<Cow<'static, str>>) {
    let codes = enums::codes_for(message_type, field);
    match (value, codes) {
        (FieldValue::Number { n, .. }, Some(Codes::Enum(table))) => match u32::try_from(*n) {
            Ok(v) => {
                let (symbol, meaning) = table.explain(v);
                (symbol.map(Cow::Borrowed), Some(meaning))
            }
            Err(_) => (
                None,
                Some(Cow::Owned(format!("not a documented {} value", table.name))),
            ),
        },
        (FieldValue::Number { n, .. }, Some(Codes::Mask(mask))) => match u32::try_from(*n) {
            Ok(v) => {
                let (symbol, meaning) = mask.explain(v);
                (symbol.map(Cow::Owned), Some(meaning))
            }
            Err(_) => (None, None),
        },
        (FieldValue::Number { n, .. }, None) if field.def().ty == FieldType::Time => {
            (None, Some(Cow::Owned(crate::time::utc_date(*n))))
        }
        (FieldValue::Text(_), Some(Codes::Enum(table))) => match table.find_symbol(raw) {
            Some(SymbolMatch::Unnumbered(symbol, meaning)) => {
                (Some(Cow::Borrowed(symbol)), Some(Cow::Borrowed(meaning)))
            }
            _ => (
                None,
                Some(Cow::Owned(format!(
                    "not a documented {} symbol",
                    table.name
                ))),
            ),
        },
        _ => (None, None),
    }
}

/// Lowercase hex, two digits per byte, no separators.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Whether a store's events are written with text positions.
#[must_use]
pub fn is_text(store: &Store) -> bool {
    store.form() == Form::Text
}
