//! The streaming frame decoder: chunks in, complete events out.

use crate::codes::message_types;
use crate::event::{Decoded, Diagnostic, DiagnosticCode, Event, Framing};

use super::frame::{self, Floating};
use super::{layout, Options, MAX_BODY};

/// Decodes a byte stream fed in chunks of any size, split anywhere.
///
/// [`push`](Self::push) returns the events of the frames completed so far; a frame cut short
/// waits for more bytes. [`finish`](Self::finish) reports what is left as truncated. Decoding a
/// stream in any chunking gives the same events and diagnostics as decoding it whole.
#[derive(Clone, Debug)]
pub struct FrameDecoder {
    /// Bytes not yet decoded.
    buf: Vec<u8>,
    /// Offset in the stream of `buf[0]`.
    base: u64,
    /// Start of a run of skipped bytes (stream offset), while resynchronising.
    skipping: Option<u64>,
    /// The width an option or OPEN_REQ fixed, and why.
    fixed_width: Option<(u8, String)>,
    /// The width detection settled on, and why.
    detected: Option<(u8, String)>,
    finished: bool,
    /// At the end of the stream, a header whose frame cannot complete is not waited for.
    recovering: bool,
}

/// What decoding a frame needs to know about the stream.
enum Step {
    /// Not enough bytes to decide.
    Wait,
    /// A frame of this many bytes (header included) starts here.
    Frame(usize),
    /// No frame starts here.
    NotAFrame,
}

impl FrameDecoder {
    /// A decoder; `options.width` fixes the floating-field width, otherwise it is learned.
    #[must_use]
    pub fn new(options: Options) -> Self {
        FrameDecoder {
            buf: Vec::new(),
            base: 0,
            skipping: None,
            fixed_width: options.width.map(|w| {
                (
                    w.bytes(),
                    format!("{}-byte tags and lengths, as the options say", w.bytes()),
                )
            }),
            detected: None,
            finished: false,
            recovering: false,
        }
    }

