//! The one model every decoder fills: a columnar store of events and fields.
//!
//! The store keeps events as rows of small integers (message type, position, time, where its
//! fields are) and text fields as rows of a name id, a kind and a value (an interned raw string, a number, or
//! both, packed in four bytes: [`Values`]).
//! Names, symbols as written and repeated values are interned ([`Interner`]); frame bytes are kept
//! once and their fields read when asked for. Meanings, symbols, TIME dates and the decimal text
//! of numbers are produced only when output is asked for (the views in [`crate::view`]).
//!
//! The store does not know which decoder filled it beyond its [`Form`] and each event's
//! position (line numbers, a byte offset, a packet number).

mod access;
pub(crate) mod frame;
mod ids;
mod intern;
mod merge;
mod names;
mod values;
pub(crate) mod wire;
mod write;

pub(crate) use access::named;
pub use access::{FieldIter, FieldName, FieldRef, FieldValue, StrRef};
pub(crate) use intern::same;
pub use intern::{Interner, StrId};
pub use names::{NameId, Names, Written, WrittenId};
pub(crate) use values::Values;
pub(crate) use write::Span;

use serde::Serialize;

use crate::diagnostic::Diagnostic;

/// What kind of line a note is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A numbered step of a call-flow page (`  2. The agent becomes available.`).
    Step,
    /// A comment line (`# Source: …`).
    Comment,
    /// Any other text outside an event: prose, table columns (`Yes No Yes`), `...`.
    Text,
    /// What a trace decoder skipped, counted (lines of other traces, by kind).
    Summary,
}

/// A line outside any event, kept so that nothing in the input is lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Note {
    /// One-based line number.
    pub line: u32,
    /// What kind of line it is.
    pub kind: NoteKind,
    /// The line's text without surrounding white space.
    pub text: String,
}

/// What kind of input filled a store; it decides what an event's position means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A text dump: positions are one-based lines (and byte offsets into the text).
    Text,
    /// GED-188 frames: positions are byte offsets into the input.
    Frames,
    /// Frames read from a packet capture: positions are packet numbers and stream offsets.
    Capture,
}

/// A position or length kept as `u64` (so that positions in inputs past 4 GiB stay exact), as
/// an index into what is held in memory, which always fits.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn index(at: u64) -> usize {
    at as usize
}

/// Every this many lines, a text store notes where a line starts (see [`Store::line_start`]).
pub const LINE_MARK: u32 = 256;

/// No string (a sentinel in string columns).
pub(crate) const NO_STR: u32 = u32::MAX;
/// No time (a sentinel in the time column).
pub(crate) const NO_TIME: i64 = i64::MIN;

/// Event flags.
pub(crate) mod flag {
    /// The dump elides part of the message (`...`), or a frame's body was short.
    pub const TRUNCATED: u8 = 1;
    /// The event's time is a time of day without a date.
    pub const TIME_OF_DAY: u8 = 2;
    /// A frame's floating fields have 2-byte tags and lengths (else 1-byte).
    pub const WIDE: u8 = 4;
    /// A frame was decoded with the second variant of its type's fixed part.
    pub const VARIANT_SHIFT: u8 = 3;
    /// Mask of the fixed-part variant (0–3) after shifting by [`VARIANT_SHIFT`].
    pub const VARIANT_MASK: u8 = 0b11;
    /// A capture's frame sent by the CTI Server (else by the client).
    pub const FROM_SERVER: u8 = 32;
    /// Text: the timestamp was written as [`crate::time::iso_millis`] of the event's time
    /// ([`crate::time::is_iso_millis`]): written again from the number when asked for, rather
    /// than kept (28 bytes an event).
    pub const ISO_TIME: u8 = 64;
}

/// A message type as an event carries it: the protocol's number, or a name no source lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventType {
    /// A numbered message type (named by reference §2.1 or not).
    Id(u32),
    /// A type written in a dump that no source lists (interned name).
    Unnamed(StrId),
}

impl EventType {
    /// The packed column value.
    pub(crate) fn pack(self) -> u32 {
        match self {
            EventType::Id(id) => id & 0x7FFF_FFFF,
            EventType::Unnamed(s) => 0x8000_0000 | s.0,
        }
    }

    pub(crate) fn unpack(v: u32) -> EventType {
        if v & 0x8000_0000 == 0 {
            EventType::Id(v)
        } else {
            EventType::Unnamed(StrId(v & 0x7FFF_FFFF))
        }
    }

    /// The message type ID when it is a documented one that fits 16 bits.
    #[must_use]
    pub fn id(self) -> Option<u16> {
        match self {
            EventType::Id(id) => u16::try_from(id).ok(),
            EventType::Unnamed(_) => None,
        }
    }
}

