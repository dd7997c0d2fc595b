//! The binary decoder: the reference's worked example, every message type from byte literals,
//! text twins, streaming, garbage, the encoder round trip, and the flows through bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use cti_outcome::binary::{
    decode_frames, decode_hex, encode_events, layout, FrameDecoder, Options, Width, MAX_BODY,
};
use cti_outcome::{decode_log, decode_log_bytes, DiagnosticCode, Event, Field, Value};
use proptest::prelude::*;

fn unhex(text: &str) -> Vec<u8> {
    decode_hex(text).0
}

fn one(width: u8) -> Options {
    Options {
        width: Width::from_bytes(width),
    }
}

/// What a field says, without how it was written: (name, index, kind, number or text, symbol).
type Said = (
    String,
    Option<u32>,
    &'static str,
    String,
    Option<&'static str>,
);

fn said(field: &Field) -> Said {
    let value = match field.value {
        Value::Number(n) => n.to_string(),
        _ => field.raw.clone(),
    };
    (
        field.name.to_string(),
        field.index,
        field.value.kind(),
        value,
        field.symbol,
    )
}

/// A text event's twin from bytes has every field the text has, saying the same.
fn assert_twin(text: &Event, binary: &Event) {
    assert_eq!(text.type_name, binary.type_name);
    for field in &text.fields {
        let want = said(field);
        // A dump's `Name[i]` (the guides' template) has no number; the wire's list position counts.
        let same = |f: &Field| {
            let mut got = said(f);
            if want.1.is_none() {
                got.1 = None;
            }
            got == want
        };
        assert!(
            binary.fields.iter().any(same),
            "{}: {want:?} not in {:?}",
            text.type_name,
            binary.fields.iter().map(said).collect::<Vec<_>>()
        );
    }
}

/// Reference §1.6: seed 004's CALL_CONNECTION_CLEARED_EVENT in both widths.
#[test]
fn the_worked_example_decodes_in_both_widths_to_its_text_twin() {
    let fixed = "00000000 00000001 0015 0000 01005963 004c ffff ffff";
    let examples = [
        (
            1,
            format!("00000024 0000000e {fixed} 19 05 3430323000 21 05 3430323000"),
        ),
        (
            2,
            format!("00000028 0000000e {fixed} 0019 0005 3430323000 0021 0005 3430323000"),
        ),
    ];
    let seed = decode_log(include_str!("fixtures/logs/uccx-agent-skips-contact.txt"));
    let twin = &seed.events[4];
    assert_eq!(twin.type_name, "CALL_CONNECTION_CLEARED_EVENT");
    for (width, hex) in examples {
        let bytes = unhex(&hex);
        let decoded = decode_frames(&bytes, Options::default());
        assert!(decoded.diagnostics.is_empty(), "{:?}", decoded.diagnostics);
        assert_eq!(decoded.framing.as_ref().unwrap().width, Some(width));
        let event = &decoded.events[0];
        assert_eq!(event.fields.len(), 10);
        assert_twin(twin, event);
        // The encoder writes the same bytes from the text event plus the UCCX constants.
        let mut from_text = twin.clone();
        for (name, value) in [
            ("MonitorID", "0"),
            ("PeripheralID", "1"),
            ("PeripheralType", "21"),
        ] {
            from_text.fields.push(Field::from_text(
                name,
                value,
                "CALL_CONNECTION_CLEARED_EVENT",
            ));
        }
        let encoded = encode_events(&[from_text], Width::from_bytes(width).unwrap());
        assert!(encoded.issues.is_empty(), "{:?}", encoded.issues);
        assert_eq!(encoded.bytes, bytes, "width {width}");
    }
}

