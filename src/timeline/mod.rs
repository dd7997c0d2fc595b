//! From events to calls: correlation, links, outcomes and agent state segments, on the store's
//! ids.
//!
//! Events are grouped by ConnectionCallID (re-keyed by CALL_DATA_UPDATE_EVENT's
//! NewConnectionCallID); AGENT_STATE_EVENTs make agent segments. A [`Timeline`] takes the store's
//! events as they arrive ([`push`](Timeline::push)) and works out outcomes, links and remarks
//! whenever asked ([`finish`](Timeline::finish)); the JSON shapes are [`crate::view::timeline`]'s.
//!
//! The reference identifies a call by ConnectionCallID, ConnectionDeviceIDType and
//! ConnectionDeviceID together (reference §5). Dumps leave the type and device out of some
//! events and print different device IDs for one call (the reservation flow's BEGIN_CALL_EVENT
//! says 420 where its other events say 4020), so calls are keyed by the ID alone; a call whose
//! events name different device IDs says so in its remarks.

mod agent;
pub(crate) mod call;
#[cfg(feature = "finesse")]
pub(crate) mod dialog;
mod evidence;
mod links;
pub(crate) mod lists;
pub(crate) mod outcome;
#[cfg(feature = "finesse")]
mod phase;
mod records;
mod reservation;
pub(crate) mod session;

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::codes::message_types::id;
use crate::store::{EventType, FieldRef, Store, StrId};
use call::Item;

pub(crate) use agent::AgentState;
use call::Roles;
pub(crate) use call::{CallState, Lists, Mark};
pub use links::{Link, LinkKind, LINK_RULES};
pub use outcome::{Outcome, Reason, RULES};
#[cfg(feature = "finesse")]
pub(crate) use phase::phase;
#[cfg(feature = "finesse")]
pub use phase::Phase;

use crate::outcome::OutcomeKind;

/// The timeline of a whole store, finished.
#[must_use]
pub fn build(store: &mut Store) -> Timeline {
    let mut timeline = Timeline::default();
    timeline.push(store, store.len());
    timeline.finish(store);
    timeline
}

/// Calls and agents of a store's events, taken in as they arrive.
///
/// After [`finish`](Self::finish), every call has its outcome, direction, links and remarks, and
/// the result equals [`build`] of the events taken in so far, however they were batched.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// Events taken in so far.
    next: u32,
    pub(crate) calls: Vec<CallState>,
    /// The calls' and agent segments' lists.
    pub(crate) lists: Lists,
    /// ConnectionCallID (and every alias) → index in `calls` of the latest call with it, and
    /// how many calls were made with it (a log may reuse an ID).
    by_id: FxHashMap<u32, (u32, u32)>,
    pub(crate) agents: Vec<AgentState>,
    agents_by_key: FxHashMap<(u8, StrId), usize>,
    roles: Roles,
    /// CALL_HELD_EVENTs in order, with the call each holds.
    holds: Vec<(u32, u32)>,
    /// RouterCallKeyCallID → (RouterCallKeyDay, the call) of the calls whose events name both
    /// (the day told apart on lookup: the key restarts every day).
    by_router_key: FxHashMap<u32, (u32, u32)>,
    /// Requests, their replies, and session notices.
    pub(crate) session: session::SessionState,
    /// The fields of the event being taken in (kept to reuse its memory).
    scratch: Vec<FieldRef>,
    /// What [`finish`](Self::finish) worked out, for each call.
    pub(crate) derived: Vec<Derived>,
    /// For each agent, the calls on its extension; for each call, its agents.
    pub(crate) agent_calls: Groups,
    pub(crate) call_agents: Groups,
    /// When tracked ([`track`](Self::track)): the calls events were taken into since
    /// [`clear_touched`](Self::clear_touched), in order, with repeats.
    #[cfg(feature = "finesse")]
    touched: Option<Vec<u32>>,
}

/// Groups of indices, one group per owner, in one vector (compressed rows).
#[derive(Clone, Debug, Default)]
pub(crate) struct Groups {
    /// Where each owner's group ends in `items`.
    ends: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// Groups for `owners` owners from (owner, item) pairs, each group in the pairs' order.
    fn of(owners: usize, pairs: &[(u32, u32)]) -> Groups {
        let mut ends = vec![0u32; owners];
        for &(owner, _) in pairs {
            ends[owner as usize] += 1;
        }
        let mut at = 0;
        for end in &mut ends {
            at += *end;
            *end = at;
        }
        let mut fill: Vec<u32> = std::iter::once(0)
            .chain(ends.iter().copied())
            .take(owners)
            .collect();
        let mut items = vec![0u32; pairs.len()];
        for &(owner, item) in pairs {
            let slot = &mut fill[owner as usize];
            items[*slot as usize] = item;
            *slot += 1;
        }
        Groups { ends, items }
    }

