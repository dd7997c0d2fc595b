//! Events from their JSON shape (what `decode` prints and `decodeLog` returns, or hand-written
//! ones), into a store, for the timeline and the encoder.
//!
//! Only what identifies a field is read: its name (and label, index, tag), and its value as
//! written (`raw`, else `value`). Symbols and meanings are worked out again through the text
//! decoder's typing, so an event that went out as JSON comes back equal, and a hand-written one
//! gets the same explanations.

use serde::Deserialize;

use crate::codes::message_types;
use crate::store::{flag, EventType, Extra, Form, Store, NO_STR, NO_TIME};
use crate::time::{self, Stamp};

use super::typing::Symbols;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EventIn {
    #[serde(rename = "type")]
    type_name: String,
    type_id: Option<u32>,
    #[serde(default)]
    line: u32,
    end_line: Option<u32>,
    time: Option<String>,
    label: Option<String>,
    #[serde(default)]
    truncated: bool,
    #[serde(default)]
    fields: Vec<FieldIn>,
}

#[derive(Deserialize)]
struct FieldIn {
    name: String,
    label: Option<String>,
    index: Option<u32>,
    tag: Option<u16>,
    raw: Option<String>,
    kind: Option<String>,
    value: Option<ValueIn>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ValueIn {
    Number(f64),
    Text(String),
}

/// Events from JSON: an array of events, or an object with an `events` array.
///
/// # Errors
/// When the JSON is not one of those shapes; the message says what was expected.
pub fn events_from_json(json: &str) -> Result<Store, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Input {
        List(Vec<EventIn>),
        Log { events: Vec<EventIn> },
    }
    let events = match serde_json::from_str::<Input>(json) {
        Ok(Input::List(events) | Input::Log { events }) => events,
        Err(e) => return Err(format!("expected an array of events or a decoded log: {e}")),
    };
    let mut store = Store::new(Form::Text);
    let mut symbols = Symbols::default();
    for event in events {
        push_event(&mut store, &mut symbols, event);
    }
    Ok(store)
}

fn push_event(store: &mut Store, symbols: &mut Symbols, input: EventIn) {
    let ty = match input
        .type_id
        .or_else(|| message_types::id_of(&input.type_name).map(u32::from))
    {
        Some(id) => EventType::Id(id),
        None => EventType::Unnamed(store.strings.intern(input.type_name.as_bytes())),
    };
    let (time, time_text, time_flag) = match &input.time {
        Some(t) => {
            let id = store.strings.append(t.as_bytes()).0;
            match time::parse(t.as_bytes()) {
                Some(Stamp::Absolute(ms)) => (ms, id, 0),
                Some(Stamp::TimeOfDay(ms)) => (ms, id, flag::TIME_OF_DAY),
                None => (NO_TIME, id, 0),
            }
        }
        None => (NO_TIME, NO_STR, 0),
    };
    let e = &mut store.events;
    e.ty.push(ty.pack());
    e.flags
        .push(time_flag | if input.truncated { flag::TRUNCATED } else { 0 });
    e.offset.push(0);
    e.length.push(0);
    e.line.push(input.line);
    e.end_line.push(input.end_line.unwrap_or(input.line));
    e.time.push(time);
    e.time_text.push(time_text);
    let label = input.label.map(|l| store.strings.intern(l.as_bytes()).0);
    store.events.label.push(label.unwrap_or(NO_STR));
    store.events.body.push(store.fields.name.len() as u64);
    for field in input.fields {
        push_field(store, symbols, ty.id(), field);
    }
}

fn push_field(store: &mut Store, symbols: &mut Symbols, message_type: Option<u16>, input: FieldIn) {
    let raw = input
        .raw
        .unwrap_or_else(|| match (&input.value, input.kind.as_deref()) {
            (Some(ValueIn::Number(n)), Some("bytes")) => format!("<TotalBytes: {n}>"),
            (Some(ValueIn::Number(n)), _) => n.to_string(),
            (Some(ValueIn::Text(t)), _) => t.clone(),
            (None, Some("na")) => "N/A".to_owned(),
            (None, _) => String::new(),
        });
    let written = match (&input.label, input.index) {
        (Some(label), _) => label.clone(),
        (None, Some(i)) if input.tag.is_none() => format!("{}[{i}]", input.name),
        (None, _) => input.name.clone(),
    };
    let name = store.names.written(&written);
    let named = store.names.get(name).named;
    let ((k, r, n), _) = symbols.type_value(&mut store.strings, named, message_type, raw.trim());
    let row = u32::try_from(store.fields.name.len()).unwrap_or(u32::MAX);
    let f = &mut store.fields;
    f.name.push(name);
    f.kind.push(k);
    f.raw.push(r);
    f.num.push(n);
    let extra = Extra {
        tag: input.tag,
        index: if input.tag.is_some() {
            input.index
        } else {
            None
        },
        unlabelled: input.label.is_none() && store.names.get(name).labelled,
    };
    if extra
        != (Extra {
            unlabelled: false,
            ..Extra::default()
        })
    {
        f.extra.insert(row, extra);
    }
}