/// Every message type of reference §2.2 as a byte literal: header, then the fixed part with
/// field k (counting from 1) holding the value k. (type ID, fixed-part size from §2.2, body.)
const FIXED_PARTS: &[(u32, usize, &str)] = &[
    (1, 8, "0000000100000002"),
    (2, 4, "00000001"),
    (3, 44, "0000000100000002000000030000000400000005000000060000000700000008000000090000000a0000000b"),
    (4, 26, "0000000100000002000000030000000400000005000600070008"),
    (5, 4, "00000001"),
    (6, 4, "00000001"),
    (7, 8, "0000000100000002"),
    (8, 4, "00000001"),
    (9, 54, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f00100011001200130014"),
    (10, 50, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f001000110012"),
    (11, 22, "00000001000000020003000400000005000600070008"),
    (12, 22, "00000001000000020003000400000005000600070008"),
    (13, 20, "0000000100000002000300040000000500060007"),
    (14, 22, "00000001000000020003000400000005000600070008"),
    (15, 46, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f0010"),
    (16, 24, "000000010000000200030004000000050006000700080009"),
    (17, 46, "00000001000000020003000400000005000600070000000800000009000a000b000c0000000d000e000f00100011"),
    (18, 46, "00000001000000020003000400000005000600070000000800000009000a000b000c0000000d000e000f00100011"),
    (19, 32, "00000001000000020003000400000005000000060000000700080009000a000b"),
    (20, 44, "000000010000000200030004000000050006000700000008000000090000000a0000000b000c000d000e000f"),
    (21, 40, "00000001000000020003000400000005000000060000000700080009000a000b000c000d000e000f"),
    (22, 4, "00010002"),
    (23, 26, "000000010000000200030004000500060007000800000009000a"),
    (24, 16, "00000001000000020003000400000005"),
    (25, 40, "000000010000000200030004000500060007000800000009000a0000000b000c0000000d0000000e"),
    (26, 30, "00000001000000020003000000040005000600070008000000090000000a"),
    (30, 58, "000000010000000200000003000400050000000600000007000000080009000a000b0000000c0000000d000e0000000f00000010000000110012"),
    (31, 26, "0000000100000002000000030000000400000005000000060007"),
    (34, 28, "000000010000000200030004000000050006000700080009000a000b"),
    (35, 10, "00000001000200000003"),
    (86, 34, "00000001000000020003000400000005000600000007000000080009000a000b000c"),
    (105, 30, "000000010002000300000004000000050000000600000007000800000009"),
    (106, 8, "0000000100000002"),
    (109, 6, "000000010002"),
    (116, 34, "00000001000000020000000300040005000000060007000000080009000a0000000b"),
    (117, 20, "0000000100000002000000030004000500000006"),
    (248, 20, "0000000100000002000300000004000500000006"),
];

#[test]
fn every_message_type_decodes_from_a_byte_literal() {
    assert_eq!(FIXED_PARTS.len(), layout::FIXED.len());
    for &(type_id, size, body) in FIXED_PARTS {
        let body = unhex(body);
        assert_eq!(body.len(), size, "type {type_id}");
        let mut frame = u32::try_from(size).unwrap().to_be_bytes().to_vec();
        frame.extend(type_id.to_be_bytes());
        frame.extend(&body);
        for width in [1, 2] {
            let decoded = decode_frames(&frame, one(width));
            assert!(
                decoded.diagnostics.is_empty(),
                "type {type_id}: {:?}",
                decoded.diagnostics
            );
            let event = &decoded.events[0];
            assert_eq!(event.type_id, Some(u16::try_from(type_id).unwrap()));
            let names: Vec<&str> = layout::fixed(event.type_id.unwrap())
                .unwrap()
                .iter()
                .map(|(n, _)| *n)
                .collect();
            let got: Vec<(&str, Option<i64>)> = event
                .fields
                .iter()
                .map(|f| (&*f.name, f.number()))
                .collect();
            let want: Vec<(&str, Option<i64>)> =
                names.iter().zip(1..).map(|(n, k)| (*n, Some(k))).collect();
            assert_eq!(got, want, "type {type_id}");
            assert!(event.fields.iter().all(|f| f.known));
        }
    }
}

/// Each message type with floating fields, written as a text dump and as bytes in both widths:
/// the two decoders agree field by field.
#[test]
fn every_message_type_equals_its_text_dump_twin() {
    for &(type_id, _, body) in FIXED_PARTS {
        let name =
            cti_outcome::codes::message_types::name_of(u16::try_from(type_id).unwrap()).unwrap();
        let mut text = format!("MsgType: {name}\n");
        let fixed = decode_frames(&frame_of(type_id, &unhex(body)), one(1));
        for field in &fixed.events[0].fields {
            text.push_str(&["  ", &field.name, ": ", &field.raw, "\n"].concat());
        }
        text.push_str("  ConnectionDeviceID: 4020\n  ANI: 5551234\n  BAResponse: Skip\n");
        let twin = &decode_log(&text).events[0];
        for width in [Width::One, Width::Two] {
            let encoded = encode_events(std::slice::from_ref(twin), width);
            assert!(encoded.issues.is_empty(), "{name}: {:?}", encoded.issues);
            let decoded = decode_frames(&encoded.bytes, Options { width: Some(width) });
            assert!(
                decoded.diagnostics.is_empty(),
                "{name}: {:?}",
                decoded.diagnostics
            );
            assert_twin(twin, &decoded.events[0]);
        }
    }
}

fn frame_of(type_id: u32, body: &[u8]) -> Vec<u8> {
    let mut frame = u32::try_from(body.len()).unwrap().to_be_bytes().to_vec();
    frame.extend(type_id.to_be_bytes());
    frame.extend(body);
    frame
}

/// Every text log the project bundles.
fn flow_events() -> Vec<(String, Vec<Event>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in ["logs", "flows"] {
        let mut paths: Vec<_> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((name, decode_log_bytes(&fs::read(&path).unwrap()).events));
        }
    }
    out
}

/// Fields of a text event that have no wire form of their own or that the wire writes
/// differently: the dump's `<TotalBytes: N>` summary; `N/A`/empty numbers (the wire's null);
/// symbols with no documented number (`CD_INVALID`); names no reference lists.
fn has_wire_twin(field: &Field) -> bool {
    let numeric =
        cti_outcome::codes::fields::lookup(&field.name).is_some_and(|d| d.ty.is_numeric());
    field.known
        && !matches!(field.value, Value::TotalBytes(_))
        && !(numeric
            && matches!(
                field.value,
                Value::NotApplicable | Value::Empty | Value::Text
            ))
}

/// The bundled text dumps, encoded to bytes in both widths and decoded back, are the same
/// events: every field with a wire form says the same.
#[test]
fn the_bundled_flows_survive_a_trip_through_bytes() {
    let mut compared = 0;
    for (name, events) in flow_events() {
        let events: Vec<Event> = events
            .into_iter()
            .filter(|e| e.type_id.is_some_and(|id| layout::fixed(id).is_some()))
            .collect();
        for width in [Width::One, Width::Two] {
            let encoded = encode_events(&events, width);
            for issue in &encoded.issues {
                let event = &events[issue.event as usize];
                let field = event.fields.iter().find(|f| {
                    Some(f.label.clone().unwrap_or_else(|| f.name.to_string())) == issue.field
                });
                assert!(
                    field.is_some_and(|f| !has_wire_twin(f)),
                    "{name}: {issue:?}"
                );
            }
            let decoded = decode_frames(&encoded.bytes, Options { width: Some(width) });
            assert!(
                decoded.diagnostics.is_empty(),
                "{name}: {:?}",
                decoded.diagnostics
            );
            assert_eq!(decoded.events.len(), events.len(), "{name}");
            for (text, binary) in events.iter().zip(&decoded.events) {
                let mut text = text.clone();
                text.fields.retain(has_wire_twin);
                assert_twin(&text, binary);
                compared += text.fields.len();
            }
        }
    }
    assert!(compared > 300, "only {compared} fields compared");
}

/// The stream every property test below cuts up: the bundled flows as 1-byte frames.
fn stream() -> (Vec<u8>, usize) {
    let events: Vec<Event> = flow_events()
        .into_iter()
        .flat_map(|(_, e)| e)
        .filter(|e| e.type_id.is_some_and(|id| layout::fixed(id).is_some()))
        .collect();
    (encode_events(&events, Width::One).bytes, events.len())
}

fn without_offsets(mut events: Vec<Event>) -> Vec<Event> {
    for e in &mut events {
        e.frame = None;
    }
    events
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any chunking, down to single bytes and splits inside headers, decodes the same.
    #[test]
    fn every_chunking_decodes_the_same(cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..40)) {
        let (bytes, _) = stream();
        let whole = decode_frames(&bytes, Options::default());
        let mut cuts: Vec<usize> = cuts.iter().map(|i| i.index(bytes.len() + 1)).collect();
        cuts.push(bytes.len());
        cuts.sort_unstable();
        let mut decoder = FrameDecoder::new(Options::default());
        let (mut events, mut diagnostics, mut at) = (Vec::new(), Vec::new(), 0);
        for cut in cuts {
            let out = decoder.push(&bytes[at..cut]);
            events.extend(out.events);
            diagnostics.extend(out.diagnostics);
            at = cut;
        }
        let rest = decoder.finish();
        events.extend(rest.events);
        diagnostics.extend(rest.diagnostics);
        prop_assert_eq!(events, whole.events);
        prop_assert_eq!(diagnostics, whole.diagnostics);
        prop_assert_eq!(Some(decoder.framing()), whole.framing);
    }

    /// Random garbage (random bytes, or runs of zeros as padding leaves) between valid frames
    /// never loses a valid frame, and each bad region is reported.
    #[test]
    fn garbage_between_frames_never_loses_one(
        garbage in proptest::collection::vec((any::<prop::sample::Index>(), prop_oneof![proptest::collection::vec(any::<u8>(), 1..40), (1usize..17).prop_map(|n| vec![0u8; n])]), 1..6),
    ) {
        let (clean, count) = stream();
        let frames = decode_frames(&clean, one(1));
        let starts: Vec<usize> = frames.events.iter().map(|e| usize::try_from(e.frame.unwrap().offset).unwrap()).collect();
        let mut spots: Vec<(usize, Vec<u8>)> = garbage.into_iter().map(|(i, g)| (starts[i.index(count)], g)).collect();
        spots.sort();
        let mut dirty = Vec::new();
        let mut at = 0;
        for (spot, g) in &spots {
            dirty.extend(&clean[at..*spot]);
            dirty.extend(g);
            at = *spot;
        }
        dirty.extend(&clean[at..]);
        let decoded = decode_frames(&dirty, one(1));
        let want = without_offsets(frames.events);
        let got = without_offsets(decoded.events);
        let mut found = got.iter();
        for event in &want {
            prop_assert!(found.any(|g| g == event), "lost {} (spots {:?}): {:?}", event.type_name, spots.iter().map(|s| s.0).collect::<Vec<_>>(), decoded.diagnostics);
        }
        prop_assert!(!decoded.diagnostics.is_empty());
    }

    /// decode(encode(e)) == e for events of every message type with random values.
    #[test]
    fn encoding_round_trips(
        which in any::<prop::sample::Index>(),
        values in proptest::collection::vec(any::<u32>(), 30),
        device in "[0-9A-Za-z]{0,20}",
        ecc in "[ -~]{0,30}",
        parties in proptest::collection::vec(any::<u32>(), 0..4),
        two in any::<bool>(),
    ) {
        let (type_id, fixed) = layout::FIXED[which.index(layout::FIXED.len())];
        let name = cti_outcome::codes::message_types::name_of(type_id).unwrap();
        let mut fields: Vec<serde_json::Value> = fixed.iter().zip(&values).map(|(&(n, wire), &v)| {
            let v = match wire.size() { Some(1) => v & 0xFF, Some(2) => v & 0xFFFF, _ => v };
            let v = if wire == layout::Wire::I32 { i64::from(i32::from_ne_bytes(v.to_ne_bytes())) } else { i64::from(v) };
            serde_json::json!({ "name": n, "value": v })
        }).collect();
        fields.push(serde_json::json!({ "name": "ConnectionDeviceID", "value": device }));
        fields.push(serde_json::json!({ "name": "BAResponse", "value": ecc.trim() }));
        fields.push(serde_json::json!({ "name": "user.note", "index": 3, "value": ecc.trim() }));
        for (i, p) in parties.iter().enumerate() {
            fields.push(serde_json::json!({ "name": "ConnectedPartyCallID", "index": i, "value": p }));
        }
        let event: Event = serde_json::from_value(serde_json::json!({ "type": name, "fields": fields })).unwrap();
        let width = if two { Width::Two } else { Width::One };
        let encoded = encode_events(std::slice::from_ref(&event), width);
        prop_assert!(encoded.issues.is_empty(), "{:?}", encoded.issues);
        let decoded = decode_frames(&encoded.bytes, Options { width: Some(width) });
        prop_assert!(decoded.diagnostics.is_empty(), "{:?}", decoded.diagnostics);
        prop_assert_eq!(without_offsets(decoded.events), vec![event]);
    }

    /// No input panics, and every event's frame lies inside the input.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), width in 0u8..3) {
        let decoded = decode_frames(&bytes, one(width));
        for e in &decoded.events {
            let frame = e.frame.unwrap();
            prop_assert!(frame.offset + u64::from(frame.length) <= bytes.len() as u64);
        }
    }
}

