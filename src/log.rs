//! A log decoded once and kept: fed whole or in chunks of any size (a file read piece by piece,
//! a live feed), its input form told from its first bytes, its events in one [`Store`], its
//! calls in one [`Timeline`] taken in as events complete.
//!
//! This is what the command-line tool and the JavaScript `CtiLog` wrap.

use crate::binary::Framing;
use crate::binary::{self, Options};
use crate::options::{self, settable};
use crate::sniff::{sniff, Form as InputForm, Format, Sniffed};
use crate::store::{Form, Store};
use crate::text::encoding::{Encoding, TextInput};
use crate::timeline::Timeline;

/// Bytes the input form is told from: the first this many (or fewer, at the end), however
/// the input is chunked.
const DETECT_BYTES: usize = 64 * 1024;

enum Decoder {
    /// The form is not told yet: the bytes so far.
    Undecided(Vec<u8>),
    /// (Boxed: a text decoder is much larger than the others.)
    Text(Box<TextInput>),
    // The traces module reads text; frames are the main module's (see `settle`).
    #[cfg(not(feature = "wasm-traces"))]
    Frames(binary::FrameDecoder),
    /// Hex dumps are small; they are decoded whole at the end.
    #[cfg(not(feature = "wasm-traces"))]
    Hex(Vec<u8>),
    /// A kind of file that is no CTI log (an image, an archive): nothing is decoded, and the
    /// end says what it looks like.
    Unreadable,
}

/// How a log reads its input: the options the package's `CtiLog` takes (`LogOptions` in its
/// declarations; each field read as [`settable!`] below says).
#[derive(Clone, Copy, Debug, Default, PartialEq, ts_rs::TS)]
#[ts(optional_fields)]
pub struct LogOptions {
    /// The input form; told from the first bytes when not given or `"auto"`.
    #[ts(optional, type = "\"auto\" | Format")]
    pub format: Option<Format>,
    /// Bytes of a floating field's tag and length (frames): 1 or 2.
    #[ts(optional, type = "1 | 2")]
    pub width: Option<binary::Width>,
    /// The protocol version of the frames.
    pub version: Option<u32>,
    /// Whether calls are worked out as events arrive (default `true`; `false` for a decode that
    /// only wants events).
    pub calls: Option<bool>,
    /// The whole input's size in bytes, when known (a file's): memory for all of it is
    /// reserved once its first part is decoded, instead of growing as it comes.
    pub size: Option<f64>,
    /// The year of MIVR records, which carry none (`cisco-logs.md` §2.1); without it their
    /// times are times of day. Read by the trace decoders (`cti-outcome/traces`).
    pub year: Option<i32>,
    /// With `year`, when it is a file's modification time: that month (1–12), so that records
    /// of a later month are taken as the year before (the command-line tool takes the file's
    /// month itself).
    pub month: Option<u8>,
}

settable!(LogOptions {
    format: Format::given,
    // The traces module reads no frames (see `settle`), so no framing either.
    #[cfg(not(feature = "wasm-traces"))]
    width: binary::Width::given,
    #[cfg(not(feature = "wasm-traces"))]
    version: binary::version,
    calls: options::flag,
    size: options::size,
    // Only the trace decoders read records without a year (the main module, built for size,
    // reads neither field).
    #[cfg(feature = "traces")]
    year: options::year,
    #[cfg(feature = "traces")]
    month: options::month,
});

/// A log being decoded, or decoded.
pub struct Log {
    format: Option<Format>,
    /// What [`sniff`] said of the input, when it was asked.
    sniffed: Option<Sniffed>,
    /// The year of trace records written without one.
    year: Option<crate::traces::Year>,
    /// Framing for frames (none in the traces module, which reads no frames).
    #[cfg_attr(feature = "wasm-traces", allow(dead_code))]
    options: Options,
    decoder: Decoder,
    store: Store,
    timeline: Timeline,
    framing: Option<Framing>,
    finished: bool,
    /// Whether events are taken into the timeline.
    calls: bool,
    /// Threads a text dump is decoded on ([`set_threads`](Self::set_threads)).
    #[cfg(not(target_arch = "wasm32"))]
    threads: usize,
    /// Notifications pushed as XML ([`notify`](Self::notify)): their reader, and how many.
    #[cfg(feature = "finesse")]
    notifications: (crate::finesse::Notifications, u32),
    /// The input's first bytes (to say why, when nothing in it is an event), and its length.
    first: Vec<u8>,
    seen: u64,
    /// The input's whole size in bytes when known ([`expect`](Self::expect)), until room for it
    /// is made.
    expected: Option<u64>,
    /// The input so far, while its form was told from fewer than [`DETECT_BYTES`] of it (by a
    /// word that announces it, see `feed`): told again once there are that many or at the end,
    /// as one chunk of them would have been, and decoded again from the start if that tells
    /// another form (a later line can outrank the word's).
    early: Option<Vec<u8>>,
}

