//! Finesse notifications (reference `cisco-logs.md` §4): the fixtures of
//! `tests/fixtures/finesse/` (written by its `make.py` from the reference's shapes, one per
//! dialog outcome rule, and a webservices log holding the CTI messages and the dialogs of the
//! same calls) give the outcomes a reader of the reference would state.

use cti_outcome::diagnostic::{At, DiagnosticCode};
use cti_outcome::log::Log;
use cti_outcome::sniff::{sniff, Form, Format};
use cti_outcome::view::timeline::timeline;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/finesse/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn open(name: &str) -> Log {
    Log::open(
        &fixture(name),
        None,
        cti_outcome::binary::Options::default(),
    )
}

/// (key, outcome kind, rule, reason) of every call.
fn outcomes(log: &Log) -> Vec<(String, String, String, String)> {
    let t = timeline(log.store(), log.timeline());
    let json = serde_json::to_value(&t).unwrap();
    json["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let o = &c["outcome"];
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            (s(&c["key"]), s(&o["kind"]), s(&o["rule"]), s(&o["reason"]))
        })
        .collect()
}

#[test]
fn saved_notifications_are_told_and_read_as_a_trace() {
    let input = fixture("dialog-answered.xml");
    let sniffed = sniff(&input);
    assert_eq!(sniffed.form, Form::Finesse);
    assert!(
        sniffed.reason.contains("Finesse notification"),
        "{}",
        sniffed.reason
    );
    let log = open("dialog-answered.xml");
    assert_eq!(log.format(), Some(Format::Trace));
    assert_eq!(log.store().len(), 6, "one event per Dialog");
    assert!(
        log.store().diagnostics().is_empty(),
        "{:?}",
        log.store().diagnostics()
    );
}

#[test]
fn each_dialog_rule_gives_the_outcome_the_states_show() {
    let cases = [
        (
            "dialog-answered.xml",
            "answered",
            "dialog-answered",
            "the first to leave was 5550100",
        ),
        (
            "dialog-not-answered.xml",
            "no_answer",
            "dialog-not-answered",
            "rang at 2002",
        ),
        (
            "dialog-busy.xml",
            "busy",
            "dialog-failed",
            "stateCause BUSY",
        ),
        (
            "dialog-bad-destination.xml",
            "failed",
            "dialog-failed",
            "BAD_DESTINATION",
        ),
        (
            "dialog-still-active.xml",
            "still_active",
            "dialog-still-active",
            "ACTIVE (talking)",
        ),
        (
            "dialog-api-error.xml",
            "answered",
            "dialog-answered",
            "no disposition",
        ),
    ];
    for (name, kind, rule, words) in cases {
        let calls = outcomes(&open(name));
        assert_eq!(calls.len(), 1, "{name}: {calls:?}");
        let (_, k, r, reason) = &calls[0];
        assert_eq!((k.as_str(), r.as_str()), (kind, rule), "{name}: {reason}");
        assert!(reason.contains(words), "{name}: {reason}");
    }
}

#[test]
fn a_consult_transfer_links_the_dialogs_and_transfers_both() {
    let log = open("dialog-consult-transfer.xml");
    let calls = outcomes(&log);
    let kinds: Vec<(&str, &str, &str)> = calls
        .iter()
        .map(|(key, k, r, _)| (key.as_str(), k.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("16810010", "transferred", "dialog-secondary"),
            ("16810011", "transferred", "dialog-secondary"),
        ]
    );
    let t = serde_json::to_value(timeline(log.store(), log.timeline())).unwrap();
    let links: Vec<&str> = t["calls"][1]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rule"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["dialog-secondary", "dialog-associated"]);
    assert_eq!(
        t["calls"][0]["direction"], "inbound",
        "the first callType, ACD_IN"
    );
}

#[test]
fn an_api_error_is_said_on_the_dialog_it_names() {
    let log = open("dialog-api-error.xml");
    let t = serde_json::to_value(timeline(log.store(), log.timeline())).unwrap();
    let remarks = t["calls"][0]["remarks"].to_string();
    assert!(
        remarks.contains("CF_RESOURCE_OUT_OF_SERVICE") && remarks.contains("errorData 34"),
        "{remarks}"
    );
}

#[test]
fn faults_are_said_where_they_are_and_the_rest_is_kept() {
    let log = open("dialog-faults.xml");
    let said: Vec<(DiagnosticCode, u32)> = log
        .store()
        .diagnostics()
        .iter()
        .map(|d| match d.at {
            At::Text { line, .. } => (d.code, line),
            _ => (d.code, 0),
        })
        .collect();
    assert_eq!(
        said,
        [
            (DiagnosticCode::UnseenDialog, 5),
            (DiagnosticCode::MalformedXml, 96),
            (DiagnosticCode::RecordCut, 136),
        ]
    );
    // Every notification gave its event: the good one, what the bad one held before its
    // fault, and the cut one so far (flagged).
    assert_eq!(log.store().len(), 3);
    assert!(log.store().event(2).truncated());
    assert_eq!(outcomes(&log).len(), 3);
}

#[test]
fn a_webservices_log_with_cti_and_dialogs_gives_one_call_per_call_id() {
    let input = fixture("finesse-webservices-dialogs.log");
    assert_eq!(sniff(&input).form, Form::Finesse);
    let log = open("finesse-webservices-dialogs.log");
    assert!(
        log.store().diagnostics().is_empty(),
        "{:?}",
        log.store().diagnostics()
    );
    let calls = outcomes(&log);
    let kinds: Vec<(&str, &str)> = calls
        .iter()
        .map(|(k, o, ..)| (k.as_str(), o.as_str()))
        .collect();
    assert_eq!(kinds, [("1020", "answered"), ("1021", "abandoned")]);
    let t = serde_json::to_value(timeline(log.store(), log.timeline())).unwrap();
    assert_eq!(
        t["calls"][0]["events"].as_array().unwrap().len(),
        9,
        "CTI and dialog events"
    );
    assert_eq!(
        t["calls"][0]["remarks"],
        serde_json::json!([]),
        "they agree"
    );
    assert_eq!(
        t["calls"][1]["remarks"][0],
        "the Finesse dialog says no_answer (rule dialog-not-answered), the CTI events say abandoned: the CTI events decide"
    );
}
