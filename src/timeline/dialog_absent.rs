//! The main WebAssembly module's stand-in for [`dialog`](super::dialog): it reads no Finesse
//! notifications, so no call has dialog facts and this compiles to nothing.

use super::call::Facts;
use super::outcome::Outcome;
use crate::store::Store;

/// No dialog facts exist in this build.
#[derive(Clone, Debug)]
pub(crate) enum DialogFacts {}

/// Never called: no dialog exists.
pub(crate) fn has_cti(_: &Facts) -> bool {
    true
}

/// Never called: no value of this type exists.
pub(crate) fn outcome(_: &Store, d: &DialogFacts) -> Outcome {
    match *d {}
}

/// Never called: no value of this type exists.
pub(crate) fn remarks(
    _: &Store,
    _: &super::call::CallState,
    d: &DialogFacts,
    _: crate::outcome::OutcomeKind,
    _: &mut Vec<String>,
) {
    match *d {}
}

/// Never called: no value of this type exists.
pub(crate) fn direction(_: &Store, d: &DialogFacts) -> Option<super::CallDirection> {
    match *d {}
}
