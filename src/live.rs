//! The live view an agent desktop keeps: events pushed as they arrive (CTI text, GED-188
//! frames, Finesse notifications), and for each push the calls it changed, with their phase and
//! their outcome as of now.
//!
//! A push costs what its own events cost: they are taken into the [`Log`]'s timeline one by one,
//! and only the calls they touched are worked out again (their outcome, from their own facts).
//! Links between calls (a transfer's two calls, a consult) are worked out by the whole-log
//! views, not here.
//!
//! A desktop runs for days: with [`LiveOptions::keep_ended_ms`], calls that ended longer ago
//! than that (by the events' own times) are forgotten. The live view keeps each push's bytes
//! while it may be needed; once the log has grown to twice what the last tidy kept, it is read
//! again from the pushes of the calls still kept (and of the recent pushes that belong to no
//! call), so that memory stays bounded and a push still costs the same on average. Call
//! indices change at a tidy; keys do not.

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

/// How a live view reads and keeps its input: `LiveOptions` in the package's declarations.
#[derive(Clone, Copy, Debug, Default, PartialEq, TS)]
#[ts(optional_fields, export_to = "types.d.ts")]
pub struct LiveOptions {
    /// The input form; told from the first push when not given or `"auto"`.
    #[ts(optional, type = "\"auto\" | Format")]
    pub format: Option<Format>,
    /// Milliseconds (of the events' own time) an ended call is kept after its last event;
    /// kept for ever when not given.
    pub keep_ended_ms: Option<f64>,
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

/// A push's bytes, kept while its calls may still be shown.
struct Kept {
    bytes: Box<[u8]>,
    /// The calls it touched (indices until the next tidy).
    calls: Vec<u32>,
    /// The time of the log's last event after it (ms), when known.
    time: Option<i64>,
}

/// A live log: pushes in, changed calls out.
pub struct Live {
    log: Log,
    options: LiveOptions,
    /// Pushes so far.
    pushes: u32,
    /// Diagnostics already reported.
    reported: usize,
    /// With a window: every push's bytes since the last tidy, and the events it kept.
    kept: Vec<Kept>,
    kept_events: usize,
    tidy_events: usize,
}

impl Live {
    /// A live log of `format` (told from the first push when `None`).
    #[must_use]
    pub fn new(format: Option<Format>) -> Live {
        Live::with(LiveOptions {
            format,
            keep_ended_ms: None,
        })
    }

    /// A live log read and kept as `options` say.
    #[must_use]
    pub fn with(options: LiveOptions) -> Live {
        Live {
            log: fresh(options.format),
            options,
            pushes: 0,
            reported: 0,
            kept: Vec::new(),
            kept_events: 0,
            tidy_events: TIDY_EVENTS,
        }
    }

    /// Takes `chunk` (text up to its last whole line is read: a notification or a text event
    /// should end with a newline; frames up to the last whole frame) and says which calls its
    /// events changed.
    pub fn push(&mut self, chunk: &[u8]) -> LivePush {
        self.push_at(chunk, None)
    }

    /// [`push`](Self::push) at `now` (ms since 1970 UTC, the caller's clock): the time the
    /// window counts for input whose events carry none (frames), or that has none yet.
    pub fn push_at(&mut self, chunk: &[u8], now: Option<i64>) -> LivePush {
        self.pushes += 1;
        self.log.clear_changes();
        take(&mut self.log, chunk);
        let result = self.result();
        if self.options.keep_ended_ms.is_some() {
            let time = last_time(self.log.store()).or(now);
            self.keep(chunk, time);
        }
        result
    }

    /// Tidies once the log holds this many events (and twice what the last tidy kept); for
    /// tests that cannot push the default's worth.
    #[doc(hidden)]
    pub fn tidy_from(&mut self, events: usize) {
        self.tidy_events = events;
    }

    /// Ends the input (what waits for more is read) and says which calls changed.
    pub fn finish(&mut self) -> LivePush {
        self.log.clear_changes();
        self.log.finish();
        self.result()
    }

    /// Bytes the live view holds: the log's columns and calls, and the pushes it keeps.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.log.store().heap_bytes()
            + self.log.timeline().heap_bytes()
            + self
                .kept
                .iter()
                .map(|k| k.bytes.len() + k.calls.len() * 4 + 48)
                .sum::<usize>()
    }

    fn result(&mut self) -> LivePush {
        let diagnostics = self.log.store().diagnostics()[self.reported..].to_vec();
        self.reported = self.log.store().diagnostics().len();
        LivePush {
            push: self.pushes,
            changes: self.changes(),
            diagnostics,
        }
    }

