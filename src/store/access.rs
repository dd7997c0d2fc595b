//! Reading an event's fields, whichever decoder stored them: text rows, or a kept frame walked
//! on demand. A field's name is an id and its value a number or a reference to bytes; nothing
//! is allocated.

use crate::codes::fields::{FieldId, Named};
use crate::codes::layouts::Wire;
use crate::codes::tags;

use super::frame::{self, Item, Shape, Walk};
use super::intern::StrId;
use super::names::{NameId, WrittenId};
use super::{flag, kind, EventRef, EventType, Form, Store, NO_STR};

/// A string in a store: interned, or a range of its frame bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StrRef {
    /// An interned string.
    Interned(StrId),
    /// `len` bytes of the frame bytes from offset `start`.
    Bytes(u64, u32),
}

/// A field's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    /// A catalogued field, or a name the log's name table holds (ECC or unknown).
    Id(NameId),
    /// The name of a frame's NAMEDVAR or NAMEDARRAY field: an ECC variable.
    Ecc(StrRef),
    /// A floating-field tag no reference names.
    Tag(u16),
    /// Bytes that are no field: `Body` of a frame without layout, `Rest` after damage.
    Raw(&'static str),
}

/// A field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldValue {
    /// An integer, with the text it was written as when that is not its decimal form.
    Number {
        /// The number.
        n: i64,
        /// The text as written (`0xFFFF`, `LCS_NULL`), when not decimal.
        raw: Option<StrRef>,
    },
    /// Text.
    Text(StrRef),
    /// Nothing after the colon.
    Empty,
    /// `N/A` (as written).
    Na(StrRef),
    /// `<TotalBytes: N>` (as written).
    TotalBytes(u32, StrRef),
    /// Opaque bytes, shown as hex.
    Bytes(StrRef),
}

impl FieldValue {
    /// The value as an integer, if it is one.
    #[must_use]
    pub fn number(self) -> Option<i64> {
        match self {
            FieldValue::Number { n, .. } => Some(n),
            _ => None,
        }
    }

    /// The value as text (a text value, not a number's written form).
    #[must_use]
    pub fn text(self) -> Option<StrRef> {
        match self {
            FieldValue::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// One field of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// The canonical name.
    pub name: FieldName,
    /// The catalogued field, when the name is one (resolved for the event's message type).
    pub field: Option<FieldId>,
    /// The name as written, when it differs from the canonical one (text dumps).
    pub label: Option<WrittenId>,
    /// The index of a repeated list member or array element.
    pub index: Option<u32>,
    /// The floating-field tag a frame carried it in.
    pub tag: Option<u16>,
    /// The value.
    pub value: FieldValue,
    /// The field's position among its event's fields, from 0.
    pub ordinal: u32,
}

/// The fields of one event, in order.
pub struct FieldIter<'s> {
    store: &'s Store,
    inner: Inner<'s>,
    ordinal: u32,
}

enum Inner<'s> {
    Rows {
        next: usize,
        end: usize,
        message_type: Option<u16>,
    },
    Frame {
        walk: Walk<'s>,
        base: u64,
        end: usize,
    },
}

impl<'s> FieldIter<'s> {
    pub(crate) fn new(event: EventRef<'s>) -> FieldIter<'s> {
        let store = event.store;
        let e = &store.events;
        let i = event.i;
        let inner = match store.form {
            Form::Text => {
                let next = super::index(e.body[i]);
                let end = e
                    .body
                    .get(i + 1)
                    .map_or(store.fields.name.len(), |&b| super::index(b));
                Rows {
                    next,
                    end,
                    message_type: event.type_id(),
                }
            }
            Form::Frames | Form::Capture => {
                let base = e.body[i];
                let start = super::index(base);
                let frame = &store.bytes[start..start + e.length[i] as usize];
                let flags = e.flags[i];
                let width = if flags & flag::WIDE != 0 { 2 } else { 1 };
                let variant = (flags >> flag::VARIANT_SHIFT) & flag::VARIANT_MASK;
                let ty = match EventType::unpack(e.ty[i]) {
                    EventType::Id(id) => id,
                    EventType::Unnamed(_) => 0,
                };
                Inner::Frame {
                    walk: Walk::new(frame, Shape::of(ty, variant, width)),
                    base,
                    end: frame.len(),
                }
            }
        };
        FieldIter {
            store,
            inner,
            ordinal: 0,
        }
    }
}

use Inner::Rows;

impl Iterator for FieldIter<'_> {
    type Item = FieldRef;

    fn next(&mut self) -> Option<FieldRef> {
        let mut field = match &mut self.inner {
            Rows {
                next,
                end,
                message_type,
            } => {
                if *next >= *end {
                    return None;
                }
                let row = *next;
                *next += 1;
                text_row(self.store, row, *message_type)
            }
            Inner::Frame { walk, base, end } => {
                // A fixed part cut short between two fields leaves no bytes to show.
                let item = walk
                    .by_ref()
                    .find(|item| !matches!(item, Item::Rest { at, .. } if *at as usize == *end))?;
                let start = super::index(*base);
                let frame = &self.store.bytes[start..start + *end];
                frame_item(frame, *base, item)
            }
        };
        field.ordinal = self.ordinal;
        self.ordinal += 1;
        Some(field)
    }
}

