//! The one place that tells every input form apart: bytes in, the form and the reason out.
//!
//! The command-line tool, [`crate::log::Log`], the npm package (`sniff`) and the viewer's Worker
//! all ask [`sniff`]; no other code guesses a form. It reads at most the first [`HEAD_BYTES`]
//! of an input, in this order: nothing; a packet capture's or another known file's magic
//! number; a call-record export's header row; lines of the Cisco traces that carry CTI
//! messages (Finesse webservices, Unified CCX Engine MIVR, UCCE `dumplog`; `cisco-logs.md`
//! §1–§3); the `MsgType:` dump of the guides (flattened or not); bytes no text has (frames);
//! hex digits (frames written as hex). Anything else is read as a dump, which then says why it
//! held no event.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;
use ts_rs::TS;

use crate::options::{Expected, Given};
use crate::text::encoding;

/// The package entry of this WebAssembly build that reads text only (`traces` or `finesse`).
fn this_module() -> &'static str {
    if cfg!(feature = "wasm-finesse") {
        "finesse"
    } else {
        "traces"
    }
}

/// Whether this build reads a trace of `form` (natively every one; in WebAssembly the traces
/// module every one, the Finesse module Finesse logs, the others none).
fn reads_trace(form: Form) -> bool {
    match form {
        Form::Mivr => cfg!(feature = "mivr"),
        Form::Dumplog => cfg!(feature = "dumplog"),
        _ => crate::traces::DECODED,
    }
}

/// Bytes of an input that [`sniff`] reads.
pub const HEAD_BYTES: usize = 64 * 1024;

/// What decodes an input that [`crate::log::Log`] reads (captures and call-record exports
/// have readers of their own).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, TS, strum::IntoStaticStr, strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    /// The textual `MsgType: …` dump.
    Text,
    /// GED-188 frames as bytes.
    Binary,
    /// GED-188 frames written as hex.
    Hex,
    /// A Cisco server trace (Finesse webservices, MIVR ICD_CTI, `dumplog`): its CTI records
    /// among the lines of other traces; a dump pasted into it is read too.
    Trace,
}

impl Format {
    /// The format's name (`text`, `binary`, `hex`, `trace`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The format named `name`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Format> {
        name.parse().ok()
    }

    /// The `format` option: a format's name, or `"auto"` (told from the first bytes: `None`).
    ///
    /// # Errors
    /// For anything else.
    pub fn given<G: Given>(given: &G) -> Result<Option<Format>, Expected> {
        let text = given.text();
        match text.as_deref().map(|name| (name, Format::parse(name))) {
            Some(("auto", _)) => Ok(None),
            Some((_, Some(format))) => Ok(Some(format)),
            _ => Err("\"auto\", \"text\", \"binary\", \"hex\" or \"trace\""),
        }
    }
}

/// Every form an input can have.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, TS, strum::IntoStaticStr, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Form {
    /// Nothing at all.
    Empty,
    /// The `MsgType: … / Field: value` dump of the guides.
    Dump,
    /// The same dump with its lines run together (a copy that collapsed white space).
    FlatDump,
    /// A Finesse server's webservices log (`cisco-logs.md` §1), or Finesse notifications saved
    /// as XML (§4).
    Finesse,
    /// A Unified CCX Engine log with ICD_CTI tracing (`cisco-logs.md` §2).
    Mivr,
    /// UCCE `dumplog` output of ctisvr, a PIM or the OPC (`cisco-logs.md` §3).
    Dumplog,
    /// GED-188 frames as bytes.
    Frames,
    /// GED-188 frames written as hex.
    Hex,
    /// A pcap packet capture.
    Pcap,
    /// A pcapng packet capture.
    Pcapng,
    /// A call-record export (CSV, semicolon- or tab-separated).
    Records,
    /// A kind of file that is no CTI log (an image, an archive, a document).
    Other,
}

