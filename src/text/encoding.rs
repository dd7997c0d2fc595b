//! Text encodings people's files come in: UTF-8 (with or without a byte-order mark) and UTF-16
//! (what Windows PowerShell writes by default), little- or big-endian, with a byte-order mark or,
//! told from where the zero bytes of ASCII text fall, without one. UTF-16 is turned into UTF-8
//! for the text decoder, chunk by chunk.

use serde::Serialize;
use ts_rs::TS;

/// The encoding a text input was read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 (or ASCII).
    #[default]
    Utf8,
    /// UTF-8 behind a byte-order mark.
    Utf8Bom,
    /// UTF-16, little-endian, behind a byte-order mark.
    Utf16le,
    /// UTF-16, big-endian, behind a byte-order mark.
    Utf16be,
    /// UTF-16, little-endian, without a byte-order mark (told from its zero bytes).
    Utf16leNoBom,
    /// UTF-16, big-endian, without a byte-order mark.
    Utf16beNoBom,
}

impl Encoding {
    /// Whether the input is UTF-16 (and so is turned into UTF-8).
    #[must_use]
    pub fn is_utf16(self) -> bool {
        !matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }

    fn big_endian(self) -> bool {
        matches!(self, Encoding::Utf16be | Encoding::Utf16beNoBom)
    }

    /// Bytes of the byte-order mark the input starts with.
    fn bom_len(self) -> usize {
        match self {
            Encoding::Utf8Bom => 3,
            Encoding::Utf16le | Encoding::Utf16be => 2,
            _ => 0,
        }
    }

    /// In words, for messages.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
            Encoding::Utf16le => "UTF-16 little-endian",
            Encoding::Utf16be => "UTF-16 big-endian",
            Encoding::Utf16leNoBom => "UTF-16 little-endian without a byte-order mark",
            Encoding::Utf16beNoBom => "UTF-16 big-endian without a byte-order mark",
        }
    }
}

/// The encoding of text that starts with `head`: a byte-order mark says it; without one, ASCII
/// text in UTF-16 has a zero byte in nearly every other position.
#[must_use]
pub fn sniff(head: &[u8]) -> Encoding {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => return Encoding::Utf8Bom,
        [0xFF, 0xFE, ..] => return Encoding::Utf16le,
        [0xFE, 0xFF, ..] => return Encoding::Utf16be,
        _ => {}
    }
    let sample = &head[..head.len().min(1024) & !1];
    if sample.len() < 8 {
        return Encoding::Utf8;
    }
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let half = sample.len() / 2;
    if odd * 10 >= half * 9 && even * 10 <= half {
        Encoding::Utf16leNoBom
    } else if even * 10 >= half * 9 && odd * 10 <= half {
        Encoding::Utf16beNoBom
    } else {
        Encoding::Utf8
    }
}

/// A whole input as UTF-8 bytes: its encoding told by [`sniff`], a byte-order mark dropped and
/// UTF-16 turned into UTF-8 (the bytes are borrowed when nothing needs changing).
#[must_use]
pub fn whole_utf8(bytes: &[u8]) -> (Encoding, std::borrow::Cow<'_, [u8]>) {
    let encoding = sniff(bytes);
    if !encoding.is_utf16() {
        return (
            encoding,
            std::borrow::Cow::Borrowed(&bytes[encoding.bom_len()..]),
        );
    }
    let mut utf16 = Utf16::new(encoding);
    let mut out = Vec::with_capacity(bytes.len() / 2 + 4);
    utf16.push(bytes, &mut out);
    utf16.finish(&mut out);
    (encoding, std::borrow::Cow::Owned(out))
}

/// Turns UTF-16 fed in chunks (split anywhere) into UTF-8.
#[derive(Clone, Debug)]
pub struct Utf16 {
    encoding: Encoding,
    /// The byte-order mark still to drop.
    skip: usize,
    /// A byte of a code unit cut by the chunk.
    odd: Option<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
}

