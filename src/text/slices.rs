//! A text dump cut into slices that decode apart (on several threads) and join into the store
//! one decode of the whole would have made.
//!
//! A slice starts at a record start: a `MsgType:` line with nothing more on it that reads as a
//! field (no second colon after `MsgType:`), which opens an event whatever came before it (see
//! [`super::TextDecoder::line`]). Each slice is decoded from its global line and byte offset
//! ([`super::TextDecoder::at`]), so its positions and line marks are the whole input's. What a
//! decode says once for the whole input is said once after joining ([`Decoded::join`]): the
//! first invalid UTF-8, and the flattened lines with their counts summed.

use crate::diagnostic::DiagnosticCode;
use crate::store::Store;

use super::line::{msg_type_value, Line};
use super::TextDecoder;

/// The first record start at or after byte `at` of `bytes`: the offset of the first byte of a
/// line that starts there or later, ends with a newline within `bytes`, and opens an event
/// whatever came before it. `Err` when there is none yet: the start of the line to look on
/// from once more bytes have come.
///
/// # Errors
/// When no whole line from `at` on is a record start.
pub fn next_record_start(bytes: &[u8], at: usize) -> Result<usize, usize> {
    let mut start = match at {
        0 => 0,
        _ => match memchr::memchr(b'\n', &bytes[at - 1..]) {
            Some(i) => at + i,
            None => return Err(bytes.len().min(at)),
        },
    };
    loop {
        let Some(len) = memchr::memchr(b'\n', &bytes[start..]) else {
            return Err(start);
        };
        if is_record_start(&bytes[start..start + len]) {
            return Ok(start);
        }
        start += len + 1;
    }
}

/// Whether a whole line (without its newline) opens an event whatever came before it.
fn is_record_start(line: &[u8]) -> bool {
    // Most lines are fields: the `MsgType` word is looked for only where it can be.
    if crate::text::find(line, b"sgType").is_none() && crate::text::find(line, b"SGTYPE").is_none()
    {
        return false;
    }
    let Ok(line) = std::str::from_utf8(line) else {
        return false;
    };
    let line = Line::after(line, b"");
    msg_type_value(line.content).is_some_and(|rest| !rest.contains(':'))
}

/// A slice decoded: its store, and what the whole decode says once.
pub struct Decoded {
    /// The events, notes and diagnostics of the slice, positions global.
    pub store: Store,
    said: Said,
}

/// What a decode says once for its whole input, as far as it went.
#[derive(Clone, Copy, Default)]
struct Said {
    /// Its flattened lines: the diagnostic that says so (an index into the store's
    /// diagnostics), the lines, events and fields.
    flattened: Option<(usize, u32, usize, usize)>,
    /// Whether invalid UTF-8 was said (once, at the first).
    utf8: bool,
}

impl Decoded {
    /// Decodes `bytes`, whole lines of a UTF-8 dump (without a byte-order mark) that start at
    /// one-based line `lines + 1` and zero-based byte `offset` of the input.
    #[must_use]
    pub fn slice(bytes: &[u8], lines: u32, offset: u64) -> Decoded {
        let mut store = Store::new(crate::store::Form::Text);
        let mut decoder = TextDecoder::at(lines, offset);
        decoder.push(&mut store, bytes);
        decoder.finish(&mut store);
        Decoded {
            store,
            said: Said {
                flattened: decoder.flattened,
                utf8: decoder.utf8_reported,
            },
        }
    }

    /// Nothing decoded yet: the start of a join.
    #[must_use]
    pub fn empty() -> Decoded {
        Decoded {
            store: Store::new(crate::store::Form::Text),
            said: Said::default(),
        }
    }

