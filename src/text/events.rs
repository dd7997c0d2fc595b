//! Events given piece by piece (read back from their JSON shape by the command-line tool, or
//! packed by the npm package from JavaScript objects) into a store, for the timeline and the
//! encoder.
//!
//! Only what identifies a field is taken: its name (and label, index, tag) and its value as
//! written. Symbols and meanings are worked out again through the text decoder's typing, so an
//! event that went out as JSON comes back equal, and a hand-written one gets the same
//! explanations.

use crate::codes::message_types;
use crate::store::{EventType, Extra, Form, Span, Store};
use crate::time::{self, Stamp};

use super::typing::Symbols;

/// One event as given.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventIn<'a> {
    /// The message type's name.
    pub type_name: &'a str,
    /// The message type's ID, when given (it wins over the name).
    pub type_id: Option<u32>,
    /// One-based line of the `MsgType:` line (0 when not from text).
    pub line: u32,
    /// One-based line of the last field.
    pub end_line: u32,
    /// The time as written.
    pub time: Option<&'a str>,
    /// The type as written, when it differed.
    pub label: Option<&'a str>,
    /// Whether the dump elided part of the message.
    pub truncated: bool,
}

/// One field as given.
#[derive(Clone, Copy, Debug, Default)]
pub struct FieldIn<'a> {
    /// The canonical name, or the name as written.
    pub name: &'a str,
    /// The name as written, when it differed.
    pub label: Option<&'a str>,
    /// The index of a list member or array element.
    pub index: Option<u32>,
    /// The floating-field tag a frame carried it in.
    pub tag: Option<u16>,
    /// The value as written.
    pub raw: &'a str,
}

/// Writes given events into a new text-form store.
#[derive(Default)]
pub struct EventWriter {
    store: Option<Store>,
    symbols: Symbols,
}

impl EventWriter {
    fn store(&mut self) -> &mut Store {
        self.store.get_or_insert_with(|| Store::new(Form::Text))
    }

    /// Starts an event; the fields pushed next are its.
    pub fn event(&mut self, e: &EventIn<'_>) {
        let store = self.store();
        let ty = match e
            .type_id
            .or_else(|| message_types::id_of(e.type_name).map(u32::from))
        {
            Some(id) => EventType::Id(id),
            None => EventType::Unnamed(store.strings.intern(e.type_name.as_bytes())),
        };
        let ms = e.time.and_then(|t| match time::parse(t.as_bytes())? {
            Stamp::Absolute(ms) => Some((ms, false)),
            Stamp::TimeOfDay(ms) => Some((ms, true)),
        });
        let at = Span {
            line: e.line,
            end_line: e.end_line,
            offset: 0,
            length: 0,
        };
        store.begin_event(ty, e.label, at, ms, e.time);
        if e.truncated {
            store.truncate_last();
        }
    }

    /// Adds a field to the last event.
    ///
    /// # Panics
    /// If no event was started.
    pub fn field(&mut self, f: &FieldIn<'_>) {
        let store = self.store.as_mut().expect("an event before its fields");
        let message_type = EventType::unpack(*store.events.ty.last().expect("an event")).id();
        let written = match (f.label, f.index) {
            (Some(label), _) => label.to_owned(),
            (None, Some(i)) if f.tag.is_none() => format!("{}[{i}]", f.name),
            (None, _) => f.name.to_owned(),
        };
        let name = store.names.written(&written);
        let written_as = store.names.get(name);
        let named = written_as.named;
        let ((kind, raw, number), _) =
            self.symbols
                .type_value(&mut store.strings, named, message_type, f.raw);
        let row = u32::try_from(store.fields.name.len()).unwrap_or(u32::MAX);
        let fields = &mut store.fields;
        fields.name.push(name);
        fields.kind.push(kind);
        fields.values.push(raw, number);
        let extra = Extra {
            tag: f.tag,
            index: if f.tag.is_some() { f.index } else { None },
            unlabelled: f.label.is_none() && written_as.labelled,
        };
        if extra != Extra::default() {
            fields.extra.insert(row, extra);
        }
    }

    /// The store of every event written.
    #[must_use]
    pub fn finish(self) -> Store {
        self.store.unwrap_or_else(|| Store::new(Form::Text))
    }
}
