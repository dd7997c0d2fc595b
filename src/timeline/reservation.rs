//! Links around outbound reservation calls: the customer call a reservation led to, and the
//! other call ID under which a reservation call clears.
//!
//! UCCX outbound (reference §4.9, the guide's preview flows): the agent is reserved by a call of
//! CallType 18 or 27–31 on their device; they answer it with the BAResponse ECC variable; on
//! Accept the dialer places the customer call (CallType 17, 32–36) to that device, and a skipped
//! or rejected reservation may clear under a new call ID.

use rustc_hash::FxHashMap;

use crate::store::{Store, StrId};

use super::call::{CallState, Ev, Label, Lists, Mark};
use super::links::{add, LinkKind};
use super::outcome::{is_reservation, Outcome, Reason};
use super::{key, Derived};
use crate::outcome::OutcomeKind;

/// CallTypes of the customer calls of an outbound campaign (reference §4.9).
fn is_customer(call_type: i64) -> bool {
    call_type == 17 || (32..=36).contains(&call_type)
}

/// Adds the reservation links: same-dialed-list, next-on-device and reservation-cleared.
pub(super) fn link(store: &Store, lists: &Lists, states: &[CallState], derived: &mut [Derived]) {
    by_dialed_list(states, derived);
    next_on_device(store, lists, states, derived);
    cleared_elsewhere(store, lists, states, derived);
}

/// A reservation call and a customer call with the same BADialedListID.
fn by_dialed_list(states: &[CallState], derived: &mut [Derived]) {
    let mut reservations: FxHashMap<StrId, usize> = FxHashMap::default();
    for (i, s) in states.iter().enumerate() {
        if let (Some(t), Some((_, list))) = (s.call_type, s.facts.dialed_list) {
            if is_reservation(t) {
                reservations.entry(list).or_insert(i);
            }
        }
    }
    for (a, s) in states.iter().enumerate() {
        let (Some(t), Some((customer_ev, list))) = (s.call_type, s.facts.dialed_list) else {
            continue;
        };
        let Some(&b) = reservations.get(&list).filter(|_| !is_reservation(t)) else {
            continue;
        };
        let reservation_ev = states[b].facts.dialed_list.map(|(e, _)| e);
        let evidence = reservation_ev.into_iter().chain([customer_ev]).collect();
        let basis = "the reservation call and the customer call carry the same BADialedListID";
        add(
            derived,
            (b, a),
            (LinkKind::Reservation, "same-dialed-list", basis),
            evidence,
        );
    }
}

/// The first customer call to begin on a device after the agent accepted the reservation call
/// there.
fn next_on_device(store: &Store, lists: &Lists, states: &[CallState], derived: &mut [Derived]) {
    // Customer calls (the only ones linked here) by device, in the order they began (calls
    // are made at their first event).
    let mut begun_on: FxHashMap<StrId, Vec<usize>> = FxHashMap::default();
    let customers = states
        .iter()
        .enumerate()
        .filter(|(_, s)| s.call_type.is_some_and(is_customer));
    for (i, s) in customers {
        for (device, _) in s.device_ids(lists) {
            begun_on.entry(device).or_default().push(i);
        }
    }
    for (r, reservation) in states.iter().enumerate() {
        let Some((response, value)) = reservation.facts.ba_response else {
            continue;
        };
        let reserved = reservation.call_type.is_some_and(is_reservation);
        if !reserved || store.interned(value).trim_ascii() != b"Accept" {
            continue;
        }
        let found = reservation.device_ids(lists).find_map(|(device, _)| {
            let calls = begun_on.get(&device)?;
            let after = calls.partition_point(|&i| states[i].start <= response.event());
            calls[after..].iter().copied().find(|&c| {
                let customer = &states[c];
                let same_list = match (reservation.facts.dialed_list, customer.facts.dialed_list) {
                    (Some((_, x)), Some((_, y))) => x == y,
                    _ => true,
                };
                customer.call_type.is_some_and(is_customer) && same_list
            })
        });
        let Some(c) = found else { continue };
        let first = Ev::labelled(states[c].start, Label::First);
        let evidence = vec![response, first]
            .into_iter()
            .chain(states[c].facts.call_type)
            .collect();
        let basis = "the first customer call to begin on the reservation call's device after the agent accepted it";
        add(
            derived,
            (r, c),
            (LinkKind::Reservation, "next-on-device", basis),
            evidence,
        );
    }
}

/// Pairs a call that only clears with the latest call that began on its device before the
/// clearing and never cleared. A reservation call the agent answered becomes one call with it
/// (`same_reservation`); any other pair is only remarked on, since no event names both IDs.
fn cleared_elsewhere(store: &Store, lists: &Lists, states: &[CallState], derived: &mut [Derived]) {
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
        if !leg((x, y), clearing, states, derived) {
            remark((x, y), device, store, states, derived);
        }
    }
}

/// Links orphan `x` to reservation call `y` when `y` has a BAResponse, and gives `x` the
/// reservation's outcome. False when `y` is not such a call.
fn leg(
    (x, y): (usize, usize),
    clearing: Mark,
    states: &[CallState],
    derived: &mut [Derived],
) -> bool {
    let reservation = &states[y];
    let Some((response, value)) = reservation.facts.ba_response else {
        return false;
    };
    if !reservation.call_type.is_some_and(is_reservation) {
        return false;
    }
    let evidence = vec![response, Ev::labelled(clearing.event(), Label::Own)];
    let basis = "clears on the device of a reservation call the agent answered, which has no clearing of its own";
    add(
        derived,
        (x, y),
        (LinkKind::SameReservation, "reservation-cleared", basis),
        evidence.clone(),
    );
    let decided = &derived[y].outcome;
    let (kind, what) = match decided.reason {
        Reason::Preview(what, _) => (decided.kind, what),
        _ => (
            OutcomeKind::Unknown,
            "the reservation call's outcome is unknown",
        ),
    };
    derived[x].outcome = Outcome {
        kind,
        rule: "reservation-leg",
        reason: Reason::Leg(Box::new((key(reservation), what, value))),
        evidence: evidence.into_boxed_slice(),
        missing: None,
    };
    true
}

/// Says that `x` (cleared, never begun) and `y` (begun, never cleared) share a device but no
/// event names both.
fn remark(
    (x, y): (usize, usize),
    device: StrId,
    store: &Store,
    states: &[CallState],
    derived: &mut [Derived],
) {
    let device = String::from_utf8_lossy(store.interned(device));
    derived[x].remarks.push(format!(
        "cleared on device {device}, where call {} has no clearing of its own; no event names both call IDs, so they are not linked",
        key(&states[y])
    ));
    derived[y].remarks.push(format!(
        "no clearing for this call in the events; call {} clears on the same device ({device}) but no event names both call IDs, so they are not linked",
        key(&states[x])
    ));
}
