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
