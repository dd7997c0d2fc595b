//! Unit tests of the trace decoder's line handling; the fixtures' tests are in `tests/traces.rs`.

use super::*;

#[test]
fn thousands_are_grouped() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(41_233), "41,233");
    assert_eq!(thousands(1_234_567), "1,234,567");
}

#[test]
fn a_line_with_a_character_across_the_msgtype_window_is_kept() {
    // Found by the trace_mivr fuzz target: the seventh byte inside a character.
    let log = crate::log::Log::open(
        "7091923: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:x\n]~\u{FFFD}x\n".as_bytes(),
        Some(crate::sniff::Format::Trace),
        crate::binary::Options::default(),
    );
    assert_eq!(log.store().len(), 0);
}

#[test]
fn a_notification_cut_inside_a_character_is_said_at_that_character() {
    // Found by the `finesse` fuzz target (input `aa 26 04` after its dialog head): the invalid
    // byte became U+FFFD (three bytes), the `&` after it is no escape, and the fault's
    // position was taken by slicing inside that character.
    let head: &[u8] = b"<Update><data><dialogs><Dialog><id>16810001</id><participants><Participant><mediaAddress>2002</mediaAddress><state>";
    let input = [head, &[0xAA, 0x26, 0x04]].concat();
    let log = crate::log::Log::open(
        &input,
        Some(crate::sniff::Format::Trace),
        crate::binary::Options::default(),
    );
    let said: Vec<_> = log
        .store()
        .diagnostics()
        .iter()
        .map(|d| (d.code, d.at))
        .collect();
    assert!(
        said.iter().any(
            |(c, at)| *c == crate::diagnostic::DiagnosticCode::MalformedXml
                && matches!(at, crate::diagnostic::At::Text { line: 1, .. })
        ),
        "{said:?}"
    );
}

#[test]
fn a_flattened_line_lengthened_by_a_utf8_repair_is_read() {
    // Found by the `finesse` fuzz target: a flattened dump line with invalid UTF-8 (the plain
    // dump decoder failed on it too): an event rebuilt from the middle of the repaired line
    // started past the line's end as counted, and the next field's extent underflowed.
    let input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fuzz/regressions/finesse-dump-after-notification.bin"
    ))
    .unwrap();
    let log = crate::log::Log::open(
        &input,
        Some(crate::sniff::Format::Trace),
        crate::binary::Options::default(),
    );
    for e in log.store().events() {
        let (first, last) = e.lines();
        assert!(first <= last);
    }
    assert!(
        !crate::text::decode(&input).is_empty(),
        "the dump decoder reads it too"
    );
}

#[cfg(feature = "finesse")]
#[test]
fn an_escaped_payload_is_unescaped_as_replacing_each_entity_in_turn_did() {
    let replaced = |t: &str| {
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    for text in [
        "&lt;Update&gt;&lt;event&gt;PUT&lt;/event&gt;&lt;/Update&gt;",
        "a &amp;lt; b &amp;amp; c &quot;d&quot; &apos;e&apos; & f &x; &",
        "&&lt;lt;&amp;&",
        "",
    ] {
        assert_eq!(super::notify::unescape(text), replaced(text), "{text}");
    }
}
