//! Events read back from their JSON shape (what `cti-outcome decode` and `decodeLog` give), for
//! the encoder and the timeline.

use serde::Deserialize;

use super::events::{EventIn, EventWriter, FieldIn};
use crate::store::Store;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Event {
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
    fields: Vec<Field>,
}

#[derive(Deserialize)]
struct Field {
    name: String,
    label: Option<String>,
    index: Option<u32>,
    tag: Option<u16>,
    raw: Option<String>,
    kind: Option<String>,
    value: Option<serde_json::Value>,
}

/// Events from JSON: an array of events, or an object with an `events` array.
///
/// # Errors
/// When the JSON is not one of those shapes; the message says what was expected.
pub fn events(json: &str) -> Result<Store, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Input {
        List(Vec<Event>),
        Log { events: Vec<Event> },
    }
    let events = match serde_json::from_str::<Input>(json) {
        Ok(Input::List(events) | Input::Log { events }) => events,
        Err(e) => {
            return Err(format!(
                "expected an array of events or decode's output: {e}"
            ))
        }
    };
    let mut writer = EventWriter::default();
    for e in &events {
        writer.event(&EventIn {
            type_name: &e.type_name,
            type_id: e.type_id,
            line: e.line,
            end_line: e.end_line.unwrap_or(e.line),
            time: e.time.as_deref(),
            label: e.label.as_deref(),
            truncated: e.truncated,
        });
        for f in &e.fields {
            let raw = f.raw.clone().unwrap_or_else(|| raw_of(f));
            writer.field(&FieldIn {
                name: &f.name,
                label: f.label.as_deref(),
                index: f.index,
                tag: f.tag,
                raw: &raw,
            });
        }
    }
    Ok(writer.finish())
}

/// The text a field without `raw` stands for, from its `kind` and `value`.
fn raw_of(f: &Field) -> String {
    use serde_json::Value;
    match (&f.value, f.kind.as_deref()) {
        (Some(Value::Number(n)), Some("bytes")) => format!("<TotalBytes: {n}>"),
        (Some(Value::Number(n)), _) => n.to_string(),
        (Some(Value::String(s)), _) => s.clone(),
        (_, Some("na")) => "N/A".to_owned(),
        _ => String::new(),
    }
}
