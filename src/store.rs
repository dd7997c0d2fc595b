//! A log decoded once and kept: fed in chunks of any size (a file read piece by piece, a live
//! feed), it holds the events, notes and diagnostics, builds the timeline as events arrive, and
//! hands out pages of events on demand. This is what lets a large log cross the wasm boundary
//! as calls plus the page being looked at, instead of every event as a JavaScript object.

use crate::binary::{FrameDecoder, Options};
use crate::event::{Decoded, Event, Framing};
use crate::input::{detect, Format};
use crate::timeline::{Timeline, TimelineBuilder};
use serde::Serialize;

/// Bytes buffered before the input form is told from them (or fewer, at the end).
const DETECT_BYTES: usize = 4096;

/// A log being decoded, or decoded.
pub struct LogStore {
    format: Option<Format>,
    options: Options,
    /// Text (or hex) not decoded yet: from the start of the last event that may be incomplete.
    pending: Vec<u8>,
    /// Lines of text already decoded (before `pending`).
    lines_done: u32,
    frames: Option<FrameDecoder>,
    decoded: Decoded,
    builder: TimelineBuilder,
    /// Events already pushed into `builder`.
    built: usize,
    finished: bool,
}

/// What a store holds, without the events themselves: `{ format, framing?, eventCount, notes,
/// diagnostics, timeline }`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary<'a> {
    /// The input form, once the first bytes told it.
    pub format: Option<Format>,
    /// For binary and hex input: the field-header width in use and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framing: Option<Framing>,
    /// Events decoded so far.
    pub event_count: usize,
    /// Whether `finish` has been called.
    pub finished: bool,
    /// Lines outside events.
    pub notes: &'a [crate::Note],
    /// Everything malformed so far.
    pub diagnostics: &'a [crate::Diagnostic],
    /// Calls and agents of the events so far.
    pub timeline: Timeline,
}

impl LogStore {
    /// An empty store; the form is detected from the first chunk unless `format` names it.
    #[must_use]
    pub fn new(format: Option<Format>, options: Options) -> LogStore {
        LogStore {
            format,
            options,
            pending: Vec::new(),
            lines_done: 0,
            frames: None,
            decoded: Decoded::default(),
            builder: TimelineBuilder::new(),
            built: 0,
            finished: false,
        }
    }

    /// The whole of `input`, decoded.
    #[must_use]
    pub fn open(input: &[u8], format: Option<Format>, options: Options) -> LogStore {
        let mut store = LogStore::new(format, options);
        store.push(input);
        store.finish();
        store
    }

    /// Decodes what `chunk` completes. Text is decoded up to the last `MsgType:` line (the event
    /// it starts may go on in the next chunk); frames up to the last complete frame.
    pub fn push(&mut self, chunk: &[u8]) {
        if self.finished || chunk.is_empty() {
            return;
        }
        let Some(format) = self.format else {
            // The form is told from the first bytes only once there are enough of them: a
            // chunk of "20" could start a timestamp as well as a hex dump.
            self.pending.extend_from_slice(chunk);
            if self.pending.len() >= DETECT_BYTES {
                self.settle_format();
            }
            return;
        };
        match format {
            Format::Binary => {
                let frames = self
                    .frames
                    .get_or_insert_with(|| FrameDecoder::new(self.options));
                let out = frames.push(chunk);
                self.take(out);
            }
            Format::Text => {
                self.pending.extend_from_slice(chunk);
                let cut = last_event_start(&self.pending);
                if cut > 0 {
                    let rest = self.pending.split_off(cut);
                    let done = std::mem::replace(&mut self.pending, rest);
                    self.take_text(&done);
                }
            }
            // Hex dumps are small; they are decoded whole at the end.
            Format::Hex => self.pending.extend_from_slice(chunk),
        }
    }

    /// Ends the input: what is pending is decoded, a partial frame reported as truncated.
    pub fn finish(&mut self) {
        if self.finished {
            return;
        }
        if self.format.is_none() && !self.pending.is_empty() {
            self.settle_format();
        }
        let pending = std::mem::take(&mut self.pending);
        match self.format {
            Some(Format::Text) => self.take_text(&pending),
            Some(Format::Hex) => {
                let (_, decoded) =
                    crate::input::decode_input(&pending, Some(Format::Hex), self.options);
                self.take(decoded);
            }
            Some(Format::Binary) => {
                if let Some(frames) = self.frames.as_mut() {
                    let out = frames.finish();
                    self.take(out);
                }
            }
            None => {}
        }
        self.finished = true;
    }

