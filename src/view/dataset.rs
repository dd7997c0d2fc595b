//! The rows of the engines' dataset (`cti-outcome export`), straight from the calls model: what
//! a row of `calls` and of `agent_states` holds, borrowed from the store and from strings worked
//! out once per run (reasons, call types, agent keys, states), so that a writer appends them to
//! its columns without a string made per row. The JSON views ([`super::timeline`]) say the same
//! things at length; a test below holds the two to one another.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::codes::{call, session};
use crate::store::{Store, StrId};
use crate::timeline::{self, Timeline};

use super::calls::{key_text, reason_key, ReasonKey};
use super::timeline::{agent_key, reason, Coded};

/// A call as the dataset's `calls` table holds it.
#[derive(Debug)]
pub struct CallRow<'a> {
    /// The call's key (its ConnectionCallID, `#2`… for a reused ID).
    pub key: &'a str,
    /// The first event's index.
    pub start_event: u32,
    /// The last event's index, when the call ended.
    pub end_event: Option<u32>,
    /// Inbound, outbound, internal or unknown.
    pub direction: &'static str,
    /// The CallType symbol (or its number), when the events say.
    pub call_type: Option<&'a str>,
    /// The agents (indices into `agent_keys`; see [`CallRow::agents`]).
    agent_ids: &'a [u32],
    agent_keys: &'a [String],
    /// The devices (DeviceID and its aliases), as written.
    pub devices: &'a [Cow<'a, str>],
    /// The outcome kind (`answered`, `abandoned`…).
    pub outcome: &'static str,
    /// The rule that decided it.
    pub rule: &'static str,
    /// The outcome's reason in words.
    pub reason: &'a str,
    /// The events the outcome rests on.
    pub evidence: &'a [u32],
    /// Links to other calls as `kind:key` (`transfer:1234`).
    pub links: &'a [String],
}

impl<'a> CallRow<'a> {
    /// The agents' keys (AgentID, `ext:` and the extension, or `unidentified`).
    #[must_use]
    pub fn agents(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        let keys = self.agent_keys;
        self.agent_ids
            .iter()
            .map(move |&a| keys[a as usize].as_str())
    }
}

/// An agent's span in one state as the dataset's `agent_states` table holds it.
#[derive(Debug)]
pub struct StateRow<'a> {
    /// The agent's key (AgentID, `ext:` and the extension, or `unidentified`).
    pub agent: &'a str,
    /// The AgentState symbol (or its number).
    pub state: &'a str,
    /// The ReasonCode of the state, when the events give one.
    pub reason_code: Option<i64>,
    /// The event the span starts at.
    pub start_event: u32,
    /// The event it ends at, when it ended in the log.
    pub end_event: Option<u32>,
    /// Its length (ms), when both ends have times of one form.
    pub duration_ms: Option<u64>,
}

/// Makes the rows of one finished timeline, sharing what repeats.
pub struct Rows<'s> {
    store: &'s Store,
    t: &'s Timeline,
    agent_keys: Vec<String>,
    call_types: FxHashMap<i64, String>,
    states: FxHashMap<i64, String>,
    reasons: FxHashMap<ReasonKey, String>,
    key: String,
    reason: String,
    devices: Vec<Cow<'s, str>>,
    evidence: Vec<u32>,
    links: Vec<String>,
}

impl<'s> Rows<'s> {
    /// The rows of `t`, whose events are in `store`.
    #[must_use]
    pub fn new(store: &'s Store, t: &'s Timeline) -> Rows<'s> {
        Rows {
            store,
            t,
            agent_keys: t.agents.iter().map(|a| agent_key(store, a)).collect(),
            call_types: FxHashMap::default(),
            states: FxHashMap::default(),
            reasons: FxHashMap::default(),
            key: String::new(),
            reason: String::new(),
            devices: Vec::new(),
            evidence: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Call `i`'s row (`i` below [`Timeline::call_count`]).
    pub fn call(&mut self, i: usize) -> CallRow<'_> {
        let (store, t) = (self.store, self.t);
        let state = &t.calls[i];
        let derived = &t.derived[i];
        self.key.clear();
        key_text(&mut self.key, state.call_id, state.nth);
        self.devices.clear();
        self.devices
            .extend(state.devices(&t.lists).map(|d| text(store, d)));
        let o = &derived.outcome;
        self.evidence.clear();
        self.evidence.extend(o.evidence.iter().map(|e| e.event()));
        self.links.clear();
        for l in &derived.links {
            self.links.push(format!(
                "{}:{}",
                l.kind.as_str(),
                timeline::key(&t.calls[l.call])
            ));
        }
        let reason = match reason_key(store, o) {
            Some(k) => &*self.reasons.entry(k).or_insert_with(|| reason(store, o)),
            None => {
                self.reason = reason(store, o);
                &self.reason
            }
        };
        let call_type = state.call_type.map(|v| {
            &**self.call_types.entry(v).or_insert_with(|| {
                let coded = Coded::of(&call::CALL_TYPE, v);
                coded.symbol.unwrap_or_else(|| v.to_string())
            })
        });
        CallRow {
            key: &self.key,
            start_event: state.start,
            end_event: state.end.map(timeline::call::Mark::event),
            direction: derived.direction.as_str(),
            call_type,
            agent_ids: t.call_agents.get(i),
            agent_keys: &self.agent_keys,
            devices: &self.devices,
            outcome: o.kind.as_str(),
            rule: o.rule,
            reason,
            evidence: &self.evidence,
            links: &self.links,
        }
    }

