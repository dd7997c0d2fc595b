//! Frames as they arrive on a socket: any sequence of well-framed frames of any §2.1 type (with
//! a layout or without), in any chunking, with garbage between them, is recovered frame by frame
//! and the garbage reported exactly; and every frame that decodes without a diagnostic encodes
//! back to the same bytes, straight from the store and through its JSON.
#![cfg(not(target_arch = "wasm32"))]

use cti_outcome::binary::{self, encode, FrameDecoder, Options, Width};
use cti_outcome::codes::fields::FieldId;
use cti_outcome::codes::layouts::{layout, Wire, LAYOUTS};
use cti_outcome::codes::message_types::MESSAGE_TYPES;
use cti_outcome::diagnostic::{At, DiagnosticCode};
use cti_outcome::store::{Form, Store};
use cti_outcome::view;
use proptest::prelude::*;

fn width_of(version: u32) -> Width {
    if version >= 20 {
        Width::Two
    } else {
        Width::One
    }
}

/// A floating field: tag, length, data, in the stream's width.
fn floating(width: Width, tag: u16, data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).unwrap();
    match width {
        Width::One => [
            &[u8::try_from(tag).unwrap(), u8::try_from(len).unwrap()][..],
            data,
        ]
        .concat(),
        Width::Two => [&tag.to_be_bytes()[..], &len.to_be_bytes(), data].concat(),
    }
}

/// What a generated frame is made of.
#[derive(Clone, Debug)]
struct Spec {
    /// Which type: an index into the layouts, or into the §2.1 types without one.
    which: prop::sample::Index,
    with_layout: bool,
    values: Vec<u32>,
    /// Floating fields: (kind, text).
    floats: Vec<(u8, String)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        any::<prop::sample::Index>(),
        prop::bool::weighted(0.8),
        proptest::collection::vec(any::<u32>(), 160),
        proptest::collection::vec((0u8..5, "[ -~]{0,12}"), 0..4),
    )
        .prop_map(|(which, with_layout, values, floats)| Spec {
            which,
            with_layout,
            values,
            floats,
        })
}

/// The bytes of a frame of `spec` for a stream of `version`.
fn frame(spec: &Spec, version: u32) -> Vec<u8> {
    let width = width_of(version);
    let v = u8::try_from(version).unwrap();
    let mut body = Vec::new();
    let type_id = if spec.with_layout {
        let l = &LAYOUTS[spec.which.index(LAYOUTS.len())];
        let variant = l
            .variants
            .iter()
            .find(|x| x.covers(v))
            .unwrap_or(&l.variants[0]);
        for (&(field, wire), &value) in variant.fields.iter().zip(&spec.values) {
            // A stream's OPEN_REQ asks for the version the stream is written in.
            let value = if field == FieldId::VersionNumber {
                version
            } else {
                value
            };
            match wire {
                Wire::U8 => body.push(value.to_be_bytes()[3]),
                Wire::U16 | Wire::Bool => body.extend(&value.to_be_bytes()[2..]),
                Wire::U32 | Wire::I32 | Wire::Time => body.extend(value.to_be_bytes()),
                Wire::Bytes(n) => {
                    body.extend(std::iter::repeat_n(value.to_be_bytes()[3], n.into()));
                }
                other => unreachable!("{other:?}"),
            }
        }
        for (kind, text) in &spec.floats {
            let text = text.trim_matches(char::from(0));
            let data = match kind {
                // ConnectionDeviceID, ANI, CallVariable1: NUL-terminated strings.
                0 => floating(width, 25, &[text.as_bytes(), b"\0"].concat()),
                1 => floating(width, 8, &[text.as_bytes(), b"\0"].concat()),
                2 => floating(width, 13, &[text.as_bytes(), b"\0"].concat()),
                // A NamedVariable (82) and a NamedArray (83) element.
                3 => floating(width, 82, &[b"user.x\0", text.as_bytes(), b"\0"].concat()),
                _ => floating(
                    width,
                    83,
                    &[&[2], &b"user.list\0"[..], text.as_bytes(), b"\0"].concat(),
                ),
            };
            body.extend(data);
        }
        u32::from(l.id)
    } else {
        let bare: Vec<u16> = MESSAGE_TYPES
            .iter()
            .map(|&(id, _)| id)
            .filter(|&id| layout(id).is_none())
            .collect();
        let id = bare[spec.which.index(bare.len())];
        body.extend(
            &spec.values[..spec.values[0] as usize % 40]
                .iter()
                .map(|v| v.to_be_bytes()[0])
                .collect::<Vec<u8>>(),
        );
        u32::from(id)
    };
    let mut out = u32::try_from(body.len()).unwrap().to_be_bytes().to_vec();
    out.extend(type_id.to_be_bytes());
    out.extend(body);
    out
}

