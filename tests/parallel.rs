//! A text dump decoded in slices on several threads (`src/text/slices.rs`) is the dump decoded
//! whole: the same events, fields, notes, diagnostics (what is said once said once, with every
//! slice's counts), line marks and calls, wherever the slices are cut among its record starts.
//! The input is every text fixture (the guide's flows and the tolerance cases) with a generated
//! log, events pasted flattened (one line each) and lines of invalid UTF-8, twice over, so that
//! each said-once diagnostic falls in more than one slice.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use cti_outcome::binary::Options;
use cti_outcome::generate;
use cti_outcome::log::Log;
use cti_outcome::store::Store;
use cti_outcome::text::slices::{next_record_start, Decoded, Parallel};
use cti_outcome::view;
use proptest::prelude::*;

/// The noisy dump described above.
fn input() -> Vec<u8> {
    let logs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logs");
    let mut names: Vec<_> = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let events = generate::generate(generate::Options {
        calls: 40,
        seed: 7,
        agents: 4,
        ..generate::Options::default()
    });
    let generated = generate::write_text(&events);
    // A flow's events each on one line, as a copy from a web page leaves them.
    let flow = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/generate/flows/consult-transfer.txt"),
    )
    .unwrap();
    let flattened = flow
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            if l.starts_with("MsgType") {
                format!("\n{l}")
            } else {
                format!(" {}", l.trim())
            }
        })
        .collect::<String>()
        + "\n";
    let mut out = Vec::new();
    for _ in 0..2 {
        for name in &names {
            out.extend(std::fs::read(name).unwrap());
            out.push(b'\n');
        }
        out.extend(generated.as_bytes());
        out.extend(b"# pasted from the guide's page\n");
        out.extend(flattened.as_bytes());
        out.extend(b"MsgType: AGENT_STATE_EVENT\n  AgentID: 10\xff\xfe01\n  AgentState: \xc3\n");
    }
    out
}

/// Every record start after byte 0 (where a slice may begin), first to last.
fn record_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 1;
    while let Ok(start) = next_record_start(bytes, at) {
        starts.push(start);
        at = start + 1;
    }
    starts
}

/// What a decode of `bytes` shows: events with fields, notes and diagnostics, calls, and where
/// the lines it notes start.
fn shown(store: &mut Store, bytes: &[u8]) -> String {
    let lines = u32::try_from(memchr::memchr_iter(b'\n', bytes).count()).unwrap() + 1;
    let marks: Vec<_> = (1..=lines)
        .step_by(256)
        .map(|line| store.line_start(line))
        .collect();
    let decoded = serde_json::to_string(&view::decoded_text(store)).unwrap();
    let timeline = cti_outcome::timeline::build(store);
    let calls = serde_json::to_string(&view::timeline::timeline(store, &timeline)).unwrap();
    format!("{decoded}\n{calls}\n{marks:?}")
}

/// Where two outputs first differ, with some context (they are long).
fn difference(got: &str, expected: &str) -> Option<String> {
    let at = got
        .bytes()
        .zip(expected.bytes())
        .position(|(a, b)| a != b)
        .or_else(|| (got.len() != expected.len()).then(|| got.len().min(expected.len())))?;
    let around = |s: &str| {
        let b = s.as_bytes();
        String::from_utf8_lossy(&b[at.saturating_sub(300)..(at + 200).min(b.len())]).into_owned()
    };
    Some(format!(
        "differs at byte {at}:\n got:      …{}\n expected: …{}",
        around(got),
        around(expected)
    ))
}

/// Fails with where `got` and `expected` first differ, after `context`.
fn assert_same(got: &str, expected: &str, context: &str) {
    if let Some(d) = difference(got, expected) {
        panic!("{context} {d}");
    }
}

/// The dump decoded in the slices that `cuts` (record starts, ascending) make, joined.
fn sliced(bytes: &[u8], cuts: &[usize]) -> Store {
    let mut joined = Decoded::empty();
    let mut lines = 0u32;
    let mut from = 0;
    for &to in cuts.iter().chain([&bytes.len()]) {
        let part = &bytes[from..to];
        joined.join(Decoded::slice(part, lines, from as u64));
        lines += u32::try_from(memchr::memchr_iter(b'\n', part).count()).unwrap();
        from = to;
    }
    joined.store
}

