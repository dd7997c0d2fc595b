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

/// The diagnostics of a decode as (code, offset).
fn problems(bytes: &[u8], options: Options) -> Vec<(String, u64)> {
    let (_, json) = decoded(bytes, options);
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["offset"].as_u64().unwrap(),
            )
        })
        .collect()
}

const EXAMPLE_TWO: &str = "00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff 0019 0005 3430323000 0021 0005 3430323000";

#[test]
fn a_corrupt_length_is_reported_and_decoding_resynchronises() {
    let frame = unhex(EXAMPLE_TWO);
    let mut dirty = [&frame[..], &frame, &frame].concat();
    dirty[48] = 0xFF; // the second frame now claims more than 4 GB
    let (store, _) = decoded(&dirty, Options::default());
    assert_eq!(store.len(), 2, "only the corrupt frame is lost");
    assert_eq!(
        problems(&dirty, Options::default()),
        [
            ("length-over-maximum".to_owned(), 48),
            ("skipped-bytes".to_owned(), 48)
        ]
    );
}

#[test]
fn lengths_at_and_past_the_cap() {
    let cap = binary::MAX_BODY;
    let at_cap = frame_of(999, &vec![0x41; cap]);
    let (_, json) = decoded(&at_cap, Options::default());
    assert_eq!(json["events"][0]["type"], "UNKNOWN_MESSAGE_TYPE_999");
    assert_eq!(json["events"][0]["typeId"], 999, "the number is kept");
    assert_eq!(
        json["events"][0]["fields"][0]["raw"]
            .as_str()
            .unwrap()
            .len(),
        2 * cap
    );
    let past = frame_of(999, &vec![0x41; cap + 1]);
    let (store, json) = decoded(&past, Options::default());
    assert_eq!(store.len(), 0);
    assert_eq!(json["diagnostics"][0]["code"], "length-over-maximum");
}

#[test]
fn a_cut_frame_waits_for_more_and_is_a_warning_at_the_end() {
    let frame = unhex(EXAMPLE_TWO);
    let bytes = [&frame[..], &frame[..frame.len() - 3]].concat();
    let mut store = Store::new(cti_outcome::store::Form::Frames);
    let mut decoder = binary::FrameDecoder::new(Options::default());
    decoder.push(&mut store, &bytes);
    assert_eq!(
        (store.len(), store.diagnostics().len()),
        (1, 0),
        "not invalid while more may come"
    );
    decoder.finish(&mut store);
    let d = &store.diagnostics()[0];
    assert_eq!(
        (d.code, d.severity()),
        (
            cti_outcome::DiagnosticCode::TruncatedFrame,
            cti_outcome::Severity::Warning
        )
    );
}

#[test]
fn malformed_frames_are_kept_and_reported_at_their_offsets() {
    // END_CALL_EVENT (24) needs 16 bytes; this one has 6.
    let short = frame_of(24, &unhex("000000010000"));
    // CALL_CLEARED_EVENT with a string field without NUL, and one running past the end.
    let fixed = "00000000 00000001 0015 0000 01005963 0000 ffff";
    let no_nul = frame_of(13, &unhex(&format!("{fixed} 19 04 34303230")));
    let overrun = frame_of(13, &unhex(&format!("{fixed} 19 09 3430323000")));
    let good = frame_of(24, &unhex("00000000 00000001 0015 0000 01005963"));
    let bytes = [&short[..], &good, &no_nul, &good, &overrun].concat();
    let one = options(Width::One, None);
    let (store, json) = decoded(&bytes, one);
    assert_eq!(store.len(), 5, "every well-framed frame is kept");
    let second = (short.len() + good.len()) as u64;
    let third = second + (no_nul.len() + good.len()) as u64;
    assert_eq!(
        problems(&bytes, one),
        [
            ("fixed-part-short".to_owned(), 8),
            ("string-without-nul".to_owned(), second + 28),
            ("field-overrun".to_owned(), third + 28),
        ]
    );
    assert_eq!(json["events"][0]["truncated"], true);
}

