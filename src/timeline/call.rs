//! Per-call state gathered from events, before the outcome is derived. Everything is ids:
//! event indices, field positions, interned strings.

use crate::codes::fields::FieldId;
use crate::codes::message_types::id;
use crate::store::{FieldName, FieldRef, FieldValue, Store, StrId};

/// An event that marks a step of a call: its index and time (milliseconds; see
/// [`EventRef::time_ms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub event: u32,
    pub time: Option<(i64, bool)>,
}

/// Evidence: an event, and the field in it that counted (its position among the event's
/// fields); rendered as type, field, value and meaning on output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ev {
    pub event: u32,
    pub field: Option<u32>,
    /// What the event stands for when it is not shown by its own type.
    pub label: Option<&'static str>,
}

impl Ev {
    pub fn field(event: u32, f: &FieldRef) -> Ev {
        Ev {
            event,
            field: Some(f.ordinal),
            label: None,
        }
    }

    pub fn labelled(event: u32, label: &'static str) -> Ev {
        Ev {
            event,
            field: None,
            label: Some(label),
        }
    }
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
    /// The BAResponse ECC variable when last written non-empty, and its value.
    pub ba_response: Option<(Ev, StrId)>,
    /// The CallType field that set the call type.
    pub call_type: Option<Ev>,
    /// The device fields of the transfer or conference event: (field, value).
    pub join: Vec<(Ev, FieldId, StrId)>,
    /// EventCause of the failing or clearing event, when it is not CEC_NONE.
    pub cause: Option<(i64, Ev)>,
}

/// A call under construction.
#[derive(Clone, Debug)]
pub(crate) struct CallState {
    /// The ConnectionCallID it was first seen with, and which call with that ID it is (0 first).
    pub call_id: u32,
    pub nth: u32,
    pub aliases: Vec<u32>,
    /// (ConnectionDeviceID, first event) pairs.
    pub device_ids: Vec<(StrId, u32)>,
    pub call_type: Option<i64>,
    pub devices: Vec<StrId>,
    pub ani: Option<StrId>,
    pub dnis: Option<StrId>,
    pub dialed_number: Option<StrId>,
    /// Call and ECC variables: (name, value), latest values.
    pub variables: Vec<(StrId, StrId)>,
    pub events: Vec<u32>,
    pub start: u32,
    /// The CALL_CLEARED_EVENT, else the END_CALL_EVENT.
    pub end: Option<u32>,
    pub facts: Facts,
    /// (other call, event, transfer?) for CALL_TRANSFERRED/CONFERENCED_EVENT.
    pub joins: Vec<(usize, u32, bool)>,
    /// Call IDs listed as connected parties of a transfer or conference, with the event.
    pub parties: Vec<(u32, u32)>,
}

/// The fields that say who transferred or conferenced whom (reference §2.2).
pub(crate) const JOIN_FIELDS: [FieldId; 4] = [
    FieldId::TransferringDeviceID,
    FieldId::TransferredDeviceID,
    FieldId::ControllerDeviceID,
    FieldId::AddedPartyDeviceID,
];

