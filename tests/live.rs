//! The live API: notifications and events pushed one at a time report the calls they changed,
//! with the phase and the outcome a reader of the notifications would state at that moment.

use cti_outcome::live::Live;
use cti_outcome::timeline::Phase;
use cti_outcome::OutcomeKind;

fn fixture(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The notifications of a saved fixture, one push each (the console comment before each).
fn notifications(name: &str) -> Vec<String> {
    let text = fixture(&format!("tests/fixtures/finesse/{name}"));
    text.split("<!--")
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("<!--{s}"))
        .collect()
}

#[test]
fn each_notification_reports_its_dialog_with_phase_and_outcome() {
    use OutcomeKind::{StillActive, Transferred};
    let mut live = Live::new(None);
    let seen: Vec<Vec<(String, Phase, OutcomeKind)>> = notifications("dialog-consult-transfer.xml")
        .iter()
        .map(|n| {
            live.push(n.as_bytes())
                .changes
                .into_iter()
                .map(|c| (c.key, c.phase, c.outcome.kind))
                .collect()
        })
        .collect();
    let one = |key: &str, phase, kind| vec![(key.to_owned(), phase, kind)];
    assert_eq!(
        seen,
        [
            one("16810010", Phase::Ringing, StillActive),
            one("16810010", Phase::Talking, StillActive),
            one("16810010", Phase::Held, StillActive),
            one("16810011", Phase::Ringing, StillActive),
            one("16810011", Phase::Talking, StillActive),
            // The transfer: the surviving dialog names the consult one, and both change.
            vec![
                ("16810010".to_owned(), Phase::Talking, Transferred),
                ("16810011".to_owned(), Phase::Talking, Transferred),
            ],
            one("16810011", Phase::Ended, Transferred),
            one("16810010", Phase::Ended, Transferred),
        ]
    );
    assert!(
        live.finish().changes.is_empty(),
        "nothing waits after the last end tag"
    );
}

#[test]
fn a_wrap_up_is_a_phase_and_the_outcome_settles_at_the_end() {
    let mut live = Live::new(None);
    let phases: Vec<(Phase, OutcomeKind)> = notifications("dialog-answered.xml")
        .iter()
        .flat_map(|n| live.push(n.as_bytes()).changes)
        .map(|c| (c.phase, c.outcome.kind))
        .collect();
    assert_eq!(phases[4], (Phase::WrapUp, OutcomeKind::Answered));
    assert_eq!(phases[5], (Phase::Ended, OutcomeKind::Answered));
    assert_eq!(phases[2].0, Phase::Held);
}

#[test]
fn cti_text_events_report_their_call_as_each_completes() {
    let flow = fixture("src/generate/flows/consult-transfer.txt");
    let mut live = Live::new(None);
    let mut phases = Vec::new();
    for line in flow.split_inclusive('\n') {
        for c in live.push(line.as_bytes()).changes {
            phases.push((c.key, c.phase));
        }
    }
    for c in live.finish().changes {
        phases.push((c.key, c.phase));
    }
    let first = phases.iter().find(|(k, _)| k == "1010").map(|p| p.1);
    assert!(first.is_some(), "{phases:?}");
    let last = phases.iter().rev().find(|(k, _)| k == "1010").map(|p| p.1);
    assert_eq!(last, Some(Phase::Ended), "{phases:?}");
    assert!(phases.iter().any(|(_, p)| *p == Phase::Held), "{phases:?}");
}

/// The frames of a generated log (the command-line tool's `generate`), one slice per frame.
fn generated_frames(calls: usize) -> Vec<Vec<u8>> {
    use cti_outcome::generate::{generate, write_frames, Options};
    let events = generate(Options {
        calls,
        ..Options::default()
    });
    let frames = write_frames(&events, cti_outcome::binary::Width::Two);
    let mut out = Vec::new();
    let mut at = 0;
    while at + 8 <= frames.len() {
        let length = u32::from_be_bytes(frames[at..at + 4].try_into().unwrap()) as usize;
        out.push(frames[at..at + 8 + length].to_vec());
        at += 8 + length;
    }
    out
}

