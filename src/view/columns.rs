//! Events as columns: the same information as the [`event`](super::event) JSON views, laid out
//! as arrays of numbers and one table of distinct strings, so that JavaScript can build the
//! objects itself (far faster than parsing the JSON text of them) and a Worker can hand the
//! arrays to the page without copying.
//!
//! String columns hold indices into the string table, `-1` for absent; the table's strings are
//! concatenated in `strings`, string `i` ending at UTF-16 offset `string_ends[i]`.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::codes::fields::{FieldId, FieldType};
use crate::codes::{enums, message_types};
use crate::store::{kind, EventType, FieldName, FieldRef, FieldValue, Form, Store, StrId, StrRef};

use super::column_set::column_set;
use super::event::{explain, hex, type_name};

column_set! {
    /// A batch of events as columns.
    pub struct EventColumns {
        /// Whether positions are lines (text) or byte offsets (frames).
        form as "form": tag = "\"text\" | \"frames\"",
        /// Every distinct string of the batch, one after another.
        strings as "strings": text,
        /// UTF-16 offset at which each string ends.
        string_ends as "stringEnds": u32s,
        /// Per event: its type name.
        event_type as "eventType": u32s,
        /// Per event: its type ID, `-1` for none.
        type_id as "typeId": i32s,
        /// Per event: text, the `MsgType:` line; frames, the byte offset.
        position as "position": f64s,
        /// Per event: text, the last line; frames, the length in bytes.
        extent as "extent": u32s,
        /// Per event: the time as written.
        time as "time": i32s,
        /// Per event: the type as written, when it differs.
        label as "label": i32s,
        /// Captures only, four numbers per event: packet (one-based), connection, from the server
        /// (0/1), time (ms since 1970, NaN for none); empty for other forms.
        capture as "capture": f64s,
        /// Per event: 1 when truncated.
        truncated as "truncated": u8s,
        /// Per event (frames): what the references doubt about its layout, `-1` for nothing.
        doubt as "doubt": i32s,
        /// Per event: the end of its fields in the field columns.
        field_end as "fieldEnd": u32s,
        /// Per field: its name.
        name as "name": u32s,
        /// Per field: its name as written, when it differs.
        field_label as "fieldLabel": i32s,
        /// Per field: its index, `-1` for none.
        index as "index": i32s,
        /// Per field: its tag, `-1` for none.
        tag as "tag": i32s,
        /// Per field: its raw text; `-1` when it is the decimal text of `number`.
        raw as "raw": i32s,
        /// Per field: [`kind`].
        kind as "kind": u8s,
        /// Per field: the number (kinds number and bytes).
        number as "number": f64s,
        /// Per field: the symbol.
        symbol as "symbol": i32s,
        /// Per field: the meaning.
        meaning as "meaning": i32s,
        /// Per field: 1 when no reference lists the name.
        unknown as "unknown": u8s,
    }
}

/// The string table under construction, deduplicating.
#[derive(Default)]
pub(super) struct Table {
    out: String,
    ends: Vec<u32>,
    utf16: u32,
    by_id: FxHashMap<StrId, u32>,
    by_static: FxHashMap<(usize, usize), u32>,
    by_text: FxHashMap<String, u32>,
}

impl Table {
    pub(super) fn push(&mut self, s: &str) -> u32 {
        self.out.push_str(s);
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.utf16 += u32::try_from(units).unwrap_or(u32::MAX);
        self.ends.push(self.utf16);
        u32::try_from(self.ends.len() - 1).unwrap_or(u32::MAX)
    }

    pub(super) fn interned(&mut self, store: &Store, id: StrId) -> u32 {
        if let Some(&i) = self.by_id.get(&id) {
            return i;
        }
        let bytes = store.interned(id);
        let i = match std::str::from_utf8(bytes) {
            Ok(s) => self.push(s),
            Err(_) => self.push(&String::from_utf8_lossy(bytes)),
        };
        self.by_id.insert(id, i);
        i
    }

