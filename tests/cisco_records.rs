//! Cisco call-detail exports (`tests/fixtures/records/cisco/`, written by its `make.py` from the
//! column lists of `tests/fixtures/reference/cisco-records.md`): UCCE Termination_Call_Detail as
//! SSMS saves it and Unified CCX ContactCallDetail (with ContactQueueDetail) as an Informix client
//! exports it give the calls and outcomes a reader of the reference states.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

mod common;

use cti_outcome::records::{self, Family, RecordOptions, Role};
use cti_outcome::view::records::decoded_records;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/records/cisco/");

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{name}")).unwrap()
}

fn decode(bytes: &[u8], queue: Option<&[u8]>, options: &RecordOptions) -> Value {
    let records = records::read_with_queue(bytes, queue, options);
    serde_json::to_value(decoded_records(&records)).unwrap()
}

use common::record_outcomes as outcomes;

fn call<'a>(decoded: &'a Value, key: &str) -> &'a Value {
    decoded["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .unwrap_or_else(|| panic!("no call {key}"))
}

fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|&(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
        .collect()
}

#[test]
fn a_termination_call_detail_export_gives_its_calls() {
    let d = decode(&file("tcd-ssms.csv"), None, &RecordOptions::default());
    assert_eq!(d["family"], "ucce-tcd");
    assert!(d["readAs"]
        .as_str()
        .unwrap()
        .starts_with("UCCE Termination_Call_Detail, told by its columns"));
    assert!(d["clock"].as_str().unwrap().starts_with("times are UTC"));
    assert_eq!(d["diagnostics"], Value::Array(vec![]));
    let last = "last-disposition";
    assert_eq!(
        outcomes(&d),
        owned(&[
            ("152018-2001", "answered", last),
            ("152018-2002", "answered", last),
            ("peripheral 5000 call 7003", "answered", last),
            ("152018-2004", "abandoned", last),
            ("152018-2005", "no_answer", last),
            ("152018-2006", "failed", last),
            ("152018-2007", "conferenced", last),
            ("152018-2008", "unknown", "all-partial"),
        ])
    );
    // Legs in RouterCallKeySequenceNumber order although the file shuffles them; rows and lines
    // agree in a CRLF export.
    let transfer = call(&d, "152018-2002");
    let legs = transfer["legs"].as_array().unwrap();
    let seqs: Vec<f64> = legs
        .iter()
        .map(|l| l["cisco"]["sequence"].as_f64().unwrap())
        .collect();
    assert_eq!(seqs, [1.0, 2.0, 3.0]);
    for leg in legs {
        assert_eq!(leg["row"], leg["line"]);
    }
    assert_eq!(
        legs[1]["cisco"]["disposition"]["meaning"],
        "Announced Transfer"
    );
    assert_eq!(legs[1]["cisco"]["agent"], "5001");
    assert_eq!(legs[2]["cisco"]["callType"]["meaning"], "Transfer In");
    let remarks = transfer["remarks"].as_array().unwrap();
    assert!(remarks[0].as_str().unwrap().contains(
        "ended with CallDisposition 29 (Announced Transfer); the call went on in the leg at row"
    ));
    let reason = transfer["outcome"]["reason"].as_str().unwrap();
    // Not every leg before the last is a Partial Call (one is a transfer): no such sentence.
    assert!(
        reason.starts_with("the last of its 3 legs") && !reason.contains("Partial Call"),
        "{reason}"
    );
    // The consult call the router did not route.
    let consult = call(&d, "peripheral 5000 call 7003");
    assert!(consult["remarks"][0]
        .as_str()
        .unwrap()
        .starts_with("not routed (RouterCallKey 0)"));
    assert_eq!(
        consult["legs"][0]["cisco"]["callType"]["meaning"],
        "Consult"
    );
    // The ring-no-answer leg's CallDispositionFlag is shown as written, its meaning inferred.
    let rna = call(&d, "152018-2005");
    let flag = &rna["legs"][1]["cisco"]["dispositionFlag"];
    assert_eq!(flag["code"], 6);
    assert!(flag["meaning"].as_str().unwrap().contains("INFERENCE"));
    let evidence: Vec<&str> = rna["outcome"]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["column"].as_str().unwrap())
        .collect();
    assert_eq!(
        evidence,
        [
            "CallDisposition",
            "RouterCallKeySequenceNumber",
            "CallDispositionFlag"
        ]
    );
    // Times: StartDateTimeUTC, and Duration seconds later the end.
    let first = &call(&d, "152018-2001")["legs"][0];
    assert_eq!(first["startMs"], 1_772_442_000_000.0);
    assert_eq!(first["endMs"], 1_772_442_030_000.0);
}

#[test]
fn an_export_without_the_key_columns_says_which_are_missing() {
    let d = decode(&file("tcd-no-keys.csv"), None, &RecordOptions::default());
    let message = d["diagnostics"][0]["message"].as_str().unwrap();
    assert_eq!(d["diagnostics"][0]["code"], "missing-columns");
    assert!(
        message.contains("but it has no RouterCallKeyDay (--column callDay=NAME), RouterCallKey (--column call=NAME)"),
        "{message}"
    );
    // Mapped to other names, the same columns make calls again.
    let renamed = String::from_utf8(file("tcd-ssms.csv")).unwrap().replacen(
        "RouterCallKeyDay,RouterCallKey,",
        "CallKeyDay,CallKey,",
        1,
    );
    let options = RecordOptions {
        columns: vec![
            (Role::CallDay, "CallKeyDay".to_owned()),
            (Role::Call, "callkey".to_owned()),
        ],
        direction: None,
    };
    let d = decode(renamed.as_bytes(), None, &options);
    assert_eq!(d["diagnostics"], Value::Array(vec![]));
    assert_eq!(outcomes(&d).len(), 8);
}