    /// The group of `owner` (empty for an owner the groups do not know).
    pub(crate) fn get(&self, owner: usize) -> &[u32] {
        let Some(&end) = self.ends.get(owner) else {
            return &[];
        };
        let start = if owner == 0 { 0 } else { self.ends[owner - 1] };
        &self.items[start as usize..end as usize]
    }
}

/// What is worked out of a call once its events are in.
#[derive(Clone, Debug)]
pub(crate) struct Derived {
    pub direction: CallDirection,
    pub outcome: Outcome,
    pub links: Vec<Link>,
    pub remarks: Vec<String>,
}

/// Which way a call goes, as far as the events tell.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    serde::Serialize,
    ts_rs::TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CallDirection {
    /// A customer called in.
    Inbound,
    /// A call to a customer.
    Outbound,
    /// Between devices of the contact centre (consult, reservation, supervisor, inside call).
    Internal,
    /// The events do not say.
    Unknown,
}

impl CallDirection {
    /// The direction as the JSON writes it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Timeline {
    /// Number of calls (finished or not).
    #[must_use]
    pub fn call_count(&self) -> usize {
        self.calls.len()
    }

    /// Number of agents.
    #[must_use]
    pub fn agent_count(&self) -> usize {
        self.agents.len()
    }

    /// The outcome kind of call `i` as of the last [`finish`](Self::finish).
    #[must_use]
    pub fn outcome(&self, i: usize) -> Option<OutcomeKind> {
        self.derived.get(i).map(|d| d.outcome.kind)
    }

