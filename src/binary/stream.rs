//! The streaming frame decoder: chunks in, events into a store.
//!
//! A header whose MessageLength is within the 12,500-byte cap and whose MessageType is in
//! reference §2.1 is a frame, with a layout or without, and is kept. Bytes are skipped only where
//! the length chain breaks (a header outside those bounds). While skipping, a header of a type
//! with a layout is taken again once its frame parses exactly; one of any other type once the
//! header after it is also a frame's (or the input ends with it) and no frame that parses starts
//! inside it. (So a frame without a layout with garbage on both sides cannot prove itself and is
//! reported with the garbage: misaligned reads of fixed parts, such as `00000000 00000100`, look
//! exactly like it.)
//! Any chunking gives the same events and diagnostics as the whole input.

use super::Framing;
use crate::codes::message_types::{self, id};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{flag, EventType, Store, NO_STR, NO_TIME};

use super::check::{frame_exact, problems};
use super::choose::Learned;
use super::{Options, MAX_BODY};

/// Decodes a byte stream fed in chunks of any size, split anywhere, into a store.
#[derive(Clone, Debug)]
pub struct FrameDecoder {
    /// Bytes not decoded yet (a frame cut short, or bytes being looked through).
    buf: Vec<u8>,
    /// Offset in the stream of `buf[0]`.
    base: u64,
    /// Start of a run of skipped bytes (stream offset), while resynchronising.
    skipping: Option<u64>,
    learned: Learned,
}

/// What the bytes at a position are.
enum Step {
    /// Not enough bytes to tell.
    Wait,
    /// A frame of this many bytes (header included).
    Frame(usize),
    /// No frame starts here.
    Skip,
}

impl FrameDecoder {
    /// A decoder; `options` may fix the width or the protocol version.
    #[must_use]
    pub fn new(options: Options) -> Self {
        FrameDecoder {
            buf: Vec::new(),
            base: 0,
            skipping: None,
            learned: Learned::new(options),
        }
    }

    /// The floating-field width and protocol version in use, and why.
    #[must_use]
    pub fn framing(&self) -> Framing {
        self.learned.framing()
    }

    /// Decodes the frames `chunk` completes into `store`; a frame cut short waits.
    pub fn push(&mut self, store: &mut Store, chunk: &[u8]) {
        if self.buf.is_empty() {
            let used = self.scan(store, chunk, false);
            self.buf.extend_from_slice(&chunk[used..]);
            self.base += used as u64;
        } else {
            self.buf.extend_from_slice(chunk);
            let buf = std::mem::take(&mut self.buf);
            let used = self.scan(store, &buf, false);
            self.buf = buf;
            self.buf.drain(..used);
            self.base += used as u64;
        }
    }

    /// Ends the stream: what is left is a frame cut short (a warning, not an error: the input
    /// stopped) or bytes that are no frame.
    pub fn finish(&mut self, store: &mut Store) {
        let buf = std::mem::take(&mut self.buf);
        let used = self.scan(store, &buf, true);
        let rest = &buf[used..];
        if let Some(start) = self.skipping.take() {
            store
                .diagnostics
                .push(skipped(start, self.base + buf.len() as u64));
        } else if !rest.is_empty() && !could_start_header(rest) {
            // Fewer bytes than a header, which no header begins with: garbage, not a cut frame.
            store.diagnostics.push(skipped(
                self.base + used as u64,
                self.base + buf.len() as u64,
            ));
        } else if !rest.is_empty() {
            store.diagnostics.push(Diagnostic::byte(
                DiagnosticCode::TruncatedFrame,
                self.base + used as u64,
                &format!("{} bytes of an incomplete frame", rest.len()),
            ));
        }
        self.base += buf.len() as u64;
    }

    /// Takes one frame already cut from its stream (a capture's), found at stream `offset`.
    pub(crate) fn take_whole(&mut self, store: &mut Store, frame: &[u8], offset: u64) {
        self.take(store, frame, offset);
    }

