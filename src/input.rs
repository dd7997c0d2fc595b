//! The three input forms (text dump, binary frames, hex dump of frames): telling them apart
//! and decoding any of them.

use serde::Serialize;
use ts_rs::TS;

/// An input form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The textual `MsgType: …` dump.
    Text,
    /// GED-188 frames as bytes.
    Binary,
    /// GED-188 frames written as hex.
    Hex,
}

impl Format {
    /// The format's name (`text`, `binary`, `hex`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Binary => "binary",
            Format::Hex => "hex",
        }
    }

    /// The format named `name`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "binary" => Some(Format::Binary),
            "hex" => Some(Format::Hex),
            _ => None,
        }
    }
}

/// Tells the form of an input from its first 64 KiB: `MsgType` means text; bytes no text has
/// (NUL and other control bytes, or invalid UTF-8) mean binary; text made mostly of hex digits
/// means hex; anything else is text.
#[must_use]
pub fn detect(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if memchr::memmem::find(head, b"MsgType").is_some()
        || crate::text::encoding::sniff(head).is_utf16()
    {
        return Format::Text;
    }
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return Format::Binary,
    };
    if text
        .bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Format::Binary;
    }
    let visible: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let hex = visible.iter().filter(|b| b.is_ascii_hexdigit()).count();
    if !visible.is_empty() && hex * 10 >= visible.len() * 7 {
        Format::Hex
    } else {
        Format::Text
    }
}

/// Whether an input is a call-record export: its first line (in any of the text encodings) is a
/// header row that names a column of the vendor's call records ([`crate::records::is_header`]).
#[must_use]
pub fn is_records(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8 * 1024)];
    let (_, text) = crate::text::encoding::whole_utf8(head);
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    crate::records::is_header(&String::from_utf8_lossy(line))
}

/// What a file's first bytes say it is, when it is a known kind of file that is no CTI log.
fn kind_of_file(first: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a zip archive (or an Office document)"),
        (b"\x1F\x8B", "a gzip-compressed file (unpack it first)"),
        (b"BZh", "a bzip2-compressed file (unpack it first)"),
        (b"\xFD7zXZ", "an xz-compressed file (unpack it first)"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"\xD4\xC3\xB2\xA1", "a packet capture (pcap)"),
        (b"\xA1\xB2\xC3\xD4", "a packet capture (pcap)"),
        (b"\x0A\x0D\x0D\x0A", "a packet capture (pcapng)"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| first.starts_with(m))
        .map(|&(_, what)| what)
}

/// Whether the first bytes are those of a kind of file that is no CTI log.
#[must_use]
pub fn is_other_file(first: &[u8]) -> bool {
    kind_of_file(first).is_some()
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
    if is_records(first) {
        return "this is a call-record export (its header row names call-record columns such as CONNRES), not a CTI log: read it with `decodeRecords` from `cti-outcome/records` or `cti-outcome records FILE`".to_owned();
    }
    match format {
        Some(Format::Binary) => {
            let head: Vec<String> = first.iter().take(8).map(|b| format!("{b:02x}")).collect();
            format!(
                "no GED-188 frame was found: a frame starts with a 4-byte length of at most {} and a message type the protocol lists, and these {total} bytes start {}",
                super::binary::MAX_BODY,
                head.join(" ")
            )
        }
        Some(Format::Hex) => format!(
            "no GED-188 frame was found in the {total} bytes of hex: the digits do not make a length and a message type the protocol lists"
        ),
        _ => {
            let read = match encoding {
                Some(e) if e.is_utf16() => format!(" (read as {})", e.describe()),
                _ => String::new(),
            };
            format!("no `MsgType:` line was found in the {total} bytes of text{read}: a CTI dump names each event's type on a `MsgType:` line, followed by its `Field: value` lines")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_is_told_apart() {
        assert_eq!(detect(b"MsgType: BEGIN_CALL_EVENT\n"), Format::Text);
        assert_eq!(detect(b"Some prose\n  Field: 1\n"), Format::Text);
        assert_eq!(detect(b"\x00\x00\x00\x24\x00\x00\x00\x0e"), Format::Binary);
        assert_eq!(detect(b"00 00 00 24 00 00 00 0e\n"), Format::Hex);
        assert_eq!(
            detect(b"00000000  00 00 00 24 00 00 00 0e  |...$....|\n"),
            Format::Hex
        );
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
