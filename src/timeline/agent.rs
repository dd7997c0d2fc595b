//! Agents: state segments from AGENT_STATE_EVENTs, and the calls on their extensions.

use std::collections::HashMap;

use crate::event::{Event, Field};

use super::model::{Agent, Call, Coded, Point, Segment};
use super::time;

/// An agent under construction.
#[derive(Clone, Debug)]
pub(super) struct AgentState {
    agent_id: Option<String>,
    extension: Option<String>,
    segments: Vec<Segment>,
    key: String,
}

/// Takes in one AGENT_STATE_EVENT.
pub(super) fn absorb(
    agents: &mut Vec<AgentState>,
    by_key: &mut HashMap<String, usize>,
    index: u32,
    event: &Event,
) {
    let text = |name: &str| {
        event
            .field(name)
            .map(|f| f.raw.trim())
            .filter(|v| !v.is_empty() && *v != "N/A")
            .map(str::to_owned)
    };
    let agent_id = text("AgentID");
    let extension = text("AgentExtension").or_else(|| text("AgentInstrument"));
    let key = match (&agent_id, &extension) {
        (Some(id), _) => id.clone(),
        (None, Some(ext)) => format!("ext:{ext}"),
        (None, None) => "unidentified".to_owned(),
    };
    let slot = *by_key.entry(key.clone()).or_insert_with(|| {
        agents.push(AgentState {
            agent_id: agent_id.clone(),
            extension: None,
            segments: Vec::new(),
            key,
        });
        agents.len() - 1
    });
    let agent = &mut agents[slot];
    if extension.is_some() {
        agent.extension = extension;
    }
    let Some(state) = event.field("AgentState").and_then(Coded::of) else {
        return;
    };
    let reason_code = event.field("EventReasonCode").and_then(Field::number);
    let skill_group_state = event.field("SkillGroupState").and_then(Coded::of);
    let point = Point {
        event: index,
        time: event.time.clone(),
    };
    if let Some(last) = agent.segments.last_mut() {
        if last.state.value == state.value && last.reason_code == reason_code {
            last.events.push(index);
            last.skill_group_state = skill_group_state;
            return;
        }
        last.duration_ms = last
            .start
            .time
            .as_deref()
            .and_then(time::parse)
            .zip(point.time.as_deref().and_then(time::parse))
            .and_then(|(a, b)| time::between(a, b));
        last.end = Some(point.clone());
    }
    let reported = event
        .field("StateDuration")
        .or_else(|| event.field("Duration"));
    agent.segments.push(Segment {
        state,
        reason_code,
        skill_group_state,
        events: vec![index],
        start: point,
        end: None,
        duration_ms: None,
        reported_duration_s: reported.and_then(Field::number),
    });
}

impl AgentState {
    /// The public view (calls are attached afterwards).
    pub(super) fn finish(&self) -> Agent {
        Agent {
            key: self.key.clone(),
            agent_id: self.agent_id.clone(),
            extension: self.extension.clone(),
            state: self.segments.last().map(|s| s.state.clone()),
            segments: self.segments.clone(),
            calls: Vec::new(),
        }
    }
}

/// Each agent gets the calls whose devices include its extension, and each call its agents.
pub(super) fn attach_calls(agents: &mut [Agent], calls: &mut [Call]) {
    // Calls by device, so that each agent finds its calls without scanning them all.
    let mut on_device: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, call) in calls.iter().enumerate() {
        for device in &call.devices {
            on_device.entry(device.as_str()).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (a, agent) in agents.iter().enumerate() {
        if let Some(found) = agent.extension.as_deref().and_then(|e| on_device.get(e)) {
            pairs.extend(found.iter().map(|&c| (a, c)));
        }
    }
    for (a, c) in pairs {
        agents[a].calls.push(calls[c].key.clone());
        calls[c].agents.push(agents[a].key.clone());
    }
}
