//! The trace decoder: each record's lines gathered, then read by its grammar into the store.

mod clock;
#[cfg(feature = "dumplog")]
mod dumplog;
mod finesse;
#[cfg(feature = "mivr")]
mod mivr;
#[cfg(feature = "finesse")]
mod notify;
mod prefix;
mod write;

use super::Year;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{Note, NoteKind, Store};
use crate::text::TextDecoder;
use prefix::{prefix, Prefix};

use write::{At, Writer};

/// A kind of other trace: the product (`Finesse`, `MIVR`, `dumplog`) and the detail (the
/// subsystem, the process, what the records are).
type Other<'a> = (&'static str, &'a str);

/// What the record being gathered is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// No record yet (the start of the input).
    Start,
    /// A record of another trace: its lines are counted under `other[i]`.
    Other(usize),
    /// Lines at the start of the input before any record: the end of a record cut off.
    Cut,
    /// A record that carries a CTI message (its text is gathered).
    Cti(Source),
    /// A `MsgType:` dump pasted into the trace: its lines go to the dump decoder.
    #[cfg(not(feature = "wasm-finesse"))]
    Dump,
    /// After a notification pasted as XML: lines up to the next one are counted.
    #[cfg(feature = "finesse")]
    Between,
}

/// Which grammar a gathered record is read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// `DECODED_MESSAGE_FROM_CTI_SERVER` (§1.2).
    Finesse,
    /// `XMPP_PUBLISH_ASYNCHRONOUS`: a notification Finesse published (§1.3).
    #[cfg(feature = "finesse")]
    Xmpp,
    /// A notification pasted or saved as XML (§4).
    #[cfg(feature = "finesse")]
    Update,
    /// ICD_CTI `{ length=… type=…, key: value, … }` (§2.2).
    #[cfg(feature = "mivr")]
    MivrMessage,
    /// ICD_CTI `writing... MHDR: … MDATA: …` (§2.3).
    #[cfg(feature = "mivr")]
    MivrFrame,
    /// ctisvr `MsgType:NAME (Field:Value … )` (§3.2).
    #[cfg(feature = "dumplog")]
    CtiSvr,
    /// A PIM's `Trace: CSTA NAME,` block (§3.3).
    #[cfg(feature = "dumplog")]
    Pim,
    /// The OPC's `SendTerminationCallDetail` record (§3.4).
    #[cfg(feature = "dumplog")]
    Opc,
}

/// A record's lines, gathered until the next record starts.
#[derive(Default)]
struct Gathered {
    /// The lines, each followed by `\n`.
    text: String,
    /// One-based line number and start in `text` of each line.
    lines: Vec<(u32, usize)>,
    /// Byte offset of the first line in the input, and of the end of the last.
    offset: u64,
    end: u64,
    /// The time as written on the first line.
    time: String,
    /// `dumplog`: the process (`cg1A-ctisvr`) and, for ctisvr, the session (`SESSION 9:`).
    process: String,
}

impl Gathered {
    /// Says that the record ends before its `what` (the event keeps its fields so far, flagged
    /// cut short): cut by rotation, a copy or the trace's own line limit.
    fn ends_before(&self, store: &mut Store, what: &str) {
        Writer::truncated(store);
        let (line, column) = self.position(self.text.len().saturating_sub(1));
        let detail = format!("the message's {what} is missing: the record ends first (cut by rotation, a copy or the line limit); its fields so far are kept");
        store.diagnostics.push(Diagnostic::text(
            DiagnosticCode::RecordCut,
            line,
            column,
            &detail,
        ));
    }

    fn start(&mut self, number: u32, full: &str, offset: u64, time: &str) {
        self.text.clear();
        self.lines.clear();
        self.offset = offset;
        self.time.clear();
        self.time.push_str(time);
        self.process.clear();
        self.add(number, full, offset);
    }

    fn add(&mut self, number: u32, full: &str, offset: u64) {
        self.lines.push((number, self.text.len()));
        self.text.push_str(full);
        self.text.push('\n');
        self.end = offset + full.len() as u64;
    }

