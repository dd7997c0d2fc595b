//! The call list as columns: what a list of calls shows and sorts by, one entry per call, built
//! straight from the timeline. Values that repeat across calls (call types, agents, reasons)
//! are worked out once and shared through the string table.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::codes::call;
use crate::codes::fields::FieldId;
use crate::store::{FieldValue, Store};
use crate::timeline::outcome::Reason;
use crate::timeline::Timeline;

use super::column_set::column_set;
use super::columns::{signed, Table};
use super::timeline::{agent_key, phases, reason, Coded};

column_set! {
    /// The call list as columns.
    pub struct CallColumns {
        /// Every distinct string, one after another (see
        /// [`EventColumns::strings`](super::columns::EventColumns::strings)).
        strings as "strings": text,
        /// UTF-16 offset at which each string ends.
        string_ends as "stringEnds": u32s,
        /// The call's key.
        key as "key": u32s,
        /// The ConnectionCallID.
        call_id as "callId": u32s,
        /// The CallType symbol (or number), `-1` for none.
        call_type as "callType": i32s,
        /// Index in [`crate::timeline::CallDirection`]'s order: inbound, outbound, internal, unknown.
        direction as "direction": u8s,
        /// The agents' keys, joined with `, `; `-1` for none.
        agents as "agents": i32s,
        /// The first event's index.
        start_event as "startEvent": u32s,
        /// The first event's time in milliseconds since 1970-01-01 UTC (or since midnight for a
        /// time of day alone); NaN when the log has no time.
        start_ms as "startMs": f64s,
        /// The first event's time as written, `-1` for none.
        start_time as "startTime": i32s,
        /// Queue, ring and talk time in milliseconds; NaN when the times do not tell.
        duration_ms as "durationMs": f64s,
        /// Index in [`crate::OutcomeKind::ALL`].
        outcome as "outcome": u8s,
        /// The derivation rule that decided the outcome (`answered`, `clearing-cause`…).
        rule as "rule": u32s,
        /// The outcome's reason in words.
        reason as "reason": u32s,
        /// Number of events.
        events as "events": u32s,
    }
}

/// What a reason's words depend on: the rule's fixed text, or the evidence field's event type,
/// field and value (a cause's meaning), or the devices of a transfer.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ReasonKey {
    Fixed(usize, usize),
    Cause(bool, Option<u16>, Option<FieldId>, FieldValue),
}

/// Strings shared by many calls, each put in the table once.
#[derive(Default)]
struct Shared {
    call_types: FxHashMap<i64, i32>,
    agents: FxHashMap<u32, i32>,
    reasons: FxHashMap<ReasonKey, u32>,
    scratch: String,
}

/// The calls of a finished timeline as columns.
#[must_use]
pub fn call_columns(store: &Store, timeline: &Timeline) -> CallColumns {
    let n = timeline.derived.len();
    let mut c = CallColumns::default();
    let mut t = Table::default();
    let mut shared = Shared::default();
    for i in 0..n {
        let state = &timeline.calls[i];
        let derived = &timeline.derived[i];
        shared.scratch.clear();
        key_text(&mut shared.scratch, state.call_id, state.nth);
        c.key.push(t.push(&shared.scratch));
        c.call_id.push(state.call_id);
        c.call_type.push(state.call_type.map_or(-1, |v| {
            *shared.call_types.entry(v).or_insert_with(|| {
                let coded = Coded::of(&call::CALL_TYPE, v);
                signed(t.text(Cow::Owned(coded.symbol.unwrap_or_else(|| v.to_string()))))
            })
        }));
        c.direction.push(derived.direction as u8);
        c.agents
            .push(agents(store, timeline, i, &mut t, &mut shared));
        c.start_event.push(state.start);
        let start = store.event(state.start as usize);
        #[allow(clippy::cast_precision_loss)] // Milliseconds far below 2^53.
        c.start_ms
            .push(start.time_ms().map_or(f64::NAN, |(ms, _)| ms as f64));
        c.start_time
            .push(start.time_text().map_or(-1, |s| signed(t.push(&s))));
        let parts = phases(store, state);
        #[allow(clippy::cast_precision_loss)]
        c.duration_ms.push(if parts.iter().any(Option::is_some) {
            parts.iter().flatten().sum::<u64>() as f64
        } else {
            f64::NAN
        });
        let kind = derived.outcome.kind;
        c.outcome.push(kind.index());
        c.rule.push(t.fixed(derived.outcome.rule));
        c.reason
            .push(reason_index(store, &derived.outcome, &mut t, &mut shared));
        c.events.push(state.events.len());
    }
    (c.strings, c.string_ends) = t.finish();
    c
}

/// Appends a call's key (as [`KeyText`] writes it) to `out` without the formatting machinery:
/// the call list writes one per call.
pub(crate) fn key_text(out: &mut String, call_id: u32, nth: u32) {
    fn digits(out: &mut String, mut n: u32) {
        let mut buf = [0u8; 10];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + u8::try_from(n % 10).unwrap_or(0);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
    }
    digits(out, call_id);
    if nth > 0 {
        out.push('#');
        digits(out, nth + 1);
    }
}

/// A call's key as text: its ID, with `#2`, `#3`… for a reused ID.
struct KeyText(u32, u32);

