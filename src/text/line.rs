//! One line of a text dump: optional timestamp, indentation, content.

/// Width a tab advances indentation to (the next multiple of this).
const TAB_STOP: u32 = 8;

/// A line split into its parts. Byte offsets index `full`.
pub(super) struct Line<'a> {
    /// The line without its terminator (`\n`, `\r\n`).
    pub full: &'a str,
    /// A timestamp at the start of the line, as written.
    pub time: Option<&'a str>,
    /// Whether the timestamp is the earlier line's (`previous` of [`Line::after`]).
    pub same_time: bool,
    /// Width of the white space before the content (after any timestamp); tabs go to the next
    /// multiple of 8.
    pub indent: u32,
    /// The text from the first non-white character, without trailing white space.
    pub content: &'a str,
    /// Byte offset of `content` in `full`.
    pub content_start: usize,
}

impl<'a> Line<'a> {
    #[cfg(test)]
    pub fn new(full: &'a str) -> Self {
        Self::after(full, b"")
    }

    /// The split of `full`, where `previous` is the timestamp of an earlier line (lines of one
    /// event share it, and comparing is cheaper than reading it again).
    pub fn after(full: &'a str, previous: &[u8]) -> Self {
        let full = full.strip_suffix('\r').unwrap_or(full);
        Self::ascii(full, previous).unwrap_or_else(|| Self::any(full))
    }

