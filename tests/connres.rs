//! CONNRES: every code in both directions against the source document itself.
#![cfg(not(target_arch = "wasm32"))]

use cti_outcome::{decode_connres, Direction, OutcomeKind};

/// A label and its meaning.
type Cell = (String, String);

/// `(code, inbound, outbound)` parsed from the source table:
/// `N\t<b>Label</b>  Meaning\t<b>Label</b>  Meaning`.
fn source_rows() -> Vec<(u32, Cell, Cell)> {
    let text = include_str!("fixtures/reference/connres.txt");
    let cell = |c: &str| {
        let c = c.trim().strip_prefix("<b>").unwrap();
        let (label, meaning) = c.split_once("</b>").unwrap();
        (label.trim().to_owned(), meaning.trim().to_owned())
    };
    text.lines()
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let code = parts.next()?.trim().parse().ok()?;
            Some((code, cell(parts.next()?), cell(parts.next()?)))
        })
        .collect()
}

#[test]
fn all_15_codes_have_the_sources_exact_words_in_both_directions() {
    let rows = source_rows();
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        (0..15).collect::<Vec<_>>()
    );
    for (code, inbound, outbound) in rows {
        for (direction, (label, meaning)) in [
            (Direction::Inbound, inbound),
            (Direction::Outbound, outbound),
        ] {
            let d = decode_connres(code, direction, None);
            assert_eq!(d.label, label, "{code} {direction:?}");
            // The source gives outbound legacy codes a label only ("Not used").
            let expected = if meaning.is_empty() {
                format!("{label}.")
            } else {
                meaning
            };
            assert_eq!(d.meaning, expected, "{code} {direction:?}");
            assert!(d.known);
        }
    }
}

#[test]
fn outcomes_per_code_and_direction() {
    use OutcomeKind::*;
    let expected = [
        (Abandoned, Abandoned),
        (Answered, Answered),
        (NoAnswer, NoAnswer),
        (Busy, Busy),
        (Abandoned, Failed),
        (Rejected, Rejected),
        (Rejected, Abandoned),
        (Failed, Failed),
        (Legacy, Legacy),
        (Legacy, Legacy),
        (Legacy, Legacy),
        (Legacy, Legacy),
        (Blocked, Blocked),
        (Legacy, Legacy),
        (Legacy, Legacy),
    ];
    for (code, (inbound, outbound)) in (0u32..).zip(expected) {
        assert_eq!(
            decode_connres(code, Direction::Inbound, None).outcome,
            inbound,
            "{code} inbound"
        );
        assert_eq!(
            decode_connres(code, Direction::Outbound, None).outcome,
            outbound,
            "{code} outbound"
        );
    }
}

#[test]
fn decoded_json_shape() {
    let json = serde_json::to_value(decode_connres(5, Direction::Outbound, Some(34))).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "code": 5, "direction": "outbound", "known": true, "symbol": "ISDN_CAUSE",
            "label": "ISDN cause",
            "meaning": "A reason other than busy was received from the called destination.",
            "legacy": false, "outcome": "rejected",
            "cause": { "code": 34, "known": true, "name": "No circuit/channel available",
                       "class": "Resource unavailable", "sip": 503 }
        })
    );
    let unknown = serde_json::to_value(decode_connres(99, Direction::Inbound, None)).unwrap();
    assert_eq!(unknown["known"], false);
    assert!(unknown.get("cause").is_none());
}

/// Seed 000 decoded: all 15 codes in both directions, plus an unknown code, pinned as JSON.
#[test]
fn every_code_decoded_matches_its_snapshot() {
    let decoded: Vec<_> = (0..16)
        .flat_map(|code| {
            [Direction::Inbound, Direction::Outbound].map(|d| decode_connres(code, d, None))
        })
        .collect();
    insta::assert_json_snapshot!("connres-all-codes", decoded);
}