    /// Decodes what `data` (at stream offset `self.base`) holds; returns the bytes used.
    fn scan(&mut self, store: &mut Store, data: &[u8], end: bool) -> usize {
        let mut at = 0;
        loop {
            match self.step(&data[at..], end) {
                Step::Wait => return at,
                Step::Frame(size) => {
                    let offset = self.base + at as u64;
                    if let Some(start) = self.skipping.take() {
                        store.diagnostics.push(skipped(start, offset));
                    }
                    self.take(store, &data[at..at + size], offset);
                    at += size;
                }
                Step::Skip => {
                    if self.skipping.is_none() {
                        let offset = self.base + at as u64;
                        self.skipping = Some(offset);
                        let len = read_u32(&data[at..]);
                        if len as usize > MAX_BODY {
                            store.diagnostics.push(Diagnostic::byte(
                                DiagnosticCode::LengthOverMaximum,
                                offset,
                                &format!("MessageLength {len}"),
                            ));
                        }
                    }
                    at += 1;
                }
            }
        }
    }

    fn step(&self, data: &[u8], end: bool) -> Step {
        if data.len() < 8 {
            return if end && !data.is_empty() && self.skipping.is_some() {
                Step::Skip
            } else {
                Step::Wait
            };
        }
        let size = 8 + read_u32(data) as usize;
        if self.skipping.is_none() && plausible(data) {
            return if data.len() >= size {
                Step::Frame(size)
            } else if end && self.frames_follow(data) {
                // The length claims more than there is, yet frames follow: it was no frame.
                Step::Skip
            } else {
                Step::Wait
            };
        }
        if self.skipping.is_none() && unknown_type(data) {
            // A type no reference lists is a frame when the chain goes on after it.
            return match data.get(size..size + 8) {
                Some(next) if plausible(next) => Step::Frame(size),
                Some(_) => Step::Skip,
                None if end && data.len() == size => Step::Frame(size),
                None if end => Step::Skip,
                None => Step::Wait,
            };
        }
        if !plausible(data) {
            return Step::Skip;
        }
        // Resynchronising: only a frame that proves itself is taken.
        let Some(frame) = data.get(..size) else {
            return if end { Step::Skip } else { Step::Wait };
        };
        let id = u16::try_from(read_u32(&data[4..])).ok();
        if crate::codes::layouts::layout(id.unwrap_or(0)).is_some() {
            return if self.parses(frame, id) {
                Step::Frame(size)
            } else {
                Step::Skip
            };
        }
        // A type without a layout cannot prove itself by parsing: after garbage, the length
        // chain must go on after it (or the input end there), and no frame that parses may start
        // inside it.
        match chained(data, size, end) {
            None => return Step::Wait,
            Some(false) => return Step::Skip,
            Some(true) => {}
        }
        match self.parsing_frame_inside(data, size, end) {
            Some(true) => Step::Skip,
            Some(false) => Step::Frame(size),
            None => Step::Wait,
        }
    }

    /// Whether a frame of a type with a layout that parses exactly starts inside the first
    /// `size` bytes of `data` (after its first byte); `None` while the bytes to tell have not
    /// all arrived.
    fn parsing_frame_inside(&self, data: &[u8], size: usize, end: bool) -> Option<bool> {
        for at in 1..size {
            let Some(header) = data.get(at..at + 8) else {
                // Headers that run past the input cannot start a frame at its end.
                return if end { Some(false) } else { None };
            };
            if !plausible(header) {
                continue;
            }
            let id = u16::try_from(read_u32(&header[4..])).ok();
            if crate::codes::layouts::layout(id.unwrap_or(0)).is_none() {
                continue;
            }
            match data.get(at..at + 8 + read_u32(header) as usize) {
                Some(frame) if self.parses(frame, id) => return Some(true),
                Some(_) => {}
                None if end => {}
                None => return None,
            }
        }
        Some(false)
    }

    /// Whether a frame of a type with a layout parses exactly in some width and variant (one
    /// of a type without a layout proves nothing by parsing).
    fn parses(&self, frame: &[u8], id: Option<u16>) -> bool {
        if crate::codes::layouts::layout(id.unwrap_or(0)).is_none() {
            return false;
        }
        let mut probe = self.learned.clone();
        let (shape, exact, _) = probe.choose(frame, id, 0);
        exact && frame_exact(frame, shape)
    }

