//! Agents: state segments from AGENT_STATE_EVENTs, and the calls on their extensions.

use rustc_hash::FxHashMap;

use crate::codes::fields::FieldId;
use crate::store::{FieldRef, FieldValue, Store, StrId};

use super::call::{CallState, Mark};

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
    pub events: Vec<u32>,
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
    let e = store.event(index as usize);
    let number = |field| super::find(fields, field).and_then(|f| f.value.number());
    let Some(state) = number(FieldId::AgentState) else {
        return;
    };
    let reason_code = number(FieldId::EventReasonCode);
    let skill_group_state = number(FieldId::SkillGroupState);
    let mark = Mark {
        event: index,
        time: e.time_ms(),
    };
    if let Some(last) = agent.segments.last_mut() {
        if last.state == state && last.reason_code == reason_code {
            last.events.push(index);
            last.skill_group_state = skill_group_state;
            return;
        }
        last.end = Some(mark);
    }
    let reported = number(FieldId::StateDuration).or_else(|| number(FieldId::Duration));
    agent.segments.push(SegmentState {
        state,
        reason_code,
        skill_group_state,
        events: vec![index],
        start: mark,
        end: None,
        reported_duration_s: reported,
    });
}

/// Each agent gets the calls whose devices include its extension, and each call its agents.
pub(super) fn attach(
    agents: &[AgentState],
    calls: &[CallState],
) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    // Calls by device, so that each agent finds its calls without scanning them all.
    let mut on_device: FxHashMap<StrId, Vec<usize>> = FxHashMap::default();
    for (i, call) in calls.iter().enumerate() {
        for &device in &call.devices {
            on_device.entry(device).or_default().push(i);
        }
    }
    let mut agent_calls = vec![Vec::new(); agents.len()];
    let mut call_agents = vec![Vec::new(); calls.len()];
    for (a, agent) in agents.iter().enumerate() {
        if let Some(found) = agent.extension.and_then(|e| on_device.get(&e)) {
            for &c in found {
                agent_calls[a].push(c);
                call_agents[c].push(a);
            }
        }
    }
    (agent_calls, call_agents)
}