/// Bytes decoded before the room a known size needs is estimated from them.
const SAMPLE_BYTES: u64 = 256 * 1024;

/// Bytes of a chunk fed at a time (see [`Log::push`]).
const PIECE_BYTES: usize = 4 << 20;

/// Bytes kept from the start of the input to say what it looks like.
const FIRST_BYTES: usize = 512;

impl Log {
    /// An empty log; the form is told from the first bytes unless `format` names it.
    #[must_use]
    pub fn new(format: Option<Format>, options: Options) -> Log {
        let mut log = Log {
            format: None,
            sniffed: None,
            year: None,
            options,
            decoder: Decoder::Undecided(Vec::new()),
            store: Store::new(Form::Text),
            timeline: Timeline::default(),
            framing: None,
            finished: false,
            calls: true,
            #[cfg(not(target_arch = "wasm32"))]
            threads: 1,
            #[cfg(feature = "finesse")]
            notifications: Default::default(),
            first: Vec::new(),
            seen: 0,
            expected: None,
            early: None,
        };
        if let Some(format) = format {
            log.settle(format);
        }
        log
    }

    /// A finished log of events already in a store (events read back from JSON).
    #[must_use]
    pub fn of_store(store: Store) -> Log {
        let mut log = Log {
            format: Some(Format::Text),
            sniffed: None,
            year: None,
            options: Options::default(),
            // Finished: nothing more is decoded.
            decoder: Decoder::Undecided(Vec::new()),
            store,
            timeline: Timeline::default(),
            framing: None,
            finished: true,
            calls: true,
            #[cfg(not(target_arch = "wasm32"))]
            threads: 1,
            #[cfg(feature = "finesse")]
            notifications: Default::default(),
            first: Vec::new(),
            seen: 0,
            expected: None,
            early: None,
        };
        log.update_timeline();
        log
    }

    /// Whether events are taken into the timeline (on by default; off for a decode that only
    /// wants events, which then costs no time for calls).
    pub fn set_timeline(&mut self, calls: bool) {
        self.calls = calls;
    }