    /// Whether a frame that proves itself starts anywhere after the header at `data[0]`.
    fn frames_follow(&self, data: &[u8]) -> bool {
        (1..data.len().saturating_sub(7)).any(|at| {
            let here = &data[at..];
            plausible(here)
                && here
                    .get(..8 + read_u32(here) as usize)
                    .is_some_and(|f| self.parses(f, u16::try_from(read_u32(&f[4..])).ok()))
        })
    }

    /// Takes one complete frame (header included) found at stream `offset` into the store.
    fn take(&mut self, store: &mut Store, frame: &[u8], offset: u64) {
        let ty = read_u32(&frame[4..]);
        let id = u16::try_from(ty)
            .ok()
            .filter(|&i| message_types::is_known(i));
        if id == Some(id::OPEN_REQ) && frame.len() >= 16 {
            self.learned.open_req(read_u32(&frame[12..]), offset);
        }
        let (shape, exact, choice) = self.learned.choose(frame, id, offset);
        let start = store.bytes.len() as u64;
        store.bytes.extend_from_slice(frame);
        let mut flags = shape.variant << flag::VARIANT_SHIFT;
        if shape.width == 2 {
            flags |= flag::WIDE;
        }
        if shape.fixed.is_some() && frame.len() < 8 + shape.size {
            flags |= flag::TRUNCATED;
        }
        let e = &mut store.events;
        e.ty.push(EventType::Id(ty).pack());
        e.flags.push(flags);
        e.offset.push(offset);
        e.length
            .push(u32::try_from(frame.len()).unwrap_or(u32::MAX));
        e.line.push(0);
        e.end_line.push(0);
        e.time.push(NO_TIME);
        e.time_text.push(NO_STR);
        e.label.push(NO_STR);
        e.body.push(start);
        store.diagnostics.extend(choice);
        if id.is_none() {
            store.diagnostics.push(Diagnostic::byte(
                DiagnosticCode::UnknownMessageType,
                offset + 4,
                &format!("MessageType {ty}"),
            ));
        }
        if !exact {
            let name = id.and_then(message_types::name_of).unwrap_or_default();
            problems(frame, shape, offset, name, &mut store.diagnostics);
        }
    }
}

/// Whether the length chain goes on after a frame of `size` bytes at the start of `data`: a
/// plausible header follows, or the input ends just there. `None` while that is not known.
fn chained(data: &[u8], size: usize, end: bool) -> Option<bool> {
    match data.get(size..size + 8) {
        Some(next) => Some(plausible(next)),
        None if end => Some(data.len() == size),
        None => None,
    }
}

/// Whether `bytes` (fewer than a header's 8) can begin a header: the MessageLength they begin
/// can be within the cap and the MessageType within 16 bits.
fn could_start_header(bytes: &[u8]) -> bool {
    if bytes.len() >= 8 {
        return true;
    }
    let least = |from: usize| {
        let mut word = [0u8; 4];
        for (i, b) in bytes.iter().skip(from).take(4).enumerate() {
            word[i] = *b;
        }
        u32::from_be_bytes(word)
    };
    least(0) as usize <= MAX_BODY && (bytes.len() <= 4 || u16::try_from(least(4)).is_ok())
}

/// A header that can start a frame: a MessageLength within the cap and a MessageType that
/// reference §2.1 lists (reference §1.5, §2.1).
fn plausible(header: &[u8]) -> bool {
    read_u32(header) as usize <= MAX_BODY
        && u16::try_from(read_u32(&header[4..]))
            .ok()
            .is_some_and(message_types::is_known)
}

/// A header with a MessageLength within the cap and a MessageType no reference lists (but not 0,
/// and within the 16 bits every listed type fits).
fn unknown_type(header: &[u8]) -> bool {
    let ty = read_u32(&header[4..]);
    read_u32(header) as usize <= MAX_BODY
        && (1..=u32::from(u16::MAX)).contains(&ty)
        && !message_types::is_known(u16::try_from(ty).unwrap_or(0))
}

fn skipped(start: u64, end: u64) -> Diagnostic {
    Diagnostic::byte(
        DiagnosticCode::SkippedBytes,
        start,
        &format!("{} bytes, {start}–{}", end - start, end - 1),
    )
}

pub(crate) fn read_u32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}