    /// The split of a line whose white space is ASCII (nearly every line): one pass over bytes.
    /// `None` when a non-ASCII character borders white space, which may then be Unicode's.
    fn ascii(full: &'a str, previous: &[u8]) -> Option<Self> {
        let b = full.as_bytes();
        let blank = |i: usize| b.get(i).is_some_and(|&c| c == b' ' || c == b'\t');
        let mut at = 0;
        while blank(at) {
            at += 1;
        }
        let n = previous.len();
        let same_time = n > 0
            && b.len() >= at + n
            && crate::store::same(&b[at..at + n], previous)
            && b.get(at + n).is_none_or(|&c| c == b' ' || c == b'\t');
        let length = if same_time {
            Some(n)
        } else {
            timestamp_len(&b[at..])
        };
        let (time, after_time) = match length {
            Some(n) => (Some(&full[at..at + n]), at + n),
            None => (None, 0),
        };
        let mut indent = 0u32;
        let mut start = after_time;
        while let Some(&c) = b.get(start).filter(|&&c| c == b' ' || c == b'\t') {
            indent = if c == b'\t' {
                (indent / TAB_STOP + 1) * TAB_STOP
            } else {
                indent + 1
            };
            start += 1;
        }
        let mut end = b.len();
        while end > start && b[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        let unsure = |c: u8| c >= 0x80 || c == 0x0B || c.is_ascii_whitespace();
        if b.get(start).is_some_and(|&c| unsure(c)) || (end > start && unsure(b[end - 1])) {
            return None;
        }
        Some(Line {
            full,
            time,
            same_time,
            indent,
            content: &full[start..end],
            content_start: start,
        })
    }

    /// The split of any line (Unicode white space).
    fn any(full: &'a str) -> Self {
        let lead = full.len() - full.trim_start().len();
        let (time, after_time) = match timestamp_len(&full.as_bytes()[lead..]) {
            Some(n) => (Some(&full[lead..lead + n]), lead + n),
            None => (None, 0),
        };
        let rest = &full[after_time..];
        let body = rest.trim_start();
        let white = &rest[..rest.len() - body.len()];
        let indent = white.bytes().fold(0u32, |w, b| {
            if b == b'\t' {
                (w / TAB_STOP + 1) * TAB_STOP
            } else {
                w + 1
            }
        });
        Line {
            full,
            time,
            same_time: false,
            indent,
            content: body.trim_end(),
            content_start: full.len() - body.len(),
        }
    }

    /// One-based column (in Unicode scalar values) of `sub`, a slice of this line.
    pub fn column_of(&self, sub: &str) -> u32 {
        let at = (sub.as_ptr() as usize).saturating_sub(self.full.as_ptr() as usize);
        let upto = self
            .full
            .get(..at.min(self.full.len()))
            .unwrap_or(self.full);
        u32::try_from(upto.chars().count() + 1).unwrap_or(u32::MAX)
    }

    /// One-based column (in Unicode scalar values) of byte offset `at` of the content.
    pub fn column(&self, at: usize) -> u32 {
        let upto = &self.full[..self.content_start + at];
        u32::try_from(upto.chars().count() + 1).unwrap_or(u32::MAX)
    }
}

/// Length of a timestamp at the start of `s` that is followed by white space or the end:
/// ISO 8601 `YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|±HH[:MM]]`, or `HH:MM:SS[.fff]`.
pub(super) fn timestamp_len(s: &[u8]) -> Option<usize> {
    let mut at = 0;
    if digits(s, 0, 4)
        && s.get(4) == Some(&b'-')
        && digits(s, 5, 2)
        && s.get(7) == Some(&b'-')
        && digits(s, 8, 2)
    {
        if !matches!(s.get(10), Some(b'T' | b' ')) {
            return None;
        }
        at = 11;
    }
    if !(digits(s, at, 2)
        && s.get(at + 2) == Some(&b':')
        && digits(s, at + 3, 2)
        && s.get(at + 5) == Some(&b':')
        && digits(s, at + 6, 2))
    {
        return None;
    }
    let mut end = at + 8;
    if matches!(s.get(end), Some(b'.' | b',')) && digits(s, end + 1, 1) {
        end += 1;
        while s.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    if at > 0 {
        match s.get(end) {
            Some(b'Z') => end += 1,
            Some(b'+' | b'-') if digits(s, end + 1, 2) => {
                end += 3;
                if s.get(end) == Some(&b':') && digits(s, end + 1, 2) {
                    end += 3;
                } else if digits(s, end, 2) {
                    end += 2;
                }
            }
            _ => {}
        }
    }
    match s.get(end) {
        None | Some(b' ' | b'\t') => Some(end),
        _ => None,
    }
}

fn digits(s: &[u8], from: usize, n: usize) -> bool {
    s.get(from..from + n)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
}

/// Why a line inside an event is not a field.
pub(super) enum NotAField {
    /// No colon, or white space inside the name (reported at the start of the content).
    Malformed,
    /// Nothing before the colon; byte offset of the colon in the content.
    EmptyName(usize),
}

/// Splits `Name: value` (white space allowed before the colon; the value may contain colons).
pub(super) fn split_field(content: &str) -> Result<(&str, &str), NotAField> {
    // One pass over the name: where the colon is, and whether white space comes before it
    // other than just before the colon (names are short, so a plain loop beats a search).
    let b = content.as_bytes();
    let mut colon = None;
    let mut white_at = None;
    for (i, &c) in b.iter().enumerate() {
        if c == b':' {
            colon = Some(i);
            break;
        }
        if c.is_ascii_whitespace() {
            white_at.get_or_insert(i);
        } else if white_at.is_some() || c >= 0x80 || c == 0x0B {
            return split_any(content);
        }
    }
    let colon = colon.ok_or(NotAField::Malformed)?;
    let name = &content[..white_at.unwrap_or(colon)];
    if name.is_empty() {
        return Err(NotAField::EmptyName(colon));
    }
    Ok((name, trim(&content[colon + 1..])))
}

/// [`split_field`] for names with non-ASCII characters or white space inside.
fn split_any(content: &str) -> Result<(&str, &str), NotAField> {
    let colon = content.find(':').ok_or(NotAField::Malformed)?;
    let name = content[..colon].trim_end();
    if name.is_empty() {
        return Err(NotAField::EmptyName(colon));
    }
    if name.contains(char::is_whitespace) {
        return Err(NotAField::Malformed);
    }
    Ok((name, content[colon + 1..].trim()))
}

/// Where `needle` first is in `haystack`: memchr for its first byte, then a comparison. For
/// the short markers looked for in an input's first 64 KiB (`MsgType`, `%CCBU_`, `<Update>`)
/// and the calls' search words: `memchr::memmem`'s searcher costs each WebAssembly module
/// about 2,000 bytes gzipped, and `str::contains`'s about 900 in the main one, which these
/// short searches do not need.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, &haystack[from..]) {
        let at = from + i;
        if haystack[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where `needle` last is in `haystack` (`find` from the end).
#[cfg(all(feature = "finesse", feature = "traces"))]
pub(crate) fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(haystack.len());
    };
    let mut to = haystack.len();
    while let Some(at) = memchr::memrchr(first, &haystack[..to]) {
        if haystack[at + 1..].starts_with(rest) {
            return Some(at);
        }
        to = at;
    }
    None
}

/// `str::trim`, with ASCII white space taken off without decoding characters.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    // Nearly every value: one space after the colon, and nothing white at either end after it.
    let plain = |c: u8| c > b' ' && c < 0x80;
    if let [b' ', first, .., last] = b {
        if plain(*first) && plain(*last) {
            return &s[1..];
        }
    }
    trim_end(trim_start(s))
}

/// `str::trim_start`, with ASCII white space taken off without decoding characters.
pub(crate) fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    if b.get(start).is_some_and(|&c| c >= 0x80 || c == 0x0B) {
        return s.trim_start();
    }
    &s[start..]
}

/// `str::trim_end`, with ASCII white space taken off without decoding characters.
pub(crate) fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    if end > 0 && (b[end - 1] >= 0x80 || b[end - 1] == 0x0B) {
        return s[..end].trim_end();
    }
    &s[..end]
}

/// The text after `MsgType:` if the content is a message-type line (ASCII case ignored).
pub(super) fn msg_type_value(content: &str) -> Option<&str> {
    // Most lines are fields: their first letter tells at once.
    if !matches!(content.as_bytes().first(), Some(b'M' | b'm')) {
        return None;
    }
    let head = content.get(..7)?;
    if !head.eq_ignore_ascii_case("MsgType") {
        return None;
    }
    content[7..].trim_start().strip_prefix(':')
}