#[test]
fn the_width_and_version_are_learned_inferred_or_detected_and_said() {
    let open_req = |version: u32| {
        let mut body = vec![0; 44];
        body[4..8].copy_from_slice(&version.to_be_bytes());
        frame_of(3, &body)
    };
    for (version, width) in [(14, 1), (19, 1), (20, 2), (24, 2)] {
        let (_, json) = decoded(&open_req(version), Options::default());
        assert_eq!(json["framing"]["width"], width, "version {version}");
        assert_eq!(json["framing"]["version"], version);
        assert!(json["framing"]["basis"]
            .as_str()
            .unwrap()
            .contains(&format!("version {version}")));
    }
    // No OPEN_REQ: the width from a frame that parses in one width only.
    let (_, json) = decoded(&unhex(EXAMPLE_TWO), Options::default());
    assert_eq!(json["framing"]["width"], 2);
    assert!(json["framing"]["basis"]
        .as_str()
        .unwrap()
        .contains("parses exactly only"));
    // No version: an AGENT_STATE_EVENT whose fixed part has the DepartmentID of version 20 on.
    let layout = cti_outcome::codes::layouts::layout(30).unwrap();
    let newer = layout.variants.iter().find(|v| v.covers(24)).unwrap();
    let frame = frame_of(30, &literal(newer, Width::Two));
    let (_, json) = decoded(&frame, options(Width::Two, None));
    let basis = json["framing"]["basis"].as_str().unwrap();
    assert!(
        basis.contains("protocol version 20 or later, inferred"),
        "{basis}"
    );
    assert_eq!(json["diagnostics"], Value::Array(vec![]));
}

#[test]
fn unknown_types_and_tags_are_kept_raw_and_encode_back() {
    let fixed = "00000000 00000001 0015 0000 01005963 0000 ffff";
    let bytes = [
        frame_of(4242, &unhex("0102")),
        // Tag 98 (0x62) is one the reference's §3 does not list.
        frame_of(13, &unhex(&format!("{fixed} 62 02 abcd"))),
    ]
    .concat();
    let (store, json) = decoded(&bytes, options(Width::One, None));
    assert_eq!(json["events"][0]["type"], "UNKNOWN_MESSAGE_TYPE_4242");
    assert_eq!(json["events"][0]["fields"][0]["raw"], "0102");
    let tag = json["events"][1]["fields"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (&tag["name"], &tag["raw"], &tag["unknown"]),
        (&"Tag98".into(), &"abcd".into(), &true.into())
    );
    let again = encode(&store, Width::One, None);
    assert!(again.issues.is_empty(), "{:?}", again.issues);
    assert_eq!(again.bytes, bytes);
}

/// A type §2.1 names but no source lays out keeps its number, its name and its body, and says
/// why; a type whose layout rests on one source says so too.
#[test]
fn frames_say_what_the_references_doubt() {
    let bytes = [
        frame_of(160, &unhex("0a0b0c")),
        frame_of(44, &unhex("00000001 00000002 00000003 0004")),
    ]
    .concat();
    let (_, json) = decoded(&bytes, options(Width::One, None));
    let e = &json["events"];
    let name = cti_outcome::codes::message_types::name_of(160).unwrap();
    assert_eq!(
        (&e[0]["type"], &e[0]["typeId"]),
        (&name.into(), &160.into())
    );
    assert_eq!(e[0]["fields"][0]["raw"], "0a0b0c");
    assert!(e[0]["doubt"].as_str().unwrap().contains("§2.3.6"));
    assert!(e[1]["doubt"].as_str().unwrap().contains("SCALA"));
    assert_eq!(
        json["diagnostics"],
        Value::Array(vec![]),
        "doubts are not problems in the input"
    );
}
