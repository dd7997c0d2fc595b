//! Finishing calls: direction, outcome, remarks, and the links between calls.
//!
//! Each link names the rule that made it ([`LINK_RULES`], the table the README prints) and the
//! events (and fields) it rests on.

use rustc_hash::FxHashMap;
use serde::Serialize;
use ts_rs::TS;

use crate::store::{Store, StrId};

use super::call::{CallState, Ev, Item, Label, Lists, Mark};
#[cfg(feature = "finesse")]
use super::dialog;
use super::outcome::{self, is_reservation};
use super::{reservation, CallDirection, Derived};

/// How two calls are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LinkKind {
    /// CALL_TRANSFERRED_EVENT names both calls (primary and secondary).
    Transfer,
    /// CALL_CONFERENCED_EVENT names both calls (primary and secondary).
    Conference,
    /// A consult call made while this call was held on the same device.
    Consult,
    /// An outbound reservation call and the customer call it led to.
    Reservation,
    /// Another call ID of the same outbound reservation call.
    SameReservation,
    /// The call is one of the connected parties a transfer or conference lists.
    Party,
}

impl LinkKind {
    /// The kind as the JSON writes it (`same_reservation`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The linking rules: (rule id, when it links → which kind).
pub static LINK_RULES: &[(&str, &str)] = &[
    ("transfer-event", "A CALL_TRANSFERRED_EVENT names both calls (primary and secondary) → transfer."),
    ("conference-event", "A CALL_CONFERENCED_EVENT names both calls (primary and secondary) → conference."),
    ("connected-party", "A transfer or conference lists the other call's ID as a ConnectedPartyCallID → party."),
    ("consult-while-held", "A consult call (CallType 12–14) begins while the other call is held on one of its devices → consult."),
    ("same-dialed-list", "A reservation call and a customer call carry the same BADialedListID → reservation."),
    ("next-on-device", "A customer call of a campaign (CallType 17, 32–36) is the first such call to begin on a reservation call's device (ConnectionDeviceID) after the agent accepted it (BAResponse = Accept), and no BADialedListID says otherwise → reservation."),
    ("dialog-associated", "A Finesse dialog names the other as its associatedDialogUri → consult."),
    ("dialog-secondary", "A Finesse dialog names the other as its secondaryId (FIN-API: the surviving call of a transfer or conference names the dropped one) → transfer, or conference when the surviving dialog lists three or more participants (INFERENCE)."),
    ("reservation-cleared", "A call that only clears (no BEGIN_CALL, delivered or established event) does so on the device of a reservation call the agent answered (BAResponse) and that has no clearing of its own, being the latest call to begin there → same_reservation: UCCX clears a reservation call under a new call ID (the guide's \"The Agent Skips the Contact\", step 3)."),
];

/// A related call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// How the calls are related.
    pub kind: LinkKind,
    /// The other call (its index in the timeline).
    pub call: usize,
    /// The rule that linked them (see [`LINK_RULES`]).
    pub rule: &'static str,
    /// The events (and fields) the link rests on.
    pub(crate) evidence: Vec<Ev>,
    /// What the link rests on, in words.
    pub basis: &'static str,
}

/// Direction, outcome and the remarks a call makes on its own.
pub(super) fn derive(store: &Store, lists: &Lists, state: &CallState) -> Derived {
    #[allow(unused_mut)] // set again only with dialogs
    let mut direction = direction(state);
    #[cfg(feature = "finesse")]
    if direction == CallDirection::Unknown {
        if let Some(d) = state.dialog.as_deref() {
            direction = dialog::direction(store, d).unwrap_or(direction);
        }
    }
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
    let joined = state.items(lists, |i| match i {
        Item::Record(event) => Some(event),
        _ => None,
    });
    if crate::traces::DUMPLOG {
        remarks.extend(joined.map(|event| super::records::remark(store, event)));
    }
    let outcome = outcome::derive(store, lists, state, direction);
    #[cfg(feature = "finesse")]
    if let Some(d) = state.dialog.as_deref() {
        dialog::remarks(store, state, d, outcome.kind, &mut remarks);
    }
    if state.call_type == Some(9) && direction == CallDirection::Unknown {
        remarks.push("CallType 9 (CALLTYPE_OUT) does not tell the direction: UCCX gives it to inbound calls to a trigger (reference §4.9)".into());
    }
    Derived {
        direction,
        outcome,
        links: Vec::new(),
        remarks,
    }
}

