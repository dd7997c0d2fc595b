//! Where a call is now (a live view's `phase`), from its CTI facts or its Finesse dialog.

use serde::Serialize;
use ts_rs::TS;

use super::Timeline;
use crate::store::Store;

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

/// The phase of call `i` now.
pub(crate) fn phase(store: &Store, t: &Timeline, i: usize) -> Phase {
    let call = &t.calls[i];
    if let Some(d) = call.dialog.as_deref() {
        return dialog_phase(store, d);
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
fn dialog_phase(store: &Store, d: &super::dialog::DialogFacts) -> Phase {
    let states: Vec<&[u8]> = d
        .parties
        .iter()
        .filter_map(|p| p.state.map(|(s, _)| store.interned(s)))
        .collect();
    let has = |s: &[u8]| states.contains(&s);
    if has(b"WRAP_UP") {
        return Phase::WrapUp;
    }
    if d.deleted.is_some()
        || d.state
            .is_some_and(|(s, _)| matches!(store.interned(s), b"DROPPED" | b"FAILED"))
    {
        return Phase::Ended;
    }
    if has(b"HELD") {
        Phase::Held
    } else if has(b"ALERTING") {
        Phase::Ringing
    } else if has(b"ACTIVE") {
        Phase::Talking
    } else if has(b"INITIATED") {
        Phase::Dialing
    } else {
        Phase::Started
    }
}
