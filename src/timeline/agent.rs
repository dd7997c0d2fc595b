//! Agents: state segments from AGENT_STATE_EVENTs, and the calls on their extensions.

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::store::{FieldRef, FieldValue, Store, StrId};

use super::call::{CallState, Lists, Mark};
use super::lists::List;

/// An agent under construction.
#[derive(Clone, Debug)]
pub(crate) struct AgentState {
    /// How the agent is known: 0 by AgentID, 1 by extension, 2 neither (`unidentified`).
    pub key: (u8, StrId),
    pub agent_id: Option<StrId>,
    pub extension: Option<StrId>,
    pub segments: Vec<SegmentState>,
}

/// A span of time an agent spent in one state.
#[derive(Clone, Debug)]
pub(crate) struct SegmentState {
    /// The AgentState value.
    pub state: i64,
    pub reason_code: Option<i64>,
    /// The skill group (UCCX: CSQ) state of the segment's last event.
    pub skill_group_state: Option<i64>,
    pub events: List,
    pub start: Mark,
    pub end: Option<Mark>,
    pub reported_duration_s: Option<i64>,
}

/// A text field of an AGENT_STATE_EVENT, trimmed, when it says something.
fn text(store: &mut Store, fields: &[FieldRef], field: FieldId) -> Option<StrId> {
    let FieldValue::Text(s) = super::find(fields, field)?.value else {
        return None;
    };
    let bytes = store.str(s);
    let trimmed = bytes.trim_ascii();
    if trimmed.is_empty() || trimmed == b"N/A" {
        return None;
    }
    Some(if trimmed.len() == bytes.len() {
        store.intern(s)
    } else {
        let trimmed = trimmed.to_vec();
        store.strings.intern(&trimmed)
    })
}

/// Takes in one AGENT_STATE_EVENT.
pub(super) fn absorb(
    agents: &mut Vec<AgentState>,
    by_key: &mut FxHashMap<(u8, StrId), usize>,
    lists: &mut Lists,
    store: &mut Store,
    index: u32,
    fields: &[FieldRef],
) {
    let agent_id = text(store, fields, FieldId::AgentID);
    let extension = text(store, fields, FieldId::AgentExtension)
        .or_else(|| text(store, fields, FieldId::AgentInstrument));
    let key = match (agent_id, extension) {
        (Some(id), _) => (0, id),
        (None, Some(ext)) => (1, ext),
        (None, None) => (2, StrId::EMPTY),
    };
    let slot = *by_key.entry(key).or_insert_with(|| {
        agents.push(AgentState {
            key,
            agent_id,
            extension: None,
            segments: Vec::new(),
        });
        agents.len() - 1
    });
    let agent = &mut agents[slot];
    if extension.is_some() {
        agent.extension = extension;
    }
    let number = |field| super::find(fields, field).and_then(|f| f.value.number());
    let Some(state) = number(FieldId::AgentState) else {
        return;
    };
    let reason_code = number(FieldId::EventReasonCode);
    let skill_group_state = number(FieldId::SkillGroupState);
    let mark = Mark::new(index);
    if let Some(last) = agent.segments.last_mut() {
        if last.state == state && last.reason_code == reason_code {
            lists.events.push(&mut last.events, index);
            last.skill_group_state = skill_group_state;
            return;
        }
        last.end = Some(mark);
    }
    let reported = number(FieldId::StateDuration).or_else(|| number(FieldId::Duration));
    let mut events = List::default();
    lists.events.push(&mut events, index);
    agent.segments.push(SegmentState {
        state,
        reason_code,
        skill_group_state,
        events,
        start: mark,
        end: None,
        reported_duration_s: reported,
    });
}

/// (agent, call) pairs: each agent with the calls whose devices include its extension, in
/// agent order and, within an agent, in call order.
pub(super) fn attach(lists: &Lists, agents: &[AgentState], calls: &[CallState]) -> Vec<(u32, u32)> {
    // Calls by device, so that each agent finds its calls without scanning them all.
    let mut on_device: FxHashMap<StrId, Vec<u32>> = FxHashMap::default();
    for (i, call) in (0u32..).zip(calls) {
        for device in call.devices(lists) {
            on_device.entry(device).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for (a, agent) in (0u32..).zip(agents) {
        if let Some(found) = agent.extension.and_then(|e| on_device.get(&e)) {
            pairs.extend(found.iter().map(|&c| (a, c)));
        }
    }
    pairs
}