/// Direction from what the events show, the first that tells: queued calls are inbound; the
/// CallType; an originated call's CalledDeviceType (a trunk or external device: outbound; a
/// device of the contact centre: internal); a route point or queue on the way: inbound.
fn direction(state: &CallState) -> CallDirection {
    let f = &state.facts;
    if f.queued.is_some() {
        return CallDirection::Inbound;
    }
    let by_type = match state.call_type {
        Some(1..=6) => CallDirection::Inbound,
        Some(7 | 8 | 17 | 32..=37) => CallDirection::Outbound,
        Some(10 | 12..=15 | 18..=24 | 39 | 40) => CallDirection::Internal,
        Some(n) if is_reservation(n) => CallDirection::Internal,
        None | Some(_) => CallDirection::Unknown,
    };
    // DeviceIDType (reference §4.8): 70, 71 trunk and trunk group, 75 external; 73 CTI port,
    // 74 route point, 76 agent device, 77 queue, 78 non-ACD line, 79 shared device.
    match (by_type, f.originated_to) {
        (CallDirection::Unknown, Some((70 | 71 | 75, _))) => CallDirection::Outbound,
        (CallDirection::Unknown, Some((73 | 74 | 76..=79, _))) => CallDirection::Internal,
        (CallDirection::Unknown, _) if f.routed.is_some() => CallDirection::Inbound,
        (direction, _) => direction,
    }
}

/// Adds links between calls, and remarks where calls look related but no event links them.
///
/// Each kind of link is found through an index built once (call IDs, held devices, dialed-list
/// IDs, devices), so finishing stays linear in the number of calls.
pub(super) fn link_calls(
    store: &Store,
    lists: &Lists,
    (states, holds): (&[CallState], &[(u32, u32)]),
    derived: &mut [Derived],
) {
    let index = Index::of(lists, states, holds);
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
            let (kind, rule, basis) = if transfer {
                let basis = "CALL_TRANSFERRED_EVENT names both calls";
                (LinkKind::Transfer, "transfer-event", basis)
            } else {
                let basis = "CALL_CONFERENCED_EVENT names both calls";
                (LinkKind::Conference, "conference-event", basis)
            };
            let evidence = vec![Ev::labelled(event, Label::Own)];
            add(derived, (a, b), (kind, rule, basis), evidence);
        }
        let parties = state.items(lists, |x| match x {
            Item::Party(id, event) => Some((id, event)),
            _ => None,
        });
        for (id, event) in parties {
            if let Some(&b) = index.latest_with_id.get(&id).filter(|&&b| b != a) {
                let basis = "listed as a connected party (ConnectedPartyCallID)";
                let evidence = vec![Ev::labelled(event, Label::Own)];
                let how = (LinkKind::Party, "connected-party", basis);
                add(derived, (a, b), how, evidence);
            }
        }
        #[cfg(feature = "finesse")]
        dialog_links(store, lists, states, a, &index, derived);
        if let Some((b, held)) = consulted_from(lists, states, a, &index.held_on) {
            let basis = "a consult call made while the other call was held on the same device";
            let call_type = states[a].facts.call_type;
            let mut evidence = Vec::with_capacity(1 + usize::from(call_type.is_some()));
            evidence.extend(call_type);
            evidence.push(Ev::labelled(held, Label::Own));
            let how = (LinkKind::Consult, "consult-while-held", basis);
            add(derived, (a, b), how, evidence);
        }
    }
    reservation::link(store, lists, states, derived);
}

