//! The live view an agent desktop keeps: events pushed as they arrive (CTI text, GED-188
//! frames, Finesse notifications), and for each push the calls it changed, with their phase and
//! their outcome as of now.
//!
//! A push costs what its own events cost: they are taken into the [`Log`]'s timeline one by one,
//! and only the calls they touched are worked out again (their outcome, from their own facts).
//! Links between calls (a transfer's two calls, a consult) are worked out by the whole-log
//! views, not here.

use serde::Serialize;
use ts_rs::TS;

use crate::log::Log;
use crate::sniff::Format;
use crate::timeline::{CallDirection, Timeline};
use crate::view::timeline::{outcome as outcome_view, Outcome};

/// Where a call is now, as a desktop shows it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, TS, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Phase {
    /// Begun, nothing more yet (BEGIN_CALL_EVENT, a dialog INITIATING).
    Started,
    /// Being dialled (CALL_ORIGINATED_EVENT, INITIATED).
    Dialing,
    /// Waiting in a queue (CALL_QUEUED_EVENT).
    Queued,
    /// Ringing (CALL_DELIVERED_EVENT, ALERTING).
    Ringing,
    /// Connected (CALL_ESTABLISHED_EVENT, ACTIVE).
    Talking,
    /// On hold (CALL_HELD_EVENT not yet retrieved, HELD).
    Held,
    /// Ended for the caller, the agent in wrap-up (a WRAP_UP participant).
    WrapUp,
    /// Over (cleared, ended, failed, DROPPED, deleted).
    Ended,
}

/// A call a push changed.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "types.d.ts")]
pub struct CallChange {
    /// The call's index in the log's calls (as `call(i)` and the call columns number them).
    pub index: u32,
    /// Its key (the ConnectionCallID, `#2`… when reused).
    pub key: String,
    /// Where it is now.
    pub phase: Phase,
    /// Which way it goes, as far as its events tell.
    pub direction: CallDirection,
    /// How it ended, or `still_active` with why, as of now: the one outcome shape of every API.
    pub outcome: Outcome,
}

/// A live log: pushes in, changed calls out.
pub struct Live {
    log: Log,
}

impl Live {
    /// A live log of `format` (told from the first push when `None`).
    #[must_use]
    pub fn new(format: Option<Format>) -> Live {
        let mut log = Log::new(format, crate::binary::Options::default());
        log.track_changes();
        Live { log }
    }

    /// Takes `chunk` (text up to its last whole line is read: a notification or a text event
    /// should end with a newline; frames up to the last whole frame) and returns the calls whose
    /// events it added to, in call order.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<CallChange> {
        self.log.clear_changes();
        self.log.push(chunk);
        self.changes()
    }

    /// Ends the input (what waits for more is read) and returns the calls that changed.
    pub fn finish(&mut self) -> Vec<CallChange> {
        self.log.clear_changes();
        self.log.finish();
        self.changes()
    }

    /// The log, for the whole-log views.
    #[must_use]
    pub fn log(&self) -> &Log {
        &self.log
    }

    fn changes(&mut self) -> Vec<CallChange> {
        let store = self.log.store();
        let timeline = self.log.timeline();
        let mut touched = timeline.touched().to_vec();
        touched.sort_unstable();
        touched.dedup();
        touched
            .into_iter()
            .map(|slot| {
                let i = slot as usize;
                let derived = timeline.derive_one(store, i);
                CallChange {
                    index: slot,
                    key: crate::timeline::key(&timeline.calls[i]),
                    phase: phase(store, timeline, i),
                    direction: derived.direction,
                    outcome: outcome_view(store, &derived.outcome),
                }
            })
            .collect()
    }
}

/// The phase of call `i` now.
fn phase(store: &crate::store::Store, t: &Timeline, i: usize) -> Phase {
    let call = &t.calls[i];
    if let Some(p) = call.dialog.as_deref().and_then(|d| dialog_phase(store, d)) {
        return p;
    }
    let f = &call.facts;
    if call.closed() || f.failed.is_some() {
        return Phase::Ended;
    }
    if call
        .holds(&t.lists)
        .last()
        .is_some_and(|(_, r)| r.is_none())
    {
        return Phase::Held;
    }
    match (f.established, f.delivered, f.queued, f.originated) {
        (Some(_), ..) => Phase::Talking,
        (None, Some(_), ..) => Phase::Ringing,
        (None, None, Some(_), _) => Phase::Queued,
        (None, None, None, Some(_)) => Phase::Dialing,
        _ => Phase::Started,
    }
}

/// The phase a dialog's latest notification shows, when the call has one.
#[cfg(any(
    not(target_arch = "wasm32"),
    feature = "wasm-traces",
    feature = "wasm-live"
))]
fn dialog_phase(
    store: &crate::store::Store,
    d: &crate::timeline::dialog::DialogFacts,
) -> Option<Phase> {
    let states: Vec<&[u8]> = d
        .parties
        .iter()
        .filter_map(|p| p.state.map(|(s, _)| store.interned(s)))
        .collect();
    let has = |s: &[u8]| states.iter().any(|x| *x == s);
    if has(b"WRAP_UP") {
        return Some(Phase::WrapUp);
    }
    if d.deleted.is_some()
        || d.state
            .is_some_and(|(s, _)| matches!(store.interned(s), b"DROPPED" | b"FAILED"))
    {
        return Some(Phase::Ended);
    }
    Some(if has(b"HELD") {
        Phase::Held
    } else if has(b"ALERTING") {
        Phase::Ringing
    } else if has(b"ACTIVE") {
        Phase::Talking
    } else if has(b"INITIATED") {
        Phase::Dialing
    } else {
        Phase::Started
    })
}

#[cfg(not(any(
    not(target_arch = "wasm32"),
    feature = "wasm-traces",
    feature = "wasm-live"
)))]
fn dialog_phase(
    _: &crate::store::Store,
    d: &crate::timeline::dialog::DialogFacts,
) -> Option<Phase> {
    match *d {}
}