    /// Agent `i`'s spans (`i` below [`Timeline::agent_count`]), each given to `row`.
    pub fn agent_states(&mut self, i: usize, mut row: impl FnMut(&StateRow<'_>)) {
        let (store, t) = (self.store, self.t);
        let agent = &self.agent_keys[i];
        for s in &t.agents[i].segments {
            let state = self.states.entry(s.state).or_insert_with(|| {
                let coded = Coded::of(&session::AGENT_STATE, s.state);
                coded.symbol.unwrap_or_else(|| s.state.to_string())
            });
            row(&StateRow {
                agent,
                state,
                reason_code: s.reason_code,
                start_event: s.start.event(),
                end_event: s.end.map(timeline::call::Mark::event),
                duration_ms: s
                    .end
                    .and_then(|end| timeline::between(store, Some(s.start), Some(end))),
            });
        }
    }
}

fn text(store: &Store, s: StrId) -> Cow<'_, str> {
    String::from_utf8_lossy(store.interned(s))
}

#[cfg(all(test, feature = "generate"))]
mod tests {
    use super::*;
    use crate::generate::{generate, store_of, Options};
    use crate::view::timeline::{agent, call_view};

    /// Every row says what the JSON view of its call or agent says.
    #[test]
    fn rows_agree_with_the_views() {
        let mut store = store_of(&generate(Options {
            calls: 400,
            seed: 7,
            ..Options::default()
        }));
        let t = crate::timeline::build(&mut store);
        assert!(t.call_count() >= 400, "the generated log has its calls");
        let mut rows = Rows::new(&store, &t);
        let mut links = 0;
        for i in 0..t.call_count() {
            let view = call_view(&store, &t, i);
            let row = rows.call(i);
            assert_eq!(row.key, view.key);
            assert_eq!(row.start_event, view.start.event);
            assert_eq!(row.end_event, view.end.as_ref().map(|p| p.event));
            assert_eq!(row.direction, view.direction.as_str());
            let call_type = view
                .call_type
                .map(|c| c.symbol.unwrap_or_else(|| c.value.to_string()));
            assert_eq!(row.call_type, call_type.as_deref());
            assert_eq!(row.agents().collect::<Vec<_>>(), view.agents);
            assert_eq!(row.devices, view.devices);
            assert_eq!(row.outcome, view.outcome.kind.as_str());
            assert_eq!(row.rule, view.outcome.rule);
            assert_eq!(row.reason, view.outcome.reason);
            let evidence: Vec<u32> = view.outcome.evidence.iter().map(|e| e.event).collect();
            assert_eq!(row.evidence, evidence);
            let view_links: Vec<String> = view
                .links
                .iter()
                .map(|l| format!("{}:{}", l.kind.as_str(), l.call))
                .collect();
            assert_eq!(row.links, view_links);
            links += view_links.len();
        }
        assert!(links > 0, "the generated calls have links to compare");
        for i in 0..t.agent_count() {
            let view = agent(&store, &t, i);
            let mut n = 0;
            rows.agent_states(i, |s| {
                let v = &view.segments[n];
                assert_eq!(s.agent, view.key);
                let state = v.state.symbol.clone();
                assert_eq!(
                    Some(s.state),
                    state.as_deref().or(Some(&v.state.value.to_string()))
                );
                assert_eq!(s.reason_code, v.reason_code);
                assert_eq!(s.start_event, v.start.event);
                assert_eq!(s.end_event, v.end.as_ref().map(|p| p.event));
                assert_eq!(s.duration_ms, v.duration_ms);
                n += 1;
            });
            assert_eq!(n, view.segments.len());
        }
    }
}