/// How a link was made: its kind, rule and basis in words.
pub(super) type How = (LinkKind, &'static str, &'static str);

/// Links calls `a` and `b` both ways, once.
pub(super) fn add(derived: &mut [Derived], (a, b): (usize, usize), how: How, evidence: Vec<Ev>) {
    let (kind, rule, basis) = how;
    let mut link = |from: usize, to: usize, evidence: Vec<Ev>| {
        if !derived[from]
            .links
            .iter()
            .any(|l| l.call == to && l.kind == kind)
        {
            // Most calls have one link or none: room for one more at a time (a list grown by
            // pushing holds four, 288 bytes kept for each call with a link).
            derived[from].links.reserve_exact(1);
            derived[from].links.push(Link {
                kind,
                call: to,
                rule,
                evidence,
                basis,
            });
        }
    };
    link(a, b, evidence.clone());
    link(b, a, evidence);
}

#[cfg(feature = "finesse")]
/// The dialogs a call's dialog names: by `associatedDialogUri` (consult) and as `secondaryId`
/// (the dialog dropped when this one was transferred or conferenced).
fn dialog_links(
    store: &Store,
    lists: &Lists,
    states: &[CallState],
    a: usize,
    index: &Index,
    derived: &mut [Derived],
) {
    let named = states[a].items(lists, |x| match x {
        Item::DialogLink { id, ev, secondary } => Some((id, ev, secondary)),
        _ => None,
    });
    for (id, ev, secondary) in named {
        let Some(&b) = index.latest_with_id.get(&id).filter(|&&b| b != a) else {
            continue;
        };
        if !secondary {
            let how = (
                LinkKind::Consult,
                "dialog-associated",
                "the dialog names the other as its associatedDialogUri",
            );
            add(derived, (a, b), how, vec![ev]);
            continue;
        }
        let parties = states[a]
            .dialog
            .as_deref()
            .map_or(0, |d| dialog::party_count(store, d));
        let (kind, basis) = if parties >= 3 {
            (LinkKind::Conference, "the surviving dialog names the other as its secondaryId, with three or more participants")
        } else {
            (
                LinkKind::Transfer,
                "the surviving dialog names the other as its secondaryId",
            )
        };
        add(derived, (a, b), (kind, "dialog-secondary", basis), vec![ev]);
    }
}

/// What linking looks calls up by.
struct Index {
    /// The latest call with an ID (as its own or as an alias): later calls overwrite earlier
    /// ones.
    latest_with_id: FxHashMap<u32, usize>,
    /// Holds by device.
    held_on: FxHashMap<StrId, Held>,
}

impl Index {
    fn of(lists: &Lists, states: &[CallState], holds: &[(u32, u32)]) -> Index {
        let mut latest_with_id = FxHashMap::default();
        for (i, s) in states.iter().enumerate() {
            latest_with_id.insert(s.call_id, i);
            for id in s.items(lists, |x| match x {
                Item::Alias(a) => Some(a),
                _ => None,
            }) {
                latest_with_id.insert(id, i);
            }
        }
        Index {
            latest_with_id,
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

/// For a consult call (CallType 12–14), the first call held on one of its devices when it began,
/// and its CALL_HELD_EVENT.
fn consulted_from(
    lists: &Lists,
    states: &[CallState],
    a: usize,
    held_on: &FxHashMap<StrId, Held>,
) -> Option<(usize, u32)> {
    let consult = &states[a];
    if !consult.call_type.is_some_and(|t| (12..=14).contains(&t)) {
        return None;
    }
    let began = consult.start;
    let mut found: Option<(usize, u32)> = None;
    for held in consult.devices(lists).filter_map(|d| held_on.get(&d)) {
        let before = held.spans.partition_point(|&(h, _, _)| h < began);
        for j in (0..before).rev() {
            if held.reach[j] <= began {
                break;
            }
            let (held_event, end, b) = held.spans[j];
            if end > began && b != a && found.is_none_or(|(f, _)| b < f) {
                found = Some((b, held_event));
            }
        }
    }
    found
}
