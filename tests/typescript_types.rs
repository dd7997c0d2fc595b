//! The closed sets in `src/wasm.d.ts` are exactly the values the Rust side serialises.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use cti_outcome::{decode_connres, DiagnosticCode, Direction, NoteKind, OutcomeKind, Severity};
use serde::Serialize;

const TYPES: &str = include_str!("../src/wasm.d.ts");

/// The string literals of `export type NAME = "a" | "b" …;`.
fn union(name: &str) -> BTreeSet<String> {
    let start = TYPES
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("no type {name}"));
    let body = &TYPES[start..start + TYPES[start..].find(';').unwrap()];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn json_names<T: Serialize>(values: impl IntoIterator<Item = T>) -> BTreeSet<String> {
    values
        .into_iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn unions_match_the_rust_enums() {
    assert_eq!(union("OutcomeKind"), json_names(OutcomeKind::ALL));
    assert_eq!(
        union("Direction"),
        json_names([Direction::Inbound, Direction::Outbound])
    );
    assert_eq!(
        union("NoteKind"),
        json_names([NoteKind::Step, NoteKind::Comment, NoteKind::Text])
    );
    assert_eq!(
        union("Severity"),
        json_names([Severity::Error, Severity::Warning])
    );
    assert_eq!(
        union("DiagnosticCode"),
        json_names([
            DiagnosticCode::MalformedField,
            DiagnosticCode::EmptyFieldName,
            DiagnosticCode::MissingMessageType,
            DiagnosticCode::InvalidUtf8,
            DiagnosticCode::LengthOverMaximum,
            DiagnosticCode::SkippedBytes,
            DiagnosticCode::TruncatedFrame,
            DiagnosticCode::FixedPartShort,
            DiagnosticCode::FieldOverrun,
            DiagnosticCode::StringWithoutNul,
            DiagnosticCode::FieldSize,
            DiagnosticCode::UnknownMessageType,
            DiagnosticCode::NoWidthFits,
            DiagnosticCode::InvalidHex,
        ])
    );
    let symbols: BTreeSet<String> = (0..16)
        .map(|c| {
            decode_connres(c, Direction::Inbound, None)
                .symbol
                .to_owned()
        })
        .collect();
    assert_eq!(union("ConnresSymbol"), symbols);
    let classes: BTreeSet<String> = (0..8)
        .map(|i| cti_outcome::codes::q850::class_of(i * 16).to_owned())
        .collect();
    assert_eq!(union("Q850Class"), classes);
}

#[test]
fn input_formats_match() {
    use cti_outcome::input::Format;
    assert_eq!(
        union("InputFormat"),
        json_names([Format::Text, Format::Binary, Format::Hex])
    );
}

#[test]
fn value_kinds_match() {
    use cti_outcome::Value;
    let kinds: BTreeSet<String> = [
        Value::Number(0),
        Value::Text,
        Value::Empty,
        Value::NotApplicable,
        Value::TotalBytes(0),
    ]
    .iter()
    .map(|v| v.kind().to_owned())
    .collect();
    assert_eq!(union("ValueKind"), kinds);
}

#[test]
fn timeline_unions_match() {
    use cti_outcome::timeline::{CallDirection, LinkKind, RULES};
    assert_eq!(
        union("CallDirection"),
        json_names([
            CallDirection::Inbound,
            CallDirection::Outbound,
            CallDirection::Internal,
            CallDirection::Unknown
        ])
    );
    assert_eq!(
        union("LinkKind"),
        json_names([
            LinkKind::Transfer,
            LinkKind::Conference,
            LinkKind::Consult,
            LinkKind::Reservation,
            LinkKind::Party
        ])
    );
    let rules: BTreeSet<String> = RULES.iter().map(|(r, _)| (*r).to_owned()).collect();
    assert_eq!(union("OutcomeRule"), rules);
}

/// (property name, whether optional) of `export interface NAME { … }`.
fn interface(name: &str) -> BTreeSet<(String, bool)> {
    let start = TYPES
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &TYPES[start..start + TYPES[start..].find("\n}").unwrap()];
    body.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.starts_with("/*") && !l.starts_with('*'))
        .filter_map(|l| l.split_once(':'))
        .map(|(key, _)| match key.strip_suffix('?') {
            Some(k) => (k.to_owned(), true),
            None => (key.to_owned(), false),
        })
        .collect()
}