#[test]
fn a_corrupt_length_is_reported_and_decoding_resynchronises() {
    let (clean, count) = stream();
    let mut dirty = clean.clone();
    dirty[0] = 0xFF; // the first frame now claims more than 4 GB
    let decoded = decode_frames(&dirty, one(1));
    let codes: Vec<_> = decoded
        .diagnostics
        .iter()
        .map(|d| (d.code, d.offset))
        .collect();
    assert_eq!(codes[0], (DiagnosticCode::LengthOverMaximum, Some(0)));
    assert_eq!(codes[1].0, DiagnosticCode::SkippedBytes);
    assert_eq!(
        decoded.events.len(),
        count - 1,
        "only the corrupt frame is lost"
    );
}

#[test]
fn lengths_at_and_past_the_cap() {
    let at_cap = frame_of(999, &vec![0x41; MAX_BODY]);
    let decoded = decode_frames(&at_cap, Options::default());
    assert_eq!(decoded.events.len(), 1, "{:?}", decoded.diagnostics);
    assert_eq!(decoded.events[0].type_name, "UNKNOWN_MESSAGE_TYPE_999");
    assert_eq!(decoded.events[0].fields[0].raw.len(), 2 * MAX_BODY);
    let past = frame_of(999, &vec![0x41; MAX_BODY + 1]);
    let decoded = decode_frames(&past, Options::default());
    assert!(decoded.events.is_empty());
    assert_eq!(
        decoded.diagnostics[0].code,
        DiagnosticCode::LengthOverMaximum
    );
}

