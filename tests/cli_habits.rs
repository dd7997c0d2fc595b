//! The command-line tool's habits: help for every command, exit statuses pipelines can rely
//! on, quiet on a closed pipe, the summary table and the ladder.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{run, stdout_json, tempfile};
use std::process::Command;

#[test]
fn every_command_has_its_help() {
    for command in [
        "decode", "timeline", "summary", "encode", "connres", "records", "generate", "export",
    ] {
        for args in [
            vec![command, "--help"],
            vec![command, "-h"],
            vec!["help", command],
        ] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.starts_with(&format!("usage: cti-outcome {command} ")),
                "{args:?}: {text}"
            );
            assert!(text.contains("exit status: 0 done"), "{args:?}");
        }
    }
    let all = run(&["--help"]);
    assert!(String::from_utf8_lossy(&all.stdout).contains("cti-outcome summary "));
    let unknown = run(&["help", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr)
        .contains("no command \"nope\"; the commands are decode, timeline, summary"));
}

#[test]
fn exit_status_is_0_ok_1_errors_with_strict_2_usage_or_unreadable() {
    let flawed = "tests/fixtures/logs/tolerance.txt";
    let json: serde_json::Value = serde_json::from_slice(&run(&["decode", flawed]).stdout).unwrap();
    let errors = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    assert!(errors > 0, "the fixture has error diagnostics");
    for command in ["decode", "timeline", "summary"] {
        assert_eq!(run(&[command, flawed]).status.code(), Some(0), "{command}");
        let strict = run(&[command, "--strict", flawed]);
        assert_eq!(strict.status.code(), Some(1), "{command} --strict");
        assert!(
            !strict.stdout.is_empty(),
            "{command} --strict still writes its output"
        );
        let said = format!("the input had {errors} errors (--strict)");
        assert!(
            String::from_utf8_lossy(&strict.stderr).contains(&said),
            "{command}"
        );
        let clean = run(&[command, "--strict", "src/generate/flows/busy.txt"]);
        assert_eq!(
            clean.status.code(),
            Some(0),
            "{command} --strict on a clean log"
        );
    }
    assert_eq!(run(&["decode", "no/such/file.log"]).status.code(), Some(2));
    assert_eq!(run(&["decode", "--frobnicate", "x"]).status.code(), Some(2));
    assert_eq!(
        run(&["summary", "--output", "yaml", "x"]).status.code(),
        Some(2)
    );
    let empty = tempfile("empty.log", b"");
    assert_eq!(
        run(&["timeline", empty.to_str().unwrap()]).status.code(),
        Some(2)
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly_with_status_0() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let log = Command::new(env!("CARGO_BIN_EXE_cti-outcome"))
        .args(["generate", "--mb", "20"])
        .output()
        .unwrap();
    let path = tempfile("20mb.log", &log.stdout);
    for args in [
        vec!["timeline", "--summary"],
        vec!["decode", "--pretty"],
        vec!["generate", "--mb", "50"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cti-outcome"))
            .args(&args)
            .args((args[0] != "generate").then_some(path.to_str().unwrap()))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is gone (`| head -1`).
        let out = child.wait_with_output().unwrap();
        assert!(!first.is_empty());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("Broken pipe"),
            "{args:?}"
        );
    }
}

#[test]
fn summary_counts_calls_per_outcome_with_a_header_and_a_total() {
    for path in [
        "src/generate/flows/outbound-preview.txt",
        "tests/fixtures/collections/rtmt-mivr.zip",
        "tests/fixtures/records/calls.csv",
    ] {
        let table = run(&["summary", "--year", "2026", path]);
        assert_eq!(table.status.code(), Some(0), "{path}");
        let text = String::from_utf8_lossy(&table.stdout).into_owned();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0].split_whitespace().collect::<Vec<_>>(),
            ["outcome", "calls", "share"],
            "{path}"
        );
        let total: u64 = lines
            .last()
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let summed: u64 = lines[1..lines.len() - 1]
            .iter()
            .map(|l| l.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap())
            .sum();
        assert_eq!(summed, total, "{path}: the rows add up to the total");
        let calls = if path.contains("/records/") {
            // `records --summary` is the same table (and its CONNRES rows after it).
            let records = run(&["records", "--summary", path]);
            let records = String::from_utf8_lossy(&records.stdout).into_owned();
            assert!(
                records.starts_with(&text),
                "{path}: records --summary:\n{records}"
            );
            assert!(
                records.contains("\nconnres       rows  meaning\n"),
                "{records}"
            );
            assert!(records.contains("Q.850 cause 17 User busy"), "{records}");
            stdout_json(&run(&["records", "--summary", "--output", "json", path]))["calls"]
                .as_u64()
                .unwrap()
        } else {
            stdout_json(&run(&["timeline", "--year", "2026", path]))["calls"]
                .as_array()
                .unwrap()
                .len() as u64
        };
        assert_eq!(total, calls, "{path}: the total is the call count");
        let json = stdout_json(&run(&[
            "summary", "--output", "json", "--year", "2026", path,
        ]));
        assert_eq!(json["calls"].as_u64(), Some(calls));
        let csv = run(&["summary", "--output", "csv", "--year", "2026", path]);
        assert!(String::from_utf8_lossy(&csv.stdout).starts_with("outcome,calls,share\n"));
    }
}

#[test]
fn ladder_prints_a_call_as_text_and_names_the_calls_when_the_key_is_wrong() {
    let flow = "src/generate/flows/consult-transfer.txt";
    let out = run(&["ladder", "1010", flow]);
    assert_eq!(out.status.code(), Some(0));
    let expected = std::fs::read_to_string("tests/e2e/expected/consult-transfer-1010.txt").unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        expected,
        "the page's text export of the call"
    );
    let timed = "tests/fixtures/traces/mivr-consult-transfer.log";
    let relative = String::from_utf8_lossy(
        &run(&["ladder", "--relative", "--year", "2026", "1010", timed]).stdout,
    )
    .into_owned();
    assert!(
        relative.contains("\nfrom start ") && relative.contains("\n+0.000 s "),
        "{relative}"
    );
    let wrong = run(&["ladder", "999", flow]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr)
        .contains("ladder: no call \"999\" in the log; its calls are 1010, 1011"));
    assert_eq!(run(&["ladder", flow]).status.code(), Some(2), "no CALL");
}

#[test]
fn an_empty_value_is_no_label_on_the_ladder() {
    let dump = b"MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 7\n  CallType: CALLTYPE_RESERVATION\nMsgType: CALL_DATA_UPDATE_EVENT\n  ConnectionCallID: 7\n  BAResponse:\nMsgType: CALL_DATA_UPDATE_EVENT\n  ConnectionCallID: 7\n  BAResponse: Accept\n";
    let path = tempfile("empty-value.txt", dump);
    let out = run(&["ladder", "7", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("CALL_DATA_UPDATE"))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        !rows[0].contains("BAResponse"),
        "an empty BAResponse is not shown: {}",
        rows[0]
    );
    assert!(rows[1].ends_with("BAResponse Accept"), "{}", rows[1]);
}