    /// Decodes a text dump on `threads` threads (1 by default), before the first bytes: the
    /// same events, diagnostics and calls as on one (see [`crate::text::slices`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn set_threads(&mut self, threads: usize) {
        self.threads = threads;
        if self.format == Some(Format::Text) && self.seen == 0 {
            self.settle(Format::Text);
        }
    }

    /// The year of trace records that carry none (MIVR, `cisco-logs.md` §2.1); before the
    /// first bytes.
    pub fn set_year(&mut self, year: crate::traces::Year) {
        self.year = Some(year);
        // (Only a build with the trace decoders has one to make again.)
        #[cfg(feature = "traces")]
        if self.format == Some(Format::Trace) && self.seen == 0 {
            // The trace decoder was made when the format was given, before the year was.
            self.settle(Format::Trace);
        }
    }

    /// Says how many bytes the whole input has (a file's size): once the first of them are
    /// decoded, the store and the timeline make room for the rest at once rather than growing
    /// step by step. A wrong size costs only memory or time, never events.
    pub fn expect(&mut self, bytes: u64) {
        self.expected = Some(bytes);
    }

    /// The whole of `input`, decoded, with its timeline finished.
    #[must_use]
    pub fn open(input: &[u8], format: Option<Format>, options: Options) -> Log {
        let mut log = Log::new(format, options);
        log.push(input);
        log.finish();
        log
    }

    /// Decodes what `chunk` completes: text up to its last whole line, frames up to the last
    /// whole frame. The rest waits for the next chunk or [`finish`](Self::finish).
    pub fn push(&mut self, chunk: &[u8]) {
        if self.finished || chunk.is_empty() {
            return;
        }
        if self.first.len() < FIRST_BYTES {
            let take = (FIRST_BYTES - self.first.len()).min(chunk.len());
            self.first.extend_from_slice(&chunk[..take]);
        }
        self.seen += chunk.len() as u64;
        // A large chunk (a whole file) is fed in pieces, the events of each taken into the
        // timeline before the next: on threads, the calls are worked out while slices decode.
        for piece in chunk.chunks(PIECE_BYTES) {
            self.feed(piece);
        }
    }

    fn feed(&mut self, chunk: &[u8]) {
        if let Some(early) = &mut self.early {
            early.extend_from_slice(chunk);
            if early.len() >= DETECT_BYTES && self.retold() {
                return;
            }
        }
        match &mut self.decoder {
            Decoder::Undecided(head) if head.is_empty() && chunk.len() >= DETECT_BYTES => {
                self.settle_sniffed(sniff(&chunk[..DETECT_BYTES]));
                self.feed(chunk);
                return;
            }
            Decoder::Undecided(head) => {
                // The form is told only once there are enough bytes: a chunk of "20" could start
                // a timestamp as well as a hex dump. A dump or a trace record says so at once,
                // so a live feed need not wait for more.
                // Told early only when the first bytes read as what the word announces: a
                // trace's tag where a record carries it, a dump's `MsgType` (a `%MIVR-` inside
                // other bytes may still be frames once more of them come).
                head.extend_from_slice(chunk);
                let finder = |needle: &[u8]| crate::text::find(head, needle).is_some();
                let msg_type = finder(b"MsgType");
                let announced = msg_type || finder(b"%CCBU_") || finder(b"%MIVR-");
                let whole = head.len() >= DETECT_BYTES;
                let sniffed = (announced || whole)
                    .then(|| sniff(&head[..head.len().min(DETECT_BYTES)]))
                    .filter(|s| {
                        whole
                            || match s.form {
                                InputForm::Finesse | InputForm::Mivr | InputForm::Dumplog => true,
                                InputForm::Dump | InputForm::FlatDump => msg_type,
                                _ => false,
                            }
                    });
                if let Some(sniffed) = sniffed {
                    let head = std::mem::take(head);
                    self.settle_sniffed(sniffed);
                    self.feed(&head);
                    self.early = (!whole).then_some(head);
                }
            }
            Decoder::Text(d) => d.push(&mut self.store, chunk),
            #[cfg(not(feature = "wasm-traces"))]
            Decoder::Frames(d) => d.push(&mut self.store, chunk),
            #[cfg(not(feature = "wasm-traces"))]
            Decoder::Hex(text) => text.extend_from_slice(chunk),
            Decoder::Unreadable => {}
        }
        self.take_in();
        self.make_room();
    }

    /// Tells the form again from the first [`DETECT_BYTES`] of the input, kept while a word
    /// told it early, and forgets them; when that tells another form, decodes them again from
    /// the start in it. Whether it did.
    fn retold(&mut self) -> bool {
        let Some(early) = self.early.take() else {
            return false;
        };
        let sniffed = sniff(&early[..early.len().min(DETECT_BYTES)]);
        if self
            .sniffed
            .as_ref()
            .is_some_and(|s| s.form == sniffed.form)
        {
            self.sniffed = Some(sniffed);
            return false;
        }
        self.store = Store::new(Form::Text);
        self.timeline.reset();
        self.settle_sniffed(sniffed);
        self.feed(&early);
        true
    }

    /// With the input's size known and a sample of it decoded, reserves what the rest needs,
    /// at the rate the sample used.
    fn make_room(&mut self) {
        let Some(expected) = self.expected else {
            return;
        };
        if self.seen < SAMPLE_BYTES.min(expected) || self.store.is_empty() {
            return;
        }
        self.expected = None;
        #[allow(clippy::cast_precision_loss)] // byte counts far below 2^52
        let factor = expected as f64 / self.seen as f64;
        if factor > 1.1 {
            self.store.grow_for(factor);
            if self.calls {
                self.timeline.grow_for(factor);
            }
        }
    }

    /// Ends the input: what is pending is decoded, and the timeline finished.
    pub fn finish(&mut self) {
        if self.finished {
            return;
        }
        if let Decoder::Undecided(head) = &mut self.decoder {
            let head = std::mem::take(head);
            if !head.is_empty() {
                self.settle_sniffed(sniff(&head));
                self.feed(&head);
            }
        }
        self.retold();
        match &mut self.decoder {
            Decoder::Undecided(_) | Decoder::Unreadable => {}
            Decoder::Text(d) => d.finish(&mut self.store),
            #[cfg(not(feature = "wasm-traces"))]
            Decoder::Frames(d) => {
                d.finish(&mut self.store);
                self.framing = Some(d.framing());
            }
            #[cfg(not(feature = "wasm-traces"))]
            Decoder::Hex(text) => {
                let text = String::from_utf8_lossy(text).into_owned();
                let (bytes, mut diagnostics) = binary::decode_hex(&text);
                let (store, framing) = binary::decode(&bytes, self.options);
                self.store = store;
                diagnostics.append(&mut self.store.diagnostics);
                self.store.diagnostics = diagnostics;
                self.framing = Some(framing);
            }
        }
        self.finished = true;
        if self.store.is_empty() {
            let why =
                crate::sniff::why_no_events(&self.first, self.seen, self.format, self.encoding());
            let at = match self.store.form() {
                Form::Text => crate::diagnostic::At::Text { line: 1, column: 1 },
                Form::Frames => crate::diagnostic::At::Byte(0),
                Form::Capture => crate::diagnostic::At::Packet(1),
            };
            self.store
                .diagnostics
                .push(crate::diagnostic::Diagnostic::new(
                    crate::diagnostic::DiagnosticCode::NoEvents,
                    at,
                    &why,
                ));
        }
        if self.calls {
            self.take_in();
            self.timeline.finish(&self.store);
        }
    }

    /// Settles on what [`sniff`] found: its decoder, or nothing for a form no log decoder
    /// reads (a capture, a call-record export, another kind of file).
    fn settle_sniffed(&mut self, sniffed: Sniffed) {
        let form = sniffed.form;
        self.sniffed = Some(sniffed);
        match form.format() {
            Some(format) => self.settle(format),
            None if form == InputForm::Empty => self.settle(Format::Text),
            None => {
                self.store = Store::new(Form::Frames);
                self.decoder = Decoder::Unreadable;
            }
        }
    }

    fn settle(&mut self, format: Format) {
        self.format = Some(format);
        self.decoder = match format {
            #[cfg(not(target_arch = "wasm32"))]
            Format::Text => Decoder::Text(Box::new(TextInput::threads(self.threads))),
            #[cfg(all(target_arch = "wasm32", not(feature = "wasm-finesse")))]
            Format::Text => Decoder::Text(Box::default()),
            // The Finesse module reads traces only (dumps are the main module's).
            #[cfg(feature = "wasm-finesse")]
            Format::Text => Decoder::Unreadable,
            Format::Trace => self.trace_decoder(),
            // The traces module reads text; frames are the main module's.
            #[cfg(feature = "wasm-traces")]
            Format::Binary | Format::Hex => Decoder::Unreadable,
            #[cfg(not(feature = "wasm-traces"))]
            Format::Binary => {
                self.store = Store::new(Form::Frames);
                Decoder::Frames(binary::FrameDecoder::new(self.options))
            }
            #[cfg(not(feature = "wasm-traces"))]
            Format::Hex => Decoder::Hex(Vec::new()),
        };
    }

    #[cfg(feature = "traces")]
    fn trace_decoder(&mut self) -> Decoder {
        Decoder::Text(Box::new(TextInput::traces(self.year)))
    }

    /// The main WebAssembly module reads no trace: the end says where to open it.
    #[cfg(not(feature = "traces"))]
    #[allow(clippy::unused_self)] // the same signature as the other build's
    fn trace_decoder(&mut self) -> Decoder {
        Decoder::Unreadable
    }

    /// Takes the events completed so far into the timeline.
    fn take_in(&mut self) {
        if !self.calls {
            return;
        }
        let complete = match &self.decoder {
            Decoder::Text(d) if !self.finished => d.complete(&self.store),
            Decoder::Undecided(_) if !self.finished => 0,
            #[cfg(not(feature = "wasm-traces"))]
            Decoder::Hex(_) if !self.finished => 0,
            Decoder::Unreadable => 0,
            _ => self.store.len(),
        };
        self.timeline.push(&mut self.store, complete);
    }

    /// Takes one or more Finesse notifications (`<Update>` XML, §4) pushed by a live desktop,
    /// beside whatever else the log reads: their events are written and taken in at once.
    /// Positions are the notification's number among those pushed (as the line) and the byte
    /// in it plus one (as the column). A text event the log's own decoder still has open is
    /// taken in as far as it goes.
    ///
    /// Notifications are text events: a log of frames takes the push as bytes like any other
    /// (its decoder says what is wrong with them), and a log whose form is not told yet is told
    /// now (from what it holds; text if nothing), so that no later push changes it.
    #[cfg(feature = "finesse")]
    pub fn notify(&mut self, xml: &[u8]) {
        // The form is final once a notification is written: no later bytes tell it again.
        self.early = None;
        if let Decoder::Undecided(head) = &mut self.decoder {
            let head = std::mem::take(head);
            if head.is_empty() {
                self.settle(Format::Text);
            } else {
                self.settle_sniffed(sniff(&head));
                self.feed(&head);
            }
        }
        if self.store.form != Form::Text {
            self.push(xml);
            return;
        }
        let (reader, count) = &mut self.notifications;
        *count += 1;
        let record = *count;
        let text = String::from_utf8_lossy(xml);
        let position = |at: usize| (record, u32::try_from(at + 1).unwrap_or(u32::MAX));
        let origin = crate::finesse::Origin {
            position: &position,
            offset: None,
            time: None,
            time_text: "",
        };
        reader.write_text(&mut self.store, &text, &origin);
        if self.calls {
            let end = self.store.len();
            self.timeline.push(&mut self.store, end);
        }
    }

    /// Ends a push that held whole events (text ending with a newline): the event it ends with
    /// is complete, so it is taken in now rather than when the next one begins.
    #[cfg(feature = "finesse")]
    pub fn end_push(&mut self) {
        if let Decoder::Text(d) = &mut self.decoder {
            d.close(&mut self.store);
            self.take_in();
        }
    }

    /// Notes which calls each event is taken into ([`Timeline::touched`]).
    #[cfg(feature = "finesse")]
    pub fn track_changes(&mut self) {
        self.timeline.track();
    }

    /// Forgets the calls noted as touched.
    #[cfg(feature = "finesse")]
    pub fn clear_changes(&mut self) {
        self.timeline.clear_touched();
    }

    /// Works out the calls of the events so far (done by [`finish`](Self::finish) at the end).
    pub fn update_timeline(&mut self) {
        self.take_in();
        self.timeline.finish(&self.store);
    }

    /// For text: the encoding it was read in, once told.
    #[must_use]
    pub fn encoding(&self) -> Option<Encoding> {
        match &self.decoder {
            Decoder::Text(input) => input.encoding(),
            _ => None,
        }
    }

    /// The input form, once told.
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// What [`sniff`] said of the input (`None` when its format was given, or before any byte).
    #[must_use]
    pub fn sniffed(&self) -> Option<&Sniffed> {
        self.sniffed.as_ref()
    }

    /// For frames: the width and protocol version in use, and why.
    #[must_use]
    pub fn framing(&self) -> Option<Framing> {
        match &self.decoder {
            #[cfg(not(feature = "wasm-traces"))]
            Decoder::Frames(d) if !self.finished => Some(d.framing()),
            _ => self.framing.clone(),
        }
    }

    /// Whether [`finish`](Self::finish) has been called.
    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The decoded events, notes and diagnostics.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The calls and agents, as of the last [`finish`](Self::finish) or
    /// [`update_timeline`](Self::update_timeline).
    #[must_use]
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }
}

#[cfg(test)]
mod tests;