    /// Takes the next chunk; returns the events (and diagnostics) of the frames it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Decoded {
        self.buf.extend_from_slice(chunk);
        self.drain()
    }

    /// Ends the stream: a frame still incomplete is reported as truncated.
    pub fn finish(&mut self) -> Decoded {
        self.finished = true;
        let mut out = self.drain();
        // The buffer now starts at a header whose frame does not complete. If frames can be
        // found after it, it was no frame; otherwise the stream was cut inside it.
        while !self.buf.is_empty() {
            let saved = (self.buf.clone(), self.base, self.skipping);
            self.recovering = true;
            self.skipping.get_or_insert(self.base);
            let found = self.drain();
            self.recovering = false;
            if found.events.is_empty() {
                (self.buf, self.base, self.skipping) = saved;
                break;
            }
            out.events.extend(found.events);
            out.diagnostics.extend(found.diagnostics);
        }
        if let Some(start) = self.skipping.take() {
            if self.base > start {
                out.diagnostics.push(skipped(start, self.base));
            }
        }
        if !self.buf.is_empty() {
            out.diagnostics.push(Diagnostic::at_offset(
                DiagnosticCode::TruncatedFrame,
                self.base,
                &format!("{} bytes of an incomplete frame", self.buf.len()),
            ));
            self.consume(self.buf.len());
        }
        out
    }

    /// The floating-field width in use, and why.
    #[must_use]
    pub fn framing(&self) -> Framing {
        match self.fixed_width.as_ref().or(self.detected.as_ref()) {
            Some((width, basis)) => Framing {
                width: Some(*width),
                basis: basis.clone(),
            },
            None => Framing {
                width: None,
                basis: "no frame so far had floating fields that tell the width".to_owned(),
            },
        }
    }

    fn consume(&mut self, n: usize) {
        self.buf.drain(..n);
        self.base += n as u64;
    }

    fn drain(&mut self) -> Decoded {
        let mut out = Decoded::default();
        let buf = std::mem::take(&mut self.buf);
        let mut at = 0;
        loop {
            match self.step(&buf[at..]) {
                Step::Wait => break,
                Step::NotAFrame => {
                    if self.skipping.is_none() {
                        self.skipping = Some(self.base + at as u64);
                        let len = read_u32(&buf[at..]);
                        if len as usize > MAX_BODY {
                            out.diagnostics.push(Diagnostic::at_offset(
                                DiagnosticCode::LengthOverMaximum,
                                self.base + at as u64,
                                &format!("MessageLength {len}"),
                            ));
                        }
                    }
                    at += 1;
                }
                Step::Frame(size) => {
                    if let Some(start) = self.skipping.take() {
                        out.diagnostics.push(skipped(start, self.base + at as u64));
                    }
                    let offset = self.base + at as u64;
                    let (event, diagnostics) = self.frame(&buf[at..at + size], offset);
                    out.events.push(event);
                    out.diagnostics.extend(diagnostics);
                    at += size;
                }
            }
        }
        self.buf = buf;
        self.consume(at);
        out
    }

    /// Whether a frame starts at the beginning of `data`.
    fn step(&self, data: &[u8]) -> Step {
        if data.len() < 8 {
            return Step::Wait;
        }
        let len = read_u32(data) as usize;
        let type_id = read_u32(&data[4..]);
        if len > MAX_BODY {
            return Step::NotAFrame;
        }
        let size = 8 + len;
        let known = u16::try_from(type_id)
            .ok()
            .filter(|&id| message_types::name_of(id).is_some());
        let fits = known
            .and_then(layout::fixed)
            .is_some_and(|l| len >= layout::fixed_size(l));
        if self.skipping.is_some() && !plausible(data) {
            return Step::NotAFrame;
        }
        // No message type is 0, and the references' IDs are far below 65536: a header outside
        // that range is taken for garbage rather than kept as an unknown type.
        if type_id == 0 || type_id > u32::from(u16::MAX) {
            return Step::NotAFrame;
        }
        // A frame of a §2.2 type is taken at once when its floating fields parse exactly. Any
        // other header (an unknown type, a type without a §2.2 layout, a malformed body) is
        // taken as a frame only when a plausible header (or the end of the stream) follows
        // it; while resynchronising, only exact frames count. Zeros in a corrupt body look
        // like headers, and garbage must not swallow the frames after it.
        if fits {
            if data.len() < size {
                return if self.recovering {
                    Step::NotAFrame
                } else {
                    Step::Wait
                };
            }
            if self.parses_exactly(&data[..size]) {
                return Step::Frame(size);
            }
            if self.skipping.is_some() {
                return Step::NotAFrame;
            }
        }
        match data.get(size..).and_then(|rest| self.confirms(rest)) {
            Some(true) => Step::Frame(size),
            Some(false) => Step::NotAFrame,
            None if self.finished && data.len() == size => Step::Frame(size),
            None if self.finished => Step::NotAFrame,
            None => Step::Wait,
        }
    }

    /// Whether `rest` starts with a frame that confirms the one before it: a §2.2 type whose
    /// body parses exactly. `None` until enough bytes are there.
    fn confirms(&self, rest: &[u8]) -> Option<bool> {
        if rest.len() < 8 {
            return None;
        }
        if !plausible(rest) {
            return Some(false);
        }
        let size = 8 + read_u32(rest) as usize;
        let typed = u16::try_from(read_u32(&rest[4..]))
            .ok()
            .and_then(layout::fixed);
        match (typed, rest.get(..size)) {
            (None, _) => Some(false),
            (Some(_), Some(frame)) => Some(self.parses_exactly(frame)),
            (Some(_), None) => None,
        }
    }

    /// Whether a frame of a §2.2 type has its fixed part and floating fields that parse
    /// exactly in the width in use (or in either, while it is not known).
    fn parses_exactly(&self, frame: &[u8]) -> bool {
        let Some(fixed) = u16::try_from(read_u32(&frame[4..]))
            .ok()
            .and_then(layout::fixed)
        else {
            return false;
        };
        let Some(floating) = frame.get(8 + layout::fixed_size(fixed)..) else {
            return false;
        };
        match self.fixed_width.as_ref().or(self.detected.as_ref()) {
            Some((w, _)) => frame::exact(floating, *w),
            None => frame::exact(floating, 1) || frame::exact(floating, 2),
        }
    }

    /// Decodes one complete frame.
    fn frame(&mut self, bytes: &[u8], offset: u64) -> (Event, Vec<Diagnostic>) {
        let type_id = read_u32(&bytes[4..]);
        let length = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        let body = &bytes[8..];
        let (mut event, mut diagnostics, floating_at) =
            frame::fixed_part(type_id, body, offset, length);
        let data = &body[floating_at..];
        if !data.is_empty() {
            let start = offset + 8 + floating_at as u64;
            let floating = self.floating(data, start, &event.type_name);
            event.fields.extend(floating.fields);
            diagnostics.extend(floating.diagnostics);
        }
        if event.type_name == "OPEN_REQ" && self.fixed_width.is_none() {
            self.learn_from_open_req(&event);
        }
        (event, diagnostics)
    }

    /// Floating fields in the width fixed by an option or OPEN_REQ, else in the width under
    /// which they parse exactly.
    fn floating(&mut self, data: &[u8], offset: u64, message_type: &str) -> Floating {
        if let Some((width, _)) = &self.fixed_width {
            return frame::floating(data, offset, *width, message_type);
        }
        let one = frame::floating(data, offset, 1, message_type);
        let two = frame::floating(data, offset, 2, message_type);
        let chosen = match (one.exact, two.exact) {
            (true, false) => Some(1),
            (false, true) => Some(2),
            _ => None,
        };
        if let (Some(width), None) = (chosen, &self.detected) {
            self.detected = Some((
                width,
                format!("{width}-byte tags and lengths: the frame at byte {} parses exactly only with them", offset.saturating_sub(8)),
            ));
        }
        let width = chosen
            .or(self.detected.as_ref().map(|(w, _)| *w))
            .unwrap_or(1);
        let mut result = if width == 1 { one } else { two };
        if !(result.exact || chosen.is_some()) {
            result.diagnostics.insert(
                0,
                Diagnostic::at_offset(
                    DiagnosticCode::NoWidthFits,
                    offset,
                    &format!("decoded with {width}-byte tags"),
                ),
            );
        }
        result
    }

    /// OPEN_REQ's VersionNumber fixes the width where the reference is sure (§1.3): 1-byte
    /// tags up to version 17, 2-byte from 24; 18–23 are uncertain and left to detection.
    fn learn_from_open_req(&mut self, event: &Event) {
        let Some(version) = event.field("VersionNumber").and_then(crate::Field::number) else {
            return;
        };
        let width = match version {
            ..=17 => 1,
            24.. => 2,
            _ => return,
        };
        self.fixed_width = Some((
            width,
            format!("{width}-byte tags and lengths: OPEN_REQ asks for protocol version {version} (reference §1.3)"),
        ));
    }
}

/// A header that could start a frame of a known type: a length within the cap and at least
/// the type's fixed part (reference §1.5, §2.2).
fn plausible(header: &[u8]) -> bool {
    let len = read_u32(header) as usize;
    let type_id = read_u32(&header[4..]);
    let Some(id) = u16::try_from(type_id)
        .ok()
        .filter(|&id| message_types::name_of(id).is_some())
    else {
        return false;
    };
    len <= MAX_BODY && layout::fixed(id).is_none_or(|l| len >= layout::fixed_size(l))
}

fn skipped(start: u64, end: u64) -> Diagnostic {
    Diagnostic::at_offset(
        DiagnosticCode::SkippedBytes,
        start,
        &format!("{} bytes, {start}–{}", end - start, end - 1),
    )
}

fn read_u32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}