/// Which interface the values under a key of an interface have.
fn child(parent: &str, key: &str) -> Option<&'static str> {
    Some(match (parent, key) {
        ("LogSummary", "timeline") => "Timeline",
        ("Timeline", "calls") => "Call",
        ("Timeline", "agents") => "Agent",
        ("Call", "callType") | ("Agent", "state") | ("Segment", "state" | "skillGroupState") => {
            "Coded"
        }
        ("Call" | "Segment", "start" | "end") => "Point",
        ("Call", "durations") => "Durations",
        ("Call", "links") => "Link",
        ("Call", "outcome") => "Outcome",
        ("Call", "variables") => "Variable",
        ("Outcome", "evidence") => "Evidence",
        ("Agent", "segments") => "Segment",
        _ => return None,
    })
}

/// Every object's keys are declared; every required key is present; every declared key occurs.
fn check(name: &'static str, value: &serde_json::Value, seen: &mut BTreeSet<(String, String)>) {
    let declared = interface(name);
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{name}: not an object"));
    for (key, optional) in &declared {
        assert!(
            *optional || object.contains_key(key),
            "{name}.{key} missing in {value}"
        );
    }
    for (key, inner) in object {
        assert!(
            declared.iter().any(|(k, _)| k == key),
            "{name}.{key} not declared"
        );
        seen.insert((name.to_owned(), key.clone()));
        if let Some(child) = child(name, key) {
            match inner {
                serde_json::Value::Array(items) => items.iter().for_each(|i| check(child, i, seen)),
                other => check(child, other, seen),
            }
        }
    }
}

#[test]
fn timeline_interfaces_match_the_serialised_timelines() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = BTreeSet::new();
    for dir in ["logs", "flows"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                let events = cti_outcome::decode_log_bytes(&std::fs::read(&path).unwrap()).events;
                let json = serde_json::to_value(cti_outcome::build_timeline(&events)).unwrap();
                check("Timeline", &json, &mut seen);
            }
        }
    }
    for name in [
        "Timeline",
        "Call",
        "Coded",
        "Point",
        "Durations",
        "Link",
        "Outcome",
        "Variable",
        "Evidence",
        "Agent",
        "Segment",
    ] {
        for (key, _) in interface(name) {
            assert!(
                seen.contains(&(name.to_owned(), key.clone())),
                "{name}.{key} never exercised by a fixture"
            );
        }
    }
}

#[test]
fn interfaces_parse_to_their_properties() {
    let call = interface("Call");
    assert_eq!(call.len(), 19, "{call:?}");
    assert!(call.contains(&("callType".to_owned(), true)));
    assert!(call.contains(&("outcome".to_owned(), false)));
}

#[test]
fn the_log_summary_interface_matches_the_serialised_summary() {
    let text = include_bytes!("fixtures/flows/consult-transfer.txt");
    let decoded = cti_outcome::decode_log_bytes(text);
    let frames =
        cti_outcome::binary::encode_events(&decoded.events, cti_outcome::binary::Width::Two).bytes;
    let mut seen = BTreeSet::new();
    for input in [&text[..], &frames[..]] {
        let store = cti_outcome::store::LogStore::open(
            input,
            None,
            cti_outcome::binary::Options::default(),
        );
        check(
            "LogSummary",
            &serde_json::to_value(store.summary()).unwrap(),
            &mut seen,
        );
    }
    for (key, _) in interface("LogSummary") {
        assert!(
            seen.contains(&("LogSummary".to_owned(), key.clone())),
            "LogSummary.{key} never exercised"
        );
    }
}
