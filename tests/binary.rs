//! The binary decoder and encoder, message type by message type: the reference's worked example,
//! byte literals of the §2.2 types, every layout of §2.2/§2.3 in every version variant and both
//! widths, and the layout table against the reference's own byte counts. (Streams, garbage and
//! round trips of random frames are in `tests/frames.rs`.)
#![cfg(not(target_arch = "wasm32"))]

use cti_outcome::binary::{self, decode_hex, encode, Options, Width};
use cti_outcome::codes::layouts::{Variant, Wire, LAYOUTS};
use cti_outcome::store::Store;
use cti_outcome::view;
use serde_json::Value;

fn unhex(text: &str) -> Vec<u8> {
    decode_hex(text).0
}

fn frame_of(type_id: u32, body: &[u8]) -> Vec<u8> {
    let mut frame = u32::try_from(body.len()).unwrap().to_be_bytes().to_vec();
    frame.extend(type_id.to_be_bytes());
    frame.extend(body);
    frame
}

fn options(width: Width, version: Option<u32>) -> Options {
    Options {
        width: Some(width),
        version,
    }
}

/// Frames decoded, as the JSON the command-line tool prints.
fn decoded(bytes: &[u8], options: Options) -> (Store, Value) {
    let (store, framing) = binary::decode(bytes, options);
    let json = serde_json::to_value(view::decoded_frames(&store, framing)).unwrap();
    (store, json)
}

/// (name, value as the JSON gives it) of every field of event `e`.
fn fields(json: &Value, e: usize) -> Vec<(String, Value)> {
    json["events"][e]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap().to_owned(), f["value"].clone()))
        .collect()
}