    pub(super) fn fixed(&mut self, s: &'static str) -> u32 {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&i) = self.by_static.get(&key) {
            return i;
        }
        let i = self.push(s);
        self.by_static.insert(key, i);
        i
    }

    pub(super) fn text(&mut self, s: Cow<'_, str>) -> u32 {
        if let Some(&i) = self.by_text.get(s.as_ref()) {
            return i;
        }
        let i = self.push(&s);
        self.by_text.insert(s.into_owned(), i);
        i
    }

    /// The table's strings and where each ends.
    pub(super) fn finish(self) -> (String, Vec<u32>) {
        (self.out, self.ends)
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

/// Explanations already worked out in this batch: (field, message type, number or text) →
/// (symbol, meaning).
type Memo = FxHashMap<(FieldId, Option<u16>, Coded), (i32, i32)>;

/// What a coded field's explanation depends on besides the field and message type.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Coded {
    Number(i64),
    Text(StrRef),
}

/// A batch under construction, with what repeats across its events worked out once.
struct Batch<'s> {
    store: &'s Store,
    c: EventColumns,
    t: Table,
    explained: Memo,
    /// Table index of each canonical name, by [`crate::store::NameId::index`].
    names: Vec<u32>,
    /// Table index of each packed event type.
    types: FxHashMap<u32, u32>,
}

/// Events `start..end` of `store` (clamped) as columns.
#[must_use]
pub fn event_columns(store: &Store, start: usize, end: usize) -> EventColumns {
    let end = end.min(store.len());
    let start = start.min(end);
    let mut b = Batch {
        store,
        c: EventColumns::default(),
        t: Table::default(),
        explained: Memo::default(),
        names: Vec::new(),
        types: FxHashMap::default(),
    };
    for i in start..end {
        b.event(i);
    }
    let (strings, ends) = b.t.finish();
    EventColumns {
        form: if store.form() == Form::Text {
            "text"
        } else {
            "frames"
        },
        strings,
        string_ends: ends,
        ..b.c
    }
}

