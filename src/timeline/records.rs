//! Records of other views of a call, joined to the call its CTI events make: a PIM's CSTA event
//! (`cisco-logs.md` §3.3) by its `CallID`, and the OPC's end-of-call record of a leg (§3.4) by
//! its router call key. Neither makes a call of its own: one whose call is not in the log stays
//! among the events no call holds.
//!
//! The router call key (RouterCallKeyDay + RouterCallKey) identifies a call across the
//! Termination_Call_Detail rows and the router's records (`cisco-records.md` §1.2), and CTI
//! events carry it as RouterCallKeyDay and RouterCallKeyCallID (`cti-protocol.md` §3, tags 72,
//! 73). That a PIM's CallID is the CTI Server's ConnectionCallID is an INFERENCE: both come
//! from the switch, but no source says they are the same number.

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::codes::message_types::{CSTA_PREFIX, LEG_RECORD};
use crate::records::cisco::LegCodes;
use crate::store::{EventType, FieldName, FieldRef, Store};

/// A record of another view of a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Record {
    /// A PIM's CSTA event.
    Csta,
    /// The OPC's end-of-call record of a leg.
    LegResult,
}

/// What event `index` is, when it is such a record.
pub(crate) fn kind(store: &Store, index: u32) -> Option<Record> {
    if !crate::traces::DUMPLOG {
        // Only the `dumplog` decoder writes such records.
        return None;
    }
    let EventType::Unnamed(name) = store.event(index as usize).ty() else {
        return None;
    };
    let name = store.interned(name);
    if name.starts_with(CSTA_PREFIX.as_bytes()) {
        Some(Record::Csta)
    } else if name == LEG_RECORD.as_bytes() {
        Some(Record::LegResult)
    } else {
        None
    }
}

/// The call a record belongs to, when its call is in the log.
pub(super) fn call(
    record: Record,
    store: &Store,
    fields: &[FieldRef],
    by_id: &FxHashMap<u32, (u32, u32)>,
    by_router_key: &FxHashMap<u32, (u32, u32)>,
) -> Option<u32> {
    match record {
        Record::Csta => {
            let id = written_number(store, fields, b"CallID")?;
            by_id.get(&id).map(|&(slot, _)| slot)
        }
        Record::LegResult => {
            let day = written_number(store, fields, b"Day")?;
            let key = written_number(store, fields, b"RtrCallKey")?;
            by_router_key
                .get(&key)
                .filter(|&&(d, _)| d == day)
                .map(|&(_, slot)| slot)
        }
    }
}

/// A CTI event's router call key, when it carries both halves.
pub(super) fn router_key(fields: &[FieldRef]) -> Option<(u32, u32)> {
    let number = |field| {
        let n = super::find(fields, field)?.value.number()?;
        u32::try_from(n).ok()
    };
    Some((
        number(FieldId::RouterCallKeyDay)?,
        number(FieldId::RouterCallKeyCallID)?,
    ))
}

/// The number in a field kept under its name as written.
fn written_number(store: &Store, fields: &[FieldRef], name: &[u8]) -> Option<u32> {
    fields
        .iter()
        .find(|f| {
            f.field.is_none()
                && matches!(f.name, FieldName::Id(id) if store.names.name_text(id) == name)
        })
        .and_then(|f| f.value.number())
        .and_then(|n| u32::try_from(n).ok())
}

/// What a joined record adds to its call, in words.
pub(super) fn remark(store: &Store, event: u32) -> String {
    let e = store.event(event as usize);
    let number = |field| e.number(field).and_then(|n| u32::try_from(n).ok());
    match kind(store, event) {
        Some(Record::LegResult) => {
            let codes = LegCodes {
                disposition: number(FieldId::CallDisposition),
                call_type: number(FieldId::PeripheralCallType),
            };
            // The same sentence a Termination_Call_Detail row of this leg gets.
            format!(
                "the OPC's end-of-call record of a leg of this call (event {}, joined by its router call key): {}",
                event + 1,
                codes.explain()
            )
        }
        _ => {
            let (name, _) = store.type_name(e.ty());
            format!(
                "the PIM's {name} (event {}) is joined by its CallID: that a PIM's CallID is the CTI ConnectionCallID is an inference (cisco-logs.md §3.3 does not say)",
                event + 1
            )
        }
    }
}
