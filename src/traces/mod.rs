//! The Cisco server traces that carry CTI messages, as the products write them
//! (`cisco-logs.md`): a Finesse server's webservices log (§1), a Unified CCX Engine (MIVR) log
//! with ICD_CTI tracing (§2) and UCCE `dumplog` output of ctisvr, a PIM or the OPC (§3).
//!
//! Every line is told by its prefix (`decode/prefix.rs`); the lines of one record (a record's own
//! first line and the unprefixed lines after it) are gathered, and a record that carries a CTI
//! message is written into the store as an event, through one mapping of each product's field
//! spellings onto the guide's names ([`crate::codes::fields::resolve`]). Lines of other traces
//! (most of such a log) are only counted, by kind, into one summary note. A `MsgType:` dump
//! pasted into a trace goes back to the dump decoder, which shares this one's line splitting,
//! encodings and store.
//!
//! Grammar that no source states is marked INFERENCE where it is read, as in the reference.
//! The decoders are in the native library and in the `cti-outcome/traces` WebAssembly module;
//! every build has [`sniff`]'s part, which tells a trace by its lines.

use crate::sniff::{Form, Sniffed};

#[cfg(feature = "traces")]
mod decode;

#[cfg(not(feature = "traces"))]
pub use absent::Traces;
#[cfg(feature = "traces")]
pub use decode::Traces;

/// The year MIVR records are read in, and where it came from (they carry none, §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Year {
    /// The year.
    pub year: i32,
    /// When the year is the file's (its modification time): that month, so that records of a
    /// later month are taken as the year before.
    pub month: Option<u8>,
}

impl Year {
    /// The year of a record written in `month` (1–12).
    #[must_use]
    pub fn of(self, month: u8) -> i32 {
        match self.month {
            Some(last) if month > last => self.year - 1,
            _ => self.year,
        }
    }
}

/// Whether this build decodes traces: natively always; in WebAssembly, only the
/// `cti-outcome/traces` module (the main module stays within its size budget without them).
pub const DECODED: bool = cfg!(feature = "traces");

/// Whether this build reads UCCE `dumplog` output, whose PIM CSTA events and OPC end-of-call
/// records (`cisco-logs.md` §3.3, §3.4) the timeline joins to calls: natively always; in
/// WebAssembly, only the `cti-outcome/traces` module.
pub const DUMPLOG: bool = cfg!(feature = "dumplog");

/// How many of the first lines of `text` (the first 64 KiB of an input, as UTF-8) carry each
/// trace's tag or prefix; the form of the most, when any do. (Small on purpose: every build
/// has it, the main WebAssembly module too.)
pub(crate) fn sniff(text: &[u8]) -> Option<Sniffed> {
    let mut counts = [0u32; 3];
    let mut lines = 0u32;
    for line in text.split(|&b| b == b'\n') {
        lines += 1;
        // The tag follows a sequence number and a time within the first few dozen bytes.
        let window = &line[..line.len().min(96)];
        let tag = memchr::memchr(b'%', window).map(|at| &line[at..]);
        let kind = match tag {
            Some(t) if t.starts_with(b"%CCBU_") => 0,
            Some(t) if t.starts_with(b"%MIVR-") => 1,
            _ if is_dumplog(line) => 2,
            _ => continue,
        };
        counts[kind] += 1;
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    let (form, what) = match counts.iter().position(|&n| n == best) {
        _ if best == 0 => return notifications(text),
        Some(0) => (Form::Finesse, "carry a Finesse webservices tag (`%CCBU_…`)"),
        Some(1) => (Form::Mivr, "carry a Unified CCX Engine tag (`%MIVR-…`)"),
        _ => (
            Form::Dumplog,
            "start like UCCE dumplog lines (`HH:MM:SS component-process …`)",
        ),
    };
    Some(Sniffed {
        form,
        reason: format!("{best} of its first {lines} lines {what}").into(),
    })
}

/// Finesse notifications saved as XML (`cisco-logs.md` §4): told by every build, so that the
/// ones without a notification reader say which entry has one (`cti-outcome/finesse`).
fn notifications(text: &[u8]) -> Option<Sniffed> {
    crate::text::find(text, b"<Update>").map(|_| Sniffed {
        form: Form::Finesse,
        reason: "it holds Finesse notifications (`<Update>`)".into(),
    })
}

/// `HH:MM:SS[:mmm] component-process ` (`cisco-logs.md` §3.1), or an `Events from` line.
fn is_dumplog(line: &[u8]) -> bool {
    if line.starts_with(b"Events from ") {
        return true;
    }
    let shape = b"00:00:00";
    if line.len() < 10
        || !line.iter().zip(shape).all(|(&c, &s)| {
            if s == b':' {
                c == b':'
            } else {
                c.is_ascii_digit()
            }
        })
    {
        return false;
    }
    let at = if line[8] == b':' { 12 } else { 8 };
    let Some(rest) = line.get(at + 1..).filter(|_| line.get(at) == Some(&b' ')) else {
        return false;
    };
    let token = rest.split(|&b| b == b' ').next().unwrap_or_default();
    token.contains(&b'-') && !token.starts_with(b"MsgType")
}

/// The main WebAssembly module's stand-in: a trace decoder that cannot exist, so that the text
/// decoder's hand-over to it compiles to nothing.
#[cfg(not(feature = "traces"))]
mod absent {
    use crate::store::Store;
    use crate::text::TextDecoder;

    /// No trace decoder in this build.
    pub enum Traces {}

    impl Traces {
        /// Never called: no value of this type exists.
        pub fn line(&mut self, _: &mut TextDecoder, _: &mut Store, _: u32, _: &str, _: u64) {
            match *self {}
        }

        /// Never called: no value of this type exists.
        pub fn finish(&mut self, _: &mut TextDecoder, _: &mut Store) {
            match *self {}
        }
    }
}