/// Reference §1.6: seed 004's CALL_CONNECTION_CLEARED_EVENT in both widths, decoded to the
/// fields the seed's text shows, and encoded back to the same bytes.
#[test]
fn the_worked_example_decodes_in_both_widths_and_encodes_back() {
    let fixed = "00000000 00000001 0015 0000 01005963 004c ffff ffff";
    for (width, hex) in [
        (
            Width::One,
            format!("00000024 0000000e {fixed} 19 05 3430323000 21 05 3430323000"),
        ),
        (
            Width::Two,
            format!("00000028 0000000e {fixed} 0019 0005 3430323000 0021 0005 3430323000"),
        ),
    ] {
        let bytes = unhex(&hex);
        let (store, json) = decoded(&bytes, Options::default());
        assert_eq!(json["diagnostics"], Value::Array(vec![]), "{width:?}");
        assert_eq!(json["framing"]["width"], width.bytes());
        let got = fields(&json, 0);
        let named = |n: &str| {
            got.iter()
                .find(|(name, _)| name == n)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(named("ConnectionCallID"), Some(16_800_099.into()));
        assert_eq!(named("ReleasingDeviceType"), Some(76.into()));
        assert_eq!(named("LocalConnectionState"), Some(0xFFFF.into()));
        assert_eq!(named("ConnectionDeviceID"), Some("4020".into()));
        assert_eq!(named("ReleasingDeviceID"), Some("4020".into()));
        assert_eq!(got.len(), 10);
        assert_eq!(encode(&store, width, None).bytes, bytes, "{width:?}");
    }
}

/// The §2.2 message types as byte literals (body only): field k of the fixed part holds k.
/// (type ID, body.) Written out by hand from the reference's tables.
const FIXED_PARTS: &[(u32, &str)] = &[
    (1, "0000000100000002"),
    (2, "00000001"),
    (3, "0000000100000002000000030000000400000005000000060000000700000008000000090000000a0000000b"),
    (5, "00000001"),
    (6, "00000001"),
    (7, "0000000100000002"),
    (8, "00000001"),
    (9, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f00100011001200130014"),
    (10, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f001000110012"),
    (11, "00000001000000020003000400000005000600070008"),
    (12, "00000001000000020003000400000005000600070008"),
    (13, "0000000100000002000300040000000500060007"),
    (14, "00000001000000020003000400000005000600070008"),
    (15, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f0010"),
    (16, "000000010000000200030004000000050006000700080009"),
    (17, "00000001000000020003000400000005000600070000000800000009000a000b000c0000000d000e000f00100011"),
    (18, "00000001000000020003000400000005000600070000000800000009000a000b000c0000000d000e000f00100011"),
    (19, "00000001000000020003000400000005000000060000000700080009000a000b"),
    (20, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f"),
    (21, "00000001000000020003000400000005000000060000000700080009000a000b000c000d000e000f"),
    (22, "00010002"),
    (23, "000000010000000200030004000500060007000800000009000a"),
    (24, "00000001000000020003000400000005"),
    (25, "000000010000000200030004000500060007000800000009000a0000000b000c0000000d0000000e"),
    (26, "00000001000000020003000000040005000600070008000000090000000a"),
    (31, "0000000100000002000000030000000400000005000000060007"),
    (34, "000000010000000200030004000000050006000700080009000a000b"),
    (35, "00000001000200000003"),
    (86, "00000001000000020003000400000005000600000007000000080009000a000b000c"),
    (105, "000000010002000300000004000000050000000600000007000800000009"),
    (106, "0000000100000002"),
    (109, "000000010002"),
    (116, "00000001000000020000000300040005000000060007000000080009000a0000000b"),
    (117, "0000000100000002000000030004000500000006"),
    (248, "0000000100000002000300000004000500000006"),
];

#[test]
fn the_section_2_2_types_decode_from_byte_literals_in_both_widths() {
    for &(type_id, body) in FIXED_PARTS {
        let frame = frame_of(type_id, &unhex(body));
        for width in [Width::One, Width::Two] {
            let (store, json) = decoded(&frame, options(width, None));
            assert_eq!(json["diagnostics"], Value::Array(vec![]), "type {type_id}");
            assert_eq!(json["events"][0]["typeId"], type_id);
            let values: Vec<Value> = fields(&json, 0).into_iter().map(|(_, v)| v).collect();
            let want: Vec<Value> = (1..=values.len()).map(Value::from).collect();
            assert_eq!(values, want, "type {type_id}");
            assert_eq!(
                encode(&store, width, None).bytes,
                frame,
                "type {type_id} {width:?}"
            );
        }
    }
}

/// A body whose fixed field k holds k in its wire size, then a ConnectionDeviceID "4020".
fn literal(variant: &Variant, width: Width) -> Vec<u8> {
    let mut body = Vec::new();
    for (k, &(_, wire)) in (1u32..).zip(variant.fields) {
        match wire {
            Wire::U8 => body.push(u8::try_from(k).unwrap()),
            Wire::U16 | Wire::Bool => body.extend(u16::try_from(k).unwrap().to_be_bytes()),
            Wire::U32 | Wire::I32 | Wire::Time => body.extend(k.to_be_bytes()),
            Wire::Bytes(n) => body.extend(std::iter::repeat_n(u8::try_from(k).unwrap(), n.into())),
            other => panic!("{other:?} in a fixed part"),
        }
    }
    match width {
        Width::One => body.extend([25, 5]),
        Width::Two => body.extend([0, 25, 0, 5]),
    }
    body.extend(b"4020\0");
    body
}

/// Every layout of reference §2.2 and §2.3 in every version variant and both widths: decoded
/// with that variant's version, named field by field, and encoded back to the same bytes.
#[test]
fn every_layout_in_every_variant_and_width_decodes_and_encodes_back() {
    let mut checked = 0;
    for layout in LAYOUTS {
        for variant in layout.variants {
            for width in [Width::One, Width::Two] {
                let frame = frame_of(u32::from(layout.id), &literal(variant, width));
                let version = Some(u32::from(variant.from.max(13).min(variant.to)));
                let (store, json) = decoded(&frame, options(width, version));
                let what = format!("type {} v{:?} {width:?}", layout.id, version);
                assert_eq!(json["diagnostics"], Value::Array(vec![]), "{what}");
                let got = fields(&json, 0);
                assert_eq!(got.len(), variant.fields.len() + 1, "{what}");
                for (k, ((name, value), (field, wire))) in
                    (1u32..).zip(got.iter().zip(variant.fields))
                {
                    assert_eq!(name, field.name(), "{what}");
                    if !matches!(wire, Wire::Bytes(_)) {
                        assert_eq!(*value, Value::from(k), "{what} {name}");
                    }
                }
                assert_eq!(
                    got.last().unwrap(),
                    &("ConnectionDeviceID".to_owned(), "4020".into())
                );
                assert_eq!(encode(&store, width, version).bytes, frame, "{what}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 2 * 145, "only {checked} layouts checked");
}

/// Reference §2.2 and §2.3.2–§2.3.5: (message type IDs, every byte count the row gives).
fn reference_sizes() -> Vec<(Vec<u16>, Vec<usize>)> {
    let text = include_str!("fixtures/reference/cti-protocol.md");
    let start = text.find("### 2.2").unwrap();
    let end = text.find("## 3. Floating").unwrap();
    let (skip_from, skip_to) = (
        text.find("#### 2.3.1").unwrap(),
        text.find("#### 2.3.2").unwrap(),
    );
    let numbers = |s: &str| -> Vec<usize> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let mut rows = Vec::new();
    let mut at = start;
    for line in text[start..end].lines() {
        let here = at;
        at += line.len() + 1;
        if (skip_from..skip_to).contains(&here)
            || !line.starts_with('|')
            || line.starts_with("| ---")
        {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let listed = !cells[0].is_empty()
            && cells[0]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == ' ');
        let (ids, bytes) = if listed {
            // `40`, or `41, 43, 45, 47, 53, 55, 61, 63`
            (
                cells[0]
                    .split(',')
                    .map(|n| n.trim().parse().unwrap())
                    .collect(),
                cells[3],
            )
        } else {
            // `OPEN_CONF (4)`, `HEARTBEAT_REQ/CONF (5/6), CLOSE_CONF (8)`
            let ids: Vec<u16> = cells[0]
                .split('(')
                .skip(1)
                .filter_map(|p| p.split(')').next())
                .flat_map(|p| {
                    p.split('/')
                        .filter_map(|n| n.trim().parse().ok())
                        .collect::<Vec<u16>>()
                })
                .collect();
            (ids, cells[2])
        };
        if ids.is_empty() || bytes == "Bytes" {
            continue;
        }
        // Drop version numbers (`v20–23:`, `v20+:`, `before v14`) before reading the counts.
        let counts = bytes
            .split_whitespace()
            .filter(|w| !w.starts_with('v') && !w.starts_with("(v"))
            .collect::<Vec<_>>()
            .join(" ");
        rows.push((ids, numbers(&counts)));
    }
    rows
}

/// The layout table says what the reference says: every ID the reference lays out has a
/// layout, and its fixed parts have exactly the byte counts the reference's row gives.
#[test]
fn the_layouts_have_the_references_byte_counts() {
    let rows = reference_sizes();
    let mut seen = std::collections::BTreeSet::new();
    for (ids, counts) in &rows {
        for &id in ids {
            let layout = cti_outcome::codes::layouts::layout(id)
                .unwrap_or_else(|| panic!("the reference lays out {id}; the table has no layout"));
            let mut ours: Vec<usize> = layout.variants.iter().map(Variant::size).collect();
            ours.sort_unstable();
            ours.dedup();
            let mut theirs = counts.clone();
            theirs.sort_unstable();
            theirs.dedup();
            assert_eq!(ours, theirs, "message type {id}");
            seen.insert(id);
        }
    }
    let table: std::collections::BTreeSet<u16> = LAYOUTS.iter().map(|l| l.id).collect();
    assert_eq!(
        seen, table,
        "the table lays out exactly the types the reference does"
    );
    assert_eq!(
        table.len(),
        145,
        "reference §2.3.6: 145 of the 239 types have a layout"
    );
}
