//! Every fixture log decoded and snapshotted, plus the properties the spine promises of them.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use cti_outcome::store::{NoteKind, Store};
use cti_outcome::view::{self, text_event, TextEvent};

fn logs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = fs::read_dir(root.join("tests/fixtures/logs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // The guide's "agent skips the contact" page is one of the generator's flows.
    files.push(root.join("src/generate/flows/uccx-agent-skips-contact.txt"));
    files.sort();
    assert!(files.len() >= 6, "fixture logs missing: {files:?}");
    files
}

fn decode(path: &Path) -> (String, Store) {
    let text = fs::read(path).unwrap();
    (
        String::from_utf8(text.clone()).unwrap(),
        cti_outcome::text::decode(&text),
    )
}

fn events(store: &Store) -> Vec<TextEvent<'_>> {
    store.events().map(text_event).collect()
}

/// The decoded JSON of every fixture is pinned; a change shows up as a reviewable diff.
#[test]
fn decoded_fixtures_match_their_snapshots() {
    for path in logs() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (_, store) = decode(&path);
        insta::assert_json_snapshot!(name, view::decoded_text(&store));
    }
}

/// The Cisco flows and the seed decode without a single diagnostic.
#[test]
fn reference_flows_decode_cleanly() {
    for path in logs().iter().filter(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("uccx-")
    }) {
        let (_, store) = decode(path);
        assert!(
            store.diagnostics().is_empty(),
            "{}: {:?}",
            path.display(),
            store.diagnostics()
        );
        assert!(!store.is_empty(), "{}", path.display());
        let events = events(&store);
        let unknown: Vec<_> = events
            .iter()
            .flat_map(|e| &e.fields)
            .filter(|f| f.unknown)
            .collect();
        assert!(
            unknown.is_empty(),
            "{}: unknown fields {unknown:?}",
            path.display()
        );
    }
}

/// Every indented `Name: value` line of a Cisco flow is a field of some event: nothing is dropped.
#[test]
fn every_field_line_becomes_a_field() {
    for path in logs().iter().filter(|p| !p.ends_with("tolerance.txt")) {
        let (text, store) = decode(path);
        let field_lines = text
            .lines()
            .filter(|l| l.starts_with([' ', '\t']))
            .map(str::trim)
            .filter(|l| !l.starts_with("MsgType") && !l.starts_with('#'))
            .filter(|l| {
                l.split_once(':')
                    .is_some_and(|(n, _)| !n.trim().is_empty() && !n.trim().contains(' '))
            })
            .count();
        let fields: usize = store.events().map(|e| e.fields().count()).sum();
        assert_eq!(fields, field_lines, "{}", path.display());
    }
}

/// The seed: seven events in order, with the values a reader of the page sees.
#[test]
fn seed_skip_flow_reads_as_the_page_does() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/generate/flows/uccx-agent-skips-contact.txt");
    let (_, store) = decode(&path);
    let decoded = events(&store);
    let types: Vec<_> = decoded.iter().map(|e| e.type_name.as_ref()).collect();
    assert_eq!(
        types,
        [
            "AGENT_STATE_EVENT",
            "END_CALL_EVENT",
            "CALL_DATA_UPDATE_EVENT",
            "AGENT_STATE_EVENT",
            "CALL_CONNECTION_CLEARED_EVENT",
            "CALL_CLEARED_EVENT",
            "END_CALL_EVENT"
        ]
    );
    let response = field(&decoded[2], "BAResponse");
    assert_eq!((response.raw.as_ref(), response.unknown), ("Skip", false));
    assert_eq!(
        field(&decoded[2], "CallType").symbol.as_deref(),
        Some("CALLTYPE_RESERVATION")
    );
    assert_eq!(
        field(&decoded[5], "LocalConnectionState").symbol.as_deref(),
        Some("LCS_NULL")
    );
    let steps: Vec<_> = store
        .notes()
        .iter()
        .filter(|n| n.kind == NoteKind::Step)
        .map(|n| n.line)
        .collect();
    assert_eq!(steps, [3, 20, 51]);
}

fn field<'a>(e: &TextEvent<'a>, name: &str) -> view::Field<'a> {
    e.fields.iter().find(|f| f.name == name).cloned().unwrap()
}
