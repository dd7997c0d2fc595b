//! Per-call state gathered from events, before the outcome is derived.

use crate::event::{Event, Field};

use super::model::{Coded, Evidence, Point, Variable};
use super::time::{self, Stamp};

/// An event that marks a step of a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub event: u32,
    pub time: Option<Stamp>,
}

/// What has happened to a call so far.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub begin: Option<Mark>,
    pub originated: Option<Mark>,
    pub queued: Option<Mark>,
    pub delivered: Option<Mark>,
    pub diverted: Option<Mark>,
    pub established: Option<Mark>,
    pub failed: Option<Mark>,
    pub connection_cleared: Option<Mark>,
    pub cleared: Option<Mark>,
    pub end_call: Option<Mark>,
    pub transferred: Option<Mark>,
    pub conferenced: Option<Mark>,
    /// (held, retrieved) pairs in order.
    pub holds: Vec<(Mark, Option<Mark>)>,
    /// The BAResponse ECC variable when last written non-empty.
    pub ba_response: Option<Evidence>,
    /// The CallType field that set the call type.
    pub call_type: Option<Evidence>,
    /// The device fields of the transfer or conference event.
    pub join: Vec<Evidence>,
    /// EventCause of the failing or clearing event, when it is not CEC_NONE.
    pub cause: Option<(i64, Evidence)>,
}

/// A call under construction.
#[derive(Clone, Debug)]
pub(crate) struct CallState {
    pub key: String,
    pub call_id: u32,
    pub aliases: Vec<u32>,
    /// (device ID, first event) pairs of ConnectionDeviceID.
    pub device_ids: Vec<(String, u32)>,
    pub call_type: Option<Coded>,
    pub devices: Vec<String>,
    pub ani: Option<String>,
    pub dnis: Option<String>,
    pub dialed_number: Option<String>,
    pub variables: Vec<Variable>,
    pub events: Vec<u32>,
    pub start: Point,
    /// The CALL_CLEARED_EVENT, else the END_CALL_EVENT, with its time as written.
    pub end: Option<Point>,
    pub facts: Facts,
    /// (other call key, event, transfer?) for CALL_TRANSFERRED/CONFERENCED_EVENT.
    pub joins: Vec<(String, u32, bool)>,
    /// Call IDs listed as connected parties of a transfer or conference, with the event.
    pub parties: Vec<(u32, u32)>,
}

impl CallState {
    pub fn new(key: String, call_id: u32, index: u32, event: &Event) -> Self {
        CallState {
            key,
            call_id,
            aliases: Vec::new(),
            device_ids: Vec::new(),
            call_type: None,
            devices: Vec::new(),
            ani: None,
            dnis: None,
            dialed_number: None,
            variables: Vec::new(),
            events: Vec::new(),
            start: Point {
                event: index,
                time: event.time.clone(),
            },
            end: None,
            facts: Facts::default(),
            joins: Vec::new(),
            parties: Vec::new(),
        }
    }

    /// Whether the call has ended for the log's client (cleared, or END_CALL_EVENT seen).
    pub fn closed(&self) -> bool {
        self.facts.cleared.is_some() || self.facts.end_call.is_some()
    }

    /// Takes in one event that belongs to this call.
    pub fn absorb(&mut self, index: u32, event: &Event) {
        if self.events.last() != Some(&index) {
            self.events.push(index);
        }
        let mark = Mark {
            event: index,
            time: event.time.as_deref().and_then(time::parse),
        };
        let point = || Point {
            event: index,
            time: event.time.clone(),
        };
        match &*event.type_name {
            "CALL_CLEARED_EVENT" => self.end = Some(point()),
            "END_CALL_EVENT" if self.facts.cleared.is_none() => self.end = Some(point()),
            _ => {}
        }
        let f = &mut self.facts;
        let slot = match &*event.type_name {
            "BEGIN_CALL_EVENT" => Some(&mut f.begin),
            "CALL_ORIGINATED_EVENT" | "CALL_REACHED_NETWORK_EVENT" => Some(&mut f.originated),
            "CALL_QUEUED_EVENT" => Some(&mut f.queued),
            "CALL_DELIVERED_EVENT" => Some(&mut f.delivered),
            "CALL_DIVERTED_EVENT" => Some(&mut f.diverted),
            "CALL_ESTABLISHED_EVENT" => Some(&mut f.established),
            "CALL_FAILED_EVENT" => Some(&mut f.failed),
            "CALL_CONNECTION_CLEARED_EVENT" => Some(&mut f.connection_cleared),
            "CALL_CLEARED_EVENT" => Some(&mut f.cleared),
            "END_CALL_EVENT" => Some(&mut f.end_call),
            "CALL_TRANSFERRED_EVENT" => Some(&mut f.transferred),
            "CALL_CONFERENCED_EVENT" => Some(&mut f.conferenced),
            "CALL_HELD_EVENT" => {
                f.holds.push((mark, None));
                None
            }
            "CALL_RETRIEVED_EVENT" => {
                if let Some(open) = f.holds.iter_mut().rev().find(|(_, r)| r.is_none()) {
                    open.1 = Some(mark);
                }
                None
            }
            _ => None,
        };
        // The first begin, queue, delivery and answer count; the last clearing does.
        if let Some(slot) = slot {
            let last_wins = matches!(
                &*event.type_name,
                "CALL_CLEARED_EVENT" | "CALL_CONNECTION_CLEARED_EVENT" | "END_CALL_EVENT"
            );
            if slot.is_none() || last_wins {
                *slot = Some(mark);
            }
        }
        if matches!(
            &*event.type_name,
            "CALL_FAILED_EVENT" | "CALL_CLEARED_EVENT" | "CALL_CONNECTION_CLEARED_EVENT"
        ) {
            if let Some(cause) = event.field("EventCause") {
                match cause.number() {
                    Some(0xFFFF) | None => {}
                    Some(n) => self.facts.cause = Some((n, evidence(index, event, cause))),
                }
            }
        }
        if matches!(
            &*event.type_name,
            "CALL_TRANSFERRED_EVENT" | "CALL_CONFERENCED_EVENT"
        ) {
            self.facts.join = event
                .fields
                .iter()
                .filter(|f| JOIN_FIELDS.contains(&&*f.name) && !f.raw.is_empty())
                .map(|f| evidence(index, event, f))
                .collect();
        }
        self.absorb_fields(index, event);
    }

