//! Call-record exports (`tests/fixtures/records/`, written to mirror jtel's documented columns):
//! every form of the same export decodes to the same calls, and each kind of bad input is
//! reported with its row and column while the row is still shown.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cti_outcome::records::{self, RecordOptions, Role};
use cti_outcome::view::records::{decoded_records, summary};
use cti_outcome::{DiagnosticCode, Direction};
use serde_json::{json, Value};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/records/");

fn decode(bytes: &[u8], options: &RecordOptions) -> Value {
    serde_json::to_value(decoded_records(&records::read(bytes, options))).unwrap()
}

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

/// What must not depend on how the export was written: each call's key, direction, start,
/// duration, outcome kind and rule, and per leg its row, decoded CONNRES and times.
fn calls_of(decoded: &Value) -> Value {
    let codes = &decoded["codes"];
    let calls = decoded["calls"].as_array().unwrap();
    Value::Array(
        calls
            .iter()
            .map(|c| {
                let legs: Vec<Value> = c["legs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| {
                        let connres = l["connres"]
                            .as_u64()
                            .map(|i| codes[usize::try_from(i).unwrap()].clone());
                        json!([
                            l["row"],
                            connres,
                            l["startMs"],
                            l["connectMs"],
                            l["endMs"],
                            l["queueMs"]
                        ])
                    })
                    .collect();
                json!([
                    c["key"],
                    c["direction"],
                    c["start"],
                    c["durationMs"],
                    c["outcome"]["kind"],
                    c["outcome"]["rule"],
                    legs
                ])
            })
            .collect(),
    )
}

#[test]
fn every_separator_order_and_encoding_decodes_to_the_same_calls() {
    let base = decode(&file("calls.csv"), &RecordOptions::default());
    assert_eq!(base["diagnostics"], json!([]));
    assert_eq!(base["calls"].as_array().unwrap().len(), 11);
    let renamed = RecordOptions {
        columns: vec![
            (Role::Connres, "Result".into()),
            (Role::Call, "callid".into()),
        ],
        direction: None,
    };
    for (name, options, separator, encoding) in [
        (
            "calls-semicolon.csv",
            RecordOptions::default(),
            ";",
            "utf8-bom",
        ),
        ("calls-tab.tsv", RecordOptions::default(), "\t", "utf16le"),
        ("calls-renamed.csv", renamed, ",", "utf8"),
    ] {
        let other = decode(&file(name), &options);
        assert_eq!(other["diagnostics"], json!([]), "{name}");
        assert_eq!(other["separator"], separator, "{name}");
        assert_eq!(other["encoding"], encoding, "{name}");
        assert_eq!(calls_of(&other), calls_of(&base), "{name}");
    }
}

#[test]
fn the_export_decodes_to_its_snapshot() {
    insta::assert_json_snapshot!(
        "records-calls",
        decode(&file("calls.csv"), &RecordOptions::default())
    );
}

#[test]
fn each_way_a_call_ends_is_told_by_its_rule() {
    let decoded = decode(&file("calls.csv"), &RecordOptions::default());
    let got = common::record_outcomes(&decoded);
    let want = [
        ("1001", "answered", "leg-answered"),
        ("1002", "abandoned", "last-leg"),
        ("1003", "abandoned", "a-part"),
        ("1004", "busy", "a-part"),
        ("1005", "rejected", "a-part"),
        ("1006", "busy", "last-leg"),
        ("1007", "rejected", "last-leg"),
        ("1008", "answered", "platform-answered"),
        ("1009", "rejected", "last-leg"),
        ("1010", "legacy", "last-leg"),
        ("row 14", "busy", "last-leg"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(got, want);
    // Legs are in time order and carry every cell; the answered leg is the evidence.
    let first = &decoded["calls"][0];
    assert_eq!(first["legs"][0]["row"], 2);
    assert_eq!(first["legs"][1]["cells"][10], "1");
    assert_eq!(
        first["outcome"]["evidence"][0],
        json!({ "row": 3, "column": "CONNRES", "value": "1" })
    );
}

/// `(code, row, column)` of each diagnostic.
fn diagnostics(decoded: &Value) -> Vec<(String, u64, Option<u64>)> {
    decoded["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["row"].as_u64().unwrap(),
                d["column"].as_u64(),
            )
        })
        .collect()
}