/// The events of a log, column by column (index = event number, zero-based).
#[derive(Clone, Debug, Default)]
pub(crate) struct Events {
    /// [`EventType::pack`].
    pub ty: Vec<u32>,
    /// [`flag`]s.
    pub flags: Vec<u8>,
    /// Byte offset of the event in its input (text: its first line; frames: the header).
    pub offset: Vec<u64>,
    /// Bytes the event spans in its input (frames: the whole frame).
    pub length: Vec<u32>,
    /// Text: one-based line of the `MsgType:` line; captures: one-based packet number.
    pub line: Vec<u32>,
    /// Text: one-based line of the last field; captures: the connection's index.
    pub end_line: Vec<u32>,
    /// Milliseconds since 1970-01-01 UTC (or since midnight, see [`flag::TIME_OF_DAY`]).
    pub time: Vec<i64>,
    /// The timestamp as written, [`NO_STR`] if none (or kept as [`flag::ISO_TIME`]).
    pub time_text: ids::Ids,
    /// The type as written when it differs from the canonical name, [`NO_STR`] if not.
    pub label: ids::Ids,
    /// Text: first row in [`Fields`]; frames: offset of the frame in [`Store::bytes`].
    pub body: Vec<u64>,
}

impl Events {
    pub fn len(&self) -> usize {
        self.ty.len()
    }
}

/// Text fields, column by column.
#[derive(Clone, Debug, Default)]
pub(crate) struct Fields {
    /// The name as written.
    pub name: Vec<WrittenId>,
    /// [`kind`]: how to read `raw` and `num`.
    pub kind: Vec<u8>,
    /// Per row, the value as written ([`NO_STR`] when it is the decimal text of the number)
    /// and the number (kinds NUMBER and TOTAL_BYTES).
    pub values: Values,
    /// What rows read back from JSON say that a dump cannot (a frame's tag, an index written
    /// without a label); empty for decoded text.
    pub extra: rustc_hash::FxHashMap<u32, Extra>,
}

/// What a field read back from JSON carries beyond its written name and value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Extra {
    /// The floating-field tag a frame carried it in.
    pub tag: Option<u16>,
    /// The index, when given apart from the name.
    pub index: Option<u32>,
    /// The JSON gave no label: the written name is not one.
    pub unlabelled: bool,
}

/// Kinds of field values, as the store and the event columns number them.
pub mod kind {
    /// An integer; `raw` is its text when that is not its decimal form (`0xFFFF`, a symbol).
    pub const NUMBER: u8 = 0;
    /// Text: the value is `raw`.
    pub const TEXT: u8 = 1;
    /// Nothing after the colon.
    pub const EMPTY: u8 = 2;
    /// `N/A`.
    pub const NA: u8 = 3;
    /// `<TotalBytes: N>`.
    pub const TOTAL_BYTES: u8 = 4;
    /// Each kind's name as the JSON's `kind` writes it ([`crate::view::Value`]), by number.
    pub const NAMES: [&str; 5] = ["number", "text", "empty", "na", "bytes"];
}

/// Everything decoded from one input.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) form: Form,
    pub(crate) strings: Interner,
    pub(crate) names: Names,
    pub(crate) events: Events,
    pub(crate) fields: Fields,
    /// Frame bytes (binary forms): the input, or the frames a capture carried.
    pub(crate) bytes: Vec<u8>,
    pub(crate) notes: Vec<Note>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Text: the byte offset of lines 1, 1 + [`LINE_MARK`], 1 + 2 × [`LINE_MARK`]…
    ///
    /// [`LINE_MARK`]: LINE_MARK
    pub(crate) line_marks: Vec<u64>,
}

impl Store {
    /// An empty store for input of `form`.
    #[must_use]
    pub fn new(form: Form) -> Store {
        Store {
            form,
            strings: Interner::default(),
            names: Names::default(),
            events: Events::default(),
            fields: Fields::default(),
            bytes: Vec::new(),
            notes: Vec::new(),
            diagnostics: Vec::new(),
            line_marks: Vec::new(),
        }
    }

    /// Makes room for `factor` times the rows (and string bytes) held now, so that a log of
    /// known size fills its columns without growing them step by step (each step copies them).
    pub fn grow_for(&mut self, factor: f64) {
        let e = &mut self.events;
        let n = scaled(e.len(), factor);
        room(&mut e.ty, n);
        room(&mut e.flags, n);
        room(&mut e.offset, n);
        room(&mut e.length, n);
        room(&mut e.line, n);
        room(&mut e.end_line, n);
        room(&mut e.time, n);
        e.time_text.room(n);
        e.label.room(n);
        room(&mut e.body, n);
        let f = &mut self.fields;
        let n = scaled(f.name.len(), factor);
        room(&mut f.name, n);
        room(&mut f.kind, n);
        f.values.room(n);
        self.strings.grow_for(factor);
        let n = scaled(self.bytes.len(), factor);
        room(&mut self.bytes, n);
    }

