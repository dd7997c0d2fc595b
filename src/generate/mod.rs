//! A realistic CTI log of any size, reproducible by seed, for benchmarks, fault tests and the
//! viewer's large sample.
//!
//! Calls are copies of the bundled call flows (`flows/`, written to mirror the reference's
//! flows, and the reference's own "agent skips the contact" page), each with fresh
//! call IDs, dialed-list IDs and customer numbers, one of a pool of agents, and its own start
//! time; the copies overlap in time and their events are merged in time order, as a CTI server
//! interleaves concurrent calls. Agent state events come with the flows that have them.
//!
//! Behind the `generate` feature (on by default; never in the `.wasm`): the command-line tool's
//! `generate`, the benchmark and the fault tests use it. The flows are read as data (decoded
//! into a store by the library's own decoder); the copies are written as store events, from
//! which the text, frames and traces are written.

pub mod traces;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::binary::{self, Width};
use crate::store::Store;
use crate::view::text_event;

/// The flows a generated log is made of, with their share of calls (weights out of 100).
const FLOWS: [(&str, u32, &str); 9] = [
    (
        "inbound-answered",
        35,
        include_str!("flows/inbound-answered.txt"),
    ),
    (
        "abandoned-in-queue",
        12,
        include_str!("flows/abandoned-in-queue.txt"),
    ),
    (
        "ring-no-answer",
        6,
        include_str!("flows/ring-no-answer.txt"),
    ),
    ("hold-retrieve", 10, include_str!("flows/hold-retrieve.txt")),
    (
        "consult-transfer",
        10,
        include_str!("flows/consult-transfer.txt"),
    ),
    ("conference", 5, include_str!("flows/conference.txt")),
    (
        "outbound-preview",
        10,
        include_str!("flows/outbound-preview.txt"),
    ),
    (
        "outbound-no-answer",
        6,
        include_str!("flows/outbound-no-answer.txt"),
    ),
    (
        "agent-skips-contact",
        6,
        include_str!("flows/uccx-agent-skips-contact.txt"),
    ),
];

/// The agents the flows name (extension, agent ID); each copy swaps them for agents of the pool.
const FLOW_AGENTS: [(&str, &str); 3] = [
    ("2006", "agent2006"),
    ("2007", "agent2007"),
    ("4020", "chli4020"),
];

/// Fields whose value is a call ID, renumbered per copy.
const CALL_ID_FIELDS: [&str; 3] = ["ConnectionCallID", "NewConnectionCallID", "PrimaryCallID"];

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Number of calls (copies of a flow; a transfer or preview flow holds more than one call ID).
    pub calls: usize,
    /// The same seed gives the same log.
    pub seed: u64,
    /// Size of the agent pool; extensions are 3000, 3001, …
    pub agents: usize,
    /// The log's first moment (ms since 1970-01-01 UTC); by default 2024-05-01T08:00:00Z.
    pub start_ms: i64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            calls: 1000,
            seed: 1,
            agents: 50,
            start_ms: BASE_MS,
        }
    }
}

/// One generated event: its time (milliseconds since 1970-01-01 UTC), type, and fields as
/// (name as written, value as written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    time_ms: i64,
    type_name: String,
    fields: Vec<(String, String)>,
}

impl Generated {
    /// The event's time: milliseconds since 1970-01-01 UTC.
    #[must_use]
    pub fn time_ms(&self) -> i64 {
        self.time_ms
    }
}

