//! A log fed in chunks of any size, of a known size, and live.

use super::*;
use crate::view;

const LOG: &[u8] = include_bytes!("../generate/flows/consult-transfer.txt");

#[test]
fn any_chunking_gives_the_whole_decode_and_timeline() {
    let whole = Log::open(LOG, None, Options::default());
    let json = |log: &Log| {
        let store = log.store();
        serde_json::to_string(&(
            view::decoded_text(store),
            view::timeline::timeline(store, log.timeline()),
        ))
        .unwrap()
    };
    for size in [1, 7, 64, 333, LOG.len()] {
        let mut log = Log::new(None, Options::default());
        for chunk in LOG.chunks(size) {
            log.push(chunk);
        }
        log.finish();
        assert_eq!(json(&log), json(&whole), "chunks of {size}");
    }
}

#[test]
fn a_word_that_announces_a_trace_does_not_settle_the_form_alone() {
    // Found by the `timeline` fuzz target: `%MIVR-` in the first half made the half its own
    // form (text), the whole is frames.
    let input = include_bytes!("../../tests/fuzz/regressions/timeline-mivr-word-in-frames.bin");
    let (whole, halves) = whole_and_halves(input);
    assert_eq!(halves.format(), whole.format());
    let json = |log: &Log| serde_json::to_string(&log.sniffed()).unwrap();
    assert_eq!(json(&halves), json(&whole));
}

#[test]
fn a_known_size_reserves_room_once_and_decodes_the_same() {
    let sample = usize::try_from(SAMPLE_BYTES).unwrap();
    let big: Vec<u8> = LOG.repeat(8 * sample / LOG.len());
    let open = |expected: Option<u64>| {
        let mut log = Log::new(None, Options::default());
        if let Some(bytes) = expected {
            log.expect(bytes);
        }
        let mut after_sample = 0;
        for chunk in big.chunks(sample) {
            log.push(chunk);
            if after_sample == 0 {
                after_sample = log.store().heap_bytes();
            }
        }
        log.finish();
        let json = serde_json::to_string(&(
            view::decoded_text(log.store()),
            view::timeline::timeline(log.store(), log.timeline()),
        ))
        .unwrap();
        (json, after_sample)
    };
    let (plain, plain_bytes) = open(None);
    let (sized, sized_bytes) = open(Some(big.len() as u64));
    assert_eq!(sized, plain);
    assert!(
        sized_bytes > 3 * plain_bytes,
        "room for the whole log after the first part: {sized_bytes} vs {plain_bytes} bytes"
    );
    for wrong in [1, 10 * big.len() as u64, u64::MAX] {
        assert_eq!(
            open(Some(wrong)).0,
            plain,
            "a wrong size ({wrong}) changes nothing"
        );
    }
}

#[test]
fn a_live_text_feed_gives_events_before_the_end() {
    let mut log = Log::new(None, Options::default());
    log.push(b"MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 1\n");
    log.push(b"MsgType: END_CALL_EVENT\n  ConnectionCallID: 1\n");
    assert_eq!(log.format(), Some(Format::Text));
    assert_eq!(
        log.store().len(),
        2,
        "both events are in, the second still open"
    );
    log.update_timeline();
    assert_eq!(log.timeline().call_count(), 1);
}

/// `input` decoded whole, and pushed in two halves (as the `timeline` fuzz target does).
fn whole_and_halves(input: &[u8]) -> (Log, Log) {
    let whole = Log::open(input, None, Options::default());
    let mut halves = Log::new(None, Options::default());
    let (a, b) = input.split_at(input.len() / 2);
    halves.push(a);
    halves.push(b);
    halves.finish();
    (whole, halves)
}

/// The decoded events and the timeline, as JSON (to compare two decodes).
fn everything(log: &Log) -> String {
    let store = log.store();
    serde_json::to_string(&(
        log.format(),
        view::decoded_text(store),
        view::timeline::timeline(store, log.timeline()),
    ))
    .unwrap()
}

#[test]
fn a_form_told_early_is_told_again_from_the_whole_first_bytes() {
    // Found by the `timeline` fuzz target: `MsgType` in the first half settled it as a dump;
    // the whole has a `%MIVR-` record later, which the sniff of all of it ranks first.
    let input = include_bytes!("../../tests/fuzz/regressions/timeline-dump-word-then-mivr.bin");
    let (whole, halves) = whole_and_halves(input);
    assert_eq!(everything(&halves), everything(&whole));
}

#[test]
fn a_live_feed_that_turns_out_a_trace_is_decoded_again_as_one() {
    // A dump's word first (told at once, for a live feed), then more than 64 KiB of MIVR
    // records a line at a time: once the first 64 KiB tell a trace, it is decoded as one from
    // the start, as the whole file is.
    let mivr = include_str!("../../tests/fixtures/traces/mivr-consult-transfer.log");
    let mut input = String::from("MsgType: BEGIN_CALL_EVENT\n");
    while input.len() < 2 * DETECT_BYTES {
        input.push_str(mivr);
    }
    let whole = Log::open(input.as_bytes(), None, Options::default());
    assert_eq!(whole.format(), Some(Format::Trace));
    let mut lines = Log::new(None, Options::default());
    for line in input.split_inclusive('\n') {
        lines.push(line.as_bytes());
    }
    lines.finish();
    assert_eq!(everything(&lines), everything(&whole));
    assert!(lines.timeline().finished_calls() > 0);
}
