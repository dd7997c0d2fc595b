//! Events as columns: the same information as the [`event`](super::event) JSON views, laid out
//! as arrays of numbers and one table of distinct strings, so that JavaScript can build the
//! objects itself (far faster than parsing the JSON text of them) and a Worker can hand the
//! arrays to the page without copying.
//!
//! String columns hold indices into the string table, `-1` for absent; the table's strings are
//! concatenated in `strings`, string `i` ending at UTF-16 offset `string_ends[i]`.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::codes::message_types;
use crate::store::{EventType, FieldName, FieldRef, FieldValue, Form, Store, StrId, StrRef};

use super::event::{explain, hex, type_name};

/// Kinds of field values, as numbers (the order of [`super::Value`]'s `kind`s).
pub mod kind {
    /// `number`.
    pub const NUMBER: u8 = 0;
    /// `text`.
    pub const TEXT: u8 = 1;
    /// `empty`.
    pub const EMPTY: u8 = 2;
    /// `na`.
    pub const NA: u8 = 3;
    /// `bytes` (`<TotalBytes: N>`).
    pub const BYTES: u8 = 4;
}

/// A batch of events as columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventColumns {
    /// Whether positions are lines (text) or byte offsets (frames).
    pub text: bool,
    /// Every distinct string of the batch, one after another.
    pub strings: String,
    /// UTF-16 offset at which each string ends.
    pub string_ends: Vec<u32>,
    /// Per event: its type name.
    pub event_type: Vec<u32>,
    /// Per event: its type ID, `-1` for none.
    pub type_id: Vec<i32>,
    /// Per event: text, the `MsgType:` line; frames, the byte offset.
    pub position: Vec<f64>,
    /// Per event: text, the last line; frames, the length in bytes.
    pub extent: Vec<u32>,
    /// Per event: the time as written.
    pub time: Vec<i32>,
    /// Per event: the type as written, when it differs.
    pub label: Vec<i32>,
    /// Per event: 1 when truncated.
    pub truncated: Vec<u8>,
    /// Per event: the end of its fields in the field columns.
    pub field_end: Vec<u32>,
    /// Per field: its name.
    pub name: Vec<u32>,
    /// Per field: its name as written, when it differs.
    pub field_label: Vec<i32>,
    /// Per field: its index, `-1` for none.
    pub index: Vec<i32>,
    /// Per field: its tag, `-1` for none.
    pub tag: Vec<i32>,
    /// Per field: its raw text; `-1` when it is the decimal text of `number`.
    pub raw: Vec<i32>,
    /// Per field: [`kind`].
    pub kind: Vec<u8>,
    /// Per field: the number (kinds number and bytes).
    pub number: Vec<f64>,
    /// Per field: the symbol.
    pub symbol: Vec<i32>,
    /// Per field: the meaning.
    pub meaning: Vec<i32>,
    /// Per field: 1 when no reference lists the name.
    pub unknown: Vec<u8>,
}

/// The string table under construction, deduplicating.
#[derive(Default)]
struct Table {
    out: String,
    ends: Vec<u32>,
    utf16: u32,
    by_id: FxHashMap<StrId, u32>,
    by_static: FxHashMap<(usize, usize), u32>,
    by_text: FxHashMap<String, u32>,
}

impl Table {
    fn push(&mut self, s: &str) -> u32 {
        self.out.push_str(s);
        let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        self.utf16 += u32::try_from(units).unwrap_or(u32::MAX);
        self.ends.push(self.utf16);
        u32::try_from(self.ends.len() - 1).unwrap_or(u32::MAX)
    }

    fn interned(&mut self, store: &Store, id: StrId) -> u32 {
        if let Some(&i) = self.by_id.get(&id) {
            return i;
        }
        let i = self.push(&String::from_utf8_lossy(store.interned(id)));
        self.by_id.insert(id, i);
        i
    }