#[test]
fn a_truncated_stream_waits_then_reports_at_the_end() {
    let (clean, count) = stream();
    let cut = &clean[..clean.len() - 3];
    let mut decoder = FrameDecoder::new(one(1));
    let out = decoder.push(cut);
    assert_eq!(out.events.len(), count - 1);
    assert!(
        out.diagnostics.is_empty(),
        "truncated is not invalid while more may come"
    );
    let rest = decoder.finish();
    assert_eq!(rest.diagnostics[0].code, DiagnosticCode::TruncatedFrame);
}

#[test]
fn malformed_frames_are_reported_with_their_offsets() {
    // END_CALL_EVENT (24) needs 16 bytes; this one has 6.
    let short = frame_of(24, &unhex("000000010000"));
    // CALL_CLEARED_EVENT with a 1-byte string field without NUL, and one running past the end.
    let fixed = "00000000 00000001 0015 0000 01005963 0000 ffff";
    let no_nul = frame_of(13, &unhex(&format!("{fixed} 19 04 34303230")));
    let overrun = frame_of(13, &unhex(&format!("{fixed} 19 09 3430323000")));
    // A malformed frame is taken as one when a well-formed frame follows it (or the input
    // ends); otherwise its bytes are reported as skipped.
    let good = frame_of(24, &unhex("00000000 00000001 0015 0000 01005963"));
    let bytes = [&short[..], &good, &no_nul, &good, &overrun].concat();
    let decoded = decode_frames(&bytes, one(1));
    assert_eq!(decoded.events.len(), 5);
    let found: Vec<_> = decoded
        .diagnostics
        .iter()
        .map(|d| (d.code, d.offset.unwrap()))
        .collect();
    let second = (short.len() + good.len()) as u64;
    let third = second + (no_nul.len() + good.len()) as u64;
    assert_eq!(
        found,
        [
            (DiagnosticCode::FixedPartShort, 12),
            (DiagnosticCode::StringWithoutNul, second + 28),
            (DiagnosticCode::FieldOverrun, third + 28),
        ]
    );
    assert!(decoded.events[0].truncated);
    assert_eq!(
        decoded.events[2].field("ConnectionDeviceID").unwrap().raw,
        "4020"
    );
}

