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
//! call), before the next push, so that memory stays bounded and a push still costs the same on
//! average. Call indices hold from one push to the next (a tidy renumbers them); keys do not
//! change.

use ts_rs::TS;

use crate::log::Log;
use crate::options::{self, settable};
use crate::sniff::Format;
use crate::view::live::{change, CallChange, LivePush};

/// How a live view reads and keeps its input: `LiveOptions` in the package's declarations.
#[derive(Clone, Copy, Debug, Default, PartialEq, TS)]
#[ts(optional_fields, rename_all = "camelCase", export_to = "types.d.ts")]
pub struct LiveOptions {
    /// The input form; told from the first push when not given or `"auto"`.
    #[ts(optional, type = "\"auto\" | Format")]
    pub format: Option<Format>,
    /// Milliseconds (of the events' own time) an ended call is kept after its last event;
    /// kept for ever when not given.
    pub keep_ended_ms: Option<f64>,
}

settable!(LiveOptions {
    format: Format::given,
    keep_ended_ms as "keepEndedMs": options::millis,
});

/// A push's bytes, kept while its calls may still be shown.
struct Kept {
    /// Whether it held whole text events ([`Live::push_events_at`]).
    whole: bool,
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
        self.push_with(chunk, now, false)
    }

    /// [`push_at`](Self::push_at) of whole text events (`MsgType:` dumps ending with a
    /// newline, as the package writes event objects): the last is complete now, not when the
    /// next push begins another.
    pub fn push_events_at(&mut self, text: &[u8], now: Option<i64>) -> LivePush {
        self.push_with(text, now, true)
    }

    fn push_with(&mut self, chunk: &[u8], now: Option<i64>, whole: bool) -> LivePush {
        // A tidy renumbers the calls: it is made before a push, so that the indices a push
        // returns hold until the next one.
        let due = (2 * self.kept_events).max(self.tidy_events);
        if self.options.keep_ended_ms.is_some() && self.log.store().len() >= due {
            self.tidy();
        }
        self.pushes += 1;
        self.log.clear_changes();
        take(&mut self.log, chunk);
        if whole {
            self.log.end_push();
        }
        let result = self.result();
        if self.options.keep_ended_ms.is_some() {
            let time = last_time(self.log.store()).or(now);
            self.keep(chunk, time, whole);
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
        // A hex dump is decoded whole at its end, into a new store: its diagnostics are new.
        let all = self.log.store().diagnostics();
        let diagnostics = all.get(self.reported..).unwrap_or(all).to_vec();
        self.reported = all.len();
        LivePush {
            push: self.pushes,
            changes: self.changes(),
            diagnostics,
        }
    }

    /// Keeps the push's bytes (until a tidy finds them no longer needed).
    fn keep(&mut self, chunk: &[u8], time: Option<i64>, whole: bool) {
        self.kept.push(Kept {
            whole,
            bytes: chunk.into(),
            calls: self.log.timeline().touched().to_vec(),
            time,
        });
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
            if k.whole {
                log.end_push();
            }
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
        change(self.log.store(), self.log.timeline(), slot)
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
