//! Fault tests of the text decoder and the log store: huge lines, repeated fields, invalid
//! UTF-8, garbage between events, and every split of a stream. (The binary decoder's are in
//! `tests/binary.rs`: truncation, corruption, lengths at and past the cap, garbage between
//! frames, every chunking.)
#![cfg(not(target_arch = "wasm32"))]

use cti_outcome::binary::Options;
use cti_outcome::generate::{generate, write_text, Options as Generate};
use cti_outcome::store::LogStore;
use cti_outcome::{decode_log, decode_log_bytes, DiagnosticCode};
use proptest::prelude::*;
use std::fmt::Write as _;

#[test]
fn a_ten_megabyte_line_is_one_field_and_the_events_around_it_survive() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let text = format!(
        "MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 1\n  CallVariable1: {huge}\nMsgType: END_CALL_EVENT\n  ConnectionCallID: 1\n"
    );
    let decoded = decode_log(&text);
    assert_eq!(decoded.events.len(), 2);
    assert_eq!(decoded.events[0].fields[1].raw.len(), huge.len());
    assert!(decoded.diagnostics.is_empty());
    // And as a line that is no field at all: one diagnostic, both events kept.
    let text = format!("MsgType: BEGIN_CALL_EVENT\n  {huge}\nMsgType: END_CALL_EVENT\n");
    let decoded = decode_log(&text);
    assert_eq!(decoded.events.len(), 2);
    assert_eq!(decoded.diagnostics.len(), 1);
    assert_eq!(decoded.diagnostics[0].line, 2);
}

#[test]
fn deeply_repeated_fields_are_all_kept_in_order() {
    let mut text = String::from("MsgType: CALL_DATA_UPDATE_EVENT\n");
    for i in 0..100_000 {
        writeln!(text, "  ConnectedPartyCallID[{i}]: {i}").expect("writing to a String");
    }
    let decoded = decode_log(&text);
    let fields = &decoded.events[0].fields;
    assert_eq!(fields.len(), 100_000);
    assert_eq!(fields[99_999].index, Some(99_999));
    assert_eq!(fields[99_999].raw, "99999");
    let timeline = cti_outcome::build_timeline(&decoded.events);
    assert!(timeline.calls.len() <= 1);
}

#[test]
fn invalid_utf8_is_reported_where_it_is_and_decoding_goes_on() {
    let mut bytes = b"MsgType: BEGIN_CALL_EVENT\n  ANI: 55".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\nMsgType: END_CALL_EVENT\n  ConnectionCallID: 7\n");
    let decoded = decode_log_bytes(&bytes);
    assert_eq!(decoded.events.len(), 2);
    let d = decoded
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::InvalidUtf8)
        .expect("an invalid-utf8 diagnostic");
    assert_eq!((d.line, d.column), (2, 10));
    assert_eq!(decoded.events[1].fields[0].raw, "7");
}

#[test]
fn garbage_between_events_is_kept_as_notes_and_loses_no_event() {
    let garbage = "\u{0}\u{7}<script>%%%\u{fffd}\n   :::: \n\t\t\n";
    let clean = write_text(&generate(Generate {
        calls: 30,
        ..Generate::default()
    }));
    let clean_events = decode_log(&clean).events.len();
    let dirty: String = clean
        .split_inclusive('\n')
        .flat_map(|line| {
            let opens = line.contains("MsgType:");
            [if opens { garbage } else { "" }, line]
        })
        .collect();
    let decoded = decode_log(&dirty);
    assert_eq!(decoded.events.len(), clean_events);
    assert_eq!(
        cti_outcome::build_timeline(&decoded.events).calls.len(),
        cti_outcome::build_timeline(&decode_log(&clean).events)
            .calls
            .len()
    );
}

#[test]
fn every_split_of_a_text_stream_gives_the_whole_decode() {
    let text = write_text(&generate(Generate {
        calls: 6,
        ..Generate::default()
    }));
    let whole = decode_log(&text);
    for cut in 0..=text.len() {
        let mut store = LogStore::new(None, Options::default());
        store.push(&text.as_bytes()[..cut]);
        store.push(&text.as_bytes()[cut..]);
        store.finish();
        assert_eq!(
            store.events(0, usize::MAX),
            whole.events.as_slice(),
            "split at {cut}"
        );
    }
}

fn fixture_logs() -> Vec<&'static str> {
    vec![
        include_str!("fixtures/logs/crlf.txt"),
        include_str!("fixtures/logs/tolerance.txt"),
        include_str!("fixtures/logs/uccx-agent-skips-contact.txt"),
        include_str!("fixtures/flows/conference.txt"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any chunking of any fixture, through the store, equals decoding it whole: events,
    /// notes, diagnostics (with their lines) and the timeline.
    #[test]
    fn any_chunking_of_a_fixture_decodes_the_same(which in 0usize..4, cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..12)) {
        let text = fixture_logs()[which].as_bytes();
        let whole = decode_log_bytes(text);
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(text.len() + 1)).collect();
        at.sort_unstable();
        let mut store = LogStore::new(None, Options::default());
        let mut from = 0;
        for cut in at.into_iter().chain([text.len()]) {
            store.push(&text[from..cut]);
            from = cut;
        }
        store.finish();
        let summary = store.summary();
        prop_assert_eq!(store.events(0, usize::MAX), whole.events.as_slice());
        prop_assert_eq!(summary.notes, whole.notes.as_slice());
        prop_assert_eq!(summary.diagnostics, whole.diagnostics.as_slice());
        prop_assert_eq!(summary.timeline, cti_outcome::build_timeline(&whole.events));
    }

    /// Arbitrary bytes in arbitrary chunks never panic the store.
    #[test]
    fn arbitrary_chunks_never_panic(chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..200), 0..8)) {
        let mut store = LogStore::new(None, Options::default());
        for chunk in &chunks {
            store.push(chunk);
        }
        store.finish();
        let _ = store.summary();
    }
}
