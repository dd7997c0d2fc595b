//! Per-call state gathered from events, before the outcome is derived. Everything is ids:
//! event indices, field positions, interned strings; a call's lists live in the timeline's
//! [`Lists`] arenas.

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::codes::message_types::id;
use crate::store::{FieldName, FieldRef, FieldValue, NameId, Store, StrId};

pub(crate) use super::evidence::{Ev, Label, Mark};
use super::lists::{Arena, List};

/// What has happened to a call so far: the deciding event of each step.
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
    /// The BAResponse ECC variable when last written non-empty, and its value.
    pub ba_response: Option<(Ev, StrId)>,
    /// The BADialedListID ECC variable when last written non-empty, and its value.
    pub dialed_list: Option<(Ev, StrId)>,
    /// The CallType field that set the call type.
    pub call_type: Option<Ev>,
    /// EventCause of the failing or clearing event, when it is not CEC_NONE.
    pub cause: Option<(i64, Ev)>,
    /// An EventCause of the failing or clearing event written as a symbol no reference lists.
    pub undocumented_cause: Option<Ev>,
    /// The first route point or queue (DeviceIDType 74, 77) the call was called at, redirected
    /// from or queued at: its …DeviceType field.
    pub routed: Option<Ev>,
    /// CALL_ORIGINATED_EVENT's CalledDeviceType: the kind of device an originated call went to.
    pub originated_to: Option<(i64, Ev)>,
}

/// An entry of a call's item list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    /// A further ConnectionCallID (CALL_DATA_UPDATE_EVENT's NewConnectionCallID).
    Alias(u32),
    /// A ConnectionDeviceID, with the first event naming it.
    DeviceId(StrId, u32),
    /// A device any `…DeviceID` field names.
    Device(StrId),
    /// A call or ECC variable: name, latest value.
    Variable(StrId, StrId),
    /// CALL_TRANSFERRED/CONFERENCED_EVENT names this call and `other`.
    Join {
        other: u32,
        event: u32,
        transfer: bool,
    },
    /// A call ID listed as a connected party of a transfer or conference, with the event.
    Party(u32, u32),
    /// Held, and retrieved if it was.
    Hold(Mark, Option<Mark>),
    /// A device field of the latest transfer or conference event.
    JoinField {
        event: u32,
        ordinal: u32,
        field: FieldId,
        value: StrId,
    },
    /// Replaced (a variable set replaced by CALL_DATA_UPDATE_EVENT, an earlier join's fields).
    Gone,
    /// A Finesse dialog this call's dialog names: by `associatedDialogUri` (a consult), or as its
    /// `secondaryId` (`secondary`: the call dropped by a transfer or conference).
    #[cfg(feature = "finesse")]
    DialogLink { id: u32, ev: Ev, secondary: bool },
    /// A record of another view of the call joined to it (a PIM's CSTA event by its CallID,
    /// the OPC's end-of-call record of a leg by its router call key): the event.
    Record(u32),
}

/// The arenas every call's (and agent segment's) lists live in.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lists {
    /// Event indices.
    pub events: Arena<u32>,
    pub items: Arena<Item>,
}

/// A call under construction.
#[derive(Clone, Debug)]
pub(crate) struct CallState {
    /// The ConnectionCallID it was first seen with, and which call with that ID it is (0 first).
    pub call_id: u32,
    pub nth: u32,
    pub start: u32,
    /// The CALL_CLEARED_EVENT, else the END_CALL_EVENT.
    pub end: Option<Mark>,
    pub call_type: Option<i64>,
    pub ani: Option<StrId>,
    pub dnis: Option<StrId>,
    pub dialed_number: Option<StrId>,
    pub facts: Facts,
    pub events: List,
    pub items: List,
    /// What its Finesse dialog events showed, when it has any.
    #[cfg(feature = "finesse")]
    pub dialog: Option<Box<super::dialog::DialogFacts>>,
}

/// The fields that say who transferred or conferenced whom (reference §2.2).
pub(crate) const JOIN_FIELDS: [FieldId; 4] = [
    FieldId::TransferringDeviceID,
    FieldId::TransferredDeviceID,
    FieldId::ControllerDeviceID,
    FieldId::AddedPartyDeviceID,
];

