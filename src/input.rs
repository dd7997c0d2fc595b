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
    if memchr::memmem::find(head, b"MsgType").is_some() {
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
}