/// The generated events, in time order.
#[must_use]
pub fn generate(options: Options) -> Vec<Generated> {
    let templates: Vec<Template> = FLOWS
        .iter()
        .map(|(_, weight, text)| Template::new(*weight, text))
        .collect();
    let total_weight: u32 = FLOWS.iter().map(|f| f.1).sum();
    let mut rng = SplitMix64(options.seed);
    let agents = options.agents.max(2);
    let mut next_call_id = 2_000_000u64;
    let mut next_list_id = 500_000u64;
    let mut start_ms = 0i64;
    let mut timed: Vec<(i64, usize, Generated)> = Vec::new();

    for copy in 0..options.calls {
        let mut pick = u32::try_from(rng.below(u64::from(total_weight))).unwrap_or(0);
        let template = templates
            .iter()
            .find(|t| {
                let hit = pick < t.weight;
                pick = pick.saturating_sub(t.weight);
                hit
            })
            .unwrap_or(&templates[0]);
        // About one call every 1.5 s on average: calls of a minute or more overlap.
        start_ms += i64::try_from(rng.below(3000)).unwrap_or(0);
        let first = rng.below(agents as u64);
        let second = (first + 1 + rng.below(agents as u64 - 1)) % agents as u64;
        let customer = 5_550_000 + rng.below(10_000);
        let mut swap: HashMap<String, String> = HashMap::new();
        for (i, (ext, id)) in FLOW_AGENTS.iter().enumerate() {
            let agent = 3000 + if i == 1 { second } else { first };
            swap.insert((*ext).to_string(), agent.to_string());
            swap.insert((*id).to_string(), format!("agent{agent}"));
        }
        for number in &template.customer_numbers {
            swap.insert(number.clone(), (customer + swap.len() as u64).to_string());
        }
        for id in &template.call_ids {
            swap.insert(id.clone(), next_call_id.to_string());
            next_call_id += 1;
        }
        for id in &template.list_ids {
            swap.insert(id.clone(), next_list_id.to_string());
            next_list_id += 1;
        }
        for (offset, event) in &template.events {
            let mut event = event.clone();
            for (_, raw) in &mut event.fields {
                if let Some(new) = swap.get(raw.as_str()) {
                    raw.clone_from(new);
                }
            }
            event.time_ms = options.start_ms + start_ms + offset;
            timed.push((start_ms + offset, copy, event));
        }
    }
    timed.sort_by_key(|(at, copy, _)| (*at, *copy));
    timed.into_iter().map(|(_, _, event)| event).collect()
}

/// 2024-05-01T08:00:00Z, the generated logs' first moment unless `start_ms` says otherwise.
const BASE_MS: i64 = 1_714_550_400_000;

/// How many calls make about `bytes` of output in the form `write` gives (its length in bytes),
/// from the size of a 2,000-call sample of the same mix.
#[must_use]
pub fn calls_for(bytes: usize, options: Options, write: impl Fn(&[Generated]) -> usize) -> usize {
    const SAMPLE: usize = 2000;
    let per_call = write(&generate(Options {
        calls: SAMPLE,
        ..options
    })) / SAMPLE;
    bytes.div_ceil(per_call.max(1))
}

/// The events as a text dump, one timestamp per line as CTI trace files write them.
#[must_use]
pub fn write_text(events: &[Generated]) -> String {
    let mut out = String::with_capacity(events.len() * 280);
    for event in events {
        let time = crate::time::iso_millis(event.time_ms);
        let _ = writeln!(out, "{time} MsgType: {}", event.type_name);
        for (name, raw) in &event.fields {
            let _ = writeln!(out, "{time}   {name}: {raw}");
        }
    }
    out
}

/// The events as a store, written directly (no text in between): what frames and traces are
/// written from.
#[must_use]
pub fn store_of(events: &[Generated]) -> Store {
    use crate::text::events::{EventIn, EventWriter, FieldIn};
    let mut writer = EventWriter::default();
    for event in events {
        let time = crate::time::iso_millis(event.time_ms);
        writer.event(&EventIn {
            type_name: &event.type_name,
            time: Some(&time),
            ..EventIn::default()
        });
        for (name, raw) in &event.fields {
            // The name as written is its label, as a dump's line gives it.
            writer.field(&FieldIn {
                name,
                label: Some(name),
                raw,
                ..FieldIn::default()
            });
        }
    }
    writer.finish()
}

/// The events as GED-188 frames of the given field-header width.
#[must_use]
pub fn write_frames(events: &[Generated], width: Width) -> Vec<u8> {
    binary::encode(&store_of(events), width, None).bytes
}

/// One frame of every message type with a layout (reference §2.2, §2.3), as a session of
/// protocol `version` writes them: OPEN_REQ first (asking for that version), then the others in
/// order of their IDs, each with its fixed part for the version (field k holding k, the
/// VersionNumber the version) and a ConnectionDeviceID. What the decoder must read with no
/// diagnostic, in the command-line tool and in the page. Written as store events and encoded
/// by the library's encoder.
#[must_use]
pub fn every_type(version: u32) -> Vec<u8> {
    use crate::codes::fields::FieldId;
    use crate::codes::layouts::{Wire, LAYOUTS};
    use crate::text::events::{EventIn, EventWriter, FieldIn};
    let v = u8::try_from(version).unwrap_or(u8::MAX);
    let mut order: Vec<_> = LAYOUTS.iter().collect();
    order.sort_by_key(|l| (l.id != 3, l.id));
    let mut writer = EventWriter::default();
    for layout in order {
        let variant = layout
            .variants
            .iter()
            .find(|x| x.covers(v))
            .unwrap_or(&layout.variants[0]);
        writer.event(&EventIn {
            type_id: Some(u32::from(layout.id)),
            ..EventIn::default()
        });
        for (k, &(field, wire)) in (1u32..).zip(variant.fields) {
            let k = if field == FieldId::VersionNumber {
                version
            } else {
                k
            };
            let raw = match wire {
                // Opaque bytes are written as hex: the low byte of k, repeated.
                Wire::Bytes(n) => format!("{:02X}", k.to_be_bytes()[3]).repeat(n.into()),
                Wire::Str | Wire::Unspec | Wire::NamedVar | Wire::NamedArray | Wire::Flex(_) => {
                    continue
                }
                _ => k.to_string(),
            };
            writer.field(&FieldIn {
                name: field.name(),
                raw: &raw,
                ..FieldIn::default()
            });
        }
        writer.field(&FieldIn {
            name: "ConnectionDeviceID",
            raw: "4020",
            ..FieldIn::default()
        });
    }
    let width = if version >= 20 {
        Width::Two
    } else {
        Width::One
    };
    binary::encode(&writer.finish(), width, Some(version)).bytes
}