    /// Keeps the push's bytes; tidies once the log has doubled since the last tidy.
    fn keep(&mut self, chunk: &[u8], time: Option<i64>) {
        self.kept.push(Kept {
            bytes: chunk.into(),
            calls: self.log.timeline().touched().to_vec(),
            time,
        });
        if self.log.store().len() >= (2 * self.kept_events).max(self.tidy_events) {
            self.tidy();
        }
    }

    /// Reads the log again from the pushes still needed: those of calls that have not ended
    /// more than the window ago, and recent ones that belong to no call.
    fn tidy(&mut self) {
        let window = self.options.keep_ended_ms.unwrap_or(f64::INFINITY);
        let timeline = self.log.timeline();
        let Some(now) = self.kept.iter().rev().find_map(|k| k.time) else {
            return;
        };
        #[allow(clippy::cast_precision_loss)] // times far below 2^52 ms
        let old = |t: Option<i64>| t.is_some_and(|t| ((now - t) as f64) > window);
        // Each call's time: that of the last push that touched it.
        let mut last = vec![None; timeline.call_count()];
        for k in &self.kept {
            for &c in &k.calls {
                if let Some(slot) = last.get_mut(c as usize) {
                    *slot = k.time.or(*slot);
                }
            }
        }
        let gone: Vec<bool> = (0..timeline.call_count())
            .map(|i| timeline.calls[i].closed() && old(last[i]))
            .collect();
        let kept = std::mem::take(&mut self.kept);
        let mut log = fresh(self.options.format);
        for mut k in kept {
            let needed = if k.calls.is_empty() {
                !old(k.time)
            } else {
                k.calls
                    .iter()
                    .any(|&c| !gone.get(c as usize).copied().unwrap_or(false))
            };
            if !needed {
                continue;
            }
            log.clear_changes();
            take(&mut log, &k.bytes);
            k.calls = log.timeline().touched().to_vec();
            self.kept.push(k);
        }
        self.kept_events = log.store().len();
        self.reported = log.store().diagnostics().len();
        self.log = log;
    }

    /// The log, for the whole-log views.
    #[must_use]
    pub fn log(&self) -> &Log {
        &self.log
    }

    fn changes(&mut self) -> Vec<CallChange> {
        let mut touched = self.log.timeline().touched().to_vec();
        touched.sort_unstable();
        touched.dedup();
        touched.into_iter().map(|slot| self.change(slot)).collect()
    }

    /// Every call the view holds now, as a change record each (for a desktop that opens late).
    #[must_use]
    pub fn snapshot(&self) -> Vec<CallChange> {
        let count = u32::try_from(self.log.timeline().call_count()).unwrap_or(u32::MAX);
        (0..count).map(|slot| self.change(slot)).collect()
    }

    fn change(&self, slot: u32) -> CallChange {
        let store = self.log.store();
        let timeline = self.log.timeline();
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
}

/// Takes a push into the log: a notification's XML to its reader, anything else to the log's
/// decoder.
fn take(log: &mut Log, chunk: &[u8]) {
    if is_xml(chunk) {
        log.notify(chunk);
    } else {
        log.push(chunk);
    }
}

/// Whether a push is a notification's XML: its first byte other than white space (and a UTF-8
/// byte order mark) is `<`, which no CTI text starts with, and no frame (whose first byte is
/// the high byte of a length below 16 MiB: 0).
fn is_xml(chunk: &[u8]) -> bool {
    let chunk = chunk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(chunk);
    chunk.trim_ascii_start().first() == Some(&b'<')
}

/// Events a log reaches before its first tidy.
const TIDY_EVENTS: usize = 50_000;

/// A log that notes the calls each event is taken into.
fn fresh(format: Option<Format>) -> Log {
    let mut log = Log::new(format, crate::binary::Options::default());
    log.track_changes();
    log
}

/// The time of the store's last event that has one (ms since 1970, or since midnight).
fn last_time(store: &crate::store::Store) -> Option<i64> {
    (0..store.len())
        .rev()
        .take(16)
        .find_map(|i| store.event(i).time_ms())
        .map(|t| t.0)
}

/// The phase of call `i` now.
fn phase(store: &crate::store::Store, t: &Timeline, i: usize) -> Phase {
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
fn dialog_phase(store: &crate::store::Store, d: &crate::timeline::dialog::DialogFacts) -> Phase {
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