#[test]
fn the_width_is_learned_from_open_req_or_detected_and_said() {
    let open_req = |version: u32| {
        let mut body = vec![0; 44];
        body[4..8].copy_from_slice(&version.to_be_bytes());
        frame_of(3, &body)
    };
    for (version, width) in [(14, Some(1)), (24, Some(2)), (20, None)] {
        let framing = decode_frames(&open_req(version), Options::default())
            .framing
            .unwrap();
        assert_eq!(framing.width, width, "{}", framing.basis);
        if width.is_some() {
            assert!(framing.basis.contains(&format!("version {version}")));
        }
    }
    let two = unhex("00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff 0019 0005 3430323000 0021 0005 3430323000");
    let framing = decode_frames(&two, Options::default()).framing.unwrap();
    assert_eq!(framing.width, Some(2));
    assert!(
        framing.basis.contains("parses exactly only"),
        "{}",
        framing.basis
    );
}

#[test]
fn unknown_types_and_tags_are_kept_raw() {
    let fixed = "00000000 00000001 0015 0000 01005963 0000 ffff";
    let bytes = [
        frame_of(4242, &unhex("0102")),
        frame_of(13, &unhex(&format!("{fixed} c8 02 abcd"))),
    ]
    .concat();
    let decoded = decode_frames(&bytes, one(1));
    assert_eq!(decoded.events[0].type_name, "UNKNOWN_MESSAGE_TYPE_4242");
    assert_eq!(decoded.events[0].fields[0].raw, "0102");
    let tag = decoded.events[1].fields.last().unwrap();
    assert_eq!(
        (&*tag.name, tag.raw.as_str(), tag.known),
        ("Tag200", "abcd", false)
    );
    // And both survive the encoder.
    let again = encode_events(&decoded.events, Width::One);
    assert!(again.issues.is_empty(), "{:?}", again.issues);
    assert_eq!(again.bytes, bytes);
}