impl Form {
    /// The form's name, as it is serialised (`flat-dump`, `finesse`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The npm package's entry (its WebAssembly module) that reads the form whole: `main`
    /// (`cti-outcome`), `traces`, `finesse` (a Finesse log's notifications too), `capture` or
    /// `records`; `None` for nothing and other files.
    #[must_use]
    pub fn entry(self) -> Option<&'static str> {
        Some(match self {
            Form::Dump | Form::FlatDump | Form::Frames | Form::Hex => "main",
            Form::Finesse => "finesse",
            Form::Mivr | Form::Dumplog => "traces",
            Form::Pcap | Form::Pcapng => "capture",
            Form::Records => "records",
            Form::Empty | Form::Other => return None,
        })
    }

    /// What decodes the form in a [`crate::log::Log`]; `None` for captures, call records,
    /// other files and nothing.
    #[must_use]
    pub fn format(self) -> Option<Format> {
        match self {
            Form::Dump | Form::FlatDump => Some(Format::Text),
            Form::Finesse | Form::Mivr | Form::Dumplog => Some(Format::Trace),
            Form::Frames => Some(Format::Binary),
            Form::Hex => Some(Format::Hex),
            Form::Empty | Form::Pcap | Form::Pcapng | Form::Records | Form::Other => None,
        }
    }
}

/// What [`sniff`] found: the form, and why, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Sniffed {
    /// The form.
    pub form: Form,
    /// Why: what in the first bytes told it.
    #[ts(type = "string")]
    pub reason: Cow<'static, str>,
}

impl Sniffed {
    fn new(form: Form, reason: &'static str) -> Sniffed {
        Sniffed {
            form,
            reason: Cow::Borrowed(reason),
        }
    }
}

/// Tells the form of an input from its first [`HEAD_BYTES`] (fewer are fine: the start of a
/// live feed).
#[must_use]
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    if head.is_empty() {
        return Sniffed::new(Form::Empty, "the input is empty");
    }
    if let Some(found) = magic(head) {
        return found;
    }
    let (encoding, text) = encoding::whole_utf8(head);
    if is_records_text(&text) {
        return Sniffed::new(Form::Records, "its first line names call-record columns");
    }
    if let Some(found) = crate::traces::sniff(&text) {
        return found;
    }
    match crate::text::find(&text, b"MsgType") {
        Some(at) => return dump(&text[at..]),
        None if encoding.is_utf16() => return dump(b""),
        None => {}
    }
    frames_or_hex(head)
}

/// A capture, or a kind of file that is no CTI log, by its magic number.
fn magic(head: &[u8]) -> Option<Sniffed> {
    let &(_, form, what) = MAGIC.iter().find(|(m, ..)| head.starts_with(m))?;
    Some(Sniffed::new(form, what))
}

/// A dump, flattened when its first `MsgType:` line (`line`, from `MsgType` on) holds further
/// `Name: value` pairs.
fn dump(line: &[u8]) -> Sniffed {
    let mut colons = 0;
    for &b in line.iter().take_while(|&&b| b != b'\n') {
        colons += usize::from(b == b':');
    }
    if colons > 1 {
        Sniffed::new(
            Form::FlatDump,
            "a `MsgType:` line holds further `Name: value` pairs",
        )
    } else {
        Sniffed::new(Form::Dump, "it has `MsgType:` lines")
    }
}

/// Frames (bytes no text has), hex (mostly hex digits), or text read as a dump.
fn frames_or_hex(head: &[u8]) -> Sniffed {
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return Sniffed::new(Form::Frames, "it is not UTF-8 text"),
    };
    if text
        .bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Sniffed::new(Form::Frames, "it has control bytes no text has");
    }
    let visible = text.bytes().filter(|b| !b.is_ascii_whitespace());
    let (mut all, mut hex) = (0usize, 0usize);
    for b in visible {
        all += 1;
        hex += usize::from(b.is_ascii_hexdigit());
    }
    if all > 0 && hex * 10 >= all * 7 {
        Sniffed::new(Form::Hex, "it is mostly hex digits")
    } else {
        Sniffed::new(Form::Dump, "no other form was recognised")
    }
}

/// Whether an input is a call-record export: its first line (in any of the text encodings) is a
/// header row that names a column of the vendor's call records ([`crate::records::is_header`]).
#[must_use]
pub fn is_records(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8 * 1024)];
    is_records_text(&encoding::whole_utf8(head).1)
}

