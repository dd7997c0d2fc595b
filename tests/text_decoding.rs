//! Table-driven cases for the text decoder: diagnostics with their positions, and tolerance.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;

/// The decoded dump as the JSON the command-line tool writes.
fn decode_log(input: &str) -> Value {
    decode_log_bytes(input.as_bytes())
}

fn decode_log_bytes(input: &[u8]) -> Value {
    let store = cti_outcome::text::decode(input);
    serde_json::to_value(cti_outcome::view::decoded_text(&store)).unwrap()
}

/// Each event's field names.
fn field_names(decoded: &Value) -> Vec<Vec<&str>> {
    decoded["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["name"].as_str().unwrap())
                .collect()
        })
        .collect()
}

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
        let got: Vec<String> = decode_log(input)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d["line"],
                    d["column"],
                    d["code"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(got, *expected, "input {input:?}");
    }
}

#[test]
fn events_around_a_bad_line_are_all_kept() {
    let decoded = decode_log("MsgType: A\n  X: 1\n  garbage\n  Y: 2\nMsgType: B\n  Z: 3\n");
    assert_eq!(field_names(&decoded), [vec!["X", "Y"], vec!["Z"]]);
    assert_eq!(decoded["diagnostics"].as_array().unwrap().len(), 1);
}

#[test]
fn invalid_utf8_is_replaced_and_reported_where_it_starts() {
    let decoded = decode_log_bytes(b"MsgType: X\n  Text: caf\xe9!\n");
    assert_eq!(decoded["events"][0]["fields"][0]["raw"], "caf\u{fffd}!");
    let d = &decoded["diagnostics"][0];
    assert_eq!(
        (&d["line"], &d["column"], &d["severity"]),
        (&2.into(), &12.into(), &"warning".into())
    );
}

#[test]
fn flush_left_fields_and_blank_lines() {
    let decoded = decode_log(
        "MsgType: A\nX: 1\n\nNote: this is prose after a blank line\nMsgType: B\nY: 2\n",
    );
    assert_eq!(field_names(&decoded), [vec!["X"], vec!["Y"]]);
    assert_eq!(
        decoded["notes"][0]["text"],
        "Note: this is prose after a blank line"
    );
}

#[test]
fn indented_events_close_at_shallower_or_equal_prose() {
    let decoded = decode_log("    MsgType: A\n      X: 1\n    Yes No Yes\n      Y: 2\n");
    assert_eq!(field_names(&decoded), [vec!["X"]]);
    assert_eq!(
        decoded["notes"].as_array().unwrap().len(),
        2,
        "the table row and the orphan line after it are notes"
    );
}

#[test]
fn message_types_keep_what_was_written() {
    let decoded = decode_log(
        "MsgType: CALL_DELIVERED_EVENT:\nMsgType: CALL_CLEARED_EVENT ...\nMsgType: NOT_A_TYPE\n",
    );
    let e = &decoded["events"];
    assert_eq!(
        (&e[0]["type"], &e[0]["typeId"], &e[0]["label"]),
        (
            &"CALL_DELIVERED_EVENT".into(),
            &9.into(),
            &"CALL_DELIVERED_EVENT:".into()
        )
    );
    assert_eq!(e[1]["truncated"], true);
    assert_eq!(
        (&e[2]["type"], &e[2]["typeId"]),
        (&"NOT_A_TYPE".into(), &Value::Null)
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
    assert_eq!(decode_log("\u{feff}MsgType: X\n")["events"][0]["type"], "X");
}
