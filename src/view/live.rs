//! The live view's shapes ([`crate::live`]): a call a push changed, and what a push did.

use serde::Serialize;
use ts_rs::TS;

use crate::store::Store;
use crate::timeline::{phase, CallDirection, Phase, Timeline};
use crate::view::timeline::{outcome as outcome_view, Outcome};

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

/// What one push did.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export_to = "types.d.ts")]
pub struct LivePush {
    /// The push's one-based number (diagnostics of live input say it).
    pub push: u32,
    /// The calls its events changed, in call order.
    pub changes: Vec<CallChange>,
    /// What was wrong in it (positions as the log counts them: lines of text, bytes of
    /// frames).
    #[serde(serialize_with = "diagnostics")]
    #[ts(type = "Array<TextDiagnostic> | Array<ByteDiagnostic>")]
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
}

fn diagnostics<S: serde::Serializer>(
    d: &[crate::diagnostic::Diagnostic],
    s: S,
) -> Result<S::Ok, S::Error> {
    Serialize::serialize(&crate::view::Diagnostics(d), s)
}

/// Call `slot` as a change record: its phase, direction and outcome from its own events.
pub(crate) fn change(store: &Store, timeline: &Timeline, slot: u32) -> CallChange {
    let i = slot as usize;
    let derived = timeline.derive_one(store, i);
    CallChange {
        index: slot,
        key: crate::timeline::key(&timeline.calls[i]),
        phase: phase(store, timeline, i),
        direction: derived.direction,
        outcome: outcome_view(store, &derived.outcome),
    }
}