    /// The one-based line and column of byte `at` of `text` (of the character it falls in).
    fn position(&self, at: usize) -> (u32, u32) {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let i = self.lines.partition_point(|&(_, start)| start <= at).max(1) - 1;
        let (line, start) = self.lines[i];
        let column = self.text[start..at].chars().count() + 1;
        (line, u32::try_from(column).unwrap_or(u32::MAX))
    }

    fn at(&self) -> At {
        At {
            line: self.lines.first().map_or(0, |l| l.0),
            end_line: self.lines.last().map_or(0, |l| l.0),
            offset: self.offset,
            length: u32::try_from(self.end - self.offset).unwrap_or(u32::MAX),
        }
    }
}

/// The trace decoder's state over a whole input.
pub struct Traces {
    kind: Kind,
    record: Gathered,
    /// Lines of other traces by kind (`Finesse`, `MIVR SS_TEL`, `dumplog ra-rtr`): the product,
    /// the detail, how many lines and the first line.
    other: Vec<(&'static str, String, u64, u32)>,
    writer: Writer,
    #[cfg(feature = "mivr")]
    mivr: mivr::State,
    #[cfg(feature = "dumplog")]
    dumplog: dumplog::State,
    #[cfg(feature = "finesse")]
    notifications: crate::finesse::Notifications,
    /// Lines before the first record (the end of one cut off).
    lines_cut_at_start: u32,
}

impl Traces {
    /// A decoder; `year` dates MIVR records, which carry no year (§2.1).
    #[must_use]
    pub fn new(year: Option<Year>) -> Traces {
        #[cfg(not(feature = "mivr"))]
        let _ = year;
        Traces {
            kind: Kind::Start,
            record: Gathered::default(),
            other: Vec::new(),
            writer: Writer::default(),
            #[cfg(feature = "mivr")]
            mivr: mivr::State::new(year),
            #[cfg(feature = "dumplog")]
            dumplog: dumplog::State::default(),
            #[cfg(feature = "finesse")]
            notifications: crate::finesse::Notifications::default(),
            lines_cut_at_start: 0,
        }
    }

    /// Takes one line (without its newline) of the input, one-based line `number`, starting at
    /// byte `offset`.
    pub fn line(
        &mut self,
        dump: &mut TextDecoder,
        store: &mut Store,
        number: u32,
        full: &str,
        offset: u64,
    ) {
        let full = full.strip_suffix('\r').unwrap_or(full);
        let started = match prefix(full) {
            Prefix::Finesse { time, mnemonic, .. } => (finesse::kind(mnemonic), time),
            Prefix::Mivr {
                time,
                subsystem,
                rest,
            } => (mivr_kind(subsystem, rest), time),
            Prefix::Dumplog {
                time,
                process,
                rest,
            } => {
                return self.dumplog_line(dump, store, (number, full, offset), time, process, rest)
            }
            Prefix::EventsFrom(date) => {
                self.end_record(dump, store);
                #[cfg(feature = "dumplog")]
                self.dumplog.date(store, number, date);
                #[cfg(not(feature = "dumplog"))]
                let _ = date;
                return self.count(("dumplog", "`Events from` dates"), number);
            }
            Prefix::None => return self.more(dump, store, number, full, offset),
        };
        self.end_record(dump, store);
        self.begin(started.0, number, full, offset, started.1);
    }