    /// Events `start..end` (clamped to what there is).
    #[must_use]
    pub fn events(&self, start: usize, end: usize) -> &[Event] {
        let len = self.decoded.events.len();
        let end = end.min(len);
        &self.decoded.events[start.min(end)..end]
    }

    /// Number of events decoded so far.
    #[must_use]
    pub fn len(&self) -> usize {
        self.decoded.events.len()
    }

    /// Whether no event has been decoded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.decoded.events.is_empty()
    }

    /// Everything but the events, with the timeline of the events so far.
    #[must_use]
    pub fn summary(&self) -> Summary<'_> {
        let framing = self
            .decoded
            .framing
            .clone()
            .or_else(|| self.frames.as_ref().map(FrameDecoder::framing));
        Summary {
            format: self.format,
            framing,
            event_count: self.decoded.events.len(),
            finished: self.finished,
            notes: &self.decoded.notes,
            diagnostics: &self.decoded.diagnostics,
            timeline: self.builder.snapshot(),
        }
    }

    /// Tells the input form from the bytes buffered so far and takes them in as the first chunk.
    fn settle_format(&mut self) {
        self.format = Some(detect(&self.pending));
        let pending = std::mem::take(&mut self.pending);
        self.push(&pending);
    }

    fn take_text(&mut self, text: &[u8]) {
        let mut decoded = crate::decode_log_bytes(text);
        let base = self.lines_done;
        if base > 0 {
            for e in &mut decoded.events {
                e.line += base;
                e.end_line += base;
            }
            for n in &mut decoded.notes {
                n.line += base;
            }
            for d in decoded.diagnostics.iter_mut().filter(|d| d.line > 0) {
                d.line += base;
            }
        }
        let lines = memchr::memchr_iter(b'\n', text).count();
        self.lines_done = base.saturating_add(u32::try_from(lines).unwrap_or(u32::MAX));
        self.take(decoded);
    }

    fn take(&mut self, mut decoded: Decoded) {
        self.decoded.events.append(&mut decoded.events);
        self.decoded.notes.append(&mut decoded.notes);
        self.decoded.diagnostics.append(&mut decoded.diagnostics);
        if decoded.framing.is_some() {
            self.decoded.framing = decoded.framing;
        }
        self.builder.push(&self.decoded.events[self.built..]);
        self.built = self.decoded.events.len();
    }
}

/// The byte offset of the start of the last line that opens an event (`MsgType:` after an
/// optional timestamp and indentation); 0 when there is none after the first line.
fn last_event_start(text: &[u8]) -> usize {
    let mut end = text.len();
    while let Some(at) = memchr::memmem::rfind(&text[..end], b"MsgType") {
        let line_start = memchr::memrchr(b'\n', &text[..at]).map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        let opens = before
            .iter()
            .all(|b| b.is_ascii_digit() || b" \t-:.,TZ+".contains(b));
        if opens {
            return line_start;
        }
        end = at;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = include_str!("../tests/fixtures/flows/consult-transfer.txt");

    #[test]
    fn any_chunking_gives_the_whole_decode_and_timeline() {
        let whole = crate::decode_log(LOG);
        let timeline = crate::build_timeline(&whole.events);
        for size in [1, 7, 64, 333, LOG.len()] {
            let mut store = LogStore::new(None, Options::default());
            for chunk in LOG.as_bytes().chunks(size) {
                store.push(chunk);
            }
            store.finish();
            assert_eq!(
                store.events(0, usize::MAX),
                whole.events.as_slice(),
                "chunks of {size}"
            );
            assert_eq!(store.summary().notes, whole.notes.as_slice());
            assert_eq!(store.summary().timeline, timeline);
        }
    }

    #[test]
    fn pages_are_clamped() {
        let store = LogStore::open(LOG.as_bytes(), None, Options::default());
        assert_eq!(store.events(2, 4).len(), 2);
        assert_eq!(store.events(store.len() - 1, store.len() + 10).len(), 1);
        assert!(store.events(store.len() + 5, store.len() + 10).is_empty());
    }

    #[test]
    fn an_event_start_is_a_msgtype_line() {
        assert_eq!(last_event_start(b"MsgType: A\n  F: 1\n"), 0);
        assert_eq!(
            last_event_start(b"MsgType: A\n  F: 1\n10:00:00.000 MsgType: B\n"),
            18
        );
        assert_eq!(last_event_start(b"MsgType: A\n  Text: MsgType\n"), 0);
    }
}
