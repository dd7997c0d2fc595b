//! The event model: the one shape every decoder produces and the JSON it serialises to.
//!
//! ```text
//! { events: Event[], notes: Note[], diagnostics: Diagnostic[] }
//! Event      { type, typeId, line, endLine | offset, length, time?, label?, truncated?, fields }
//! Field      { name, label?, index?, raw, kind, value, symbol?, meaning?, unknown? }
//! Note       { line, kind, text }
//! Diagnostic { severity, code, message, line, column | offset }
//! ```
//!
//! Lines and columns are one-based; byte offsets zero-based. The model does not know which input form an event came from.

mod de;
mod diagnostic;
mod explain;
mod field;
pub(crate) mod typing;

use std::borrow::Cow;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::codes::message_types;

pub use diagnostic::{Diagnostic, DiagnosticCode, Severity};
pub use explain::explain;
pub use field::{Field, Value};

/// One decoded CTI message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The message type's canonical name (e.g. `CALL_DELIVERED_EVENT`), or the name as written
    /// when no source lists it.
    pub type_name: Cow<'static, str>,
    /// The message type ID (reference §2.1), `None` for an unknown type.
    pub type_id: Option<u16>,
    /// The type as written, when it differs from `type_name` (e.g. `CALL_DELIVERED_EVENT:`).
    pub label: Option<String>,
    /// One-based line of the `MsgType:` line.
    pub line: u32,
    /// One-based line of the event's last field (equals `line` for an event without fields).
    pub end_line: u32,
    /// The timestamp written at the start of the `MsgType:` line, as written.
    pub time: Option<String>,
    /// Whether the dump elides part of the message (`...`).
    pub truncated: bool,
    /// The fields, in the order written.
    pub fields: Vec<Field>,
    /// Where a binary frame was: its byte offset and length (header included). `None` for an
    /// event from text, which has `line` and `end_line` instead (0 here).
    pub frame: Option<FrameSpan>,
}

/// A frame's place in binary input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameSpan {
    /// Zero-based byte offset of the frame's header.
    pub offset: u64,
    /// The frame's length in bytes, the 8-byte header included.
    pub length: u32,
}

impl Event {
    /// An event of the message type named `name` (canonical, or as a dump writes it), with no
    /// fields yet, at line 0.
    #[must_use]
    pub fn of_type(name: &str) -> Event {
        let type_id = message_types::id_of(name);
        let type_name = match type_id.and_then(message_types::name_of) {
            Some(canonical) => Cow::Borrowed(canonical),
            None => Cow::Owned(name.to_owned()),
        };
        Event {
            type_name,
            type_id,
            label: None,
            line: 0,
            end_line: 0,
            time: None,
            truncated: false,
            fields: Vec::new(),
            frame: None,
        }
    }

    /// The first field with canonical name `name`.
    #[must_use]
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Event", 8)?;
        s.serialize_field("type", &self.type_name)?;
        s.serialize_field("typeId", &self.type_id)?;
        match self.frame {
            Some(frame) => {
                s.serialize_field("offset", &frame.offset)?;
                s.serialize_field("length", &frame.length)?;
            }
            None => {
                s.serialize_field("line", &self.line)?;
                s.serialize_field("endLine", &self.end_line)?;
            }
        }
        if let Some(time) = &self.time {
            s.serialize_field("time", time)?;
        }
        if let Some(label) = &self.label {
            s.serialize_field("label", label)?;
        }
        if self.truncated {
            s.serialize_field("truncated", &true)?;
        }
        s.serialize_field("fields", &self.fields)?;
        s.end()
    }
}

/// What kind of line a note is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A numbered step of a call-flow page (`  2. The agent becomes available.`).
    Step,
    /// A comment line (`# Source: …`).
    Comment,
    /// Any other text outside an event: prose, table columns (`Yes No Yes`), `...`.
    Text,
}

/// A line outside any event, kept so that nothing in the input is lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// One-based line number.
    pub line: u32,
    /// What kind of line it is.
    pub kind: NoteKind,
    /// The line's text without surrounding white space.
    pub text: String,
}

/// The result of decoding one input: `{ events, notes, diagnostics, framing? }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// Every event, in input order.
    pub events: Vec<Event>,
    /// Every line outside an event, in input order (text input only).
    pub notes: Vec<Note>,
    /// Everything malformed, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// For binary input: the floating-field width used, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framing: Option<Framing>,
}

/// Which floating-field width binary input was decoded with (reference §1.3), and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Framing {
    /// Bytes per tag and per length: 1 or 2; `None` while no frame has told.
    pub width: Option<u8>,
    /// How the width was chosen, in words.
    pub basis: String,
}