    fn fixed(&mut self, s: &'static str) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&i) = self.by_static.get(&key) {
            return i;
        }
        let i = self.push(s);
        self.by_static.insert(key, i);
        i
    }

    fn text(&mut self, s: Cow<'_, str>) -> u32 {
        if let Some(&i) = self.by_text.get(s.as_ref()) {
            return i;
        }
        let i = self.push(&s);
        self.by_text.insert(s.into_owned(), i);
        i
    }

    fn cow(&mut self, s: Cow<'static, str>) -> u32 {
        match s {
            Cow::Borrowed(b) => self.fixed(b),
            Cow::Owned(o) => self.text(Cow::Owned(o)),
        }
    }

    fn bytes(&mut self, store: &Store, s: StrRef) -> u32 {
        match s {
            StrRef::Interned(id) => self.interned(store, id),
            StrRef::Bytes(..) => self.text(String::from_utf8_lossy(store.str(s))),
        }
    }
}

/// Explanations already worked out in this batch: (field, message type, number) → (symbol,
/// meaning).
type Memo = FxHashMap<(FieldId, Option<u16>, i64), (i32, i32)>;

/// Events `start..end` of `store` (clamped) as columns.
#[must_use]
pub fn event_columns(store: &Store, start: usize, end: usize) -> EventColumns {
    let end = end.min(store.len());
    let start = start.min(end);
    let mut c = EventColumns {
        text: store.form() == Form::Text,
        ..EventColumns::default()
    };
    let mut t = Table::default();
    let mut memo = Memo::default();
    for i in start..end {
        let e = store.event(i);
        let ty = e.ty();
        c.event_type.push(match ty {
            EventType::Unnamed(s) => t.interned(store, s),
            EventType::Id(id) => match u16::try_from(id).ok().and_then(message_types::name_of) {
                Some(name) => t.fixed(name),
                None => t.text(type_name(store, ty).0),
            },
        });
        c.type_id.push(ty_id(ty));
        let (line, end_line) = e.lines();
        let (a, b) = if c.text {
            (f64::from(line), end_line)
        } else {
            (e.offset() as f64, e.length())
        };
        c.position.push(a);
        c.extent.push(b);
        c.time.push(e.time_text().map_or(-1, |s| signed(t.text(String::from_utf8_lossy(s)))));
        let label = store.events.label[i];
        c.label.push(if label == crate::store::NO_STR { -1 } else { signed(t.interned(store, StrId(label))) });
        c.truncated.push(u8::from(e.truncated()));
        let message_type = e.type_id();
        for f in e.fields() {
            field(store, &mut c, &mut t, &mut memo, message_type, &f);
        }
        c.field_end.push(u32::try_from(c.name.len()).unwrap_or(u32::MAX));
    }
    c.strings = t.out;
    c.string_ends = t.ends;
    c
}

fn ty_id(ty: EventType) -> i32 {
    match ty {
        EventType::Id(id) => i32::try_from(id).unwrap_or(-1),
        EventType::Unnamed(_) => -1,
    }
}

fn signed(i: u32) -> i32 {
    i32::try_from(i).unwrap_or(-1)
}

fn field(store: &Store, c: &mut EventColumns, t: &mut Table, memo: &mut Memo, message_type: Option<u16>, f: &FieldRef) {
    let (name, known) = match f.name {
        FieldName::Id(id) => {
            let name = match id.as_field() {
                Some(field) => t.fixed(field.name()),
                None => t.text(String::from_utf8_lossy(store.names.name_text(id))),
            };
            (name, store.names.is_known(id))
        }
        FieldName::Ecc(s) => (t.bytes(store, s), true),
        FieldName::Tag(tag) => (t.text(Cow::Owned(format!("Tag{tag}"))), false),
        FieldName::Raw(n) => (t.fixed(n), false),
    };
    c.name.push(name);
    c.unknown.push(u8::from(!known && !matches!(f.name, FieldName::Ecc(_))));
    c.field_label.push(f.label.map_or(-1, |w| {
        let written = store.names.get(w);
        signed(t.text(String::from_utf8_lossy(store.names.written_text(&written))))
    }));
    c.index.push(f.index.map_or(-1, |i| i32::try_from(i).unwrap_or(-1)));
    c.tag.push(f.tag.map_or(-1, i32::from));
    let (kind, raw, number) = match f.value {
        FieldValue::Number { n, raw } => (kind::NUMBER, raw.map_or(-1, |s| signed(t.bytes(store, s))), n as f64),
        FieldValue::Text(s) => (kind::TEXT, signed(t.bytes(store, s)), 0.0),
        FieldValue::Empty => (kind::EMPTY, signed(t.fixed("")), 0.0),
        FieldValue::Na(s) => (kind::NA, signed(t.bytes(store, s)), 0.0),
        FieldValue::TotalBytes(n, s) => (kind::BYTES, signed(t.bytes(store, s)), f64::from(n)),
        FieldValue::Bytes(s) => (kind::TEXT, signed(t.text(Cow::Owned(hex(store.str(s))))), 0.0),
    };
    c.kind.push(kind);
    c.raw.push(raw);
    c.number.push(number);
    let (symbol, meaning) = match (f.field, f.value) {
        (None, _) => (-1, -1),
        (Some(id), FieldValue::Number { n, .. }) => *memo.entry((id, message_type, n)).or_insert_with(|| {
            let (s, m) = explain(message_type, id, &f.value, "");
            (s.map_or(-1, |s| signed(t.cow(s))), m.map_or(-1, |m| signed(t.cow(m))))
        }),
        (Some(id), value) => {
            let raw_text = match value {
                FieldValue::Text(s) => String::from_utf8_lossy(store.str(s)).into_owned(),
                _ => String::new(),
            };
            let (s, m) = explain(message_type, id, &value, &raw_text);
            (s.map_or(-1, |s| signed(t.cow(s))), m.map_or(-1, |m| signed(t.cow(m))))
        }
    };
    c.symbol.push(symbol);
    c.meaning.push(meaning);
}

