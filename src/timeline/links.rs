//! Finishing calls: direction, outcome, remarks, and the links between calls.

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use crate::store::{Store, StrId};

use super::call::{CallState, Item, Lists, Mark};
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
pub(super) fn derive(store: &Store, lists: &Lists, state: &CallState) -> Derived {
    let direction = direction(state);
    let mut remarks = Vec::new();
    if state.device_ids(lists).nth(1).is_some() {
        let list: Vec<String> = state
            .device_ids(lists)
            .map(|(d, e)| format!("{} (event {e})", String::from_utf8_lossy(store.interned(d))))
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
        outcome: outcome::derive(store, lists, state, direction),
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
        Some(1..=6) => CallDirection::Inbound,
        Some(7 | 8 | 17 | 32..=37) => CallDirection::Outbound,
        Some(10 | 12..=15 | 18..=24 | 39 | 40) => CallDirection::Internal,
        Some(n) if is_reservation(n) => CallDirection::Internal,
        None | Some(_) => CallDirection::Unknown,
    }
}

/// Adds links between calls, and remarks where calls look related but no event links them.
///
/// Each kind of link is found through an index built once (call IDs, held devices, dialed-list
/// IDs), so finishing stays linear in the number of calls.
pub(super) fn link_calls(
    store: &Store,
    lists: &Lists,
    (states, holds): (&[CallState], &[(u32, u32)]),
    derived: &mut [Derived],
) {
    let index = Index::of(store, lists, states, holds);
    for (a, state) in states.iter().enumerate() {
        let joins = state.items(lists, |x| match x {
            Item::Join {
                other,
                event,
                transfer,
            } => Some((other as usize, event, transfer)),
            _ => None,
        });
        for (b, event, transfer) in joins {
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
            add(derived, (a, b), kind, Some(event), basis);
        }
        let parties = state.items(lists, |x| match x {
            Item::Party(id, event) => Some((id, event)),
            _ => None,
        });
        for (id, event) in parties {
            if let Some(&b) = index.latest_with_id.get(&id).filter(|&&b| b != a) {
                let basis = "listed as a connected party (ConnectedPartyCallID)";
                add(derived, (a, b), LinkKind::Party, Some(event), basis);
            }
        }
        if let Some(b) = consulted_from(lists, states, a, &index.held_on) {
            let basis = "a consult call made while the other call was held on the same device";
            add(derived, (a, b), LinkKind::Consult, None, basis);
        }
        if let Some(b) = reservation_for(store, lists, states, a, &index.reservations) {
            let basis = "the reservation call and the customer call carry the same BADialedListID";
            add(derived, (a, b), LinkKind::Reservation, None, basis);
        }
    }
    remark_unlinked(store, lists, states, derived);
}

/// Links calls `a` and `b` both ways, once.
fn add(
    derived: &mut [Derived],
    (a, b): (usize, usize),
    kind: LinkKind,
    event: Option<u32>,
    basis: &'static str,
) {
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
}

/// What linking looks calls up by.
struct Index {
    /// The latest call with an ID (as its own or as an alias): later calls overwrite earlier
    /// ones.
    latest_with_id: FxHashMap<u32, usize>,
    /// Reservation calls by BADialedListID (the first).
    reservations: FxHashMap<StrId, usize>,
    /// Holds by device.
    held_on: FxHashMap<StrId, Held>,
}

impl Index {
    fn of(store: &Store, lists: &Lists, states: &[CallState], holds: &[(u32, u32)]) -> Index {
        let mut latest_with_id = FxHashMap::default();
        let mut reservations = FxHashMap::default();
        for (i, s) in states.iter().enumerate() {
            latest_with_id.insert(s.call_id, i);
            for id in s.items(lists, |x| match x {
                Item::Alias(a) => Some(a),
                _ => None,
            }) {
                latest_with_id.insert(id, i);
            }
            if s.call_type.is_some_and(is_reservation) {
                if let Some(list) = s.variable(lists, store, b"BADialedListID") {
                    reservations.entry(list).or_insert(i);
                }
            }
        }
        Index {
            latest_with_id,
            reservations,
            held_on: holds_by_device(lists, states, holds),
        }
    }
}