impl Batch<'_> {
    fn event(&mut self, i: usize) {
        let store = self.store;
        let e = store.event(i);
        let ty = e.ty();
        let packed = store.events.ty[i];
        let t = &mut self.t;
        let type_name = *self.types.entry(packed).or_insert_with(|| match ty {
            EventType::Unnamed(s) => t.interned(store, s),
            EventType::Id(id) => match u16::try_from(id).ok().and_then(message_types::name_of) {
                Some(name) => t.fixed(name),
                None => t.text(type_name(store, ty).0),
            },
        });
        let c = &mut self.c;
        c.event_type.push(type_name);
        c.type_id.push(ty_id(ty));
        let (line, end_line) = e.lines();
        #[allow(clippy::cast_precision_loss)] // Byte offsets far below 2^53.
        let (position, extent) = if self.store.form() == Form::Text {
            (f64::from(line), end_line)
        } else {
            (e.offset() as f64, e.length())
        };
        c.position.push(position);
        c.extent.push(extent);
        if store.form() == Form::Capture {
            #[allow(clippy::cast_precision_loss)] // times in ms stay below 2^53
            let time = e.time_ms().map_or(f64::NAN, |(ms, _)| ms as f64);
            let from_server = e.flags() & crate::store::flag::FROM_SERVER != 0;
            let row = [line, end_line, u32::from(from_server)].map(f64::from);
            c.capture.extend_from_slice(&row);
            c.capture.push(time);
        }
        let label = store.events.label.get(i);
        let string = |t: &mut Table, s: u32| {
            if s == crate::store::NO_STR {
                -1
            } else {
                signed(t.interned(store, StrId(s)))
            }
        };
        c.time
            .push(if e.flags() & crate::store::flag::ISO_TIME == 0 {
                string(&mut self.t, store.events.time_text.get(i))
            } else {
                // Written again from the number (the store keeps no text for it).
                e.time_text()
                    .map_or(-1, |written| signed(self.t.push(&written)))
            });
        c.label.push(string(&mut self.t, label));
        c.truncated.push(u8::from(e.truncated()));
        let doubt = if self.store.form() == Form::Text {
            None
        } else {
            super::event::layout_doubt(e.type_id())
        };
        c.doubt.push(doubt.map_or(-1, |d| signed(self.t.fixed(d))));
        let message_type = e.type_id();
        for f in e.fields() {
            self.field(message_type, &f);
        }
        let c = &mut self.c;
        c.field_end
            .push(u32::try_from(c.name.len()).unwrap_or(u32::MAX));
    }

    fn name(&mut self, f: &FieldRef) -> (u32, bool) {
        let store = self.store;
        let t = &mut self.t;
        match f.name {
            FieldName::Id(id) => {
                let at = id.index();
                if self.names.len() <= at {
                    self.names.resize(at + 1, u32::MAX);
                }
                if self.names[at] == u32::MAX {
                    self.names[at] = match id.as_field() {
                        Some(field) => t.fixed(field.name()),
                        None => t.text(String::from_utf8_lossy(store.names.name_text(id))),
                    };
                }
                (self.names[at], store.names.is_known(id))
            }
            FieldName::Ecc(s) => (t.bytes(store, s), true),
            FieldName::Tag(tag) => (t.text(Cow::Owned(format!("Tag{tag}"))), false),
            FieldName::Raw(n) => (t.fixed(n), false),
        }
    }

    fn field(&mut self, message_type: Option<u16>, f: &FieldRef) {
        let store = self.store;
        let (name, known) = self.name(f);
        let t = &mut self.t;
        let c = &mut self.c;
        c.name.push(name);
        c.unknown
            .push(u8::from(!known && !matches!(f.name, FieldName::Ecc(_))));
        c.field_label.push(f.label.map_or(-1, |w| {
            let written = store.names.get(w);
            signed(t.text(String::from_utf8_lossy(store.names.written_text(&written))))
        }));
        c.index
            .push(f.index.map_or(-1, |i| i32::try_from(i).unwrap_or(-1)));
        c.tag.push(f.tag.map_or(-1, i32::from));
        #[allow(clippy::cast_precision_loss)] // Numbers are within ±2^53 (JavaScript's).
        let (kind, raw, number) = match f.value {
            FieldValue::Number { n: number, raw } => (
                kind::NUMBER,
                raw.map_or(-1, |text| signed(t.bytes(store, text))),
                number as f64,
            ),
            FieldValue::Text(text) => (kind::TEXT, signed(t.bytes(store, text)), 0.0),
            FieldValue::Empty => (kind::EMPTY, signed(t.fixed("")), 0.0),
            FieldValue::Na(text) => (kind::NA, signed(t.bytes(store, text)), 0.0),
            FieldValue::TotalBytes(total, text) => (
                kind::TOTAL_BYTES,
                signed(t.bytes(store, text)),
                f64::from(total),
            ),
            FieldValue::Bytes(bytes) => (
                kind::TEXT,
                signed(t.text(Cow::Owned(hex(store.str(bytes))))),
                0.0,
            ),
        };
        c.kind.push(kind);
        c.raw.push(raw);
        c.number.push(number);
        let (symbol, meaning) = self.explained(message_type, f);
        self.c.symbol.push(symbol);
        self.c.meaning.push(meaning);
    }

    /// The symbol and meaning of a field's value, as table indices (`-1` for none).
    fn explained(&mut self, message_type: Option<u16>, f: &FieldRef) -> (i32, i32) {
        let Some(id) = f.field else {
            return (-1, -1);
        };
        let coded = enums::codes_for(message_type, id).is_some();
        let key = match f.value {
            // A number explains through the field's code table, or as a date (TIME fields).
            FieldValue::Number { n, .. } if coded || id.def().ty == FieldType::Time => {
                Coded::Number(n)
            }
            // Text explains only as a symbol of the field's code table.
            FieldValue::Text(s) if coded => Coded::Text(s),
            FieldValue::Number { .. } | FieldValue::Text(_) => return (-1, -1),
            value => {
                let (s, m) = explain(message_type, id, &value, "");
                return (
                    s.map_or(-1, |s| signed(self.t.cow(s))),
                    m.map_or(-1, |m| signed(self.t.cow(m))),
                );
            }
        };
        let store = self.store;
        let t = &mut self.t;
        *self
            .explained
            .entry((id, message_type, key))
            .or_insert_with(|| {
                let raw = match f.value {
                    FieldValue::Text(s) => String::from_utf8_lossy(store.str(s)).into_owned(),
                    _ => String::new(),
                };
                let (s, m) = explain(message_type, id, &f.value, &raw);
                (
                    s.map_or(-1, |s| signed(t.cow(s))),
                    m.map_or(-1, |m| signed(t.cow(m))),
                )
            })
    }
}

fn ty_id(ty: EventType) -> i32 {
    match ty {
        EventType::Id(id) => i32::try_from(id).unwrap_or(-1),
        EventType::Unnamed(_) => -1,
    }
}

pub(super) fn signed(i: u32) -> i32 {
    i32::try_from(i).unwrap_or(-1)
}