#[test]
fn every_record_start_is_a_msg_type_line_and_there_are_many() {
    let bytes = input();
    let starts = record_starts(&bytes);
    assert!(starts.len() > 500, "{} record starts", starts.len());
    for &s in &starts {
        let line = &bytes[s..s + memchr::memchr(b'\n', &bytes[s..]).unwrap()];
        let line = String::from_utf8_lossy(line);
        assert!(line.contains("MsgType:"), "{line}");
        assert_eq!(
            line.matches(':').count(),
            1 + line
                .find("MsgType")
                .map_or(0, |i| line[..i].matches(':').count()),
            "{line}"
        );
    }
}

#[test]
fn slices_joined_are_the_whole_decode_with_each_said_once_diagnostic_once() {
    let bytes = input();
    let mut whole = cti_outcome::text::decode(&bytes);
    let expected = shown(&mut whole, &bytes);
    for code in ["\"code\":\"invalid-utf8\"", "\"code\":\"flattened\""] {
        assert_eq!(expected.matches(code).count(), 1, "{code} said once");
    }
    assert!(
        expected.contains("read from 20 lines"),
        "both pastes' lines counted"
    );
    let starts = record_starts(&bytes);
    // Every tenth record start: many slices, each said-once case in several.
    let cuts: Vec<usize> = starts.iter().copied().step_by(10).collect();
    let got = shown(&mut sliced(&bytes, &cuts), &bytes);
    assert_same(&got, &expected, "");
}

/// Slices carried as bytes (as from a Worker's wasm instance to another) join as they do in
/// one instance; and bytes that are no slice, or a slice cut short, are refused.
#[test]
fn slices_carried_as_bytes_join_into_the_whole_decode() {
    let bytes = input();
    let mut whole = cti_outcome::text::decode(&bytes);
    let expected = shown(&mut whole, &bytes);
    let starts = record_starts(&bytes);
    let mut joined = Decoded::empty();
    let (mut lines, mut from) = (0u32, 0);
    for &to in starts.iter().step_by(7).chain([&bytes.len()]) {
        let part = &bytes[from..to];
        let carried = Decoded::slice(part, lines, from as u64).to_bytes();
        if from == 0 {
            assert!(
                Decoded::from_bytes(&carried[..carried.len() - 1]).is_none(),
                "cut short"
            );
            assert!(Decoded::from_bytes(b"MsgType: X").is_none(), "no slice");
        }
        joined.join(Decoded::from_bytes(&carried).expect("a slice read back"));
        lines += u32::try_from(memchr::memchr_iter(b'\n', part).count()).unwrap();
        from = to;
    }
    assert_same(&shown(&mut joined.store, &bytes), &expected, "");
}