/// Garbage no frame can start in: bytes of 0x80 and above, so that any MessageLength read from
/// them is above the 12,500-byte cap. (Zero padding, which can be read as headers of length 0
/// together with the next frame's bytes, has its own tests below.)
fn garbage() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0x80u8..=0xFF, 1..40)
}

/// Decodes `bytes` in chunks cut at `cuts` (sorted offsets).
fn decode_chunked(bytes: &[u8], cuts: &[usize], options: Options) -> Store {
    let mut store = Store::new(Form::Frames);
    let mut decoder = FrameDecoder::new(options);
    let mut at = 0;
    for &cut in cuts.iter().chain([&bytes.len()]) {
        decoder.push(&mut store, &bytes[at..cut]);
        at = cut;
    }
    decoder.finish(&mut store);
    store
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Every frame comes back where it was, in any chunking; each run of garbage is reported
    /// once, as exactly the bytes it is; nothing else is reported.
    #[test]
    fn a_stream_loses_no_frame_and_reports_exactly_its_garbage(
        frames in proptest::collection::vec((spec(), proptest::option::weighted(0.3, garbage())), 1..12),
        version in prop_oneof![Just(13u32), Just(19), Just(20), Just(24), Just(25)],
        cut_at in proptest::collection::vec(any::<prop::sample::Index>(), 0..10),
        given in any::<bool>(),
    ) {
        let mut bytes = Vec::new();
        let mut starts = Vec::new();
        let mut junk = Vec::new();
        let mut after_garbage = false;
        for (spec, garbage) in &frames {
            starts.push((bytes.len() as u64, frame(spec, version)));
            bytes.extend(&starts.last().unwrap().1);
            // A frame without a layout cannot prove itself after garbage but by the frame after
            // it (reference §2.3.6 gives it nothing to parse): no garbage on both its sides.
            let proves_itself = spec.with_layout || !after_garbage;
            after_garbage = garbage.is_some() && proves_itself;
            if let Some(g) = garbage.as_ref().filter(|_| proves_itself) {
                junk.push((bytes.len() as u64, (bytes.len() + g.len()) as u64));
                bytes.extend(g);
            }
        }
        let options = if given {
            Options { width: None, version: Some(version) }
        } else {
            Options { width: Some(width_of(version)), version: None }
        };
        let mut cuts: Vec<usize> = cut_at.iter().map(|i| i.index(bytes.len() + 1)).collect();
        cuts.sort_unstable();
        let store = decode_chunked(&bytes, &cuts, options);
        let found: Vec<(u64, u32)> = store.events().map(|e| (e.offset(), e.length())).collect();
        let want: Vec<(u64, u32)> = starts.iter().map(|(at, f)| (*at, u32::try_from(f.len()).unwrap())).collect();
        prop_assert_eq!(found, want, "bytes {:02x?} cuts {:?} options {:?}", bytes, cuts, options);
        let mut skipped = Vec::new();
        for d in store.diagnostics() {
            let At::Byte(at) = d.at else { unreachable!() };
            match d.code {
                DiagnosticCode::SkippedBytes => {
                    let n: u64 = d.message.split("bytes skipped to the next frame: ").nth(1)
                        .and_then(|m| m.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
                    skipped.push((at, at + n));
                }
                DiagnosticCode::LengthOverMaximum => prop_assert!(junk.iter().any(|(s, _)| *s == at)),
                // Fewer than 8 bytes at the end that could begin a header: a cut frame.
                DiagnosticCode::TruncatedFrame => {
                    prop_assert!(junk.last().is_some_and(|&(s, e)| s == at && e == bytes.len() as u64 && e - s < 8));
                    skipped.push((at, bytes.len() as u64));
                }
                other => prop_assert!(false, "{:?} at {}: {} (bytes {:02x?}, options {:?})", other, at, d.message, bytes, options),
            }
        }
        prop_assert_eq!(skipped, junk);
    }

    /// decode → encode gives the same bytes, from the store and through the JSON a user keeps.
    #[test]
    fn frames_without_diagnostics_encode_back_to_the_same_bytes(
        specs in proptest::collection::vec(spec().prop_filter("a layout", |s| s.with_layout), 1..6),
        version in prop_oneof![Just(13u32), Just(19), Just(20), Just(24)],
    ) {
        let bytes: Vec<u8> = specs.iter().flat_map(|s| frame(s, version)).collect();
        let width = width_of(version);
        let options = Options { width: Some(width), version: Some(version) };
        let (store, framing) = binary::decode(&bytes, options);
        prop_assert!(store.diagnostics().is_empty(), "{:?}", store.diagnostics());
        let direct = encode(&store, width, Some(version));
        prop_assert!(direct.issues.is_empty(), "{:?}", direct.issues);
        prop_assert_eq!(&direct.bytes, &bytes);
        let json = serde_json::to_string(&view::decoded_frames(&store, framing)).unwrap();
        let back = cti_outcome::text::json::events(&json).unwrap();
        let again = encode(&back, width, Some(version));
        prop_assert!(again.issues.is_empty(), "{:?}", again.issues);
        prop_assert_eq!(again.bytes, bytes);
    }
}

/// A stream of one frame of every message type with a layout decodes with no diagnostic, every
/// frame present, in every version and width.
#[test]
fn a_stream_of_every_type_decodes_without_a_diagnostic() {
    for version in [13, 19, 20, 24] {
        let bytes: Vec<u8> = (0..LAYOUTS.len())
            .flat_map(|i| {
                let l = &LAYOUTS[i];
                let v = l
                    .variants
                    .iter()
                    .find(|x| x.covers(u8::try_from(version).unwrap()))
                    .unwrap();
                let mut body = vec![0u8; v.size()];
                body.extend(floating(width_of(version), 25, b"4020\0"));
                let mut f = u32::try_from(body.len()).unwrap().to_be_bytes().to_vec();
                f.extend(u32::from(l.id).to_be_bytes());
                f.extend(body);
                f
            })
            .collect();
        let (store, framing) = binary::decode(
            &bytes,
            Options {
                width: None,
                version: Some(version),
            },
        );
        assert_eq!(store.diagnostics(), &[], "version {version}");
        assert_eq!(store.len(), LAYOUTS.len());
        assert_eq!(framing.width, Some(width_of(version).bytes()));
    }
}

/// Frames (offset, length) and diagnostics (offset, message).
type Found = (Vec<(u64, u32)>, Vec<(u64, String)>);

/// The frames and the diagnostics a decode of `bytes` finds.
fn frames_and_skips(bytes: &[u8]) -> Found {
    let (store, _) = binary::decode(
        bytes,
        Options {
            width: Some(Width::Two),
            version: None,
        },
    );
    let frames = store.events().map(|e| (e.offset(), e.length())).collect();
    let skips = store
        .diagnostics()
        .iter()
        .map(|d| match d.at {
            At::Byte(at) => (at, d.message.clone()),
            At::Text { .. } | At::Packet(_) | At::Row { .. } => unreachable!(),
        })
        .collect();
    (frames, skips)
}

#[test]
fn zero_padding_between_frames_is_skipped_exactly() {
    // The worked example (reference §1.6, 2-byte fields), twice, with 16 zeros between.
    let frame = binary::decode_hex(
        "00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff 0019 0005 3430323000 0021 0005 3430323000",
    )
    .0;
    let bytes = [&frame[..], &[0; 16], &frame].concat();
    let (frames, skips) = frames_and_skips(&bytes);
    assert_eq!(frames, [(0, 48), (64, 48)]);
    assert_eq!(
        skips,
        [(
            48,
            "bytes skipped to the next frame: 16 bytes, 48–63".to_owned()
        )]
    );
}

#[test]
fn zeros_before_a_frame_without_layout_are_not_read_as_a_frame_of_their_own() {
    // Eight zeros, then AGENT_TEAM_CONFIG_REQ (126, no layout) with a 1-byte body: read three
    // bytes early, `00000000 00000100` is a header of type 256 (no layout either), whose chain
    // does not go on; the real frame's does (the input ends with it).
    let bytes = [
        &[0, 0, 0, 0, 0, 0, 0, 0x7e][..],
        &[0; 8],
        &[0, 0, 0, 1, 0, 0, 0, 0x7e, 0x4a],
    ]
    .concat();
    let (frames, skips) = frames_and_skips(&bytes);
    assert_eq!(frames, [(0, 8), (16, 9)]);
    assert_eq!(
        skips,
        [(
            8,
            "bytes skipped to the next frame: 8 bytes, 8–15".to_owned()
        )]
    );
}

#[test]
fn a_frame_without_layout_between_two_runs_of_garbage_is_reported_with_them() {
    // After garbage, a frame proves itself by parsing, or by the chain going on after it; one
    // without a layout, followed by more garbage, can do neither (misaligned fixed parts such as
    // `00000000 00000100` look just like it), so it is not taken for a frame.
    let bytes = [
        &[0, 0, 0, 0, 0, 0, 0, 0x7e][..],
        &[0x80],
        &[0, 0, 0, 0, 0, 0, 0, 0x7e],
        &[0xdb, 0xb5],
        &[0, 0, 0, 0, 0, 0, 0, 0x7e],
    ]
    .concat();
    let (frames, problems) = frames_and_skips(&bytes);
    assert_eq!(frames, [(0, 8), (19, 8)]);
    assert_eq!(
        problems.last().unwrap().1,
        "bytes skipped to the next frame: 11 bytes, 8–18"
    );
}