    /// The slice as bytes, to carry to another WebAssembly instance (a Worker's):
    /// [`Store::to_bytes`] and what it says once.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        use crate::store::wire::put_u32;
        let mut w = self.store.to_bytes();
        let (at, lines, events, fields) = self.said.flattened.unwrap_or((usize::MAX, 0, 0, 0));
        put_u32(&mut w, at);
        put_u32(&mut w, lines as usize);
        put_u32(&mut w, events);
        put_u32(&mut w, fields);
        w.push(u8::from(self.said.utf8));
        w
    }

    /// A slice read back from [`Decoded::to_bytes`]; `None` if the bytes are not one.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<Decoded> {
        let (store, said) = bytes.split_at_checked(bytes.len().checked_sub(17)?)?;
        let mut r = crate::store::wire::Reader::new(said);
        let at = r.u32()?;
        let counts = (u32::try_from(r.u32()?).ok()?, r.u32()?, r.u32()?);
        let utf8 = r.take(1)?[0] != 0;
        let flattened = (at != u32::MAX as usize).then_some((at, counts.0, counts.1, counts.2));
        let store = Store::from_bytes(store)?;
        // What is said once points at the diagnostic that says it.
        let said_at = |code| move |d: &crate::diagnostic::Diagnostic| d.code == code;
        let flattened_holds = flattened.is_none_or(|(at, ..)| {
            store
                .diagnostics
                .get(at)
                .is_some_and(said_at(DiagnosticCode::Flattened))
        });
        let utf8_holds = !utf8
            || store
                .diagnostics
                .iter()
                .any(said_at(DiagnosticCode::InvalidUtf8));
        (flattened_holds && utf8_holds).then_some(Decoded {
            store,
            said: Said { flattened, utf8 },
        })
    }

    /// Appends the next slice: its store joined to this one (see [`Store::append`]), the
    /// first invalid UTF-8 said once, flattened lines said once at the first with every
    /// slice's counts.
    pub fn join(&mut self, next: Decoded) {
        self.said.join(&mut self.store, next);
    }
}

impl Said {
    /// Joins `next` into `store`, whose slices said this so far (see [`Decoded::join`]).
    fn join(&mut self, store: &mut Store, next: Decoded) {
        let Decoded {
            store: mut next_store,
            said,
        } = next;
        let mut dropped = Vec::new();
        if self.utf8 && said.utf8 {
            dropped.extend(
                next_store
                    .diagnostics
                    .iter()
                    .position(|d| d.code == DiagnosticCode::InvalidUtf8),
            );
        }
        self.utf8 |= said.utf8;
        let mut flattened = said.flattened;
        if let (Some((at, lines, events, fields)), Some((next_at, l, e, f))) =
            (self.flattened, flattened)
        {
            let counts = (lines + l, events + e, fields + f);
            self.flattened = Some((at, counts.0, counts.1, counts.2));
            store.diagnostics[at].message = super::flat::flattened_message(counts);
            dropped.push(next_at);
            flattened = None;
        }
        dropped.sort_unstable();
        for &i in dropped.iter().rev() {
            next_store.diagnostics.remove(i);
        }
        if let Some((at, l, e, f)) = flattened {
            let shift = dropped.iter().filter(|&&i| i < at).count();
            self.flattened = Some((store.diagnostics.len() + at - shift, l, e, f));
        }
        store.append(next_store);
    }
}

/// Bytes of a slice handed to a thread (cut at the last record start after this many).
#[cfg(not(target_arch = "wasm32"))]
const SLICE_BYTES: usize = 4 << 20;

/// A UTF-8 dump decoded on `threads` threads: slices handed out as they fill, joined into the
/// store in order as they come back (so the timeline takes events in while the rest decode).
#[cfg(not(target_arch = "wasm32"))]
pub struct Parallel {
    threads: usize,
    /// Bytes not yet handed out: whole lines from a record start, then a part line.
    pending: Vec<u8>,
    /// Where in `pending` to look on for a record start (the lines before it hold none).
    resume: usize,
    /// Lines and bytes handed out so far.
    lines: u32,
    offset: u64,
    running: std::collections::VecDeque<std::thread::JoinHandle<Decoded>>,
    said: Said,
    started: bool,
    slice: usize,
}