    /// Bytes held by the calls and agents under construction (not what
    /// [`finish`](Self::finish) worked out).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.calls.capacity() * std::mem::size_of::<CallState>()
            + self.lists.events.heap_bytes()
            + self.lists.items.heap_bytes()
    }

    /// Makes room for `factor` times the calls, list items and call IDs held now (see
    /// [`Store::grow_for`]).
    pub fn grow_for(&mut self, factor: f64) {
        use crate::store::{room, scaled};
        let n = scaled(self.calls.len(), factor);
        room(&mut self.calls, n);
        self.lists.events.grow_for(factor);
        self.lists.items.grow_for(factor);
        let ids = scaled(self.by_id.len(), factor);
        let _ = self.by_id.try_reserve(ids.saturating_sub(self.by_id.len()));
    }

    /// Number of calls worked out by the last [`finish`](Self::finish) (the calls a view can
    /// show).
    #[must_use]
    pub fn finished_calls(&self) -> usize {
        self.derived.len()
    }

    /// Whether every call taken in has been finished.
    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.derived.len() == self.calls.len()
    }

    /// Number of events taken in so far.
    #[must_use]
    pub fn len(&self) -> u32 {
        self.next
    }

    /// Whether no event has been taken in.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.next == 0
    }

    /// Forgets every event taken in (their store is decoded again), still noting touched
    /// calls if it did.
    pub fn reset(&mut self) {
        #[cfg(feature = "finesse")]
        let touched = self.touched.take().map(|mut t| {
            t.clear();
            t
        });
        *self = Timeline::default();
        #[cfg(feature = "finesse")]
        {
            self.touched = touched;
        }
    }

    /// Starts noting which calls each event is taken into (for a live view's changes).
    #[cfg(feature = "finesse")]
    pub fn track(&mut self) {
        self.touched.get_or_insert_with(Vec::new);
    }

    /// The calls events were taken into since the last [`clear_touched`](Self::clear_touched)
    /// (empty unless [`track`](Self::track)ed).
    #[must_use]
    #[cfg(feature = "finesse")]
    pub fn touched(&self) -> &[u32] {
        self.touched.as_deref().unwrap_or_default()
    }

    /// Forgets the calls noted as touched.
    #[cfg(feature = "finesse")]
    pub fn clear_touched(&mut self) {
        if let Some(t) = &mut self.touched {
            t.clear();
        }
    }

    #[allow(clippy::unused_self, unused_variables)] // without dialogs no live view asks
    fn touch(&mut self, slot: u32) {
        #[cfg(feature = "finesse")]
        if let Some(t) = &mut self.touched {
            if t.last() != Some(&slot) {
                t.push(slot);
            }
        }
    }

    /// Works out call `i`'s outcome and direction from its own events (no links to other
    /// calls): what a live view shows as the call changes.
    #[cfg(feature = "finesse")]
    pub(crate) fn derive_one(&self, store: &Store, i: usize) -> Derived {
        links::derive(store, &self.lists, &self.calls[i])
    }

    /// Takes in the store's events up to (not including) `end`.
    pub fn push(&mut self, store: &mut Store, end: usize) {
        let end = end.min(store.len());
        while (self.next as usize) < end {
            let index = self.next;
            self.next += 1;
            self.absorb(store, index);
        }
    }

    fn absorb(&mut self, store: &mut Store, index: u32) {
        let e = store.event(index as usize);
        match e.ty() {
            EventType::Unnamed(name) if name == StrId::EMPTY => return,
            _ => {}
        }
        let mut fields = std::mem::take(&mut self.scratch);
        fields.clear();
        fields.extend(e.fields());
        self.session.absorb(store, index, &fields);
        if e.is(id::AGENT_STATE_EVENT) {
            agent::absorb(
                &mut self.agents,
                &mut self.agents_by_key,
                &mut self.lists,
                store,
                index,
                &fields,
            );
        } else {
            self.absorb_call(store, index, &fields);
        }
        self.scratch = fields;
    }

    fn absorb_call(&mut self, store: &mut Store, index: u32, fields: &[FieldRef]) {
        #[cfg(feature = "finesse")]
        if let EventType::Unnamed(name) = store.event(index as usize).ty() {
            let name = store.interned(name);
            let api_error = name == crate::finesse::API_ERROR.as_bytes();
            if (api_error || name == crate::finesse::DIALOG.as_bytes())
                && self.absorb_dialog(store, index, fields, api_error)
            {
                return;
            }
        }
        if let Some(record) = records::kind(store, index) {
            if let Some(slot) =
                records::call(record, store, fields, &self.by_id, &self.by_router_key)
            {
                let call = &mut self.calls[slot as usize];
                call.absorb(&mut self.lists, &mut self.roles, store, index, fields);
                self.lists.items.push(&mut call.items, Item::Record(index));
                self.touch(slot);
            }
            return;
        }
        let primary = call_id(fields, FieldId::PrimaryCallID);
        let secondary = call_id(fields, FieldId::SecondaryCallID);
        if primary.is_some() || secondary.is_some() {
            self.absorb_join(store, index, fields, primary, secondary);
            return;
        }
        let Some(id) = call_id(fields, FieldId::ConnectionCallID) else {
            return;
        };
        let slot = self.call_for(store, id, index);
        self.calls[slot as usize].absorb(&mut self.lists, &mut self.roles, store, index, fields);
        if let Some((day, key)) = records::router_key(fields).filter(|_| crate::traces::DUMPLOG) {
            self.by_router_key.insert(key, (day, slot));
        }
        if store.event(index as usize).is(id::CALL_HELD_EVENT) {
            self.holds.push((index, slot));
        }
        if let Some(new) = call_id(fields, FieldId::NewConnectionCallID).filter(|&n| n != id) {
            let call = &mut self.calls[slot as usize];
            let known = call
                .items(&self.lists, |i| {
                    matches!(i, Item::Alias(a) if a == new).then_some(())
                })
                .next()
                .is_some();
            if !known && new != call.call_id {
                self.lists.items.push(&mut call.items, Item::Alias(new));
            }
            self.by_id.entry(new).or_insert((slot, 0)).0 = slot;
        }
    }

    /// A transfer or conference event: it belongs to both calls it names, and lists parties.
    fn absorb_join(
        &mut self,
        store: &mut Store,
        index: u32,
        fields: &[FieldRef],
        primary: Option<u32>,
        secondary: Option<u32>,
    ) {
        let transfer = store.event(index as usize).is(id::CALL_TRANSFERRED_EVENT);
        let ids: Vec<u32> = primary.into_iter().chain(secondary).collect();
        let slots: Vec<u32> = ids
            .iter()
            .map(|&id| self.call_for(store, id, index))
            .collect();
        for &slot in &slots {
            self.calls[slot as usize].absorb(
                &mut self.lists,
                &mut self.roles,
                store,
                index,
                fields,
            );
        }
        if let [a, b] = slots[..] {
            if a != b {
                for (from, other) in [(a, b), (b, a)] {
                    let item = Item::Join {
                        other,
                        event: index,
                        transfer,
                    };
                    self.lists
                        .items
                        .push(&mut self.calls[from as usize].items, item);
                }
            }
        }
        let parties = fields
            .iter()
            .filter(|f| f.field == Some(FieldId::ConnectedPartyCallID))
            .filter_map(|f| f.value.number().and_then(|n| u32::try_from(n).ok()))
            .filter(|id| !ids.contains(id));
        if let Some(&slot) = slots.first() {
            let call = &mut self.calls[slot as usize];
            for id in parties {
                self.lists
                    .items
                    .push(&mut call.items, Item::Party(id, index));
            }
        }
    }

    /// The call an event with call ID `id` belongs to, made if needed. A BEGIN_CALL_EVENT for
    /// an ID whose call has ended starts a new call.
    fn call_for(&mut self, store: &Store, id: u32, index: u32) -> u32 {
        let reuse = store.event(index as usize).is(id::BEGIN_CALL_EVENT);
        let next = u32::try_from(self.calls.len()).expect("fewer than 2^32 calls");
        let entry = self.by_id.entry(id).or_insert((next, 0));
        let (slot, made) = *entry;
        // A call has the ID (its own, or an alias) unless the entry was just made.
        let known = made > 0 || slot != next;
        if known && !(reuse && self.calls[slot as usize].closed()) {
            self.touch(slot);
            return slot;
        }
        *entry = (next, made + 1);
        let nth = made;
        self.calls.push(CallState::new(id, nth, index));
        self.touch(next);
        next
    }

    /// Works out every call's outcome, direction, links and remarks, and attaches calls to
    /// agents, for the events taken in so far.
    pub fn finish(&mut self, store: &Store) {
        let lists = &self.lists;
        // The last finish's calls go first: a log finished again and again as it grows (a
        // viewer's partial lists) holds one set at a time.
        self.derived = Vec::new();
        let mut derived: Vec<Derived> = Vec::with_capacity(self.calls.len());
        derived.extend(self.calls.iter().map(|c| links::derive(store, lists, c)));
        links::link_calls(store, lists, (&self.calls, &self.holds), &mut derived);
        self.derived = derived;
        let pairs = agent::attach(lists, &self.agents, &self.calls);
        self.agent_calls = Groups::of(self.agents.len(), &pairs);
        // Pairs come agent by agent, so each call's agents stay in agent order.
        let flipped: Vec<(u32, u32)> = pairs.iter().map(|&(a, c)| (c, a)).collect();
        self.call_agents = Groups::of(self.calls.len(), &flipped);
    }
}