fn text_row(store: &Store, row: usize, message_type: Option<u16>) -> FieldRef {
    let f = &store.fields;
    let written = store.names.get(f.name[row]);
    let (raw, num) = f.values.get(row);
    let interned = StrRef::Interned(StrId(if raw == NO_STR { 0 } else { raw }));
    let value = match f.kind[row] {
        kind::NUMBER => FieldValue::Number {
            n: num,
            raw: (raw != NO_STR).then_some(interned),
        },
        kind::TEXT => FieldValue::Text(interned),
        kind::EMPTY => FieldValue::Empty,
        kind::NA => FieldValue::Na(interned),
        _ => FieldValue::TotalBytes(u32::try_from(num).unwrap_or(0), interned),
    };
    let field = written.named.field(message_type);
    // `NumCSQs` names NumFltSkillGroups or NumSkillGroups depending on the message.
    let name = match (written.named, field) {
        (Named::NumCsqs, Some(f)) => FieldName::Id(NameId::field(f)),
        _ => FieldName::Id(written.name),
    };
    let mut out = FieldRef {
        name,
        field,
        label: written.labelled.then_some(f.name[row]),
        index: written.index,
        tag: None,
        value,
        ordinal: 0,
    };
    // Only events read back from JSON have extras, which the traces module never reads.
    if f.extra.is_empty() || cfg!(feature = "wasm-traces") {
        return out;
    }
    if let Some(extra) = f.extra.get(&u32::try_from(row).unwrap_or(u32::MAX)) {
        out.tag = extra.tag;
        out.index = extra.index.or(out.index);
        if extra.unlabelled {
            out.label = None;
        }
    }
    out
}

fn frame_item(frame: &[u8], base: u64, item: Item) -> FieldRef {
    let range = |at: u32, len: u32| StrRef::Bytes(base + u64::from(at), len);
    let plain = |name, field, value| FieldRef {
        name,
        field,
        label: None,
        index: None,
        tag: None,
        value,
        ordinal: 0,
    };
    match item {
        Item::Fixed { field, wire, at } => {
            let value = match wire {
                Wire::Bytes(n) => FieldValue::Bytes(range(at, u32::from(n))),
                _ => FieldValue::Number {
                    n: frame::number(wire, &frame[at as usize..]),
                    raw: None,
                },
            };
            plain(FieldName::Id(NameId::field(field)), Some(field), value)
        }
        Item::Body { at, len } => plain(
            FieldName::Raw("Body"),
            None,
            FieldValue::Bytes(range(at, len)),
        ),
        Item::Rest { at, .. } => {
            let len = u32::try_from(frame.len()).unwrap_or(u32::MAX) - at;
            plain(
                FieldName::Raw("Rest"),
                None,
                FieldValue::Bytes(range(at, len)),
            )
        }
        Item::Floating {
            tag,
            at,
            len,
            index,
        } => {
            let data = &frame[at as usize..(at + len) as usize];
            let mut field = floating(tag, data, range(at, len));
            field.index = field.index.or(index);
            field.tag = Some(tag);
            field
        }
    }
}

/// A floating field from its tag and data.
fn floating(tag: u16, data: &[u8], whole: StrRef) -> FieldRef {
    let StrRef::Bytes(start, _) = whole else {
        unreachable!("frame data is a byte range")
    };
    let sub = |from: usize, len: usize| {
        StrRef::Bytes(start + from as u64, u32::try_from(len).unwrap_or(u32::MAX))
    };
    let mut out = FieldRef {
        name: FieldName::Tag(tag),
        field: None,
        label: None,
        index: None,
        tag: None,
        value: FieldValue::Bytes(whole),
        ordinal: 0,
    };
    let Some((field, wire)) = tags::tag(tag) else {
        return out;
    };
    out.name = FieldName::Id(NameId::field(field));
    out.field = Some(field);
    out.value = match wire {
        Wire::Str => FieldValue::Text(sub(0, until_nul(data))),
        Wire::NamedVar | Wire::NamedArray => {
            let skip = usize::from(wire == Wire::NamedArray);
            match named(data.get(skip..).unwrap_or_default()) {
                Some((name_len, value_len)) if skip <= data.len() => {
                    out.name = FieldName::Ecc(sub(skip, name_len));
                    out.field = None;
                    if skip == 1 {
                        out.index = Some(u32::from(data[0]));
                    }
                    FieldValue::Text(sub(skip + name_len + 1, value_len))
                }
                _ => FieldValue::Bytes(whole),
            }
        }
        Wire::Flex(size) => flex(data, size, whole, sub),
        Wire::Unspec | Wire::Bytes(_) => FieldValue::Bytes(whole),
        _ if Some(data.len()) == wire.size() => FieldValue::Number {
            n: frame::number(wire, data),
            raw: None,
        },
        _ => FieldValue::Bytes(whole),
    };
    out
}

/// Bytes up to the first NUL (all of them without one).
pub(crate) fn until_nul(data: &[u8]) -> usize {
    memchr::memchr(0, data).unwrap_or(data.len())
}

/// A NAMEDVAR's name and value lengths: a non-empty name and a value, each ending in NUL.
pub(crate) fn named(data: &[u8]) -> Option<(usize, usize)> {
    let name = memchr::memchr(0, data).filter(|&n| n > 0)?;
    let value = memchr::memchr(0, &data[name + 1..])?;
    Some((name, value))
}

fn flex(data: &[u8], size: u8, whole: StrRef, sub: impl Fn(usize, usize) -> StrRef) -> FieldValue {
    if data.last() == Some(&0) {
        return FieldValue::Text(sub(0, until_nul(data)));
    }
    match (data.len(), size) {
        (2, 2) => FieldValue::Number {
            n: frame::number(Wire::U16, data),
            raw: None,
        },
        (4, 4) => FieldValue::Number {
            n: frame::number(Wire::U32, data),
            raw: None,
        },
        _ => FieldValue::Bytes(whole),
    }
}