fn is_records_text(text: &[u8]) -> bool {
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    crate::records::is_header(&String::from_utf8_lossy(line))
}

/// Why a pcap capture is one.
const PCAP: &str = "it starts with the pcap magic number";

/// Magic numbers: of packet captures (microsecond and nanosecond pcap in both byte orders, and
/// pcapng) with why, and of kinds of files that are no CTI log with what they are.
const MAGIC: &[(&[u8], Form, &str)] = &[
    (b"\xD4\xC3\xB2\xA1", Form::Pcap, PCAP),
    (b"\xA1\xB2\xC3\xD4", Form::Pcap, PCAP),
    (b"\x4D\x3C\xB2\xA1", Form::Pcap, PCAP),
    (b"\xA1\xB2\x3C\x4D", Form::Pcap, PCAP),
    (
        b"\x0A\x0D\x0D\x0A",
        Form::Pcapng,
        "it starts with the pcapng magic number",
    ),
    (b"\x89PNG", Form::Other, "a PNG image"),
    (b"\xFF\xD8\xFF", Form::Other, "a JPEG image"),
    (b"GIF8", Form::Other, "a GIF image"),
    (b"%PDF", Form::Other, "a PDF document"),
    (
        b"PK\x03\x04",
        Form::Other,
        "a zip archive (or an Office document)",
    ),
    (
        b"\x1F\x8B",
        Form::Other,
        "a gzip-compressed file (unpack it first)",
    ),
    (
        b"BZh",
        Form::Other,
        "a bzip2-compressed file (unpack it first)",
    ),
    (
        b"\xFD7zXZ",
        Form::Other,
        "an xz-compressed file (unpack it first)",
    ),
    (b"7z\xBC\xAF", Form::Other, "a 7-Zip archive"),
];

/// What a file's first bytes say it is, when it is a known kind of file that is no CTI log
/// (`"a PNG image"`).
fn kind_of_file(first: &[u8]) -> Option<&'static str> {
    MAGIC
        .iter()
        .find(|(m, form, _)| *form == Form::Other && first.starts_with(m))
        .map(|&(.., what)| what)
}

