//! Events from their JSON shape (what `decodeLog` returns), for the timeline and the encoder.
//!
//! Only what identifies a field is read: its name (and index), and its value as written (`raw`,
//! else `value`). Symbols and meanings are worked out again from the references, so an event
//! that went out as JSON comes back equal, and a hand-written one gets the same explanations.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

use super::{Event, Field};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EventIn {
    #[serde(rename = "type")]
    type_name: String,
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

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let input = EventIn::deserialize(deserializer)?;
        let mut event = Event::of_type(&input.type_name);
        event.label = input.label;
        event.line = input.line;
        event.end_line = input.end_line.unwrap_or(input.line);
        event.time = input.time;
        event.truncated = input.truncated;
        event.fields = input
            .fields
            .into_iter()
            .map(|f| field(f, &event.type_name))
            .collect();
        Ok(event)
    }
}

fn field(input: FieldIn, message_type: &str) -> Field {
    let raw = input
        .raw
        .unwrap_or_else(|| match (&input.value, input.kind.as_deref()) {
            (Some(ValueIn::Number(n)), Some("bytes")) => format!("<TotalBytes: {n}>"),
            (Some(ValueIn::Number(n)), _) => n.to_string(),
            (Some(ValueIn::Text(t)), _) => t.clone(),
            (None, Some("na")) => "N/A".to_owned(),
            (None, _) => String::new(),
        });
    let written: Cow<'_, str> = match (&input.label, input.index) {
        (Some(label), _) => Cow::Borrowed(label),
        (None, Some(i)) => Cow::Owned(format!("{}[{i}]", input.name)),
        (None, None) => Cow::Borrowed(&input.name),
    };
    let mut field = Field::from_text(&written, raw.trim(), message_type);
    if input.label.is_none() {
        field.label = None;
    }
    field
}

#[cfg(test)]
mod tests {
    use crate::decode_log;
    use crate::event::Event;

    #[test]
    fn events_come_back_from_their_json_unchanged() {
        let log = include_str!("../../tests/fixtures/logs/tolerance.txt");
        for event in decode_log(log).events {
            let json = serde_json::to_string(&event).unwrap();
            let back: Event = serde_json::from_str(&json).unwrap();
            assert_eq!(back, event, "{json}");
        }
    }

    #[test]
    fn a_hand_written_event_gets_the_references_explanations() {
        let json = r#"{"type":"CALL_CLEARED_EVENT","fields":[
            {"name":"ConnectionCallID","value":16800099},
            {"name":"EventCause","value":"CEC_NONE"},
            {"name":"BAResponse","value":"Skip"},
            {"name":"ExpandedCallContext","kind":"bytes","value":18}]}"#;
        let event: Event = serde_json::from_str(json).unwrap();
        assert_eq!(event.type_id, Some(13));
        assert_eq!(event.fields[0].number(), Some(16_800_099));
        assert_eq!(event.fields[1].number(), Some(0xFFFF));
        assert_eq!(event.fields[1].symbol, Some("CEC_NONE"));
        assert_eq!(event.fields[2].raw, "Skip");
        assert!(event.fields[2].known);
        assert_eq!(event.fields[3].value, crate::Value::TotalBytes(18));
    }
}
