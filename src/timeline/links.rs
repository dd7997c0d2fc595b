//! Finishing calls: direction, durations, remarks, outcome, and the links between calls.

use super::call::{CallState, Mark};
use super::model::{Call, CallDirection, Durations, Link, LinkKind};
use super::outcome::{self, is_reservation};
use super::time;
use std::collections::HashMap;

/// The public view of a call under construction (links and agents are added afterwards).
pub(super) fn finish_call(state: &CallState) -> Call {
    let direction = direction(state);
    let mut remarks = Vec::new();
    if state.device_ids.len() > 1 {
        let list: Vec<String> = state
            .device_ids
            .iter()
            .map(|(d, e)| format!("{d} (event {e})"))
            .collect();
        remarks.push(format!(
            "the call's events name different ConnectionDeviceIDs: {}; they are kept as one call because the ConnectionCallID is the same",
            list.join(", ")
        ));
    }
    if state.call_type.as_ref().is_some_and(|t| t.value == 9) && direction == CallDirection::Unknown
    {
        remarks.push("CallType 9 (CALLTYPE_OUT) does not tell the direction: UCCX gives it to inbound calls to a trigger (reference §4.9)".into());
    }
    Call {
        key: state.key.clone(),
        call_id: state.call_id,
        aliases: state.aliases.clone(),
        device_ids: state.device_ids.iter().map(|(d, _)| d.clone()).collect(),
        call_type: state.call_type.clone(),
        direction,
        devices: state.devices.clone(),
        agents: Vec::new(),
        ani: state.ani.clone(),
        dnis: state.dnis.clone(),
        dialed_number: state.dialed_number.clone(),
        variables: state.variables.clone(),
        events: state.events.clone(),
        start: state.start.clone(),
        end: state.end.clone(),
        durations: durations(state),
        links: Vec::new(),
        outcome: outcome::derive(state, direction),
        remarks,
    }
}

/// Direction from what the events show: queued calls are inbound; otherwise the CallType.
fn direction(state: &CallState) -> CallDirection {
    if state.facts.queued.is_some() {
        return CallDirection::Inbound;
    }
    let Some(call_type) = &state.call_type else {
        return CallDirection::Unknown;
    };
    match call_type.value {
        1..=6 => CallDirection::Inbound,
        7 | 8 | 17 | 32..=37 => CallDirection::Outbound,
        10 | 12..=15 | 18..=24 | 39 | 40 => CallDirection::Internal,
        n if is_reservation(n) => CallDirection::Internal,
        _ => CallDirection::Unknown,
    }
}

fn durations(state: &CallState) -> Durations {
    let f = &state.facts;
    let span = |a: Option<Mark>, b: Option<Mark>| time::between(a?.time?, b?.time?);
    let hangup = f.cleared.or(f.connection_cleared).or(f.end_call);
    let holds: Vec<u64> = f
        .holds
        .iter()
        .filter_map(|(held, retrieved)| span(Some(*held), *retrieved))
        .collect();
    Durations {
        queue_ms: span(f.queued, f.delivered.or(f.established)),
        ring_ms: span(f.delivered, f.established.or(hangup)),
        talk_ms: span(f.established, hangup),
        hold_ms: (!holds.is_empty()).then(|| holds.iter().sum()),
    }
}