#[cfg(not(target_arch = "wasm32"))]
impl Parallel {
    /// A decoder that keeps `threads` threads busy (at least 2: one thread decodes alone).
    #[must_use]
    pub fn new(threads: usize) -> Parallel {
        Parallel::sliced(threads, SLICE_BYTES)
    }

    /// The same with slices of `slice` bytes (tests cut small inputs into many).
    #[must_use]
    pub fn sliced(threads: usize, slice: usize) -> Parallel {
        Parallel {
            threads: threads.max(1),
            pending: Vec::new(),
            resume: 0,
            lines: 0,
            offset: 0,
            running: std::collections::VecDeque::new(),
            said: Said::default(),
            started: false,
            slice: slice.max(1),
        }
    }

    /// Takes `chunk` (split anywhere); each full slice goes to a thread, and slices decoded by
    /// then are joined into `store`.
    pub fn push(&mut self, store: &mut Store, chunk: &[u8]) {
        if self.pending.is_empty() {
            // A whole input pushed at once is cut where it lies; only its end is kept.
            let used = self.hand_out_slices(store, chunk);
            self.pending.extend_from_slice(&chunk[used..]);
        } else {
            self.pending.extend_from_slice(chunk);
            let pending = std::mem::take(&mut self.pending);
            let used = self.hand_out_slices(store, &pending);
            self.pending = pending;
            self.pending.drain(..used);
        }
        while self
            .running
            .front()
            .is_some_and(std::thread::JoinHandle::is_finished)
        {
            self.join_first(store);
        }
    }

    /// Hands out every slice of at least the slice size that `bytes` (the bytes not handed out
    /// yet) holds, each ending before a record start; the bytes handed out.
    fn hand_out_slices(&mut self, store: &mut Store, bytes: &[u8]) -> usize {
        let mut from = 0;
        while bytes.len() - from > self.slice {
            let at = self.resume.max(from + self.slice);
            match next_record_start(bytes, at) {
                Ok(cut) => {
                    self.hand_out(store, bytes[from..cut].to_vec());
                    from = cut;
                    self.resume = 0;
                }
                Err(resume) => {
                    self.resume = resume;
                    break;
                }
            }
        }
        self.resume = self.resume.saturating_sub(from);
        from
    }

    /// Decodes the rest and joins every slice into `store`.
    pub fn finish(&mut self, store: &mut Store) {
        let mut rest = std::mem::take(&mut self.pending);
        self.drop_bom(&mut rest);
        let last = Decoded::slice(&rest, self.lines, self.offset);
        while !self.running.is_empty() {
            self.join_first(store);
        }
        self.said.join(store, last);
    }

    /// Offsets count from after a byte-order mark, as in one decode: the first slice leaves
    /// it out.
    fn drop_bom(&mut self, bytes: &mut Vec<u8>) {
        if !std::mem::replace(&mut self.started, true) && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
    }

    fn hand_out(&mut self, store: &mut Store, mut bytes: Vec<u8>) {
        self.drop_bom(&mut bytes);
        if self.running.len() >= self.threads {
            self.join_first(store);
        }
        let (lines, offset) = (self.lines, self.offset);
        let newlines = memchr::memchr_iter(b'\n', &bytes).count();
        self.lines = self
            .lines
            .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        self.offset += bytes.len() as u64;
        self.running.push_back(std::thread::spawn(move || {
            Decoded::slice(&bytes, lines, offset)
        }));
    }

    fn join_first(&mut self, store: &mut Store) {
        if let Some(thread) = self.running.pop_front() {
            // A decoder does not panic on any input (the fuzz targets hold it); if one did,
            // the panic is carried on here.
            let decoded = thread
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            self.said.join(store, decoded);
        }
    }
}
