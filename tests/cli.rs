//! The `cti-outcome` command: same JSON as the library, one-line errors with exit status 2.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{run, stdout_json};
use std::process::Command;

#[test]
fn decode_prints_the_library_json() {
    let path = "tests/fixtures/logs/uccx-outbound-reservation-call.txt";
    let store = cti_outcome::text::decode(&std::fs::read(path).unwrap());
    let expected = serde_json::to_value(cti_outcome::view::decoded_text(&store)).unwrap();
    assert_eq!(stdout_json(&run(&["decode", path])), expected);
    assert_eq!(stdout_json(&run(&["decode", "--pretty", path])), expected);
}

#[test]
fn connres_prints_the_decoded_code() {
    let json = stdout_json(&run(&[
        "connres",
        "5",
        "--direction",
        "outbound",
        "--cause",
        "17",
    ]));
    assert_eq!(
        (json["symbol"].as_str(), json["outcome"].as_str()),
        (Some("ISDN_CAUSE"), Some("busy"))
    );
    assert_eq!(json["cause"]["name"], "User busy");
}

#[test]
fn bad_arguments_give_one_line_and_status_2() {
    for (args, needle) in [
        (
            &["connres", "-1", "--direction", "inbound"][..],
            "`code` must be a whole number from 0 to 4294967295",
        ),
        (
            &["connres", "1.5", "--direction", "inbound"],
            "`code` must be",
        ),
        (
            &["connres", "abc", "--direction", "inbound"],
            "`code` must be a whole number",
        ),
        (
            &["connres", "3", "--direction", "sideways"],
            "`direction` must be \"inbound\" or \"outbound\"",
        ),
        (
            &["connres", "5", "--direction", "inbound", "--cause", "300"],
            "`cause` must be a whole number from 0 to 127",
        ),
        (&["connres", "3"], "missing --direction"),
        (
            &["decode", "tests/fixtures/no-such-file.txt"],
            "cannot read tests/fixtures/no-such-file.txt",
        ),
        (&["decode"], "missing FILE"),
        (&["frobnicate"], "unexpected argument"),
        (&[], "missing command"),
    ] {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr.starts_with("cti-outcome: ") && stderr.contains(needle),
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn decode_reads_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cti-outcome"))
        .args(["decode", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"MsgType: END_CALL_EVENT\n  CallID: 7\n")
        .unwrap();
    let json = stdout_json(&child.wait_with_output().unwrap());
    assert_eq!(json["events"][0]["fields"][0]["name"], "ConnectionCallID");
}

#[test]
fn timeline_prints_the_library_json_and_a_summary_line_per_call() {
    let path = "src/generate/flows/uccx-agent-skips-contact.txt";
    let mut store = cti_outcome::text::decode(&std::fs::read(path).unwrap());
    let timeline = cti_outcome::timeline::build(&mut store);
    let expected =
        serde_json::to_value(cti_outcome::view::timeline::timeline(&store, &timeline)).unwrap();
    let mut printed = stdout_json(&run(&["timeline", path]));
    // The tool adds the log's diagnostics and each piece of evidence's lines.
    assert_eq!(printed["diagnostics"], serde_json::json!([]));
    printed.as_object_mut().unwrap().remove("diagnostics");
    for call in printed["calls"].as_array_mut().unwrap() {
        let mut lists = vec![call["outcome"]["evidence"].clone()];
        lists.extend(
            call["links"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["evidence"].clone()),
        );
        for evidence in lists.iter().flat_map(|l| l.as_array().unwrap()) {
            let event = store.event(usize::try_from(evidence["event"].as_u64().unwrap()).unwrap());
            let (line, end) = event.lines();
            assert_eq!(
                (evidence["line"].as_u64(), evidence["endLine"].as_u64()),
                (Some(u64::from(line)), Some(u64::from(end)))
            );
        }
        strip(&mut call["outcome"]["evidence"]);
        for link in call["links"].as_array_mut().unwrap() {
            strip(&mut link["evidence"]);
        }
    }
    assert_eq!(printed, expected);

    let out = run(&["timeline", "--summary", path]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "a header, three calls, the totals: {text}");
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["call", "type", "direction", "agents", "outcome", "reason"]
    );
    let skipped: Vec<&str> = lines[2].split_whitespace().take(5).collect();
    assert_eq!(
        skipped,
        [
            "16800098",
            "CALLTYPE_RESERVATION",
            "internal",
            "chli4020",
            "skipped"
        ]
    );
    assert!(lines[2].ends_with("(BAResponse = Skip)"));
    assert_eq!(lines[4], "3 calls: 2 skipped, 1 unknown");
    let csv = String::from_utf8(run(&["timeline", "--output", "csv", path]).stdout).unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let ndjson = String::from_utf8(run(&["timeline", "--output", "ndjson", path]).stdout).unwrap();
    let keys: Vec<String> = ndjson
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["key"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(keys, ["16800095", "16800098", "16800099"]);
}

/// Leaves out the places the tool adds to each piece of evidence.
fn strip(evidence: &mut serde_json::Value) {
    for e in evidence.as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        for key in ["file", "line", "endLine", "offset", "packet"] {
            e.remove(key);
        }
    }
}

/// Text → `encode` → bytes or hex → `decode` (detected) gives the same events, and the
/// timeline from bytes has the same outcomes as the one from text.
#[test]
fn encode_then_decode_in_every_form() {
    let path = "src/generate/flows/inbound-answered.txt";
    let decoded = run(&["decode", path]);
    let json_path =
        std::env::temp_dir().join(format!("cti-outcome-cli-{}.json", std::process::id()));
    std::fs::write(&json_path, &decoded.stdout).unwrap();
    let json = json_path.to_str().unwrap();
    for (width, hex, form, sniffed) in [("1", false, "binary", "frames"), ("2", true, "hex", "hex")]
    {
        let mut args = vec!["encode", "--width", width, json];
        if hex {
            args.insert(1, "--hex");
        }
        let encoded = run(&args);
        assert!(
            encoded.status.success(),
            "{}",
            String::from_utf8_lossy(&encoded.stderr)
        );
        let frames_path = json_path.with_extension(form);
        std::fs::write(&frames_path, &encoded.stdout).unwrap();
        let frames = frames_path.to_str().unwrap();
        let back = run(&["decode", frames]);
        let stderr = String::from_utf8_lossy(&back.stderr).into_owned();
        assert!(
            stderr.contains(&format!("read as {sniffed} (detected: ")),
            "{stderr}"
        );
        assert!(stderr.contains(&format!("{width}-byte tags")), "{stderr}");
        let back = stdout_json(&back);
        assert_eq!(back["events"].as_array().unwrap().len(), 9);
        assert_eq!(back["framing"]["width"], width.parse::<u8>().unwrap());
        let summary = run(&["timeline", "--summary", frames]);
        let text = String::from_utf8(summary.stdout).unwrap();
        assert!(
            text.lines().nth(1).is_some_and(|l| l.starts_with("1001")) && text.contains("answered"),
            "{text}"
        );
        let forced = run(&["decode", "--format", "text", frames]);
        assert!(String::from_utf8_lossy(&forced.stderr).contains("read as text (as asked)"));
    }
    let bad = run(&["decode", "--format", "xml", json]);
    assert_eq!(bad.status.code(), Some(2));
    let no_width = run(&["encode", json]);
    assert_eq!(no_width.status.code(), Some(2));
}

/// `generate --every-type` writes one frame of every message type with a layout; `decode`
/// reads every one of them back with no diagnostic, in each floating-field width.
#[test]
fn a_stream_of_every_message_type_decodes_without_a_diagnostic() {
    for version in ["13", "19", "20", "24"] {
        let frames = run(&[
            "generate",
            "--every-type",
            "--protocol-version",
            version,
            "--format",
            "binary",
        ]);
        assert!(
            frames.status.success(),
            "{}",
            String::from_utf8_lossy(&frames.stderr)
        );
        let path = std::env::temp_dir().join(format!(
            "cti-outcome-every-{version}-{}.bin",
            std::process::id()
        ));
        std::fs::write(&path, &frames.stdout).unwrap();
        let json = stdout_json(&run(&["decode", path.to_str().unwrap()]));
        assert_eq!(
            json["diagnostics"],
            serde_json::json!([]),
            "version {version}"
        );
        let mut ids: Vec<u64> = json["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["typeId"].as_u64().unwrap())
            .collect();
        ids.sort_unstable();
        let mut want: Vec<u64> = cti_outcome::codes::layouts::LAYOUTS
            .iter()
            .map(|l| u64::from(l.id))
            .collect();
        want.sort_unstable();
        assert_eq!(
            ids, want,
            "version {version}: every type with a layout, once"
        );
        assert_eq!(json["framing"]["version"], version.parse::<u32>().unwrap());
    }
}

/// An input with no event at all says why on stderr and exits with status 2, after the JSON.
#[test]
fn no_events_is_an_error_with_the_reason() {
    let path = std::env::temp_dir().join(format!("cti-outcome-prose-{}.txt", std::process::id()));
    std::fs::write(&path, "a note\nanother note\n").unwrap();
    for command in ["decode", "timeline"] {
        let out = run(&[command, path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("no events: no `MsgType:` line was found"),
            "{stderr}"
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(json.is_object(), "{command}: the JSON is still written");
    }
}

#[test]
fn records_reads_an_export_with_a_mapping_and_decode_points_to_it() {
    let path = "tests/fixtures/records/calls-renamed.csv";
    let mapped = stdout_json(&run(&[
        "records",
        "--column",
        "connres=Result",
        "--column",
        "call=CallID",
        "--summary",
        "--output",
        "json",
        path,
    ]));
    assert_eq!(mapped["calls"], 11);
    assert_eq!(mapped["diagnostics"], serde_json::json!([]));
    // Without the mapping: the JSON says why, and the command is refused (status 2).
    let unmapped = run(&["records", path]);
    assert_eq!(unmapped.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&unmapped.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "no-connres-column");
    assert!(String::from_utf8_lossy(&unmapped.stderr)
        .contains("records: no CONNRES column: no column is named CONNRES"));
    let bad = run(&["records", "--column", "result=Result", path]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("the roles are connres"));
    let decode = run(&["decode", "tests/fixtures/records/calls.csv"]);
    assert_eq!(decode.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&decode.stderr).contains("cti-outcome records FILE"));
}

/// Each Cisco trace fixture: `decode` says on stderr which trace it read and why, and
/// `timeline --summary` lists the consult transfer's two calls as its dump twin does.
#[test]
fn each_cisco_trace_is_read_and_said() {
    let twin = run(&[
        "timeline",
        "--summary",
        "src/generate/flows/consult-transfer.txt",
    ]);
    let outcomes = |out: &std::process::Output| -> Vec<String> {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split_whitespace().take(4).collect::<Vec<_>>().join(" "))
            .collect()
    };
    for (trace, says) in [
        (
            "finesse",
            "read as finesse (detected: 40 of its first 51 lines carry a Finesse webservices tag",
        ),
        (
            "mivr",
            "read as mivr (detected: 49 of its first 72 lines carry a Unified CCX Engine tag",
        ),
        (
            "dumplog",
            "read as dumplog (detected: 38 of its first 46 lines start like UCCE dumplog lines",
        ),
    ] {
        let path = format!("tests/fixtures/traces/{trace}-consult-transfer.log");
        let decoded = run(&["decode", "--year", "2017", &path]);
        let stderr = String::from_utf8_lossy(&decoded.stderr);
        assert!(
            decoded.status.success() && stderr.contains(says),
            "{stderr}"
        );
        let json = stdout_json(&decoded);
        assert!(json["events"].as_array().unwrap().len() >= 10, "{trace}");
        let timeline = run(&["timeline", "--summary", "--year", "2017", &path]);
        assert_eq!(outcomes(&timeline), outcomes(&twin), "{trace}");
    }
    let bad = run(&[
        "decode",
        "--year",
        "soon",
        "tests/fixtures/traces/mivr-consult-transfer.log",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn several_files_a_folder_or_an_archive_read_as_one_log() {
    let dir = "tests/fixtures/collections";
    let whole = run(&[
        "timeline",
        "--summary",
        "--year",
        "2026",
        "tests/fixtures/traces/mivr-consult-transfer.log",
    ]);
    assert!(whole.status.success());
    let files = ["MIVR001.log", "MIVR047.log", "MIVR046.log"].map(|f| format!("{dir}/rotated/{f}"));
    let mut given = vec!["timeline", "--summary", "--year", "2026"];
    given.extend(files.iter().map(String::as_str));
    for args in [
        given.clone(),
        vec![
            "timeline",
            "--summary",
            "--year",
            "2026",
            "tests/fixtures/collections/rotated",
        ],
        vec![
            "timeline",
            "--summary",
            "--year",
            "2026",
            "tests/fixtures/collections/rtmt-mivr.zip",
        ],
        vec![
            "timeline",
            "--summary",
            "--year",
            "2026",
            "tests/fixtures/collections/mivr.tar.gz",
        ],
    ] {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert_eq!(
            out.stdout, whole.stdout,
            "{args:?}: the calls of the log itself"
        );
        assert!(
            stderr
                .contains("read 3 files as one trace log, in the order of their first call's time"),
            "{stderr}"
        );
        assert!(stderr.contains("MIVR046.log … "), "{stderr}");
    }
    let out = run(&["decode", "tests/fixtures/collections/encrypted.zip"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("could not read tests/fixtures/collections/encrypted.zip/uccx/MIVR/MIVR047.log: an encrypted zip entry"), "{stderr}");
    assert!(stderr.contains("skipped tests/fixtures/collections/encrypted.zip/uccx/MIVR/screenshot.png: not a CTI log: a PNG image"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 2);
    assert_eq!(json["skipped"].as_array().unwrap().len(), 4);
    assert_eq!(
        json["events"][0]["file"],
        "tests/fixtures/collections/encrypted.zip/uccx/MIVR/MIVR046.log"
    );

    let out = run(&["decode", "tests/fixtures/collections/too-deep.zip"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(
            "decode: no CTI log among the 1 file found (each is listed above with the reason)\n"
        ),
        "{stderr}"
    );
}
