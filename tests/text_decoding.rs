//! Table-driven cases for the text decoder: diagnostics with their positions, and tolerance.
#![cfg(not(target_arch = "wasm32"))]

use cti_outcome::{decode_log, decode_log_bytes};

/// `(input, expected diagnostics as "line:column code")`.
#[test]
fn diagnostics_name_line_and_column() {
    let cases: &[(&str, &[&str])] = &[
        (
            "MsgType: X\n  A: 1\n  no colon here\n  B: 2\n",
            &["3:3 malformed-field"],
        ),
        ("MsgType: X\n  : value\n", &["2:3 empty-field-name"]),
        ("MsgType: X\n  two words: v\n", &["2:3 malformed-field"]),
        ("MsgType:\n  A: 1\n", &["1:9 missing-message-type"]),
        ("MsgType: X\n\tä ö\n", &["2:2 malformed-field"]),
        (
            "10:00:00.000   MsgType: X\n10:00:00.000     oops\n",
            &["2:18 malformed-field"],
        ),
        ("prose: outside any event\nMsgType: X\n  A: 1\n", &[]),
        ("MsgType: X\n  A: 1\n  ...\n", &[]),
    ];
    for (input, expected) in cases {
        let got: Vec<String> = decode_log(input)
            .diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.line,
                    d.column,
                    serde_json::to_value(d.code).unwrap().as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(got, *expected, "input {input:?}");
    }
}

#[test]
fn events_around_a_bad_line_are_all_kept() {
    let decoded = decode_log("MsgType: A\n  X: 1\n  garbage\n  Y: 2\nMsgType: B\n  Z: 3\n");
    let fields: Vec<Vec<&str>> = decoded
        .events
        .iter()
        .map(|e| e.fields.iter().map(|f| f.name.as_ref()).collect())
        .collect();
    assert_eq!(fields, [vec!["X", "Y"], vec!["Z"]]);
    assert_eq!(decoded.diagnostics.len(), 1);
}

#[test]
fn invalid_utf8_is_replaced_and_reported_where_it_starts() {
    let decoded = decode_log_bytes(b"MsgType: X\n  Text: caf\xe9!\n");
    assert_eq!(decoded.events[0].fields[0].raw, "caf\u{fffd}!");
    let d = &decoded.diagnostics[0];
    assert_eq!(
        (d.line, d.column, d.severity),
        (2, 12, cti_outcome::Severity::Warning)
    );
}

#[test]
fn flush_left_fields_and_blank_lines() {
    let decoded = decode_log(
        "MsgType: A\nX: 1\n\nNote: this is prose after a blank line\nMsgType: B\nY: 2\n",
    );
    assert_eq!(decoded.events.len(), 2);
    assert_eq!(decoded.events[0].fields.len(), 1);
    assert_eq!(
        decoded.notes[0].text,
        "Note: this is prose after a blank line"
    );
}

#[test]
fn indented_events_close_at_shallower_or_equal_prose() {
    let decoded = decode_log("    MsgType: A\n      X: 1\n    Yes No Yes\n      Y: 2\n");
    assert_eq!(decoded.events[0].fields.len(), 1);
    assert_eq!(
        decoded.notes.len(),
        2,
        "the table row and the orphan line after it are notes"
    );
}

#[test]
fn message_types_keep_what_was_written() {
    let decoded = decode_log(
        "MsgType: CALL_DELIVERED_EVENT:\nMsgType: CALL_CLEARED_EVENT ...\nMsgType: NOT_A_TYPE\n",
    );
    let e = &decoded.events;
    assert_eq!(
        (e[0].type_name.as_ref(), e[0].type_id, e[0].label.as_deref()),
        (
            "CALL_DELIVERED_EVENT",
            Some(9),
            Some("CALL_DELIVERED_EVENT:")
        )
    );
    assert!(e[1].truncated);
    assert_eq!(
        (e[2].type_name.as_ref(), e[2].type_id),
        ("NOT_A_TYPE", None)
    );
}

#[test]
fn empty_and_odd_inputs_never_panic() {
    for input in [
        "",
        "\n",
        "\r\n",
        "MsgType",
        "MsgType:",
        ":",
        "\u{feff}MsgType: X",
        "  \t  ",
        "MsgType: X\n\t\t\t:",
    ] {
        let _ = decode_log(input);
    }
    assert_eq!(decode_log("\u{feff}MsgType: X\n").events[0].type_name, "X");
}