impl std::fmt::Display for KeyText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            0 => write!(f, "{}", self.0),
            nth => write!(f, "{}#{}", self.0, nth + 1),
        }
    }
}

/// The agents of call `i`, joined; one agent's key is shared by all its calls.
fn agents(store: &Store, timeline: &Timeline, i: usize, t: &mut Table, shared: &mut Shared) -> i32 {
    let list = timeline.call_agents.get(i);
    let key = |a: u32| agent_key(store, &timeline.agents[a as usize]);
    match list {
        [] => -1,
        [one] => *shared
            .agents
            .entry(*one)
            .or_insert_with(|| signed(t.text(Cow::Owned(key(*one))))),
        many => {
            let joined: Vec<String> = many.iter().map(|&a| key(a)).collect();
            signed(t.text(Cow::Owned(joined.join(", "))))
        }
    }
}

/// The reason of an outcome, in the table.
fn reason_index(
    store: &Store,
    o: &crate::timeline::Outcome,
    t: &mut Table,
    shared: &mut Shared,
) -> u32 {
    let memo_key = reason_key(store, o);
    if let (Some(k), Reason::Text(text)) = (memo_key, &o.reason) {
        return *shared.reasons.entry(k).or_insert_with(|| t.fixed(text));
    }
    match memo_key {
        Some(k) => *shared
            .reasons
            .entry(k)
            .or_insert_with(|| t.text(Cow::Owned(reason(store, o)))),
        None => t.text(Cow::Owned(reason(store, o))),
    }
}

/// What an outcome's reason in words depends on, when fewer things than the whole call.
pub(crate) fn reason_key(store: &Store, o: &crate::timeline::Outcome) -> Option<ReasonKey> {
    match o.reason {
        Reason::Text(text) => Some(ReasonKey::Fixed(text.as_ptr() as usize, text.len())),
        Reason::Failed(true) | Reason::Cleared => o.evidence.first().and_then(|ev| {
            let e = store.event(ev.event() as usize);
            let f = e.fields().nth(ev.field_at()? as usize)?;
            let failed = matches!(o.reason, Reason::Failed(_));
            Some(ReasonKey::Cause(failed, e.type_id(), f.field, f.value))
        }),
        _ => None,
    }
}

/// The calls (indices) any of whose words contain `needle`, ASCII case ignored: key, call
/// type, direction, agents, ANI, DNIS, dialed number, devices, variables (names and values),
/// outcome and reason.
#[must_use]
pub fn search(store: &Store, timeline: &Timeline, needle: &str) -> Vec<u32> {
    let needle = needle.trim().to_ascii_lowercase();
    let mut seen: FxHashMap<crate::store::StrId, bool> = FxHashMap::default();
    let mut reasons: FxHashMap<ReasonKey, bool> = FxHashMap::default();
    let has =
        |s: &str| crate::text::find(s.to_ascii_lowercase().as_bytes(), needle.as_bytes()).is_some();
    let mut found = Vec::new();
    for i in 0..timeline.derived.len() {
        let state = &timeline.calls[i];
        let derived = &timeline.derived[i];
        let lists = &timeline.lists;
        let mut ids = [state.ani, state.dnis, state.dialed_number]
            .into_iter()
            .flatten()
            .chain(state.devices(lists))
            .chain(
                state
                    .items(lists, |x| match x {
                        crate::timeline::call::Item::Variable(n, v) => Some([n, v]),
                        _ => None,
                    })
                    .flatten(),
            );
        let mut hit = ids.any(|id| {
            *seen
                .entry(id)
                .or_insert_with(|| has(&String::from_utf8_lossy(store.interned(id))))
        });
        hit = hit
            || has(&KeyText(state.call_id, state.nth).to_string())
            || has(derived.direction.as_str())
            || has(derived.outcome.kind.as_str())
            || state
                .call_type
                .is_some_and(|v| has(&Coded::of(&call::CALL_TYPE, v).symbol.unwrap_or_default()))
            || timeline
                .call_agents
                .get(i)
                .iter()
                .any(|&a| has(&agent_key(store, &timeline.agents[a as usize])))
            || match reason_key(store, &derived.outcome) {
                Some(k) => *reasons
                    .entry(k)
                    .or_insert_with(|| has(&reason(store, &derived.outcome))),
                None => has(&reason(store, &derived.outcome)),
            };
        if hit {
            found.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    found
}

/// The events no call holds (agent state events, session messages, events whose call ID could
/// not be read), in order: what a page lists apart so that every decoded event can be reached.
#[must_use]
pub fn other_events(store: &Store, timeline: &Timeline) -> Vec<u32> {
    let mut held = vec![false; store.len()];
    for call in &timeline.calls {
        for e in timeline.lists.events.iter(call.events) {
            if let Some(slot) = held.get_mut(e as usize) {
                *slot = true;
            }
        }
    }
    (0u32..)
        .zip(held)
        .filter(|&(_, h)| !h)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod key_tests {
    #[test]
    fn a_key_is_written_as_its_display() {
        for (id, nth) in [(0, 0), (7, 0), (16_800_098, 0), (1010, 1), (u32::MAX, 41)] {
            let mut out = String::new();
            super::key_text(&mut out, id, nth);
            assert_eq!(out, super::KeyText(id, nth).to_string());
        }
    }
}