/// Adds links between calls, and remarks where calls look related but no event links them.
///
/// Each kind of link is found through an index built once (keys, call IDs, held devices,
/// dialed-list IDs), so a snapshot stays linear in the number of calls.
pub(super) fn link_calls(states: &[CallState], calls: &mut [Call]) {
    let by_key: HashMap<&str, usize> = states
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.as_str(), i))
        .collect();
    // The latest call with an ID (as its own or as an alias): later calls overwrite earlier ones.
    let mut latest_with_id: HashMap<u32, usize> = HashMap::new();
    // Calls that were ever held, by device; reservation calls by BADialedListID (the first).
    let mut held_on: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut reservations: HashMap<&str, usize> = HashMap::new();
    for (i, s) in states.iter().enumerate() {
        for &id in std::iter::once(&s.call_id).chain(&s.aliases) {
            latest_with_id.insert(id, i);
        }
        if !s.facts.holds.is_empty() {
            for device in &s.devices {
                held_on.entry(device.as_str()).or_default().push(i);
            }
        }
        if s.call_type
            .as_ref()
            .is_some_and(|t| is_reservation(t.value))
        {
            if let Some(list) = s.variable("BADialedListID") {
                reservations.entry(list).or_insert(i);
            }
        }
    }
    let add = |calls: &mut [Call], a: usize, b: usize, kind: LinkKind, event, basis| {
        for (from, to) in [(a, b), (b, a)] {
            let link = Link {
                kind,
                call: calls[to].key.clone(),
                event,
                basis,
            };
            if !calls[from].links.contains(&link) {
                calls[from].links.push(link);
            }
        }
    };
    for (a, state) in states.iter().enumerate() {
        for (other, event, transfer) in &state.joins {
            let Some(&b) = by_key.get(other.as_str()) else {
                continue;
            };
            let (kind, basis) = if *transfer {
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
            add(calls, a, b, kind, Some(*event), basis);
        }
        for &(id, event) in &state.parties {
            if let Some(&b) = latest_with_id.get(&id).filter(|&&b| b != a) {
                add(
                    calls,
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
                calls,
                a,
                b,
                LinkKind::Consult,
                None,
                "a consult call made while the other call was held on the same device",
            );
        }
        if let Some(b) = reservation_for(states, a, &reservations) {
            add(
                calls,
                a,
                b,
                LinkKind::Reservation,
                None,
                "the reservation call and the customer call carry the same BADialedListID",
            );
        }
    }
    remark_unlinked(states, calls);
}

/// For a consult call (CallType 12–14), the first call held on one of its devices when it began.
fn consulted_from(
    states: &[CallState],
    a: usize,
    held_on: &HashMap<&str, Vec<usize>>,
) -> Option<usize> {
    let consult = &states[a];
    if !consult
        .call_type
        .as_ref()
        .is_some_and(|t| (12..=14).contains(&t.value))
    {
        return None;
    }
    let began = consult.start.event;
    consult
        .devices
        .iter()
        .filter_map(|d| held_on.get(d.as_str()))
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
    states: &[CallState],
    a: usize,
    reservations: &HashMap<&str, usize>,
) -> Option<usize> {
    let customer = &states[a];
    if customer
        .call_type
        .as_ref()
        .is_none_or(|t| is_reservation(t.value))
    {
        return None;
    }
    reservations
        .get(customer.variable("BADialedListID")?)
        .copied()
}

/// Says so when a call that begins in the log never clears and another that never begins
/// clears on the same device: they may be one call, but no event names both IDs.
fn remark_unlinked(states: &[CallState], calls: &mut [Call]) {
    let cleared = |s: &CallState| s.facts.cleared.is_some() || s.facts.connection_cleared.is_some();
    let began = |s: &CallState| {
        let f = &s.facts;
        f.begin.is_some()
            || f.delivered.is_some()
            || f.established.is_some()
            || s.call_type.is_some()
    };
    // Calls that began and never cleared, by ConnectionDeviceID.
    let mut open_on: HashMap<&str, Vec<usize>> = HashMap::new();
    for (y, open) in states.iter().enumerate() {
        if began(open) && !cleared(open) {
            for (device, _) in &open.device_ids {
                open_on.entry(device.as_str()).or_default().push(y);
            }
        }
    }
    for (x, orphan) in states.iter().enumerate() {
        if !cleared(orphan) || began(orphan) {
            continue;
        }
        let mut candidates: Vec<usize> = orphan
            .device_ids
            .iter()
            .filter_map(|(d, _)| open_on.get(d.as_str()))
            .flatten()
            .copied()
            .filter(|&y| y != x)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for y in candidates {
            let open = &states[y];
            let Some(device) = orphan
                .device_ids
                .iter()
                .find(|(d, _)| open.device_ids.iter().any(|(o, _)| o == d))
            else {
                continue;
            };
            let linked = calls[x].links.iter().any(|l| l.call == open.key);
            if linked {
                continue;
            }
            let device = &device.0;
            calls[x].remarks.push(format!(
                "cleared on device {device}, where call {} has no clearing of its own; no event names both call IDs, so they are not linked",
                open.key
            ));
            calls[y].remarks.push(format!(
                "no clearing for this call in the events; call {} clears on the same device ({device}) but no event names both call IDs, so they are not linked",
                orphan.key
            ));
        }
    }
}
