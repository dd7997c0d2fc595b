//! Tests of the text decoder that need its insides.

use super::*;
use proptest::prelude::*;
use std::fmt::Write as _;

fn decoded(text: &str, shapes: bool) -> String {
    let mut store = Store::new(Form::Text);
    let mut decoder = TextDecoder {
        no_shapes: !shapes,
        ..TextDecoder::default()
    };
    decoder.push(&mut store, text.as_bytes());
    decoder.finish(&mut store);
    serde_json::to_string(&crate::view::decoded_text(&store)).unwrap()
}

#[test]
fn line_marks_find_any_line_by_counting_from_a_mark() {
    let mut text = String::new();
    for i in 0..1000 {
        let _ = writeln!(text, "# note {i}{}", "x".repeat(i % 7));
    }
    let store = decode(text.as_bytes());
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for line in [1u32, 2, 256, 257, 258, 513, 1000, 5000] {
        let (mark, offset) = store.line_start(line).unwrap();
        assert!(mark <= line, "line {line}: mark {mark}");
        assert!(
            line > 1000 || line - mark < LINE_MARK,
            "line {line}: mark {mark}"
        );
        assert_eq!(offset, starts[mark as usize - 1] as u64, "line {line}");
    }
    assert_eq!(store.line_start(0), None);
}

proptest! {
    /// Reading fields by the shape of earlier events of their type gives what reading each
    /// line afresh gives, whatever the order, names and values.
    #[test]
    fn shapes_change_nothing(
        events in proptest::collection::vec(
            (
                prop::sample::select(vec!["CALL_CLEARED_EVENT", "BEGIN_CALL_EVENT", "X_EVENT"]),
                proptest::collection::vec(
                    (
                        prop::sample::select(vec!["EventCause", "CallType", "ConnectionDeviceID", "ANI", "EventCauseX", "BAResponse"]),
                        prop::sample::select(vec![":", " :", "::", ""]),
                        prop::sample::select(vec!["CEC_NONE", "65535", "0xFFFF", "7", "", " N/A", "4020", "x y", "CALLTYPE_ACD_IN", "CEC_BOGUS"]),
                    ),
                    0..6,
                ),
            ),
            0..12,
        )
    ) {
        let mut text = String::new();
        for (ty, fields) in &events {
            let _ = writeln!(text, "MsgType: {ty}");
            for (name, colon, value) in fields {
                let _ = writeln!(text, "  {name}{colon} {value}");
            }
        }
        prop_assert_eq!(decoded(&text, true), decoded(&text, false));
    }
}