/// Bytes as a hex dump, 16 bytes a line, as `xxd -p` with spaces (what `decode_hex` reads).
#[must_use]
pub fn write_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 + bytes.len() / 16);
    for line in bytes.chunks(16) {
        for (i, b) in line.iter().enumerate() {
            let _ = write!(out, "{}{b:02x}", if i == 0 { "" } else { " " });
        }
        out.push('\n');
    }
    out
}

/// One flow, decoded, with event times as offsets from its first event and the values each
/// copy replaces.
struct Template {
    weight: u32,
    events: Vec<(i64, Generated)>,
    call_ids: Vec<String>,
    list_ids: Vec<String>,
    customer_numbers: Vec<String>,
}

impl Template {
    fn new(weight: u32, text: &str) -> Template {
        let store: Store = crate::text::decode(text.as_bytes());
        let stamps: Vec<Option<i64>> = store
            .events()
            .map(|e| e.time_ms().filter(|(_, of_day)| !of_day).map(|(ms, _)| ms))
            .collect();
        let base = stamps.iter().flatten().copied().min();
        let mut events = Vec::new();
        let (mut call_ids, mut list_ids, mut customer_numbers) =
            (Vec::new(), Vec::new(), Vec::new());
        for (step, (e, stamp)) in (0i64..).zip(store.events().zip(stamps)) {
            // Flows written without times get one event a second.
            let offset = match (stamp, base) {
                (Some(at), Some(base)) => at - base,
                _ => step * 1000,
            };
            let view = text_event(e);
            for field in &view.fields {
                let raw = field.raw.to_string();
                let list = match field.name.as_ref() {
                    n if CALL_ID_FIELDS.contains(&n) => &mut call_ids,
                    "BADialedListID" => &mut list_ids,
                    "ANI" | "CallingDeviceID" | "CalledDeviceID" | "AnsweringDeviceID"
                    | "AlertingDeviceID"
                        if raw.starts_with("555") && raw.len() == 7 =>
                    {
                        &mut customer_numbers
                    }
                    _ => continue,
                };
                if !raw.is_empty() && !list.contains(&raw) {
                    list.push(raw);
                }
            }
            let fields = view
                .fields
                .iter()
                .map(|f| {
                    (
                        f.label.as_deref().unwrap_or(&f.name).to_owned(),
                        f.raw.to_string(),
                    )
                })
                .collect();
            events.push((
                offset,
                Generated {
                    time_ms: 0,
                    type_name: view.type_name.to_string(),
                    fields,
                },
            ));
        }
        Template {
            weight,
            events,
            call_ids,
            list_ids,
            customer_numbers,
        }
    }
}

/// A small, fast, seedable generator (SplitMix64, Steele et al. 2014): reproducible logs do not
/// need a cryptographic source.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_written_directly_is_the_store_its_text_decodes_to() {
        let events = generate(Options {
            calls: 300,
            ..Options::default()
        });
        let direct = store_of(&events);
        let read = crate::text::decode(write_text(&events).as_bytes());
        assert_eq!(direct.len(), read.len());
        for (a, b) in direct.events().zip(read.events()) {
            let (a, b) = (crate::view::text_event(a), crate::view::text_event(b));
            assert_eq!(
                (&a.type_name, &a.time, &a.fields),
                (&b.type_name, &b.time, &b.fields)
            );
        }
        for width in [Width::One, Width::Two] {
            assert_eq!(
                write_frames(&events, width),
                binary::encode(&read, width, None).bytes
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_log_and_another_seed_another() {
        let options = Options {
            calls: 40,
            ..Options::default()
        };
        let a = write_text(&generate(options));
        assert_eq!(a, write_text(&generate(options)));
        assert_ne!(a, write_text(&generate(Options { seed: 2, ..options })));
    }
}