#[test]
fn a_contact_call_detail_export_with_its_queue_detail_gives_its_calls() {
    let (ccd, cqd) = (file("ccd-informix.csv"), file("cqd-informix.csv"));
    let d = decode(&ccd, Some(&cqd), &RecordOptions::default());
    assert_eq!(d["family"], "uccx-ccd");
    assert_eq!(d["diagnostics"], Value::Array(vec![]));
    let last = "last-disposition";
    let expected = owned(&[
        ("100001", "answered", "queue-detail"),
        ("100002", "answered", last),
        ("100003", "answered", last),
        ("100004", "abandoned", "queue-detail"),
        ("100005", "answered", last),
        ("100006", "failed", last),
        ("100007", "conferenced", "leg-flag"),
    ]);
    assert_eq!(outcomes(&d), expected);
    // Given in the other order, the same.
    assert_eq!(decode(&cqd, Some(&ccd), &RecordOptions::default()), d);
    // The abandoned call's evidence names the ContactQueueDetail cell.
    let abandoned = call(&d, "100004");
    let evidence = abandoned["outcome"]["evidence"].as_array().unwrap();
    let queue = evidence.last().unwrap();
    assert_eq!(
        (&queue["source"], &queue["column"], &queue["value"]),
        (
            &Value::from("ContactQueueDetail"),
            &Value::from("disposition"),
            &Value::from("1")
        )
    );
    // The consult session and the transferred call name each other (an inference).
    let remark = |key: &str, i: usize| call(&d, key)["remarks"][i].as_str().unwrap().to_owned();
    assert!(
        remark("100002", 1).starts_with("consult session 100003"),
        "{}",
        remark("100002", 1)
    );
    assert!(remark("100003", 0).starts_with("a consult session for call 100002"));
    assert!(remark("100005", 0).contains("redirect is set, the leg was redirected"));
    // An inferred disposition says so; aborted (4) is confirmed.
    let leg = |key: &str| call(&d, key)["legs"][0]["cisco"]["disposition"]["meaning"].clone();
    assert_eq!(leg("100003"), "handled (INFERENCE)");
    assert_eq!(leg("100006"), "aborted");
    assert_eq!(call(&d, "100002")["legs"][0]["cisco"]["agent"], "2001");
    // Without ContactQueueDetail, contactDisposition alone.
    let alone = decode(&ccd, None, &RecordOptions::default());
    assert_eq!(
        outcomes(&alone)[3],
        ("100004".into(), "abandoned".into(), last.into())
    );
}

#[test]
fn a_queue_detail_export_alone_says_what_it_is() {
    let r = records::read(&file("cqd-informix.csv"), &RecordOptions::default());
    assert_eq!(r.table.family, Family::UccxCcd);
    assert!(r.table.is_queue_detail());
    assert!(r.table.diagnostics[0]
        .message
        .contains("It looks like a ContactQueueDetail export"));
}

#[test]
fn an_extended_event_cause_means_its_call_disposition() {
    use cti_outcome::codes::call::{CALLED_PARTY_DISPOSITION, EVENT_CAUSE};
    // The CECX values the reference lists (1001–1057), each with its disposition's words.
    let extended: Vec<u32> = EVENT_CAUSE
        .codes
        .iter()
        .map(|c| c.value)
        .filter(|v| (1001..2000).contains(v))
        .collect();
    assert_eq!(extended.len(), 57);
    for value in extended {
        if let Some(d) = CALLED_PARTY_DISPOSITION.get(value - 1000) {
            assert_eq!(EVENT_CAUSE.explain(value).1, d.meaning("CD_"), "{value}");
        }
    }
}

#[test]
fn the_command_line_reads_both_families_and_refuses_an_export_without_keys() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_cti-outcome"))
            .args(args)
            .current_dir(DIR)
            .output()
            .unwrap()
    };
    let out = run(&["records", "ccd-informix.csv", "cqd-informix.csv"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (ccd, cqd) = (file("ccd-informix.csv"), file("cqd-informix.csv"));
    assert_eq!(json, decode(&ccd, Some(&cqd), &RecordOptions::default()));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Unified CCX ContactCallDetail"));
    let out = run(&["summary", "--output", "csv", "tcd-ssms.csv"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{table}");
    assert!(table.contains("answered,3"), "{table}");
    let out = run(&["records", "tcd-no-keys.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("but it has no RouterCallKeyDay"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Rows are one call exactly when they share a router call key, whatever their order: in
    /// key order (no index is made), shuffled, or ascending and then not.
    #[test]
    fn legs_are_grouped_by_their_key_in_any_order(
        keys in proptest::collection::vec((0u8..3, 0u16..40), 1..120),
    ) {
        let mut csv = String::from("RouterCallKeyDay,RouterCallKey,RouterCallKeySequenceNumber,CallDisposition\r\n");
        for (seq, (day, key)) in keys.iter().enumerate() {
            let line = format!("{},{},{seq},13\r\n", 152_018 + u32::from(*day), key + 1);
            csv += &line;
        }
        let r = records::read(csv.as_bytes(), &RecordOptions::default());
        let mut distinct: Vec<(u8, u16)> = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        proptest::prop_assert_eq!(r.calls.calls.len(), distinct.len());
        for call in &r.calls.calls {
            let of = |row: u32| keys[row as usize];
            let first = of(call.rows[0]);
            proptest::prop_assert!(call.rows.iter().all(|&row| of(row) == first));
        }
    }
}
