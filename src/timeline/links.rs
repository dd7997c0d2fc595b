//! Finishing calls: direction, outcome, remarks, and the links between calls.

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use crate::store::{Store, StrId};

use super::call::CallState;
use super::outcome::{self, is_reservation};
use super::{key, CallDirection, Derived};

/// How two calls are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// CALL_TRANSFERRED_EVENT names both calls (primary and secondary).
    Transfer,
    /// CALL_CONFERENCED_EVENT names both calls (primary and secondary).
    Conference,
    /// A consult call made while this call was held on the same device.
    Consult,
    /// An outbound reservation call and the customer call it led to.
    Reservation,
    /// The call is one of the connected parties a transfer or conference lists.
    Party,
}

/// A related call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// How the calls are related.
    pub kind: LinkKind,
    /// The other call (its index in the timeline).
    pub call: usize,
    /// The event that shows the relation, when one event does.
    pub event: Option<u32>,
    /// What the link rests on, in words.
    pub basis: &'static str,
}

/// Direction, outcome and the remarks a call makes on its own.
pub(super) fn derive(store: &Store, state: &CallState) -> Derived {
    let direction = direction(state);
    let mut remarks = Vec::new();
    if state.device_ids.len() > 1 {
        let list: Vec<String> = state
            .device_ids
            .iter()
            .map(|&(d, e)| format!("{} (event {e})", String::from_utf8_lossy(store.interned(d))))
            .collect();
        remarks.push(format!(
            "the call's events name different ConnectionDeviceIDs: {}; they are kept as one call because the ConnectionCallID is the same",
            list.join(", ")
        ));
    }
    if state.call_type == Some(9) && direction == CallDirection::Unknown {
        remarks.push("CallType 9 (CALLTYPE_OUT) does not tell the direction: UCCX gives it to inbound calls to a trigger (reference §4.9)".into());
    }
    Derived {
        direction,
        outcome: outcome::derive(store, state, direction),
        links: Vec::new(),
        remarks,
    }
}

/// Direction from what the events show: queued calls are inbound; otherwise the CallType.
fn direction(state: &CallState) -> CallDirection {
    if state.facts.queued.is_some() {
        return CallDirection::Inbound;
    }
    match state.call_type {
        None => CallDirection::Unknown,
        Some(1..=6) => CallDirection::Inbound,
        Some(7 | 8 | 17 | 32..=37) => CallDirection::Outbound,
        Some(10 | 12..=15 | 18..=24 | 39 | 40) => CallDirection::Internal,
        Some(n) if is_reservation(n) => CallDirection::Internal,
        Some(_) => CallDirection::Unknown,
    }
}

/// Adds links between calls, and remarks where calls look related but no event links them.
///
/// Each kind of link is found through an index built once (call IDs, held devices, dialed-list
/// IDs), so finishing stays linear in the number of calls.
pub(super) fn link_calls(store: &Store, states: &[CallState], derived: &mut [Derived]) {
    // The latest call with an ID (as its own or as an alias): later calls overwrite earlier ones.
    let mut latest_with_id: FxHashMap<u32, usize> = FxHashMap::default();
    // Calls that were ever held, by device; reservation calls by BADialedListID (the first).
    let mut held_on: FxHashMap<StrId, Vec<usize>> = FxHashMap::default();
    let mut reservations: FxHashMap<StrId, usize> = FxHashMap::default();
    for (i, s) in states.iter().enumerate() {
        for &id in std::iter::once(&s.call_id).chain(&s.aliases) {
            latest_with_id.insert(id, i);
        }
        if !s.facts.holds.is_empty() {
            for &device in &s.devices {
                held_on.entry(device).or_default().push(i);
            }
        }
        if s.call_type.is_some_and(is_reservation) {
            if let Some(list) = s.variable(store, b"BADialedListID") {
                reservations.entry(list).or_insert(i);
            }
        }
    }
    let add = |derived: &mut [Derived], a: usize, b: usize, kind, event, basis| {
        for (from, to) in [(a, b), (b, a)] {
            let link = Link {
                kind,
                call: to,
                event,
                basis,
            };
            if !derived[from].links.contains(&link) {
                derived[from].links.push(link);
            }
        }
    };
    for (a, state) in states.iter().enumerate() {
        for &(b, event, transfer) in &state.joins {
            let (kind, basis) = if transfer {
                (
                    LinkKind::Transfer,
                    "CALL_TRANSFERRED_EVENT names both calls",
                )
            } else {
                (
                    LinkKind::Conference,
                    "CALL_CONFERENCED_EVENT names both calls",
                )
            };
            add(derived, a, b, kind, Some(event), basis);
        }
        for &(id, event) in &state.parties {
            if let Some(&b) = latest_with_id.get(&id).filter(|&&b| b != a) {
                add(
                    derived,
                    a,
                    b,
                    LinkKind::Party,
                    Some(event),
                    "listed as a connected party (ConnectedPartyCallID)",
                );
            }
        }
        if let Some(b) = consulted_from(states, a, &held_on) {
            add(
                derived,
                a,
                b,
                LinkKind::Consult,
                None,
                "a consult call made while the other call was held on the same device",
            );
        }
        if let Some(b) = reservation_for(store, states, a, &reservations) {
            add(
                derived,
                a,
                b,
                LinkKind::Reservation,
                None,
                "the reservation call and the customer call carry the same BADialedListID",
            );
        }
    }
    remark_unlinked(store, states, derived);
}

