//! Table-driven cases for the text decoder: diagnostics with their positions, and tolerance.
#![cfg(not(target_arch = "wasm32"))]

use cti_outcome::store::Store;
use cti_outcome::text::events::{EventIn, EventWriter, FieldIn};
use cti_outcome::view;
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

/// What a whole input gives through the log (form told from the bytes, encodings, nothing silent).
fn opened(bytes: &[u8]) -> (usize, Vec<String>, Option<String>) {
    let log = cti_outcome::log::Log::open(bytes, None, cti_outcome::binary::Options::default());
    let messages = log
        .store()
        .diagnostics()
        .iter()
        .map(|d| d.message.clone())
        .collect();
    let encoding = log.encoding().map(|e| e.describe().to_owned());
    (log.store().len(), messages, encoding)
}

#[test]
fn an_input_with_no_event_says_why_in_one_sentence() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    for (input, says) in [
        (&b""[..], "the input is empty"),
        (
            b"just some prose\nand more of it\n",
            "no `MsgType:` line was found",
        ),
        (png, "looks like a PNG image, not a CTI log"),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "looks like a PDF document",
        ),
        (b"PK\x03\x04\x14\0\0\0\x08\0", "looks like a zip archive"),
        (
            b"\xff\xff\xff\xff\x00\x01\x02\x03\x04\x05",
            "no GED-188 frame was found",
        ),
    ] {
        let (events, messages, _) = opened(input);
        assert_eq!(events, 0);
        let last = messages.last().unwrap();
        assert!(
            last.starts_with("no events: ") && last.contains(says),
            "{messages:?}"
        );
        if !says.contains("frame") {
            assert_eq!(messages.len(), 1, "{messages:?}: one sentence, no noise");
        }
    }
}

#[test]
fn utf16_with_or_without_a_byte_order_mark_is_read_and_said() {
    let text = "MsgType: BEGIN_CALL_EVENT\r\n  ConnectionCallID: 5\r\n  ANI: 555 ä\r\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, said) in [
        (le, "UTF-16 little-endian"),
        (be, "UTF-16 big-endian without a byte-order mark"),
    ] {
        let (events, messages, encoding) = opened(&bytes);
        assert_eq!((events, messages.len()), (1, 0), "{said}: {messages:?}");
        assert_eq!(encoding.as_deref(), Some(said));
    }
    let store = cti_outcome::text::decode(
        &"\u{feff}MsgType: X\n\u{a0}\u{a0}A:\u{a0}1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    );
    assert_eq!(
        store.len(),
        1,
        "a BOM'd UTF-16 dump with HTML's non-breaking spaces"
    );
}

#[test]
fn a_value_that_does_not_fit_its_field_is_said_where_it_is_and_kept() {
    let text = "MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 12x\n  ANI: 555\n\
                MsgType: CALL_CLEARED_EVENT\n  ConnectionCallID: 7\n  EventCause: CEC_BOGUS\n";
    let d = decode_log(text);
    let diagnostics: Vec<String> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            format!(
                "{}:{} {} {}",
                x["line"],
                x["column"],
                x["code"].as_str().unwrap(),
                x["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        diagnostics,
        [
            "2:21 invalid-value value does not fit its field: ConnectionCallID: \"12x\" is not a number (the field is a UINT)",
            "6:15 invalid-value value does not fit its field: EventCause: \"CEC_BOGUS\" is not one of the values the references list for it",
        ]
    );
    assert_eq!(d["events"][0]["fields"][0]["raw"], "12x", "kept as written");
    assert_eq!(
        d["events"][0]["fields"][1]["raw"], "555",
        "the rest of the event is kept"
    );
}

/// Events written back through the writer the package and the generator use, piece by piece,
/// equal the events they came from.
#[test]
fn events_come_back_from_their_pieces_unchanged() {
    let log = include_bytes!("fixtures/logs/tolerance.txt");
    let decoded = cti_outcome::text::decode(log);
    let mut w = EventWriter::default();
    for e in decoded.events() {
        let v = view::text_event(e);
        w.event(&EventIn {
            type_name: &v.type_name,
            type_id: v.type_id,
            line: v.line,
            end_line: v.end_line,
            time: v.time.as_deref(),
            label: v.label.as_deref(),
            truncated: v.truncated,
        });
        for f in &v.fields {
            w.field(&FieldIn {
                name: &f.name,
                label: f.label.as_deref(),
                index: f.index,
                tag: f.tag,
                raw: &f.raw,
            });
        }
    }
    let back = w.finish();
    let json = |s: &Store| serde_json::to_string(&view::Events::new(s, 0, usize::MAX)).unwrap();
    assert_eq!(json(&back), json(&decoded));
}

/// A flattened paste is said once, at its first line, with the counts of all its lines (not
/// one identical warning per line).
#[test]
fn a_flattened_paste_is_said_once_with_its_counts() {
    let paste = b"MsgType: BEGIN_CALL_EVENT ConnectionCallID: 1 CallType: 1\nMsgType: END_CALL_EVENT ConnectionCallID: 1\n\nMsgType: BEGIN_CALL_EVENT ConnectionCallID: 2 CallType: 1 ANI: 5\n";
    let store = cti_outcome::text::decode(paste);
    assert_eq!(store.len(), 3);
    let flattened: Vec<_> = store
        .diagnostics()
        .iter()
        .filter(|d| d.code == cti_outcome::DiagnosticCode::Flattened)
        .collect();
    assert_eq!(flattened.len(), 1);
    assert_eq!(
        flattened[0].message,
        "3 events and 6 fields read from 3 lines, the first here"
    );
    assert_eq!(
        flattened[0].at,
        cti_outcome::At::Text { line: 1, column: 1 }
    );
}