#[test]
fn a_window_forgets_ended_calls_and_changes_nothing_else() {
    use cti_outcome::live::LiveOptions;
    use cti_outcome::sniff::Format;
    // Frames carry no time: the pushes are a second apart by the caller's clock.
    let frames = generated_frames(3_000);
    let mut all = Live::new(Some(Format::Binary));
    let mut windowed = Live::with(LiveOptions {
        format: Some(Format::Binary),
        keep_ended_ms: Some(600_000.0),
    });
    windowed.tidy_from(2_000);
    let mut most = 0;
    for (i, frame) in frames.iter().enumerate() {
        let now = Some(1_700_000_000_000 + 1_000 * i64::try_from(i).unwrap());
        let a = all.push_at(frame, now);
        let b = windowed.push_at(frame, now);
        let seen = |p: &cti_outcome::view::live::LivePush| -> Vec<(String, Phase, OutcomeKind)> {
            p.changes
                .iter()
                .map(|c| (c.key.clone(), c.phase, c.outcome.kind))
                .collect()
        };
        assert_eq!(seen(&a), seen(&b), "push {i}");
        most = most.max(windowed.heap_bytes());
    }
    let calls = |l: &Live| l.log().timeline().call_count();
    assert!(
        calls(&windowed) < calls(&all) / 2,
        "{} of {}",
        calls(&windowed),
        calls(&all)
    );
    assert!(
        most < all.heap_bytes(),
        "at most {most} bytes with the window, {} without",
        all.heap_bytes()
    );
}

#[test]
fn whole_events_are_taken_in_at_once() {
    let mut live = Live::new(None);
    let event = b"MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 5\n";
    assert_eq!(
        live.push(event).changes.len(),
        0,
        "a stream's last event waits"
    );
    let mut live = Live::new(None);
    let p = live.push_events_at(event, None);
    assert_eq!(p.changes.len(), 1, "{p:?}");
    assert_eq!(
        (p.changes[0].key.as_str(), p.changes[0].phase),
        ("5", Phase::Started)
    );
}

#[test]
fn a_hex_dump_read_at_its_end_reports_its_diagnostics_then() {
    // Found by the `live` fuzz target: a hex dump is decoded whole at the end into a new store
    // with fewer diagnostics than reported so far.
    let input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fuzz/regressions/live-hex-at-end.bin"
    ))
    .unwrap();
    let (&how, rest) = input.split_first().unwrap();
    assert_eq!(how % 4, 0, "told from the input");
    let mut live = Live::new(None);
    for piece in rest.split(|&b| b == 0xFF) {
        live.push(piece);
    }
    let end = live.finish();
    assert_eq!(live.snapshot().len(), live.log().timeline().call_count());
    drop(end);
}

#[test]
fn change_indices_hold_until_the_next_push() {
    // Found by the `live` fuzz target: a tidy made after a push renumbered the calls its
    // changes named.
    let input = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fuzz/regressions/live-tidy-renumbers.bin"
    ))
    .unwrap();
    let (&how, rest) = input.split_first().unwrap();
    assert_eq!((how % 4, how & 4), (2, 4), "frames, with a window");
    let mut live = Live::with(cti_outcome::live::LiveOptions {
        format: Some(cti_outcome::sniff::Format::Binary),
        keep_ended_ms: Some(1_000.0),
    });
    live.tidy_from(8);
    let mut now = 0;
    for (i, piece) in rest.split(|&b| b == 0xFF).enumerate() {
        now += 700;
        let pushed = if i % 3 == 2 {
            live.push_events_at(piece, Some(now))
        } else {
            live.push_at(piece, Some(now))
        };
        let calls = live.log().timeline().call_count();
        assert!(
            pushed.changes.iter().all(|c| (c.index as usize) < calls),
            "push {i}"
        );
    }
}