/// What a field name is to a call, worked out once per name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Roles {
    /// Per [`NameId`] index: 0 unknown yet, else 1 + [`DEVICE`] | [`VARIABLE`] bits.
    by_name: Vec<u8>,
    /// Variable names as interned strings.
    variable_names: FxHashMap<NameId, StrId>,
}

const DEVICE: u8 = 2;
const VARIABLE: u8 = 4;

impl Roles {
    fn of(&mut self, store: &Store, name: NameId) -> u8 {
        let i = name.index();
        if self.by_name.len() <= i {
            self.by_name.resize(i + 1, 0);
        }
        if self.by_name[i] == 0 {
            let text = store.names.name_text(name);
            let variable = store.names.is_ecc(name)
                || name.as_field().is_some_and(|f| {
                    (FieldId::CallVariable1..=FieldId::CallVariable10).contains(&f)
                });
            self.by_name[i] =
                1 | if text.ends_with(b"DeviceID") {
                    DEVICE
                } else {
                    0
                } | if variable { VARIABLE } else { 0 };
        }
        self.by_name[i]
    }

    /// Whether the field names a device, and its name as a variable's if it is one.
    fn field(&mut self, store: &mut Store, f: &FieldRef) -> (bool, Option<StrId>) {
        match f.name {
            FieldName::Ecc(s) => (false, Some(store.intern(s))),
            FieldName::Id(name) => {
                let role = self.of(store, name);
                let variable = (role & VARIABLE != 0).then(|| {
                    *self.variable_names.entry(name).or_insert_with(|| {
                        let text = store.names.name_text(name).to_vec();
                        store.strings.intern(&text)
                    })
                });
                (role & DEVICE != 0, variable)
            }
            _ => (false, None),
        }
    }
}

impl CallState {
    pub fn new(call_id: u32, nth: u32, index: u32) -> Self {
        CallState {
            call_id,
            nth,
            start: index,
            end: None,
            call_type: None,
            ani: None,
            dnis: None,
            dialed_number: None,
            facts: Facts::default(),
            events: List::default(),
            items: List::default(),
            #[cfg(feature = "finesse")]
            dialog: None,
        }
    }

    /// Whether the call has ended for the log's client (cleared, or END_CALL_EVENT seen).
    pub fn closed(&self) -> bool {
        self.facts.cleared.is_some() || self.facts.end_call.is_some()
    }

