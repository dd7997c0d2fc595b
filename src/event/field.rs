//! A decoded field: name as canonical and as written, raw text, typed value, meaning.

use std::borrow::Cow;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::typing::type_value;
use crate::codes::fields;

/// A field's typed value. The JSON `value` is the number, the raw text, or `null`, and `kind`
/// says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// An integer (written as digits, or a coded symbol whose number is known). `kind: "number"`.
    Number(i64),
    /// Text: the value is `raw`. `kind: "text"`.
    Text,
    /// Nothing after the colon. `kind: "empty"`, `value: null`.
    Empty,
    /// `N/A`. `kind: "na"`, `value: null`.
    NotApplicable,
    /// `<TotalBytes: N>`: a dump's summary of N bytes it does not print. `kind: "bytes"`.
    TotalBytes(u32),
}

impl Value {
    /// The JSON `kind` of this value.
    #[must_use]
    pub fn kind(self) -> &'static str {
        match self {
            Value::Number(_) => "number",
            Value::Text => "text",
            Value::Empty => "empty",
            Value::NotApplicable => "na",
            Value::TotalBytes(_) => "bytes",
        }
    }
}

/// One field of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The canonical name (reference §2.2/§3), or the name as written when no source lists it.
    pub name: Cow<'static, str>,
    /// The name as written, when it differs from `name` (`CallID`, `ConnectedPartyDCallID[1]`).
    pub label: Option<String>,
    /// The numeric index written in brackets after the name, for repeated list members.
    pub index: Option<u32>,
    /// The value exactly as written, without surrounding white space.
    pub raw: String,
    /// The typed value.
    pub value: Value,
    /// The protocol symbol of a coded value (`LCS_NULL`), when known.
    pub symbol: Option<&'static str>,
    /// The value's meaning in words, when known.
    pub meaning: Option<Cow<'static, str>>,
    /// Whether the field name is one the references list (or an ECC variable).
    pub known: bool,
}

impl Field {
    /// The field a dump writes as `written: raw` in a message of type `message_type`: the name
    /// resolved to its canonical spelling, the value typed and explained.
    #[must_use]
    pub fn from_text(written: &str, raw: &str, message_type: &str) -> Field {
        let resolved = fields::resolve(written, message_type);
        let (name, known) = match resolved.def {
            Some(def) if !def.name.is_empty() => (Cow::Borrowed(def.name), true),
            Some(_) => (Cow::Owned(resolved.base.to_owned()), true),
            None => (Cow::Owned(resolved.base.to_owned()), false),
        };
        let (value, symbol, meaning) = type_value(resolved.def, raw);
        Field {
            label: (written != name).then(|| written.to_owned()),
            name,
            index: resolved.index,
            raw: raw.to_owned(),
            value,
            symbol,
            meaning,
            known,
        }
    }

    /// The value as an integer, if it is one.
    #[must_use]
    pub fn number(&self) -> Option<i64> {
        match self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Field", 9)?;
        s.serialize_field("name", &self.name)?;
        if let Some(label) = &self.label {
            s.serialize_field("label", label)?;
        }
        if let Some(index) = self.index {
            s.serialize_field("index", &index)?;
        }
        s.serialize_field("raw", &self.raw)?;
        s.serialize_field("kind", self.value.kind())?;
        match self.value {
            Value::Number(n) => s.serialize_field("value", &n)?,
            Value::Text => s.serialize_field("value", &self.raw)?,
            Value::Empty | Value::NotApplicable => s.serialize_field("value", &())?,
            Value::TotalBytes(n) => s.serialize_field("value", &n)?,
        }
        if let Some(symbol) = self.symbol {
            s.serialize_field("symbol", symbol)?;
        }
        if let Some(meaning) = &self.meaning {
            s.serialize_field("meaning", meaning)?;
        }
        if !self.known {
            s.serialize_field("unknown", &true)?;
        }
        s.end()
    }
}
