//! From events to calls: correlation, links, outcomes and agent state segments.
//!
//! Events are grouped by ConnectionCallID (re-keyed by CALL_DATA_UPDATE_EVENT's
//! NewConnectionCallID); AGENT_STATE_EVENTs make agent segments. [`TimelineBuilder`] takes events
//! in batches and gives a [`Timeline`] snapshot at any time; [`build_timeline`] is one batch.
//!
//! The reference identifies a call by ConnectionCallID, ConnectionDeviceIDType and
//! ConnectionDeviceID together (reference §5). Dumps leave the type and device out of some
//! events and print different device IDs for one call (the reservation flow's BEGIN_CALL_EVENT
//! says 420 where its other events say 4020), so calls are keyed by the ID alone; a call whose
//! events name different device IDs says so in its `remarks`.

mod agent;
mod call;
mod links;
mod model;
mod outcome;
pub(crate) mod time;

use std::collections::HashMap;

use crate::event::Event;

use agent::AgentState;
use call::CallState;
pub use model::{
    Agent, Call, CallDirection, Coded, Durations, Evidence, Link, LinkKind, Outcome, Point,
    Segment, Timeline, Variable,
};
pub use outcome::RULES;

/// Builds the timeline of a whole list of events.
#[must_use]
pub fn build_timeline(events: &[Event]) -> Timeline {
    let mut builder = TimelineBuilder::new();
    builder.push(events);
    builder.snapshot()
}

/// Builds a timeline from events fed in batches; [`snapshot`](Self::snapshot) at any time.
///
/// The snapshot after every batch equals [`build_timeline`] of all the events pushed so far.
#[derive(Clone, Debug, Default)]
pub struct TimelineBuilder {
    /// Index the next event gets.
    next: u32,
    calls: Vec<CallState>,
    /// ConnectionCallID (and every alias) → index in `calls` of the latest call with it.
    by_id: HashMap<u32, usize>,
    agents: Vec<AgentState>,
    agents_by_key: HashMap<String, usize>,
}

impl TimelineBuilder {
    /// An empty builder.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of events pushed so far.
    #[must_use]
    pub fn len(&self) -> u32 {
        self.next
    }

    /// Whether no event has been pushed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.next == 0
    }

    /// Takes in the next events, in order.
    pub fn push(&mut self, events: &[Event]) {
        for event in events {
            let index = self.next;
            self.next = self.next.saturating_add(1);
            self.absorb(index, event);
        }
    }

    fn absorb(&mut self, index: u32, event: &Event) {
        if event.type_name.is_empty() {
            return; // A `MsgType:` without a name: the decoder reported it; nothing to correlate.
        }
        if event.type_name == "AGENT_STATE_EVENT" {
            agent::absorb(&mut self.agents, &mut self.agents_by_key, index, event);
            return;
        }
        let primary = call_id(event, "PrimaryCallID");
        let secondary = call_id(event, "SecondaryCallID");
        if primary.is_some() || secondary.is_some() {
            let transfer = event.type_name == "CALL_TRANSFERRED_EVENT";
            let ids: Vec<u32> = primary.into_iter().chain(secondary).collect();
            let slots: Vec<usize> = ids
                .iter()
                .map(|&id| self.call_for(id, index, event))
                .collect();
            for &slot in &slots {
                self.calls[slot].absorb(index, event);
            }
            if let [a, b] = slots[..] {
                if a != b {
                    let (ka, kb) = (self.calls[a].key.clone(), self.calls[b].key.clone());
                    self.calls[a].joins.push((kb, index, transfer));
                    self.calls[b].joins.push((ka, index, transfer));
                }
            }
            let parties = event
                .fields
                .iter()
                .filter(|f| f.name == "ConnectedPartyCallID")
                .filter_map(|f| f.number().and_then(|n| u32::try_from(n).ok()))
                .filter(|id| !ids.contains(id));
            let parties: Vec<u32> = parties.collect();
            if let Some(&slot) = slots.first() {
                self.calls[slot]
                    .parties
                    .extend(parties.into_iter().map(|id| (id, index)));
            }
            return;
        }
        let Some(id) = call_id(event, "ConnectionCallID") else {
            return;
        };
        let slot = self.call_for(id, index, event);
        self.calls[slot].absorb(index, event);
        if let Some(new) = call_id(event, "NewConnectionCallID").filter(|&n| n != id) {
            let call = &mut self.calls[slot];
            if !call.aliases.contains(&new) && new != call.call_id {
                call.aliases.push(new);
            }
            self.by_id.insert(new, slot);
        }
    }

    /// The call an event with call ID `id` belongs to, made if needed. A BEGIN_CALL_EVENT for
    /// an ID whose call has ended starts a new call.
    fn call_for(&mut self, id: u32, index: u32, event: &Event) -> usize {
        let reuse = event.type_name == "BEGIN_CALL_EVENT";
        match self.by_id.get(&id) {
            Some(&slot) if !(reuse && self.calls[slot].closed()) => slot,
            existing => {
                // Counting earlier calls with this ID is needed only when the ID is reused.
                let nth = match existing {
                    Some(_) => self.calls.iter().filter(|c| c.call_id == id).count(),
                    None => 0,
                };
                let key = if nth > 0 {
                    format!("{id}#{}", nth + 1)
                } else {
                    id.to_string()
                };
                self.calls.push(CallState::new(key, id, index, event));
                let slot = self.calls.len() - 1;
                self.by_id.insert(id, slot);
                slot
            }
        }
    }

    /// The timeline of every event pushed so far.
    #[must_use]
    pub fn snapshot(&self) -> Timeline {
        let mut calls: Vec<Call> = self.calls.iter().map(links::finish_call).collect();
        links::link_calls(&self.calls, &mut calls);
        let mut agents: Vec<Agent> = self.agents.iter().map(AgentState::finish).collect();
        agent::attach_calls(&mut agents, &mut calls);
        Timeline { calls, agents }
    }
}

/// A call-ID field as a 32-bit ID (NULL_CALL_ID 0xFFFFFFFF is no ID).
fn call_id(event: &Event, name: &str) -> Option<u32> {
    let n = event.field(name)?.number()?;
    u32::try_from(n).ok().filter(|&id| id != u32::MAX)
}