    /// A line without a prefix: part of the record before it, a pasted dump, or the end of a
    /// record cut off at the start of the input.
    fn more(
        &mut self,
        dump: &mut TextDecoder,
        store: &mut Store,
        number: u32,
        full: &str,
        offset: u64,
    ) {
        let dump_line = || {
            let t = crate::text::trim_start(full).as_bytes();
            t.get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"MsgType"))
        };
        #[cfg(feature = "finesse")]
        if self.notification_line(dump, store, (number, full, offset)) {
            return;
        }
        match self.kind {
            Kind::Cti(_) if !dump_line() => self.record.add(number, full, offset),
            Kind::Other(i) if !dump_line() => self.other[i].2 += 1,
            #[cfg(not(feature = "wasm-finesse"))]
            Kind::Dump => dump.line(store, full, offset),
            #[cfg(not(feature = "wasm-finesse"))]
            _ if dump_line() => {
                self.end_record(dump, store);
                self.kind = Kind::Dump;
                dump.line(store, full, offset);
            }
            // The Finesse module reads no dump: a pasted one's lines are counted.
            #[cfg(feature = "wasm-finesse")]
            _ if dump_line() => {
                self.end_record(dump, store);
                self.count(
                    (
                        "a pasted",
                        "`MsgType:` dump (not read by this build: cti-outcome reads it)",
                    ),
                    number,
                );
            }
            Kind::Start | Kind::Cut => {
                self.kind = Kind::Cut;
                self.lines_cut_at_start += 1;
                if self.lines_cut_at_start == 1 {
                    store.diagnostics.push(Diagnostic::text(
                        DiagnosticCode::RecordCut,
                        number,
                        1,
                        "the input starts inside a record (cut by rotation or by a copy): its lines up to the first record are skipped",
                    ));
                }
            }
            Kind::Cti(_) | Kind::Other(_) => unreachable!("handled above"),
            #[cfg(feature = "finesse")]
            Kind::Between => unreachable!("handled above"),
        }
    }

    /// Starts gathering a record of `kind`, or counts it under its kind of other trace.
    fn begin(
        &mut self,
        kind: Result<Source, Other<'_>>,
        number: u32,
        full: &str,
        offset: u64,
        time: &str,
    ) {
        match kind {
            Ok(source) => {
                self.kind = Kind::Cti(source);
                self.record.start(number, full, offset, time);
            }
            Err(other) => self.count(other, number),
        }
    }

    /// Counts a line of another trace under its kind (the record it starts is not read).
    fn count(&mut self, (product, detail): Other<'_>, number: u32) {
        let same = |o: &(&str, String, u64, u32)| o.0 == product && o.1 == detail;
        let i = match self.kind {
            Kind::Other(i) if same(&self.other[i]) => i,
            _ => match self.other.iter().position(same) {
                Some(i) => i,
                None => {
                    self.other.push((product, detail.to_owned(), 0, number));
                    self.other.len() - 1
                }
            },
        };
        self.other[i].2 += 1;
        self.kind = Kind::Other(i);
    }

    /// Writes the gathered record (if it carries a CTI message) into the store.
    fn end_record(&mut self, dump: &mut TextDecoder, store: &mut Store) {
        #[cfg(feature = "wasm-finesse")]
        let _ = dump;
        match std::mem::replace(&mut self.kind, Kind::Start) {
            Kind::Cti(source) => {
                let (w, record) = (&mut self.writer, &mut self.record);
                match source {
                    Source::Finesse => finesse::read(w, store, record),
                    #[cfg(feature = "finesse")]
                    Source::Xmpp => notify::xmpp(&mut self.notifications, store, record),
                    #[cfg(feature = "finesse")]
                    Source::Update => notify::pasted(&mut self.notifications, store, record),
                    #[cfg(feature = "mivr")]
                    Source::MivrMessage => self.mivr.message(w, store, record),
                    #[cfg(feature = "mivr")]
                    Source::MivrFrame => self.mivr.frame(w, store, record),
                    #[cfg(feature = "dumplog")]
                    Source::CtiSvr => self.dumplog.ctisvr(w, store, record),
                    #[cfg(feature = "dumplog")]
                    Source::Pim => self.dumplog.pim(w, store, record),
                    #[cfg(feature = "dumplog")]
                    Source::Opc => self.dumplog.opc(w, store, record),
                }
            }
            #[cfg(not(feature = "wasm-finesse"))]
            Kind::Dump => dump.close(),
            Kind::Start | Kind::Other(_) | Kind::Cut => {}
            #[cfg(feature = "finesse")]
            Kind::Between => {}
        }
    }

    /// A `dumplog` line: a ctisvr message's first or further line, a PIM or OPC record, or a
    /// line of another process.
    #[cfg(feature = "dumplog")]
    fn dumplog_line(
        &mut self,
        dump: &mut TextDecoder,
        store: &mut Store,
        (number, full, offset): (u32, &str, u64),
        time: &str,
        process: &str,
        rest: &str,
    ) {
        match dumplog::kind(process, rest, self.kind, &self.record) {
            dumplog::Line::More => self.record.add(number, full, offset),
            dumplog::Line::Starts(source) => {
                self.end_record(dump, store);
                self.kind = Kind::Cti(source);
                self.record.start(number, full, offset, time);
                self.record.process.push_str(dumplog::owner(process, rest));
            }
            dumplog::Line::Other => {
                self.end_record(dump, store);
                self.count(("dumplog", process), number);
            }
        }
    }

    /// A `dumplog` line, in a build that does not read `dumplog`: counted as unread.
    #[cfg(not(feature = "dumplog"))]
    fn dumplog_line(
        &mut self,
        dump: &mut TextDecoder,
        store: &mut Store,
        (number, _, _): (u32, &str, u64),
        _: &str,
        _: &str,
        _: &str,
    ) {
        self.end_record(dump, store);
        self.count(("dumplog", NOT_READ), number);
    }

    /// Ends the input: the last record is written (each grammar says when it was cut short),
    /// and the summary of what was not read.
    pub fn finish(&mut self, dump: &mut TextDecoder, store: &mut Store) {
        self.end_record(dump, store);
        #[cfg(feature = "mivr")]
        self.mivr.finish(&mut self.writer, store);
        self.writer.finish(store);
        self.summary(store);
    }

    /// One note that counts the lines of other traces by kind, in the order first met.
    fn summary(&mut self, store: &mut Store) {
        let other = std::mem::take(&mut self.other);
        let Some(first) = other.iter().map(|o| o.3).min() else {
            return;
        };
        let total: u64 = other.iter().map(|o| o.2).sum();
        let mut text = format!("{} lines of other traces, skipped: ", thousands(total));
        for (i, (product, detail, n, _)) in other.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(&thousands(*n));
            for part in [" ", product, " ", detail.as_str()] {
                text.push_str(part);
            }
        }
        store.notes.push(Note {
            line: first,
            kind: NoteKind::Summary,
            text,
        });
    }
}

