//! Every agent over the log's time, as columns for the page's agent timeline: state segments
//! and the calls on each agent's extension, each with its start and end in milliseconds, in
//! typed arrays (a 100 MB log has some hundred thousand segments: objects would not do).

use std::borrow::Cow;

use super::column_set::column_set;
use super::columns::Table;
use super::timeline::agent_key;
use crate::codes::session;
use crate::store::Store;
use crate::timeline::Timeline;

column_set! {
    /// Agents, their state segments and their calls, as columns.
    pub struct AgentColumns {
        /// Every distinct string, one after another (agent keys, state names).
        strings as "strings": text,
        /// UTF-16 offset at which each string ends.
        string_ends as "stringEnds": u32s,
        /// Per agent: its key (a string index).
        agent as "agent": u32s,
        /// Per segment: its agent (an index into `agent`).
        segment_agent as "segmentAgent": u32s,
        /// Per segment: the state's name (a string index).
        segment_state as "segmentState": u32s,
        /// Per segment: its start (ms since 1970-01-01 UTC, or since midnight for a time of day
        /// alone; NaN when the log has no time).
        segment_start as "segmentStart": f64s,
        /// Per segment: its end (ms, as `segmentStart`; NaN while it lasts).
        segment_end as "segmentEnd": f64s,
        /// Per call on an agent: the agent.
        call_agent as "callAgent": u32s,
        /// Per call on an agent: the call (its index in the call list).
        call as "call": u32s,
        /// Per call on an agent: its start (ms, as `segmentStart`).
        call_start as "callStart": f64s,
        /// Per call on an agent: its end (ms; NaN while it lasts).
        call_end as "callEnd": f64s,
        /// Per call on an agent: its outcome (an index in `OutcomeKind`'s order).
        call_outcome as "callOutcome": u8s,
    }
}

/// Milliseconds of event `event`, or NaN.
#[allow(clippy::cast_precision_loss)] // ms of any real date are well within 2^53
fn ms(store: &Store, event: u32) -> f64 {
    store
        .event(event as usize)
        .time_ms()
        .map_or(f64::NAN, |(ms, _)| ms as f64)
}

/// The agents of a finished timeline as columns.
#[must_use]
pub fn agent_columns(store: &Store, t: &Timeline) -> AgentColumns {
    let mut c = AgentColumns::default();
    let mut strings = Table::default();
    let finished = t.finished_calls();
    let mut states: rustc_hash::FxHashMap<i64, u32> = rustc_hash::FxHashMap::default();
    for (i, a) in t.agents.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        c.agent.push(strings.text(Cow::Owned(agent_key(store, a))));
        for s in &a.segments {
            let state = *states.entry(s.state).or_insert_with(|| {
                let name = super::timeline::Coded::of(&session::AGENT_STATE, s.state)
                    .symbol
                    .unwrap_or_else(|| s.state.to_string());
                strings.text(Cow::Owned(name))
            });
            c.segment_agent.push(index);
            c.segment_state.push(state);
            c.segment_start.push(ms(store, s.start.event()));
            c.segment_end
                .push(s.end.map_or(f64::NAN, |m| ms(store, m.event())));
        }
        for &call in t
            .agent_calls
            .get(i)
            .iter()
            .filter(|&&k| (k as usize) < finished)
        {
            let state = &t.calls[call as usize];
            c.call_agent.push(index);
            c.call.push(call);
            c.call_start.push(ms(store, state.start));
            c.call_end
                .push(state.end.map_or(f64::NAN, |m| ms(store, m.event())));
            let kind = t.derived[call as usize].outcome.kind;
            c.call_outcome.push(kind.index());
        }
    }
    (c.strings, c.string_ends) = strings.finish();
    c
}
