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
            DiagnosticCode::InvalidUtf8
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