/// Why an input gave no event, in one sentence a user understands.
#[must_use]
pub fn why_no_events(
    first: &[u8],
    total: u64,
    format: Option<Format>,
    encoding: Option<crate::text::encoding::Encoding>,
) -> String {
    if total == 0 {
        return "the input is empty: there is nothing to decode".to_owned();
    }
    if let Some(kind) = kind_of_file(first) {
        return format!("this looks like {kind}, not a CTI log: no event could be read from it");
    }
    let sniffed = sniff(first);
    match sniffed.form {
        Form::Other | Form::Pcap | Form::Pcapng => {
            return format!("{}: no event could be read from it", sniffed.reason);
        }
        Form::Records => return "this is a call-record export (its header row names call-record columns such as CONNRES), not a CTI log: read it with `decodeRecords` from `cti-outcome/records` or `cti-outcome records FILE`".to_owned(),
        _ => {}
    }
    match format {
        Some(Format::Binary | Format::Hex) if cfg!(feature = "wasm-traces") => format!(
            "GED-188 frames are read by the main entry (`cti-outcome`), not by `cti-outcome/{}`",
            this_module()
        ),
        Some(Format::Text) if cfg!(feature = "wasm-finesse") && sniffed.form != Form::Empty => {
            "a `MsgType:` dump is read by the main entry (`cti-outcome`), not by `cti-outcome/finesse`, which reads Finesse logs and notifications".to_owned()
        }
        Some(Format::Trace) if !reads_trace(sniffed.form) => format!(
            "this is a Cisco server trace ({}): open it with `cti-outcome/{}`",
            sniffed.reason,
            sniffed.form.entry().unwrap_or("traces")
        ),
        Some(Format::Binary) => {
            let mut head = String::new();
            for b in first.iter().take(8) {
                let _ = write!(head, " {b:02x}");
            }
            format!(
                "no GED-188 frame was found: a frame starts with a 4-byte length of at most {} and a message type the protocol lists, and these {total} bytes start{head}",
                super::binary::MAX_BODY,
            )
        }
        Some(Format::Hex) => format!(
            "no GED-188 frame was found in the {total} bytes of hex: the digits do not make a length and a message type the protocol lists"
        ),
        Some(Format::Trace) => format!(
            "no CTI message was found in the {total} bytes of trace: {}",
            sniffed.reason
        ),
        _ => {
            let read = match encoding {
                Some(e) if e.is_utf16() => format!(" (read as {})", e.describe()),
                _ => String::new(),
            };
            format!("no `MsgType:` line was found in the {total} bytes of text{read}: a CTI dump names each event's type on a `MsgType:` line, followed by its `Field: value` lines; no Cisco trace was recognised either")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_log_form_has_the_entry_that_reads_it() {
        use strum::VariantArray;
        for form in Form::VARIANTS {
            let entry = form.entry();
            match form.format() {
                Some(Format::Trace) => {
                    assert!(matches!(entry, Some("traces" | "finesse")), "{form:?}");
                }
                Some(_) => assert_eq!(entry, Some("main"), "{form:?}"),
                None => assert_eq!(
                    entry.is_none(),
                    matches!(form, Form::Empty | Form::Other),
                    "{form:?}"
                ),
            }
        }
        assert_eq!(
            Form::Finesse.entry(),
            Some("finesse"),
            "notifications are read there"
        );
    }

    #[test]
    fn each_form_is_told_apart() {
        let cases: &[(&[u8], Form)] = &[
            (b"", Form::Empty),
            (b"MsgType: BEGIN_CALL_EVENT\n", Form::Dump),
            (b"MsgType: BEGIN_CALL_EVENT CallType: 1 ConnectionCallID: 2\n", Form::FlatDump),
            (b"Some prose\n  Field: 1\n", Form::Dump),
            (b"\x00\x00\x00\x24\x00\x00\x00\x0e", Form::Frames),
            (b"00 00 00 24 00 00 00 0e\n", Form::Hex),
            (b"00000000  00 00 00 24 00 00 00 0e  |...$....|\n", Form::Hex),
            (b"\xD4\xC3\xB2\xA1\x02\x00", Form::Pcap),
            (b"\x0A\x0D\x0D\x0A\x1c\x00", Form::Pcapng),
            (b"\x89PNG\r\n", Form::Other),
            (b"StatisticsPartAID;bOutbound;CONNRES\r\n1;0;1\r\n", Form::Records),
            (b"Sep 22 2014 14:34:59.888 -0700: %CCBU_CTIMessageEventExecutor-0-6-DECODED_MESSAGE_FROM_CTI_SERVER: %[cti_message=x]: y\n", Form::Finesse),
            (b"7091923: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK: CSOutboundMsgProcessor: got an event message: { length=-1 type=BEGIN_CALL_EVENT }\n", Form::Mivr),
            (b"Events from February 8, 2007\n22:21:22:921 cg1A-ctisvr SESSION 9: MsgType:QUERY_SKILL_GROUP_STATISTICS_REQ (InvokeID:0x1b65f\n", Form::Dumplog),
        ];
        for &(input, form) in cases {
            let found = sniff(input);
            assert_eq!(
                found.form,
                form,
                "{:?}: {}",
                String::from_utf8_lossy(input),
                found.reason
            );
            assert!(!found.reason.is_empty());
            let named = serde_json::to_value(form).unwrap();
            assert_eq!(
                named.as_str(),
                Some(form.as_str()),
                "as_str is the serialised name"
            );
        }
    }

    #[test]
    fn call_records_are_told_from_logs() {
        assert!(is_records(
            b"StatisticsPartAID;bOutbound;CONNRES\r\n1;0;1\r\n"
        ));
        assert!(is_records(b"\xFF\xFEC\0O\0N\0N\0R\0E\0S\0,\0I\0D\0\n\0"));
        assert!(!is_records(
            b"MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 1\n"
        ));
        assert!(!is_records(b"ID,Name\n1,x\n"));
        assert!(!is_records(b"CONNRES\n1\n"));
        let why = why_no_events(b"ID;CONNRES\n1;2\n", 13, Some(Format::Text), None);
        assert!(why.contains("decodeRecords"), "{why}");
    }
}