#[test]
fn a_log_on_threads_is_the_log_on_one() {
    let bytes = input();
    let one = Log::open(&bytes, None, Options::default());
    let mut threaded = Log::new(None, Options::default());
    threaded.set_threads(4);
    for chunk in bytes.chunks(5000) {
        threaded.push(chunk);
    }
    threaded.finish();
    let json = |log: &Log| {
        serde_json::to_string(&(
            view::decoded_text(log.store()),
            view::timeline::timeline(log.store(), log.timeline()),
        ))
        .unwrap()
    };
    let (got, expected) = (json(&threaded), json(&one));
    assert_same(&got, &expected, "");
    // Small slices, so that several threads run: pushed in chunks of every size.
    for (threads, slice, chunk) in [
        (2, 3000, 777),
        (3, 1, 64),
        (8, 20_000, 4096),
        (2, 5000, usize::MAX),
    ] {
        let mut parallel = Parallel::sliced(threads, slice);
        let mut store = Store::new(cti_outcome::store::Form::Text);
        for part in bytes.chunks(chunk) {
            parallel.push(&mut store, part);
        }
        parallel.finish(&mut store);
        let mut whole = cti_outcome::text::decode(&bytes);
        let (got, expected) = (shown(&mut store, &bytes), shown(&mut whole, &bytes));
        assert_same(
            &got,
            &expected,
            &format!("{threads} threads, slices of {slice}:"),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A slice's bytes damaged anywhere (a byte changed, or cut short) are refused or read as
    /// a store whose every event and call can be shown.
    #[test]
    fn damaged_slice_bytes_are_refused_or_read_whole(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<bool>(),
    ) {
        let bytes = b"MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 7\n  Vendor: x\n# a note\nMsgType: X\n  : y\nMsgType: END_CALL_EVENT ConnectionCallID: 7 \xff\n";
        let mut carried = Decoded::slice(bytes, 0, 0).to_bytes();
        let i = at.index(carried.len());
        if cut {
            carried.truncate(i);
        } else {
            carried[i] = byte;
        }
        if let Some(slice) = Decoded::from_bytes(&carried) {
            // Joined after a whole slice that says the same things once.
            let mut joined = Decoded::slice(bytes, 0, 0);
            joined.join(slice);
            let _ = shown(&mut joined.store, bytes);
        }
    }

    /// Slices cut at any record starts join into the whole decode; and so does the threaded
    /// decoder with slices of any size, fed in chunks of any size (a byte-order mark in front,
    /// as a file may have).
    #[test]
    fn slices_anywhere_join_into_the_whole_decode(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..12),
        slice in 1usize..40_000,
        chunk in 1usize..10_000,
        threads in 1usize..5,
        bom in any::<bool>(),
    ) {
        let bytes = input();
        let starts = record_starts(&bytes);
        let mut cuts: Vec<usize> = picks.iter().map(|i| starts[i.index(starts.len())]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut whole = cti_outcome::text::decode(&bytes);
        let expected = shown(&mut whole, &bytes);
        let got = shown(&mut sliced(&bytes, &cuts), &bytes);
        if let Some(d) = difference(&got, &expected) {
            return Err(TestCaseError::fail(d));
        }

        let mut fed = bytes.clone();
        if bom {
            fed.splice(0..0, *b"\xEF\xBB\xBF");
        }
        let mut parallel = Parallel::sliced(threads, slice);
        let mut store = Store::new(cti_outcome::store::Form::Text);
        for part in fed.chunks(chunk) {
            parallel.push(&mut store, part);
        }
        parallel.finish(&mut store);
        let got = shown(&mut store, &bytes);
        if let Some(d) = difference(&got, &expected) {
            return Err(TestCaseError::fail(d));
        }
    }
}

/// A written name that begins with the byte the names table marks verbatim names' keys with
/// (found by the fuzz target) is still the written name after joining.
#[test]
fn a_name_that_looks_like_a_verbatim_key_joins_as_written() {
    cut_once_is_whole(b"MsgType: BEGIN_CALL_EVENT\n  \x01nswering: 1\nMsgType: END_CALL_EVENT\n  \x01nswering: 2\n");
}

/// `bytes` cut at their second record start and joined equal them decoded whole; what the
/// whole decode shows.
fn cut_once_is_whole(bytes: &[u8]) -> String {
    let cut = next_record_start(bytes, 1).unwrap();
    let mut whole = cti_outcome::text::decode(bytes);
    let expected = shown(&mut whole, bytes);
    let got = shown(&mut sliced(bytes, &[cut]), bytes);
    assert_same(&got, &expected, "");
    expected
}

/// A field value that holds a `MsgType:` with further fields is read as flattened whether or
/// not its event's type was seen before (found by the fuzz target: the decoder's fast path for
/// a field it expects read it as a plain value, so the slice that had not seen the type read it
/// otherwise).
#[test]
fn a_value_holding_an_event_reads_the_same_in_any_slice() {
    let shown = cut_once_is_whole(b"MsgType: BEGIN_CALL_EVENT\n  CallType: 1\nMsgType: BEGIN_CALL_EVENT\n  CallType: x MsgType: END_CALL_EVENT ConnectionCallID: 5\n");
    assert!(shown.contains("END_CALL_EVENT\",\"typeId\""), "{shown}");
}