fn message(decoded: &Value, code: &str) -> String {
    decoded["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {decoded}"))["message"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn without_a_connres_column_one_sentence_lists_the_columns_and_the_mapping() {
    let decoded = decode(&file("calls-renamed.csv"), &RecordOptions::default());
    let m = message(&decoded, "no-connres-column");
    assert!(m.contains("\"Result\"") && m.contains("\"CallID\""), "{m}");
    assert!(m.contains("--column connres=NAME"), "{m}");
    // The rows are still calls (each its own: no call-id column is known either).
    assert_eq!(decoded["calls"].as_array().unwrap().len(), 13);
}

#[test]
fn a_mapping_to_a_missing_column_says_so() {
    let options = RecordOptions {
        columns: vec![(Role::Connres, "Outcome".into())],
        direction: None,
    };
    let decoded = decode(&file("calls.csv"), &options);
    assert_eq!(diagnostics(&decoded)[0], ("unknown-column".into(), 1, None));
    assert!(message(&decoded, "unknown-column").contains("connres=Outcome"));
}

#[test]
fn bad_cells_are_reported_by_row_and_column_and_their_rows_kept() {
    let csv = "StatisticsPartAID,bOutbound,CauseCodesID,dtCallStart,CONNRES\n\
               1,0,16,2026-03-02 09:00:00,-3\n\
               2,0,16,2026-03-02 09:00:00,abc\n\
               3,2,16,2026-03-02 09:00:00,1\n\
               4,0,16,yesterday,1\n\
               5,0,300,2026-03-02 09:00:00,5\n\
               6,0,16,2026-03-02 09:00:00,15\n";
    let decoded = decode(csv.as_bytes(), &RecordOptions::default());
    let got = diagnostics(&decoded);
    let want = [
        ("invalid-value", 2, Some(5)),
        ("invalid-value", 3, Some(5)),
        ("invalid-value", 4, Some(2)),
        ("invalid-value", 5, Some(4)),
        ("invalid-value", 6, Some(3)),
    ];
    for w in want {
        assert!(
            got.contains(&(w.0.to_owned(), w.1, w.2)),
            "{w:?} not in {got:?}"
        );
    }
    assert!(message(&decoded, "invalid-value").contains("CONNRES must be a whole number"));
    // Every row is still a call; code 15 is kept, decoded as unknown.
    let calls = decoded["calls"].as_array().unwrap();
    assert_eq!(calls.len(), 6);
    let last = &calls[5];
    let code =
        &decoded["codes"][usize::try_from(last["legs"][0]["connres"].as_u64().unwrap()).unwrap()];
    assert_eq!(code["code"], 15);
    assert_eq!(code["known"], false);
    assert_eq!(last["outcome"]["kind"], "unknown");
}

#[test]
fn a_ragged_row_is_reported_and_its_cells_kept() {
    let csv = "StatisticsPartAID,bOutbound,CONNRES\n1,0,1\n2,0\n3,0,2,extra,more\n";
    let decoded = decode(csv.as_bytes(), &RecordOptions::default());
    let got = diagnostics(&decoded);
    assert_eq!(
        got,
        [
            ("ragged-row".to_owned(), 3, None),
            ("ragged-row".to_owned(), 4, None)
        ]
    );
    assert_eq!(decoded["columns"][4]["name"], "column 5");
    assert_eq!(decoded["calls"][2]["legs"][0]["cells"][4], "more");
    assert_eq!(decoded["calls"][1]["legs"][0]["cells"][2], Value::Null);
}

#[test]
fn rows_without_a_direction_are_read_as_inbound_and_said_so() {
    let csv = b"ID,CONNRES\n1,6\n";
    let decoded = decode(csv, &RecordOptions::default());
    assert!(message(&decoded, "no-direction").contains("--direction outbound"));
    assert_eq!(decoded["codes"][0]["direction"], "inbound");
    let outbound = RecordOptions {
        direction: Some(Direction::Outbound),
        ..RecordOptions::default()
    };
    let decoded = decode(csv, &outbound);
    assert_eq!(decoded["diagnostics"], json!([]));
    assert_eq!(decoded["codes"][0]["outcome"], "abandoned");
}

#[test]
fn an_empty_export_or_a_header_alone_says_why() {
    let decoded = decode(b"StatisticsPartAID;CONNRES\r\n", &RecordOptions::default());
    assert_eq!(diagnostics(&decoded), [("no-rows".to_owned(), 1, None)]);
    let records = records::read(b"", &RecordOptions::default());
    assert!(records.table.is_empty());
    assert_eq!(records.calls.calls.len(), 0);
}

#[test]
fn the_summary_counts_outcomes_and_codes() {
    let r = records::read(&file("calls.csv"), &RecordOptions::default());
    let s = serde_json::to_value(summary(&r)).unwrap();
    assert_eq!(
        (s["rows"].as_u64(), s["legs"].as_u64(), s["calls"].as_u64()),
        (Some(13), Some(9), Some(11))
    );
    let count = |kind: &str| {
        s["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["kind"] == kind)
            .map(|o| o["count"].clone())
    };
    assert_eq!(count("answered"), Some(json!(2)));
    assert_eq!(count("busy"), Some(json!(3)));
    assert!(DiagnosticCode::ALL.contains(&DiagnosticCode::NoConnresColumn));
}

#[test]
fn the_input_form_detector_tells_records_from_logs() {
    for name in ["calls.csv", "calls-semicolon.csv", "calls-tab.tsv"] {
        assert!(cti_outcome::sniff::is_records(&file(name)), "{name}");
    }
    let log = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/logs/crlf.txt"
    ))
    .unwrap();
    assert!(!cti_outcome::sniff::is_records(&log));
}

/// The page's Worker tells forms apart only through `sniff` (src/sniff.rs): no copy of the
/// record columns or of the capture magic numbers of its own.
#[test]
fn the_pages_worker_tells_forms_apart_through_sniff() {
    let worker =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/decode-worker.js"))
            .unwrap();
    assert!(
        worker.contains("const sniffed = sniff("),
        "the Worker asks sniff"
    );
    for copy in ["RECORD_COLUMNS", "CAPTURE_MAGIC", "isRecords", "isCapture"] {
        assert!(
            !worker.contains(copy),
            "the Worker keeps no {copy} of its own"
        );
    }
}