    fn absorb_fields(&mut self, index: u32, event: &Event) {
        let replaces_variables = event.type_name == "CALL_DATA_UPDATE_EVENT";
        let mut fresh: Vec<Variable> = Vec::new();
        for field in &event.fields {
            let name = &*field.name;
            let value = field.raw.as_str();
            match name {
                "CallType" => {
                    if let Some(coded) = Coded::of(field).filter(|c| c.value != 0xFFFF) {
                        self.call_type = Some(coded);
                        self.facts.call_type = Some(evidence(index, event, field));
                    }
                }
                "ANI" if !value.is_empty() => self.ani = Some(value.to_owned()),
                "DNIS" if !value.is_empty() => self.dnis = Some(value.to_owned()),
                "DialedNumber" if !value.is_empty() => self.dialed_number = Some(value.to_owned()),
                "ConnectionDeviceID"
                    if !value.is_empty() && !self.device_ids.iter().any(|(d, _)| d == value) =>
                {
                    self.device_ids.push((value.to_owned(), index));
                }
                _ => {}
            }
            if name.ends_with("DeviceID")
                && !value.is_empty()
                && !self.devices.iter().any(|d| d == value)
            {
                self.devices.push(value.to_owned());
            }
            if is_variable(field) {
                if name == "BAResponse" && !value.is_empty() {
                    self.facts.ba_response = Some(evidence(index, event, field));
                }
                fresh.push(Variable {
                    name: name.to_owned(),
                    value: value.to_owned(),
                });
            }
        }
        if replaces_variables {
            self.variables = fresh;
        } else {
            for v in fresh {
                match self.variables.iter_mut().find(|o| o.name == v.name) {
                    Some(old) => old.value = v.value,
                    None => self.variables.push(v),
                }
            }
        }
    }

    /// The value of a call or ECC variable.
    pub fn variable(&self, name: &str) -> Option<&str> {
        self.variables
            .iter()
            .find(|v| v.name == name)
            .map(|v| v.value.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// The fields that say who transferred or conferenced whom (reference §2.2).
pub(crate) const JOIN_FIELDS: [&str; 4] = [
    "TransferringDeviceID",
    "TransferredDeviceID",
    "ControllerDeviceID",
    "AddedPartyDeviceID",
];

/// Call variables (`CallVariable1`…`10`) and ECC variables (any field the references list as
/// neither fixed nor floating but the decoder recognised as an ECC name).
fn is_variable(field: &Field) -> bool {
    field.name.starts_with("CallVariable")
        || (field.known && crate::codes::fields::lookup(&field.name).is_none())
}

/// The evidence a field of an event gives.
pub(crate) fn evidence(index: u32, event: &Event, field: &Field) -> Evidence {
    Evidence {
        event: index,
        type_name: event.type_name.clone(),
        field: Some(field.name.clone()),
        value: Some(field.raw.clone()),
        meaning: field.meaning.clone(),
    }
}

/// The evidence of an event as a whole.
pub(crate) fn event_evidence(index: u32, event_type: &'static str) -> Evidence {
    Evidence {
        event: index,
        type_name: event_type.into(),
        field: None,
        value: None,
        meaning: None,
    }
}