impl Utf16 {
    /// A transcoder for input in `encoding` (a UTF-16 one).
    #[must_use]
    pub fn new(encoding: Encoding) -> Utf16 {
        Utf16 {
            encoding,
            skip: encoding.bom_len(),
            odd: None,
            high: None,
        }
    }

    /// Appends the UTF-8 of what `chunk` completes to `out`; unpaired surrogates become U+FFFD.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let drop = self.skip.min(chunk.len());
        self.skip -= drop;
        let mut bytes = &chunk[drop..];
        out.reserve(bytes.len() / 2 + 4);
        if let (Some(first), Some((&second, rest))) = (self.odd, bytes.split_first()) {
            self.odd = None;
            self.unit([first, second], out);
            bytes = rest;
        }
        let mut pairs = bytes.chunks_exact(2);
        for pair in &mut pairs {
            self.unit([pair[0], pair[1]], out);
        }
        if let [last] = pairs.remainder() {
            self.odd = Some(*last);
        }
    }

    /// Ends the input: a cut code unit or a lone high surrogate become U+FFFD.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        if self.odd.take().is_some() || self.high.take().is_some() {
            push_char(char::REPLACEMENT_CHARACTER, out);
        }
    }

    fn unit(&mut self, pair: [u8; 2], out: &mut Vec<u8>) {
        let unit = if self.encoding.big_endian() {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        };
        if unit < 0x80 && self.high.is_none() {
            out.push(u8::try_from(unit).unwrap_or(b'?'));
            return;
        }
        let c = match (self.high.take(), unit) {
            (Some(high), 0xDC00..=0xDFFF) => {
                let code =
                    0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            (high, 0xD800..=0xDBFF) => {
                if high.is_some() {
                    push_char(char::REPLACEMENT_CHARACTER, out);
                }
                self.high = Some(unit);
                return;
            }
            (high, _) => {
                if high.is_some() {
                    push_char(char::REPLACEMENT_CHARACTER, out);
                }
                char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
        };
        push_char(c, out);
    }
}

fn push_char(c: char, out: &mut Vec<u8>) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Text bytes in any of the encodings above, fed in chunks, into the text decoder: the encoding
/// is told from the first bytes (up to 64 of them, or fewer at the end) and UTF-16 turned into
/// UTF-8 on the way. Positions (byte offsets, line starts) then count the UTF-8 text.
#[derive(Default)]
pub struct TextInput {
    decoder: super::TextDecoder,
    /// Told once enough bytes have come.
    encoding: Option<Encoding>,
    /// The first bytes, while the encoding is not told.
    head: Vec<u8>,
    utf16: Option<Utf16>,
    /// UTF-8 made from UTF-16, reused between chunks.
    scratch: Vec<u8>,
    /// Threads a UTF-8 dump is decoded on, when more than one ([`TextInput::threads`]).
    #[cfg(not(target_arch = "wasm32"))]
    threads: usize,
    #[cfg(not(target_arch = "wasm32"))]
    parallel: Option<Box<super::slices::Parallel>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl TextInput {
    /// A dump decoded on `threads` threads when it is UTF-8 (see [`super::slices`]): the
    /// same store and diagnostics as on one. Before the first bytes.
    #[must_use]
    pub fn threads(threads: usize) -> TextInput {
        TextInput {
            threads,
            ..TextInput::default()
        }
    }
}

impl TextInput {
    /// Text of a Cisco server trace (see [`super::TextDecoder::traces`]).
    #[cfg(feature = "traces")]
    #[must_use]
    pub fn traces(year: Option<crate::traces::Year>) -> TextInput {
        TextInput {
            decoder: super::TextDecoder::traces(year),
            ..TextInput::default()
        }
    }
}

/// Bytes enough to tell the encoding.
const SNIFF_BYTES: usize = 64;

impl TextInput {
    /// Decodes what `chunk` completes into `store`.
    pub fn push(&mut self, store: &mut crate::store::Store, chunk: &[u8]) {
        if self.encoding.is_none() {
            self.head.extend_from_slice(chunk);
            if self.head.len() >= SNIFF_BYTES {
                let head = std::mem::take(&mut self.head);
                self.settle(&head);
                self.feed(store, &head);
            }
            return;
        }
        self.feed(store, chunk);
    }

    /// Ends the input.
    pub fn finish(&mut self, store: &mut crate::store::Store) {
        if self.encoding.is_none() {
            let head = std::mem::take(&mut self.head);
            self.settle(&head);
            self.feed(store, &head);
        }
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(parallel) = &mut self.parallel {
            parallel.finish(store);
            return;
        }
        if let Some(utf16) = &mut self.utf16 {
            self.scratch.clear();
            utf16.finish(&mut self.scratch);
            self.decoder.push(store, &self.scratch);
        }
        self.decoder.finish(store);
    }

    /// Events that are complete (every one but an event still open; on threads, every one
    /// joined).
    #[must_use]
    pub fn complete(&self, store: &crate::store::Store) -> usize {
        #[cfg(not(target_arch = "wasm32"))]
        if self.parallel.is_some() {
            return store.len();
        }
        self.decoder.complete(store)
    }

    /// Ends the event being read, as if the next began: a live push of whole events (the
    /// encoding is told from what came so far, if it was not yet).
    #[cfg(feature = "finesse")]
    pub fn close(&mut self, store: &mut crate::store::Store) {
        if self.encoding.is_none() && !self.head.is_empty() {
            let head = std::mem::take(&mut self.head);
            self.settle(&head);
            self.feed(store, &head);
        }
        self.decoder.close();
    }

    /// The encoding, once told.
    #[must_use]
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding
    }

    fn settle(&mut self, head: &[u8]) {
        let encoding = sniff(head);
        self.encoding = Some(encoding);
        if encoding.is_utf16() {
            self.utf16 = Some(Utf16::new(encoding));
        }
        #[cfg(not(target_arch = "wasm32"))]
        if self.threads > 1 && !encoding.is_utf16() {
            self.parallel = Some(Box::new(super::slices::Parallel::new(self.threads)));
        }
    }

    fn feed(&mut self, store: &mut crate::store::Store, bytes: &[u8]) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(parallel) = &mut self.parallel {
            parallel.push(store, bytes);
            return;
        }
        match &mut self.utf16 {
            Some(utf16) => {
                self.scratch.clear();
                utf16.push(bytes, &mut self.scratch);
                self.decoder.push(store, &self.scratch);
            }
            None => self.decoder.push(store, bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big: bool, bom: bool) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        if bom {
            out.extend(if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
        }
        for unit in text.encode_utf16() {
            out.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_in_any_chunking_gives_the_text_back() {
        let text = "MsgType: BEGIN_CALL_EVENT\r\n  ANI: 555 ä € 𝄞\n";
        for (big, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let bytes = utf16(text, big, bom);
            let encoding = sniff(&bytes);
            assert!(encoding.is_utf16(), "{encoding:?}");
            for size in [1, 2, 3, 7, bytes.len()] {
                let mut t = Utf16::new(encoding);
                let mut out = Vec::new();
                for chunk in bytes.chunks(size) {
                    t.push(chunk, &mut out);
                }
                t.finish(&mut out);
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    text,
                    "{encoding:?} in chunks of {size}"
                );
            }
        }
    }

    #[test]
    fn utf8_is_told_apart() {
        assert_eq!(sniff(b"MsgType: X\n  A: 1\n"), Encoding::Utf8);
        assert_eq!(sniff(b"\xEF\xBB\xBFMsgType: X\n"), Encoding::Utf8Bom);
        let mut broken = Utf16::new(Encoding::Utf16le);
        let mut out = Vec::new();
        broken.push(&[0xFF, 0xFE, 0x3D, 0xD8, b'A', 0], &mut out);
        broken.finish(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{fffd}A",
            "a lone surrogate"
        );
    }
}
