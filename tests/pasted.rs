//! Dumps as people paste them: every bundled flow with its white space collapsed (line by line,
//! and all on one line), and the UCCX guide's pages pasted with their prose, decode to the same
//! events, fields and timeline as the originals, and say they were reconstructed.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use cti_outcome::view;
use serde_json::Value;

/// The `.txt` files of `dir` (from the project's root).
fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

/// Events as (type, fields as written: (name, raw)).
type Events = Vec<(Value, Vec<(Value, Value)>)>;

/// The events, the timeline and the diagnostics' codes of a text.
fn what(text: &str) -> (Events, Value, Vec<String>) {
    let mut store = cti_outcome::text::decode(text.as_bytes());
    let timeline = cti_outcome::timeline::build(&mut store);
    let json = serde_json::to_value(view::decoded_text(&store)).unwrap();
    let events = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let fields = e["fields"].as_array().unwrap().iter();
            let name = |f: &Value| f.get("label").unwrap_or(&f["name"]).clone();
            (
                e["type"].clone(),
                fields.map(|f| (name(f), f["raw"].clone())).collect(),
            )
        })
        .collect();
    let codes = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect();
    let timeline = serde_json::to_value(view::timeline::timeline(&store, &timeline)).unwrap();
    (events, timeline, codes)
}

/// Every run of white space as one space, line by line (indentation gone).
fn collapsed(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// All of it on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_flow_flattened_decodes_to_the_same_events_and_timeline() {
    // The synthetic flows; the guide's page among them has prose, and is a page (below).
    let synthetic = files("src/generate/flows").into_iter().filter(|p| {
        !p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("uccx-")
    });
    for path in synthetic {
        let text = fs::read_to_string(&path).unwrap();
        let (events, timeline, codes) = what(&text);
        assert!(codes.is_empty(), "{}: {codes:?}", path.display());
        for (how, pasted) in [
            ("collapsed", collapsed(&text)),
            ("one line", one_line(&text)),
        ] {
            let (e, t, c) = what(&pasted);
            assert_eq!(e, events, "{} {how}", path.display());
            assert_eq!(t, timeline, "{} {how}", path.display());
            let flattened = c.iter().filter(|c| *c == "flattened").count();
            assert!(
                c.iter().all(|c| c == "flattened"),
                "{} {how}: {c:?}",
                path.display()
            );
            assert_eq!(
                flattened > 0,
                how == "one line",
                "{} {how}: said once per reconstructed line",
                path.display()
            );
        }
    }
}

/// A guide page as a browser copy gives it: each step's sentence on its line, and the messages
/// the server sends run together after "Server sends the following message(s)".
fn as_pasted(page: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for line in page.lines() {
        let t = line.trim();
        let step = t
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if step || t.starts_with('#') || t.is_empty() {
            if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
            out.push(t.to_owned());
        } else {
            if !run.is_empty() {
                run.push(' ');
            }
            run.push_str(&one_line(t));
        }
    }
    out.push(run);
    out.join("\n")
}

#[test]
fn the_guides_pages_pasted_with_their_prose_decode_to_the_same_events() {
    let mut pages = 0;
    let mut all = files("tests/fixtures/logs");
    all.extend(files("src/generate/flows"));
    for path in all.into_iter().filter(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("uccx-")
    }) {
        let page = fs::read_to_string(&path).unwrap();
        let (events, timeline, _) = what(&page);
        let pasted = as_pasted(&page);
        assert!(
            pasted.lines().count() < page.lines().count(),
            "{}",
            path.display()
        );
        let (e, t, c) = what(&pasted);
        assert_eq!(e, events, "{}", path.display());
        assert_eq!(t, timeline, "{}", path.display());
        assert!(c.contains(&"flattened".to_owned()), "{}", path.display());
        pages += 1;
    }
    assert!(pages >= 3);
}

#[test]
fn a_flattened_line_keeps_empty_values_spaces_and_unknown_names() {
    let (events, _, codes) = what(
        "Server sends the following message(s) MsgType: CALL_DATA_UPDATE_EVENT NumCTIClients: 0 \
         BAResponse: Cancel Reservation CustomerPhoneNumber: FooID: 7 Note: stays text \
         MsgType: END_CALL_EVENT ConnectionCallID: 5",
    );
    let fields = |i: usize| {
        events[i]
            .1
            .iter()
            .map(|(n, r)| format!("{}={}", n.as_str().unwrap(), r.as_str().unwrap()))
            .collect::<Vec<_>>()
    };
    assert_eq!(events.len(), 2);
    assert_eq!(
        fields(0),
        [
            "NumCTIClients=0",
            "BAResponse=Cancel Reservation",
            "CustomerPhoneNumber=",
            "FooID=7 Note: stays text"
        ]
    );
    assert_eq!(fields(1), ["ConnectionCallID=5"]);
    assert_eq!(codes, ["flattened"]);
}