impl CallState {
    pub fn new(call_id: u32, nth: u32, index: u32) -> Self {
        CallState {
            call_id,
            nth,
            aliases: Vec::new(),
            device_ids: Vec::new(),
            call_type: None,
            devices: Vec::new(),
            ani: None,
            dnis: None,
            dialed_number: None,
            variables: Vec::new(),
            events: Vec::new(),
            start: index,
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

    /// Takes in one event that belongs to this call, and its fields.
    pub fn absorb(&mut self, store: &mut Store, index: u32, fields: &[FieldRef]) {
        if self.events.last() != Some(&index) {
            self.events.push(index);
        }
        let e = store.event(index as usize);
        let ty = e.type_id().unwrap_or(0);
        let mark = Mark {
            event: index,
            time: e.time_ms(),
        };
        self.mark(ty, mark);
        if matches!(
            ty,
            id::CALL_FAILED_EVENT | id::CALL_CLEARED_EVENT | id::CALL_CONNECTION_CLEARED_EVENT
        ) {
            if let Some(cause) = super::find(fields, FieldId::EventCause) {
                match cause.value.number() {
                    Some(0xFFFF) | None => {}
                    Some(n) => self.facts.cause = Some((n, Ev::field(index, cause))),
                }
            }
        }
        if matches!(ty, id::CALL_TRANSFERRED_EVENT | id::CALL_CONFERENCED_EVENT) {
            self.facts.join = fields
                .iter()
                .filter_map(|f| {
                    let field = f.field.filter(|x| JOIN_FIELDS.contains(x))?;
                    let text = f.value.text().map(|s| store.intern(s))?;
                    (!store.interned(text).is_empty()).then_some((Ev::field(index, f), field, text))
                })
                .collect();
        }
        self.absorb_fields(store, index, ty, fields);
    }

    /// Records the event as a step: the first begin, queue, delivery and answer count; the
    /// last clearing does.
    fn mark(&mut self, ty: u16, mark: Mark) {
        match ty {
            id::CALL_CLEARED_EVENT => self.end = Some(mark.event),
            id::END_CALL_EVENT if self.facts.cleared.is_none() => self.end = Some(mark.event),
            _ => {}
        }
        let f = &mut self.facts;
        let (slot, last_wins) = match ty {
            id::BEGIN_CALL_EVENT => (&mut f.begin, false),
            id::CALL_ORIGINATED_EVENT | id::CALL_REACHED_NETWORK_EVENT => {
                (&mut f.originated, false)
            }
            id::CALL_QUEUED_EVENT => (&mut f.queued, false),
            id::CALL_DELIVERED_EVENT => (&mut f.delivered, false),
            id::CALL_DIVERTED_EVENT => (&mut f.diverted, false),
            id::CALL_ESTABLISHED_EVENT => (&mut f.established, false),
            id::CALL_FAILED_EVENT => (&mut f.failed, false),
            id::CALL_CONNECTION_CLEARED_EVENT => (&mut f.connection_cleared, true),
            id::CALL_CLEARED_EVENT => (&mut f.cleared, true),
            id::END_CALL_EVENT => (&mut f.end_call, true),
            id::CALL_TRANSFERRED_EVENT => (&mut f.transferred, false),
            id::CALL_CONFERENCED_EVENT => (&mut f.conferenced, false),
            id::CALL_HELD_EVENT => {
                f.holds.push((mark, None));
                return;
            }
            id::CALL_RETRIEVED_EVENT => {
                if let Some(open) = f.holds.iter_mut().rev().find(|(_, r)| r.is_none()) {
                    open.1 = Some(mark);
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() || last_wins {
            *slot = Some(mark);
        }
    }

    fn absorb_fields(&mut self, store: &mut Store, index: u32, ty: u16, fields: &[FieldRef]) {
        let replaces_variables = ty == id::CALL_DATA_UPDATE_EVENT;
        let mut fresh: Vec<(StrId, StrId)> = Vec::new();
        for f in fields {
            if f.field == Some(FieldId::CallType) {
                if let Some(n) = f.value.number().filter(|&n| n != 0xFFFF) {
                    self.call_type = Some(n);
                    self.facts.call_type = Some(Ev::field(index, f));
                }
            }
            let Some(value) = text_of(store, f) else {
                continue;
            };
            let empty = store.interned(value).is_empty();
            match f.field {
                Some(FieldId::ANI) if !empty => self.ani = Some(value),
                Some(FieldId::DNIS) if !empty => self.dnis = Some(value),
                Some(FieldId::DialedNumber) if !empty => self.dialed_number = Some(value),
                Some(FieldId::ConnectionDeviceID)
                    if !empty && !self.device_ids.iter().any(|(d, _)| *d == value) =>
                {
                    self.device_ids.push((value, index));
                }
                _ => {}
            }
            if !empty && is_device(store, f) && !self.devices.contains(&value) {
                self.devices.push(value);
            }
            if let Some(name) = variable_name(store, f) {
                if store.interned(name) == b"BAResponse" && !empty {
                    self.facts.ba_response = Some((Ev::field(index, f), value));
                }
                fresh.push((name, value));
            }
        }
        if replaces_variables {
            self.variables = fresh;
        } else {
            for (name, value) in fresh {
                match self.variables.iter_mut().find(|(n, _)| *n == name) {
                    Some(old) => old.1 = value,
                    None => self.variables.push((name, value)),
                }
            }
        }
    }

    /// The value of a call or ECC variable, when not empty.
    pub fn variable(&self, store: &Store, name: &[u8]) -> Option<StrId> {
        self.variables
            .iter()
            .find(|(n, _)| store.interned(*n) == name)
            .map(|&(_, v)| v)
            .filter(|&v| !store.interned(v).is_empty())
    }
}

/// A field's value as interned text: text values, and the text of anything else written as
/// text (a number's written form is not taken; fields like device IDs are text).
fn text_of(store: &mut Store, f: &FieldRef) -> Option<StrId> {
    match f.value {
        FieldValue::Text(s) => Some(store.intern(s)),
        FieldValue::Empty => Some(StrId::EMPTY),
        FieldValue::Number { n, raw } if is_variable_field(f) => Some(match raw {
            Some(s) => store.intern(s),
            None => store.strings.intern(n.to_string().as_bytes()),
        }),
        _ => None,
    }
}

/// Fields whose name ends in `DeviceID` name a device.
fn is_device(store: &Store, f: &FieldRef) -> bool {
    match f.name {
        FieldName::Id(name) => store.names.name_text(name).ends_with(b"DeviceID"),
        _ => false,
    }
}

fn is_variable_field(f: &FieldRef) -> bool {
    matches!(f.name, FieldName::Ecc(_))
        || f.field
            .is_some_and(|x| (FieldId::CallVariable1..=FieldId::CallVariable10).contains(&x))
}

/// The interned name of a call variable (`CallVariable1`…`10`) or ECC variable field.
fn variable_name(store: &mut Store, f: &FieldRef) -> Option<StrId> {
    match f.name {
        FieldName::Ecc(s) => Some(store.intern(s)),
        FieldName::Id(name) if store.names.is_ecc(name) || is_variable_field(f) => {
            let text = store.names.name_text(name).to_vec();
            Some(store.strings.intern(&text))
        }
        _ => None,
    }
}