/// What a build without a grammar says of its lines (the other module of the npm package reads
/// them).
#[cfg(not(all(feature = "mivr", feature = "dumplog")))]
const NOT_READ: &str = "lines (not read by this build: cti-outcome/traces reads them)";

/// What a MIVR record of `subsystem` is.
#[cfg(feature = "mivr")]
fn mivr_kind<'a>(subsystem: &'a str, rest: &str) -> Result<Source, Other<'a>> {
    mivr::kind(subsystem, rest)
}

/// A MIVR record, in a build that does not read MIVR: counted as unread.
#[cfg(not(feature = "mivr"))]
fn mivr_kind<'a>(_: &'a str, _: &str) -> Result<Source, Other<'a>> {
    Err(("MIVR", NOT_READ))
}

/// Where the ASCII byte `b` first is in `s`: memchr's search, not a `char` pattern's searcher
/// (built, in the size-built wasm module, for every line and field that asks).
fn find_byte(s: &str, b: u8) -> Option<usize> {
    memchr::memchr(b, s.as_bytes())
}

/// Where `needle` (ASCII) first is in `s`: memchr and a comparison, not a `str` pattern's
/// Two-Way searcher (built, in a size-built module, for every search).
fn find(s: &str, needle: &str) -> Option<usize> {
    crate::text::find(s.as_bytes(), needle.as_bytes())
}

/// `s` before and after the first ASCII byte `b` (`split_once` for one ASCII character).
fn split_at_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    // `b` is ASCII: both ends are char boundaries.
    find_byte(s, b).map(|i| (&s[..i], &s[i + 1..]))
}

/// `41233` → `41,233`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