/// The spans calls were held on each device: (held event, the event that ends the hold, call),
/// by held event, and the latest end among the spans so far.
#[derive(Default)]
struct Held {
    spans: Vec<(u32, u32, usize)>,
    reach: Vec<u32>,
}

/// Every hold, on every device of the held call. A hold ends when the call is retrieved; one
/// never retrieved ends with the call's last event if the call ended, else never.
fn holds_by_device(
    lists: &Lists,
    states: &[CallState],
    holds: &[(u32, u32)],
) -> FxHashMap<StrId, Held> {
    let mut by_device: FxHashMap<StrId, Held> = FxHashMap::default();
    // `holds` is in event order, so each device's spans come out ordered by held event.
    for &(event, b) in holds {
        let s = &states[b as usize];
        let Some((_, retrieved)) = s.holds(lists).find(|(h, _)| h.event() == event) else {
            continue;
        };
        let call_end = if s.closed() {
            s.last_event(lists)
        } else {
            u32::MAX
        };
        let end = retrieved.map_or(call_end, Mark::event);
        for device in s.devices(lists) {
            by_device
                .entry(device)
                .or_default()
                .spans
                .push((event, end, b as usize));
        }
    }
    for held in by_device.values_mut() {
        let mut reach = 0;
        held.reach = held
            .spans
            .iter()
            .map(|&(_, end, _)| {
                reach = reach.max(end);
                reach
            })
            .collect();
    }
    by_device
}

/// For a consult call (CallType 12–14), the first call held on one of its devices when it began.
fn consulted_from(
    lists: &Lists,
    states: &[CallState],
    a: usize,
    held_on: &FxHashMap<StrId, Held>,
) -> Option<usize> {
    let consult = &states[a];
    if !consult.call_type.is_some_and(|t| (12..=14).contains(&t)) {
        return None;
    }
    let began = consult.start;
    let mut found: Option<usize> = None;
    for held in consult.devices(lists).filter_map(|d| held_on.get(&d)) {
        let before = held.spans.partition_point(|&(h, _, _)| h < began);
        for j in (0..before).rev() {
            if held.reach[j] <= began {
                break;
            }
            let (_, end, b) = held.spans[j];
            if end > began && b != a && found.is_none_or(|f| b < f) {
                found = Some(b);
            }
        }
    }
    found
}

/// For a customer call of an outbound campaign, the reservation call with the same
/// BADialedListID.
fn reservation_for(
    store: &Store,
    lists: &Lists,
    states: &[CallState],
    a: usize,
    reservations: &FxHashMap<StrId, usize>,
) -> Option<usize> {
    let customer = &states[a];
    if customer.call_type.is_none_or(is_reservation) {
        return None;
    }
    reservations
        .get(&customer.variable(lists, store, b"BADialedListID")?)
        .copied()
}

/// Says so when a call that begins in the log never clears and another that never begins
/// clears on the same device: they may be one call, but no event names both IDs. Each such
/// clearing is paired with the latest call that began on its device before it.
fn remark_unlinked(store: &Store, lists: &Lists, states: &[CallState], derived: &mut [Derived]) {
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
            for (device, _) in open.device_ids(lists) {
                open_on.entry(device).or_default().push(y);
            }
        }
    }
    for (x, orphan) in states.iter().enumerate() {
        let Some(clearing) = cleared(orphan).filter(|_| !began(orphan)) else {
            continue;
        };
        let pair = orphan.device_ids(lists).find_map(|(device, _)| {
            let open = open_on.get(&device)?;
            let before = open.partition_point(|&y| states[y].start < clearing.event());
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