    /// Text: a line at or before one-based line `line` whose start is known, and its zero-based
    /// byte offset in the input, so that a reader of the input can find `line` by counting
    /// newlines from there (at most [`LINE_MARK`] − 1 of them). `None` for `line`
    /// 0 or input that is not text.
    #[must_use]
    pub fn line_start(&self, line: u32) -> Option<(u32, u64)> {
        let mark = (line.checked_sub(1)? / LINE_MARK) as usize;
        let mark = mark.min(self.line_marks.len().checked_sub(1)?);
        let line = u32::try_from(mark).ok()? * LINE_MARK + 1;
        Some((line, self.line_marks[mark]))
    }

    /// The input form.
    #[must_use]
    pub fn form(&self) -> Form {
        // The traces module reads text only: its views of frames are left out.
        if cfg!(feature = "wasm-traces") {
            return Form::Text;
        }
        self.form
    }

    /// Number of events.
    #[must_use]
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether there are no events.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.events.len() == 0
    }

    /// Lines outside events (text input).
    #[must_use]
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Everything malformed, in input order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Event `i`.
    ///
    /// # Panics
    /// If `i` is not below [`len`](Self::len).
    #[must_use]
    pub fn event(&self, i: usize) -> EventRef<'_> {
        assert!(i < self.len(), "event {i} of {}", self.len());
        EventRef { store: self, i }
    }

    /// Every event, in input order.
    #[must_use]
    pub fn events(&self) -> impl ExactSizeIterator<Item = EventRef<'_>> + '_ {
        (0..self.len()).map(move |i| EventRef { store: self, i })
    }

    /// The bytes of an interned or stored string.
    #[must_use]
    pub fn str(&self, s: StrRef) -> &[u8] {
        match s {
            StrRef::Interned(id) => self.strings.get(id),
            StrRef::Bytes(start, len) => &self.bytes[index(start)..index(start) + len as usize],
        }
    }

    /// The id of a string, interning it if it lives in the frame bytes.
    pub fn intern(&mut self, s: StrRef) -> StrId {
        match s {
            StrRef::Interned(id) => id,
            StrRef::Bytes(start, len) => {
                let range = index(start)..index(start) + len as usize;
                self.strings.intern(&self.bytes[range])
            }
        }
    }

    /// The name and ID of a message type as output shows them: the §2.1 name, a name for a
    /// number no source lists (`UNKNOWN_MESSAGE_TYPE_<n>`), or the name a dump wrote.
    #[must_use]
    pub fn type_name(&self, ty: EventType) -> (std::borrow::Cow<'_, str>, Option<u32>) {
        use std::borrow::Cow;
        match ty {
            EventType::Id(id) => {
                match u16::try_from(id)
                    .ok()
                    .and_then(crate::codes::message_types::name_of)
                {
                    Some(name) => (Cow::Borrowed(name), Some(id)),
                    None => (Cow::Owned(format!("UNKNOWN_MESSAGE_TYPE_{id}")), Some(id)),
                }
            }
            EventType::Unnamed(s) => (String::from_utf8_lossy(self.interned(s)), None),
        }
    }

    /// The interned string `id`.
    #[must_use]
    pub fn interned(&self, id: StrId) -> &[u8] {
        self.strings.get(id)
    }

    /// Bytes of memory the store holds (its columns, strings and frame bytes).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let e = &self.events;
        let f = &self.fields;
        let events = e.ty.capacity() * 4
            + e.flags.capacity()
            + (e.offset.capacity() + e.time.capacity() + e.body.capacity()) * 8
            + (e.length.capacity() + e.line.capacity() + e.end_line.capacity()) * 4
            + e.time_text.heap_bytes()
            + e.label.heap_bytes();
        let fields = f.name.capacity() * 4 + f.kind.capacity() + f.values.heap_bytes();
        events
            + fields
            + self.strings.heap_bytes()
            + self.names.heap_bytes()
            + self.bytes.capacity()
    }
}

/// One event of a store.
#[derive(Clone, Copy)]
pub struct EventRef<'s> {
    pub(crate) store: &'s Store,
    pub(crate) i: usize,
}

