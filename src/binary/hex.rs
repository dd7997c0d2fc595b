//! Hex dumps as a third input form: `00 00 00 24 …`, `00000024…`, `0x00,0x00,…`, with or
//! without offsets, and the `hexdump -C` / `xxd` layouts with their text column.

use crate::diagnostic::{Diagnostic, DiagnosticCode};

/// The bytes of a hex dump, and a diagnostic (one-based line and column) per token that is not
/// hex bytes. Offsets at the start of a line (`00000010:` or `00000010` followed by two spaces)
/// and a trailing text column (`|...$....|`, or after two spaces in `xxd` output) are skipped.
#[must_use]
pub fn decode_hex(text: &str) -> (Vec<u8>, Vec<Diagnostic>) {
    let mut bytes = Vec::with_capacity(text.len() / 2);
    let mut diagnostics = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let mut content = line;
        if let Some(bar) = content.find('|') {
            content = &content[..bar];
        }
        let mut start = 0;
        let trimmed = content.trim_start();
        let lead = content.len() - trimmed.len();
        let first_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let first = &trimmed[..first_len];
        let is_hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
        if let Some(offset) = first.strip_suffix(':').filter(|o| is_hex(o)) {
            // `xxd`: offset with a colon; the text column follows two spaces.
            start = lead + offset.len() + 1;
            if let Some(gap) = crate::text::find(content[start..].trim_start().as_bytes(), b"  ") {
                let from = content.len() - content[start..].trim_start().len();
                content = &content[..from + gap];
            }
        } else if is_hex(first) && first.len() >= 6 && trimmed[first_len..].starts_with("  ") {
            // `hexdump -C` / `od`-style offset followed by two spaces.
            start = lead + first_len;
        }
        for token in content[start..].split(|c: char| c.is_whitespace() || c == ',') {
            // Where the token starts in the line (separators may be several bytes long).
            let token_at = token.as_ptr() as usize - line.as_ptr() as usize;
            if token.is_empty() {
                continue;
            }
            let digits = token
                .strip_prefix("0x")
                .or_else(|| token.strip_prefix("0X"))
                .unwrap_or(token);
            if digits.len() % 2 == 0 && is_hex(digits) {
                bytes.extend(
                    (0..digits.len())
                        .step_by(2)
                        .filter_map(|i| u8::from_str_radix(&digits[i..i + 2], 16).ok()),
                );
            } else {
                let column =
                    u32::try_from(line[..token_at].chars().count() + 1).unwrap_or(u32::MAX);
                diagnostics.push(Diagnostic::text(
                    DiagnosticCode::InvalidHex,
                    number,
                    column,
                    token,
                ));
            }
        }
    }
    (bytes, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_gives_the_same_bytes() {
        let want = vec![0, 0, 0, 0x24, 0, 0, 0, 0x0e];
        for dump in [
            "00 00 00 24 00 00 00 0e",
            "000000240000000e",
            "0x00, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00, 0x0E",
            "00000000: 0000 0024 0000 000e  ...$....",
            "00000000  00 00 00 24 00 00 00 0e  |...$....|",
            "0000: 00 00 00 24\n0004: 00 00 00 0e\n",
        ] {
            assert_eq!(decode_hex(dump), (want.clone(), vec![]), "{dump}");
        }
    }

    /// Found by fuzzing: a separator of several bytes (U+3000) before a bad token.
    #[test]
    fn wide_white_space_is_a_separator() {
        let (bytes, diagnostics) = decode_hex("00\u{3000}zz 24");
        assert_eq!(bytes, [0, 0x24]);
        assert_eq!(
            (diagnostics[0].line(), diagnostics[0].column()),
            (Some(1), Some(4))
        );
        // The fuzzer's input itself (U+0085 after a bad token).
        let (_, diagnostics) = decode_hex("\u{1a}2\u{85}\0\0\0\0");
        assert_eq!(diagnostics.len(), 2);
    }

    #[test]
    fn bad_tokens_are_reported_where_they_are() {
        let (bytes, diagnostics) = decode_hex("00 0g 24\n  abc");
        assert_eq!(bytes, [0, 0x24]);
        let at: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.line().unwrap(), d.column().unwrap()))
            .collect();
        assert_eq!(at, [(1, 4), (2, 3)]);
    }
}