/// For a consult call (CallType 12–14), the first call held on one of its devices when it began.
fn consulted_from(
    states: &[CallState],
    a: usize,
    held_on: &FxHashMap<StrId, Vec<usize>>,
) -> Option<usize> {
    let consult = &states[a];
    if !consult.call_type.is_some_and(|t| (12..=14).contains(&t)) {
        return None;
    }
    let began = consult.start;
    consult
        .devices
        .iter()
        .filter_map(|d| held_on.get(d))
        .flatten()
        .copied()
        .filter(|&b| {
            b != a
                && states[b]
                    .facts
                    .holds
                    .iter()
                    .any(|(h, r)| h.event < began && r.is_none_or(|r| r.event > began))
        })
        .min()
}

/// For a customer call of an outbound campaign, the reservation call with the same
/// BADialedListID.
fn reservation_for(
    store: &Store,
    states: &[CallState],
    a: usize,
    reservations: &FxHashMap<StrId, usize>,
) -> Option<usize> {
    let customer = &states[a];
    if customer.call_type.is_none_or(is_reservation) {
        return None;
    }
    reservations
        .get(&customer.variable(store, b"BADialedListID")?)
        .copied()
}

/// Says so when a call that begins in the log never clears and another that never begins
/// clears on the same device: they may be one call, but no event names both IDs. Each such
/// clearing is paired with the latest call that began on its device before it.
fn remark_unlinked(store: &Store, states: &[CallState], derived: &mut [Derived]) {
    let cleared = |s: &CallState| s.facts.cleared.or(s.facts.connection_cleared);
    let began = |s: &CallState| {
        let f = &s.facts;
        f.begin.is_some()
            || f.delivered.is_some()
            || f.established.is_some()
            || s.call_type.is_some()
    };
    // Calls that began and never cleared, by ConnectionDeviceID, in the order they began.
    let mut open_on: FxHashMap<StrId, Vec<usize>> = FxHashMap::default();
    for (y, open) in states.iter().enumerate() {
        if began(open) && cleared(open).is_none() {
            for &(device, _) in &open.device_ids {
                open_on.entry(device).or_default().push(y);
            }
        }
    }
    for (x, orphan) in states.iter().enumerate() {
        let Some(clearing) = cleared(orphan).filter(|_| !began(orphan)) else {
            continue;
        };
        let pair = orphan.device_ids.iter().find_map(|&(device, _)| {
            let open = open_on.get(&device)?;
            let before = open.partition_point(|&y| states[y].start < clearing.event);
            let y = *open[..before].last()?;
            (y != x && !derived[x].links.iter().any(|l| l.call == y)).then_some((y, device))
        });
        let Some((y, device)) = pair else {
            continue;
        };
        let device = String::from_utf8_lossy(store.interned(device));
        derived[x].remarks.push(format!(
            "cleared on device {device}, where call {} has no clearing of its own; no event names both call IDs, so they are not linked",
            key(&states[y])
        ));
        derived[y].remarks.push(format!(
            "no clearing for this call in the events; call {} clears on the same device ({device}) but no event names both call IDs, so they are not linked",
            key(orphan)
        ));
    }
}