    /// The items of one kind, in order.
    pub fn items<'a, R>(
        &self,
        lists: &'a Lists,
        pick: impl Fn(Item) -> Option<R> + 'a,
    ) -> impl Iterator<Item = R> + 'a {
        lists.items.iter(self.items).filter_map(pick)
    }

    /// Every non-empty device ID its events name.
    pub fn devices<'a>(&self, lists: &'a Lists) -> impl Iterator<Item = StrId> + 'a {
        self.items(lists, |i| match i {
            Item::Device(d) => Some(d),
            _ => None,
        })
    }

    /// (ConnectionDeviceID, first event) pairs.
    pub fn device_ids<'a>(&self, lists: &'a Lists) -> impl Iterator<Item = (StrId, u32)> + 'a {
        self.items(lists, |i| match i {
            Item::DeviceId(d, e) => Some((d, e)),
            _ => None,
        })
    }

    /// (held, retrieved) pairs in order.
    pub fn holds<'a>(&self, lists: &'a Lists) -> impl Iterator<Item = (Mark, Option<Mark>)> + 'a {
        self.items(lists, |i| match i {
            Item::Hold(h, r) => Some((h, r)),
            _ => None,
        })
    }

    /// The device fields of the transfer or conference event: (evidence, field, value).
    pub fn join_fields<'a>(
        &self,
        lists: &'a Lists,
    ) -> impl Iterator<Item = (Ev, FieldId, StrId)> + 'a {
        self.items(lists, |i| match i {
            Item::JoinField {
                event,
                ordinal,
                field,
                value,
            } => Some((Ev::at(event, ordinal), field, value)),
            _ => None,
        })
    }

    /// The call's last event.
    pub fn last_event(&self, lists: &Lists) -> u32 {
        lists.events.last(self.events).unwrap_or(self.start)
    }

    /// Takes in one event that belongs to this call, and its fields.
    pub fn absorb(
        &mut self,
        lists: &mut Lists,
        roles: &mut Roles,
        store: &mut Store,
        index: u32,
        fields: &[FieldRef],
    ) {
        if lists.events.last(self.events) != Some(index) {
            lists.events.push(&mut self.events, index);
        }
        let ty = store.event(index as usize).type_id().unwrap_or(0);
        self.mark(lists, ty, Mark::new(index));
        if matches!(
            ty,
            id::CALL_FAILED_EVENT | id::CALL_CLEARED_EVENT | id::CALL_CONNECTION_CLEARED_EVENT
        ) {
            if let Some(cause) = super::find(fields, FieldId::EventCause) {
                match cause.value {
                    crate::store::FieldValue::Number { n: 0xFFFF, .. } => {}
                    crate::store::FieldValue::Number { n, .. } => {
                        self.facts.cause = Some((n, Ev::field(index, cause)));
                    }
                    crate::store::FieldValue::Text(_) => {
                        self.facts.undocumented_cause = Some(Ev::field(index, cause));
                    }
                    _ => {}
                }
            }
        }
        if matches!(ty, id::CALL_TRANSFERRED_EVENT | id::CALL_CONFERENCED_EVENT) {
            self.join_event(lists, store, index, fields);
        }
        self.absorb_fields(lists, roles, store, index, ty, fields);
    }

    /// A transfer or conference event's device fields replace the earlier ones.
    fn join_event(
        &mut self,
        lists: &mut Lists,
        store: &mut Store,
        index: u32,
        fields: &[FieldRef],
    ) {
        self.forget(lists, |i| matches!(i, Item::JoinField { .. }));
        for f in fields {
            let Some(field) = f.field.filter(|x| JOIN_FIELDS.contains(x)) else {
                continue;
            };
            let Some(value) = f.value.text().map(|s| store.intern(s)) else {
                continue;
            };
            if !store.interned(value).is_empty() {
                let item = Item::JoinField {
                    event: index,
                    ordinal: f.ordinal,
                    field,
                    value,
                };
                lists.items.push(&mut self.items, item);
            }
        }
    }

    /// Marks the items `gone` picks as replaced.
    fn forget(&self, lists: &mut Lists, gone: impl Fn(Item) -> bool) {
        let slots: Vec<u32> = lists
            .items
            .slots(self.items)
            .filter(|&s| gone(lists.items.get(s)))
            .collect();
        for slot in slots {
            lists.items.set(slot, Item::Gone);
        }
    }

    /// Records the event as a step: the first begin, queue, delivery and answer count; the
    /// last clearing does.
    fn mark(&mut self, lists: &mut Lists, ty: u16, mark: Mark) {
        match ty {
            id::CALL_CLEARED_EVENT => self.end = Some(mark),
            id::END_CALL_EVENT if self.facts.cleared.is_none() => self.end = Some(mark),
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
                lists.items.push(&mut self.items, Item::Hold(mark, None));
                return;
            }
            id::CALL_RETRIEVED_EVENT => {
                let open = lists
                    .items
                    .slots(self.items)
                    .filter(|&s| matches!(lists.items.get(s), Item::Hold(_, None)))
                    .last();
                if let Some(slot) = open {
                    if let Item::Hold(held, None) = lists.items.get(slot) {
                        lists.items.set(slot, Item::Hold(held, Some(mark)));
                    }
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() || last_wins {
            *slot = Some(mark);
        }
    }

    fn absorb_fields(
        &mut self,
        lists: &mut Lists,
        roles: &mut Roles,
        store: &mut Store,
        index: u32,
        ty: u16,
        fields: &[FieldRef],
    ) {
        let replaces_variables = ty == id::CALL_DATA_UPDATE_EVENT;
        if replaces_variables {
            self.forget(lists, |i| matches!(i, Item::Variable(..)));
        }
        for f in fields {
            self.typed(index, ty, f);
            let (device, variable) = roles.field(store, f);
            let own = matches!(
                f.field,
                Some(
                    FieldId::ANI
                        | FieldId::DNIS
                        | FieldId::DialedNumber
                        | FieldId::ConnectionDeviceID
                )
            );
            if !(own || device || variable.is_some()) {
                continue;
            }
            let Some(value) = text_of(store, f, variable.is_some()) else {
                continue;
            };
            let empty = store.interned(value).is_empty();
            if !empty {
                self.own_field(lists, f.field, value, index);
                if device && !self.devices(lists).any(|d| d == value) {
                    lists.items.push(&mut self.items, Item::Device(value));
                }
            }
            if let Some(name) = variable {
                if !empty {
                    let slot = match store.interned(name) {
                        b"BAResponse" => Some(&mut self.facts.ba_response),
                        b"BADialedListID" => Some(&mut self.facts.dialed_list),
                        _ => None,
                    };
                    if let Some(slot) = slot {
                        *slot = Some((Ev::field(index, f), value));
                    }
                }
                self.set_variable(lists, name, value);
            }
        }
    }

    /// The fields that tell the call's type and direction: CallType, and the device types of
    /// where it was called, redirected from or queued (reference §4.8, §4.9).
    fn typed(&mut self, index: u32, ty: u16, f: &FieldRef) {
        let Some(n) = f.value.number().filter(|&n| n != 0xFFFF) else {
            return;
        };
        match f.field {
            Some(FieldId::CallType) => {
                self.call_type = Some(n);
                self.facts.call_type = Some(Ev::field(index, f));
            }
            Some(FieldId::CalledDeviceType) if ty == id::CALL_ORIGINATED_EVENT => {
                self.facts.originated_to = Some((n, Ev::field(index, f)));
            }
            _ => {}
        }
        let routing = matches!(
            f.field,
            Some(
                FieldId::CalledDeviceType
                    | FieldId::LastRedirectDeviceType
                    | FieldId::QueueDeviceType
            )
        );
        if routing && matches!(n, 74 | 77) && self.facts.routed.is_none() {
            self.facts.routed = Some(Ev::field(index, f));
        }
    }

    /// ANI, DNIS, DialedNumber and ConnectionDeviceID values (not empty).
    fn own_field(&mut self, lists: &mut Lists, field: Option<FieldId>, value: StrId, index: u32) {
        match field {
            Some(FieldId::ANI) => self.ani = Some(value),
            Some(FieldId::DNIS) => self.dnis = Some(value),
            Some(FieldId::DialedNumber) => self.dialed_number = Some(value),
            Some(FieldId::ConnectionDeviceID)
                if !self.device_ids(lists).any(|(d, _)| d == value) =>
            {
                lists
                    .items
                    .push(&mut self.items, Item::DeviceId(value, index));
            }
            _ => {}
        }
    }

    /// Sets a variable's latest value, adding it at the end if it is new.
    pub(crate) fn set_variable(&mut self, lists: &mut Lists, name: StrId, value: StrId) {
        let found = lists
            .items
            .slots(self.items)
            .find(|&s| matches!(lists.items.get(s), Item::Variable(n, _) if n == name));
        match found {
            Some(slot) => lists.items.set(slot, Item::Variable(name, value)),
            None => lists
                .items
                .push(&mut self.items, Item::Variable(name, value)),
        }
    }
}

/// A field's value as interned text: text values, and for variables the text of anything
/// written as text (a number's written form is not taken for other fields: device IDs are
/// text).
fn text_of(store: &mut Store, f: &FieldRef, variable: bool) -> Option<StrId> {
    match f.value {
        FieldValue::Text(s) => Some(store.intern(s)),
        FieldValue::Empty => Some(StrId::EMPTY),
        FieldValue::Number { n, raw } if variable => Some(match raw {
            Some(s) => store.intern(s),
            None => store.strings.intern(n.to_string().as_bytes()),
        }),
        _ => None,
    }
}