impl<'s> EventRef<'s> {
    /// The store the event is in.
    #[must_use]
    pub fn store(self) -> &'s Store {
        self.store
    }

    /// The canonical name of one of its fields (`Tag<n>` for a tag no source names).
    #[must_use]
    pub fn field_name(self, f: &FieldRef) -> std::borrow::Cow<'s, str> {
        use std::borrow::Cow;
        match f.name {
            FieldName::Id(id) => String::from_utf8_lossy(self.store.names.name_text(id)),
            FieldName::Ecc(s) => String::from_utf8_lossy(self.store.str(s)),
            FieldName::Tag(tag) => Cow::Owned(format!("Tag{tag}")),
            FieldName::Raw(raw) => Cow::Borrowed(raw),
        }
    }

    /// The event's zero-based index.
    #[must_use]
    pub fn index(self) -> usize {
        self.i
    }

    /// Zero-based byte offset of the event in its input (text: its `MsgType:` line; frames: the
    /// header).
    #[must_use]
    pub fn offset(self) -> u64 {
        self.store.events.offset[self.i]
    }

    /// Bytes the event spans in its input (text: through its last line, without the newline;
    /// frames: the whole frame).
    #[must_use]
    pub fn length(self) -> u32 {
        self.store.events.length[self.i]
    }

    /// Text: the one-based lines of the `MsgType:` line and of the event's last line.
    #[must_use]
    pub fn lines(self) -> (u32, u32) {
        (
            self.store.events.line[self.i],
            self.store.events.end_line[self.i],
        )
    }

    /// The message type.
    #[must_use]
    pub fn ty(self) -> EventType {
        EventType::unpack(self.store.events.ty[self.i])
    }

    /// The message type ID, when the event has a documented 16-bit one.
    #[must_use]
    pub fn type_id(self) -> Option<u16> {
        self.ty().id()
    }

    /// Whether the event is of message type `id`.
    #[must_use]
    pub fn is(self, id: u16) -> bool {
        self.store.events.ty[self.i] == u32::from(id)
    }

    /// The event's flags.
    pub(crate) fn flags(self) -> u8 {
        self.store.events.flags[self.i]
    }

    /// Whether the dump elides part of the message or the frame was cut short.
    #[must_use]
    pub fn truncated(self) -> bool {
        self.flags() & flag::TRUNCATED != 0
    }

    /// The event's time in milliseconds (since 1970-01-01 UTC, or since midnight when
    /// `time_of_day`), if it has one.
    #[must_use]
    pub fn time_ms(self) -> Option<(i64, bool)> {
        let t = self.store.events.time[self.i];
        (t != NO_TIME).then(|| (t, self.flags() & flag::TIME_OF_DAY != 0))
    }

    /// The timestamp as written, if the input wrote one (invalid UTF-8 replaced).
    #[must_use]
    pub fn time_text(self) -> Option<std::borrow::Cow<'s, str>> {
        if self.flags() & flag::ISO_TIME != 0 {
            let time = crate::time::iso_millis(self.store.events.time[self.i]);
            return Some(std::borrow::Cow::Owned(time));
        }
        let s = self.store.events.time_text.get(self.i);
        (s != NO_STR).then(|| String::from_utf8_lossy(self.store.strings.get(StrId(s))))
    }

    /// The first field named `field`.
    #[must_use]
    pub fn field(self, field: crate::codes::fields::FieldId) -> Option<FieldRef> {
        self.fields().find(|f| f.field == Some(field))
    }

    /// The first field named `field`, as a number.
    #[must_use]
    pub fn number(self, field: crate::codes::fields::FieldId) -> Option<i64> {
        self.field(field).and_then(|f| f.value.number())
    }

    /// The event's fields in order.
    #[must_use]
    pub fn fields(self) -> FieldIter<'s> {
        FieldIter::new(self)
    }
}
impl Store {
    #[doc(hidden)]
    #[must_use]
    pub fn debug_sizes(&self) -> String {
        format!(
            "fields {} (cap {}), strings {} ({} bytes, arena cap {}), notes {}, diags {}",
            self.fields.name.len(),
            self.fields.name.capacity(),
            self.strings.len(),
            self.strings.get_bytes_len(),
            self.strings.heap_bytes(),
            self.notes.len(),
            self.diagnostics.len()
        )
    }
}

/// `len` times `factor`, and a twentieth more for the estimate's error.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)] // item counts far below 2^52
pub(crate) fn scaled(len: usize, factor: f64) -> usize {
    (len as f64 * factor * 1.05) as usize
}

/// Reserves room for `total` items in all, when memory allows (an estimate from a wrong size
/// must not end the decoding: the vector then grows as it would have).
#[inline(never)] // one small function per item type, not a copy of `reserve` per column
pub(crate) fn room<T>(v: &mut Vec<T>, total: usize) {
    let _ = v.try_reserve(total.saturating_sub(v.len()));
}