/// The call list as columns: what a list of calls shows and sorts by, one entry per call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallColumns {
    /// Every distinct string, one after another (see [`EventColumns::strings`]).
    pub strings: String,
    /// UTF-16 offset at which each string ends.
    pub string_ends: Vec<u32>,
    /// The call's key.
    pub key: Vec<u32>,
    /// The ConnectionCallID.
    pub call_id: Vec<u32>,
    /// The CallType symbol (or number), `-1` for none.
    pub call_type: Vec<i32>,
    /// Index in [`crate::timeline::CallDirection`]'s order: inbound, outbound, internal, unknown.
    pub direction: Vec<u8>,
    /// The agents' keys, joined with `, `; `-1` for none.
    pub agents: Vec<i32>,
    /// The first event's index.
    pub start_event: Vec<u32>,
    /// The first event's time in milliseconds since 1970-01-01 UTC (or since midnight for a
    /// time of day alone); NaN when the log has no time.
    pub start_ms: Vec<f64>,
    /// The first event's time as written, `-1` for none.
    pub start_time: Vec<i32>,
    /// Queue, ring and talk time in milliseconds; NaN when the times do not tell.
    pub duration_ms: Vec<f64>,
    /// Index in [`crate::OutcomeKind::ALL`].
    pub outcome: Vec<u8>,
    /// The outcome's reason in words.
    pub reason: Vec<u32>,
    /// Number of events.
    pub events: Vec<u32>,
}

/// The calls of a finished timeline as columns.
#[must_use]
pub fn call_columns(store: &Store, timeline: &crate::timeline::Timeline) -> CallColumns {
    let mut c = CallColumns::default();
    let mut t = Table::default();
    let n = timeline.derived.len();
    for i in 0..n {
        let view = super::timeline::call_summary(store, timeline, i);
        c.key.push(t.text(Cow::Owned(view.key)));
        c.call_id.push(view.call_id);
        c.call_type.push(view.call_type.map_or(-1, |s| signed(t.text(Cow::Owned(s)))));
        c.direction.push(view.direction as u8);
        c.agents.push(if view.agents.is_empty() { -1 } else { signed(t.text(Cow::Owned(view.agents))) });
        c.start_event.push(view.start_event);
        c.start_ms.push(view.start_ms.map_or(f64::NAN, |ms| ms as f64));
        c.start_time.push(view.start_time.map_or(-1, |s| signed(t.text(Cow::Owned(s)))));
        c.duration_ms.push(view.duration_ms.map_or(f64::NAN, |ms| ms as f64));
        c.outcome.push(view.outcome_index);
        c.reason.push(t.text(Cow::Owned(view.reason)));
        c.events.push(view.events);
    }
    c.strings = t.out;
    c.string_ends = t.ends;
    c
}
