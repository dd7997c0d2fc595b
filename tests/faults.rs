//! Fault tests of the text decoder and the log: huge lines, repeated fields, invalid UTF-8,
//! garbage between events, and every split of a stream. (The binary decoder's are in
//! `tests/binary.rs`.)
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use cti_outcome::binary::Options;
use cti_outcome::generate::{generate, write_text, Options as Generate};
use cti_outcome::log::Log;
use cti_outcome::view;
use proptest::prelude::*;
use serde_json::Value;

/// The decoded text as the command-line tool's JSON.
fn decoded(text: &[u8]) -> Value {
    serde_json::to_value(view::decoded_text(&cti_outcome::text::decode(text))).unwrap()
}

/// Everything a log gives: its events, notes and diagnostics, and its timeline, as JSON.
fn everything(log: &Log) -> String {
    let store = log.store();
    serde_json::to_string(&(
        view::decoded_text(store),
        view::timeline::timeline(store, log.timeline()),
    ))
    .unwrap()
}

fn count(v: &Value, key: &str) -> usize {
    v[key].as_array().unwrap().len()
}

#[test]
fn a_ten_megabyte_line_is_one_field_and_the_events_around_it_survive() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let text = format!(
        "MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 1\n  CallVariable1: {huge}\nMsgType: END_CALL_EVENT\n  ConnectionCallID: 1\n"
    );
    let d = decoded(text.as_bytes());
    assert_eq!(count(&d, "events"), 2);
    assert_eq!(
        d["events"][0]["fields"][1]["raw"].as_str().unwrap().len(),
        huge.len()
    );
    assert_eq!(count(&d, "diagnostics"), 0);
    // And as a line that is no field at all: one diagnostic, both events kept.
    let text = format!("MsgType: BEGIN_CALL_EVENT\n  {huge}\nMsgType: END_CALL_EVENT\n");
    let d = decoded(text.as_bytes());
    assert_eq!(count(&d, "events"), 2);
    assert_eq!(count(&d, "diagnostics"), 1);
    assert_eq!(d["diagnostics"][0]["line"], 2);
}

#[test]
fn deeply_repeated_fields_are_all_kept_in_order() {
    let mut text = String::from("MsgType: CALL_DATA_UPDATE_EVENT\n");
    for i in 0..100_000 {
        writeln!(text, "  ConnectedPartyCallID[{i}]: {i}").expect("writing to a String");
    }
    let mut store = cti_outcome::text::decode(text.as_bytes());
    let d = serde_json::to_value(view::decoded_text(&store)).unwrap();
    let fields = d["events"][0]["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 100_000);
    assert_eq!(fields[99_999]["index"], 99_999);
    assert_eq!(fields[99_999]["raw"], "99999");
    let timeline = cti_outcome::timeline::build(&mut store);
    assert!(timeline.call_count() <= 1);
}

#[test]
fn invalid_utf8_is_reported_where_it_is_and_decoding_goes_on() {
    let mut bytes = b"MsgType: BEGIN_CALL_EVENT\n  ANI: 55".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\nMsgType: END_CALL_EVENT\n  ConnectionCallID: 7\n");
    let d = decoded(&bytes);
    assert_eq!(count(&d, "events"), 2);
    let utf8 = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "invalid-utf8")
        .expect("an invalid-utf8 diagnostic");
    assert_eq!((&utf8["line"], &utf8["column"]), (&2.into(), &10.into()));
    assert_eq!(d["events"][1]["fields"][0]["raw"], "7");
}

#[test]
fn garbage_between_events_is_kept_as_notes_and_loses_no_event() {
    let garbage = "\u{0}\u{7}<script>%%%\u{fffd}\n   :::: \n\t\t\n";
    let clean = write_text(&generate(Generate {
        calls: 30,
        ..Generate::default()
    }));
    let dirty: String = clean
        .split_inclusive('\n')
        .flat_map(|line| {
            [
                if line.contains("MsgType:") {
                    garbage
                } else {
                    ""
                },
                line,
            ]
        })
        .collect();
    let (clean_log, dirty_log) = (
        Log::open(clean.as_bytes(), None, Options::default()),
        Log::open(dirty.as_bytes(), None, Options::default()),
    );
    assert_eq!(dirty_log.store().len(), clean_log.store().len());
    assert!(!dirty_log.store().notes().is_empty());
    assert_eq!(
        dirty_log.timeline().call_count(),
        clean_log.timeline().call_count()
    );
}

#[test]
fn every_split_of_a_text_stream_gives_the_whole_decode() {
    let text = write_text(&generate(Generate {
        calls: 6,
        ..Generate::default()
    }));
    let whole = everything(&Log::open(text.as_bytes(), None, Options::default()));
    for cut in 0..=text.len() {
        let mut log = Log::new(None, Options::default());
        log.push(&text.as_bytes()[..cut]);
        log.push(&text.as_bytes()[cut..]);
        log.finish();
        assert_eq!(everything(&log), whole, "split at {cut}");
    }
}

fn fixture_logs() -> Vec<&'static str> {
    vec![
        include_str!("fixtures/logs/crlf.txt"),
        include_str!("fixtures/logs/tolerance.txt"),
        include_str!("../src/generate/flows/uccx-agent-skips-contact.txt"),
        include_str!("../src/generate/flows/conference.txt"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any chunking of any fixture equals decoding it whole: events, notes, diagnostics (with
    /// their lines) and the timeline.
    #[test]
    fn any_chunking_of_a_fixture_decodes_the_same(which in 0usize..4, cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..12)) {
        let text = fixture_logs()[which].as_bytes();
        let whole = everything(&Log::open(text, None, Options::default()));
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(text.len() + 1)).collect();
        at.sort_unstable();
        let mut log = Log::new(None, Options::default());
        let mut from = 0;
        for cut in at.into_iter().chain([text.len()]) {
            log.push(&text[from..cut]);
            from = cut;
        }
        log.finish();
        prop_assert_eq!(everything(&log), whole);
    }

    /// Arbitrary bytes in arbitrary chunks never panic the log.
    #[test]
    fn arbitrary_chunks_never_panic(chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..200), 0..8)) {
        let mut log = Log::new(None, Options::default());
        for chunk in &chunks {
            log.push(chunk);
        }
        log.finish();
        let _ = everything(&log);
    }
}