/// The first field named `field`.
pub(crate) fn find(fields: &[FieldRef], field: FieldId) -> Option<&FieldRef> {
    fields.iter().find(|f| f.field == Some(field))
}

/// A call-ID field as a 32-bit ID (NULL_CALL_ID 0xFFFFFFFF is no ID).
fn call_id(fields: &[FieldRef], field: FieldId) -> Option<u32> {
    let n = find(fields, field)?.value.number()?;
    u32::try_from(n).ok().filter(|&id| id != u32::MAX)
}

/// A call's key: its ID, with `#2`, `#3`… when the log reuses the ID after the call ended.
#[must_use]
pub(crate) fn key(call: &CallState) -> String {
    if call.nth == 0 {
        call.call_id.to_string()
    } else {
        format!("{}#{}", call.call_id, call.nth + 1)
    }
}

/// The time between two marks in milliseconds, when both have times of one form.
pub(crate) fn between(store: &Store, a: Option<Mark>, b: Option<Mark>) -> Option<u64> {
    let time = |m: Mark| store.event(m.event() as usize).time_ms();
    let (a, b) = (time(a?)?, time(b?)?);
    crate::time::between(stamp(a), stamp(b))
}

pub(crate) fn stamp((ms, time_of_day): (i64, bool)) -> crate::time::Stamp {
    if time_of_day {
        crate::time::Stamp::TimeOfDay(ms)
    } else {
        crate::time::Stamp::Absolute(ms)
    }
}