/// A dump's elision mark: `...` or `…`.
pub(super) fn is_ellipsis(content: &str) -> bool {
    content == "..." || content == "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_recognised_in_every_form() {
        for (line, time, content) in [
            (
                "2024-05-01T10:00:00.123Z MsgType: X",
                "2024-05-01T10:00:00.123Z",
                "MsgType: X",
            ),
            (
                "2024-05-01 10:00:00,5 MsgType: X",
                "2024-05-01 10:00:00,5",
                "MsgType: X",
            ),
            (
                "2024-05-01T10:00:00+02:00\tA: 1",
                "2024-05-01T10:00:00+02:00",
                "A: 1",
            ),
            ("10:00:00.123   Field: 1", "10:00:00.123", "Field: 1"),
            ("  10:00:00 x", "10:00:00", "x"),
        ] {
            let l = Line::new(line);
            assert_eq!((l.time, l.content), (Some(time), content), "{line}");
        }
        for line in ["10:00 x", "2024-05-01Tx", "10:00:00x", "1999: value"] {
            assert_eq!(Line::new(line).time, None, "{line}");
        }
    }

    #[test]
    fn indentation_counts_spaces_and_tab_stops() {
        assert_eq!(Line::new("    MsgType: X").indent, 4);
        assert_eq!(Line::new("\tA: 1").indent, 8);
        assert_eq!(Line::new("  \tA: 1").indent, 8);
        assert_eq!(Line::new("10:00:00.000   A: 1").indent, 3);
        assert_eq!(Line::new("A: 1\r").content, "A: 1");
    }

    #[test]
    fn fields_split_on_the_first_colon() {
        assert!(matches!(
            split_field("CallID: 16800097 "),
            Ok(("CallID", "16800097"))
        ));
        assert!(matches!(split_field("Name : v"), Ok(("Name", "v"))));
        assert!(matches!(
            split_field("ExpandedCallContxt: <TotalBytes: 18>"),
            Ok(("ExpandedCallContxt", "<TotalBytes: 18>"))
        ));
        assert!(matches!(
            split_field("ConnectionDeviceID:"),
            Ok(("ConnectionDeviceID", ""))
        ));
        assert!(matches!(
            split_field("Yes No Yes"),
            Err(NotAField::Malformed)
        ));
        assert!(matches!(
            split_field("two words: x"),
            Err(NotAField::Malformed)
        ));
        assert!(matches!(
            split_field("  : x".trim()),
            Err(NotAField::EmptyName(0))
        ));
        assert_eq!(
            msg_type_value("MsgType:  AGENT_STATE_EVENT"),
            Some("  AGENT_STATE_EVENT")
        );
        assert_eq!(msg_type_value("msgtype : X"), Some(" X"));
        assert_eq!(msg_type_value("MsgTypes: X"), None);
    }

    #[test]
    fn columns_count_characters_from_one() {
        let l = Line::new("  äb: c");
        assert_eq!(l.column(0), 3);
        assert_eq!(l.column(2), 4, "ä is one column");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The byte-wise fast paths split every line as the Unicode-aware ones do.
        #[test]
        fn fast_paths_agree_with_unicode_white_space(
            line in "[ \t\u{0B}\u{0C}\u{A0}\u{3000}]{0,3}(10:00:00(\\.5)?)?[ \t\u{A0}]{0,3}[a-zä:\u{2003} ]{0,12}[ \t\u{0B}\u{A0}\u{85}]{0,3}"
        ) {
            let any = Line::any(&line);
            // `previous` is always a timestamp an earlier line had.
            for previous in [&b""[..], b"10:00:00", b"10:00:00.5"] {
                if let Some(fast) = Line::ascii(&line, previous) {
                    proptest::prop_assert_eq!(
                        (fast.time, fast.indent, fast.content, fast.content_start),
                        (any.time, any.indent, any.content, any.content_start)
                    );
                }
            }
            proptest::prop_assert_eq!(trim(&line), line.trim());
            let split = |r: Result<(&str, &str), NotAField>| match r {
                Ok((a, b)) => Ok((a.to_owned(), b.to_owned())),
                Err(NotAField::Malformed) => Err(None),
                Err(NotAField::EmptyName(at)) => Err(Some(at)),
            };
            proptest::prop_assert_eq!(split(split_field(&line)), split(split_any(&line)));
            proptest::prop_assert_eq!(trim_end(&line), line.trim_end());
            proptest::prop_assert_eq!(trim_start(&line), line.trim_start());
        }

        /// `find` finds what `memchr::memmem` finds, overlapping starts and all.
        #[test]
        fn find_agrees_with_memmem(haystack in "[ab<U]{0,40}", needle in "[ab<U]{0,4}") {
            let (h, n) = (haystack.as_bytes(), needle.as_bytes());
            proptest::prop_assert_eq!(find(h, n), memchr::memmem::find(h, n));
            proptest::prop_assert_eq!(rfind(h, n), memchr::memmem::rfind(h, n));
        }
    }
}
