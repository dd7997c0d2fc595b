//! The wasm API as JavaScript sees it; included by the browser and the Node suites.

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use cti_outcome::wasm::{
    build_timeline, decode_connres, decode_frames, decode_input, decode_log, encode_events,
    version, JsFrameDecoder, JsTimelineBuilder,
};

const SEED: &str = include_str!("../fixtures/logs/uccx-agent-skips-contact.txt");
const TOLERANCE: &str = include_str!("../fixtures/logs/tolerance.txt");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn error_message(err: wasm_bindgen::JsError) -> String {
    let value: JsValue = err.into();
    let error: &js_sys::Error = value.unchecked_ref();
    error.message().into()
}

/// The object JavaScript receives serialises to exactly the JSON the native tool prints.
#[wasm_bindgen_test]
fn decode_log_gives_plain_objects_equal_to_the_native_json() {
    for text in [SEED, TOLERANCE] {
        let js = decode_log(&JsValue::from_str(text)).unwrap();
        assert!(Array::is_array(&get(&js, "events")));
        let from_js: String = JSON::stringify(&js).unwrap().into();
        let native = serde_json::to_string(&cti_outcome::decode_log(text)).unwrap();
        assert_eq!(from_js, native);
    }
}

#[wasm_bindgen_test]
fn absent_values_are_null_and_optional_keys_absent() {
    let js = decode_log(&JsValue::from_str("MsgType: NO_SUCH_EVENT\n  CSQID: N/A\n")).unwrap();
    let event = Array::from(&get(&js, "events")).get(0);
    assert!(get(&event, "typeId").is_null());
    let field = Array::from(&get(&event, "fields")).get(0);
    assert_eq!(get(&field, "kind").as_string().as_deref(), Some("na"));
    assert!(get(&field, "value").is_null());
    assert!(get(&field, "symbol").is_undefined());
}

#[wasm_bindgen_test]
fn decode_connres_matches_the_source_for_a_code() {
    let js = decode_connres(&JsValue::from(6), &JsValue::from_str("outbound"), None).unwrap();
    assert_eq!(
        get(&js, "label").as_string().as_deref(),
        Some("Called party hangup before agent connected")
    );
    assert_eq!(
        get(&js, "outcome").as_string().as_deref(),
        Some("abandoned")
    );
    assert!(get(&js, "cause").is_undefined());
    let with_cause = decode_connres(
        &JsValue::from(5),
        &JsValue::from_str("inbound"),
        Some(JsValue::from(17)),
    )
    .unwrap();
    assert_eq!(
        get(&get(&with_cause, "cause"), "name")
            .as_string()
            .as_deref(),
        Some("User busy")
    );
    let null_cause = decode_connres(
        &JsValue::from(5),
        &JsValue::from_str("inbound"),
        Some(JsValue::NULL),
    )
    .unwrap();
    assert!(get(&null_cause, "cause").is_undefined());
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_naming_the_argument() {
    let inbound = JsValue::from_str("inbound");
    for (code, direction, cause, needle) in [
        (
            JsValue::from(-1),
            inbound.clone(),
            None,
            "`code` must be a whole number from 0 to 4294967295",
        ),
        (
            JsValue::from(2.5),
            inbound.clone(),
            None,
            "`code` must be a whole number",
        ),
        (JsValue::from(f64::NAN), inbound.clone(), None, "got NaN"),
        (JsValue::from(1e12), inbound.clone(), None, "`code` must be"),
        (
            JsValue::from_str("5"),
            inbound.clone(),
            None,
            "`code` must be a number, got the string \"5\"",
        ),
        (
            JsValue::from(1),
            JsValue::from_str("sideways"),
            None,
            "`direction` must be \"inbound\" or \"outbound\"",
        ),
        (
            JsValue::from(1),
            JsValue::UNDEFINED,
            None,
            "`direction` must be \"inbound\" or \"outbound\", got undefined",
        ),
        (
            JsValue::from(5),
            inbound.clone(),
            Some(JsValue::from(128)),
            "`cause` must be a whole number from 0 to 127",
        ),
    ] {
        let err = decode_connres(&code, &direction, cause).unwrap_err();
        let message = error_message(err);
        assert!(message.contains(needle), "{message}");
    }
    let err = decode_log(&JsValue::from(42)).unwrap_err();
    assert_eq!(
        error_message(err),
        "`text` must be a string, got a value of type number"
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// `buildTimeline` takes what `decodeLog` returned (or its `events`) and gives the native JSON.
#[wasm_bindgen_test]
fn build_timeline_from_decoded_events_equals_the_native_timeline() {
    let decoded = decode_log(&JsValue::from_str(SEED)).unwrap();
    let native = cti_outcome::build_timeline(&cti_outcome::decode_log(SEED).events);
    let native = serde_json::to_string(&native).unwrap();
    for input in [decoded.clone(), get(&decoded, "events")] {
        let js = build_timeline(input).unwrap();
        let from_js: String = JSON::stringify(&js).unwrap().into();
        assert_eq!(from_js, native);
    }
    let js = build_timeline(decoded).unwrap();
    let call = Array::from(&get(&js, "calls")).get(1);
    let outcome = get(&call, "outcome");
    assert_eq!(
        get(&outcome, "kind").as_string().as_deref(),
        Some("skipped")
    );
}

/// The builder fed in two batches gives the same snapshot as one build.
#[wasm_bindgen_test]
fn timeline_builder_snapshots_equal_the_whole_build() {
    let events = Array::from(&get(
        &decode_log(&JsValue::from_str(SEED)).unwrap(),
        "events",
    ));
    let mut builder = JsTimelineBuilder::new();
    builder.push(events.slice(0, 3).into()).unwrap();
    builder
        .push(events.slice(3, events.length()).into())
        .unwrap();
    assert_eq!(builder.length(), events.length());
    let whole = build_timeline(events.into()).unwrap();
    let snapshot = builder.snapshot().unwrap();
    assert_eq!(
        String::from(JSON::stringify(&snapshot).unwrap()),
        String::from(JSON::stringify(&whole).unwrap())
    );
    let err = builder.push(JsValue::from_str("not events")).unwrap_err();
    assert!(error_message(err).contains("`events` must be"));
}

/// Reference §1.6, 2-byte variant.
const EXAMPLE: &str = "00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff 0019 0005 3430323000 0021 0005 3430323000";

fn example_bytes() -> Vec<u8> {
    cti_outcome::binary::decode_hex(EXAMPLE).0
}

/// Bytes, hex and text all decode in JavaScript as natively; the encoder gives the bytes back.
#[wasm_bindgen_test]
fn binary_input_encoder_and_streaming_match_the_native_results() {
    let bytes = example_bytes();
    let js = decode_frames(&js_sys::Uint8Array::from(&bytes[..]).into(), None).unwrap();
    let native =
        cti_outcome::binary::decode_frames(&bytes, cti_outcome::binary::Options::default());
    assert_eq!(
        String::from(JSON::stringify(&js).unwrap()),
        serde_json::to_string(&native).unwrap()
    );
    let hex = decode_input(&JsValue::from_str(EXAMPLE), None).unwrap();
    assert_eq!(get(&hex, "format").as_string().as_deref(), Some("hex"));
    assert_eq!(Array::from(&get(&hex, "events")).length(), 1);

    let events = get(&js, "events");
    let options = js_sys::Object::new();
    Reflect::set(&options, &"width".into(), &JsValue::from(2)).unwrap();
    let encoded = encode_events(events, Some(options.clone().into())).unwrap();
    assert_eq!(encoded.to_vec(), bytes);

    let mut decoder = JsFrameDecoder::new(Some(options.into())).unwrap();
    let first = decoder
        .push(&js_sys::Uint8Array::from(&bytes[..5]).into())
        .unwrap();
    assert_eq!(
        Array::from(&get(&first, "events")).length(),
        0,
        "a cut frame waits"
    );
    let rest = decoder
        .push(&js_sys::Uint8Array::from(&bytes[5..]).into())
        .unwrap();
    assert_eq!(Array::from(&get(&rest, "events")).length(), 1);
    let end = decoder.finish().unwrap();
    assert_eq!(Array::from(&get(&end, "diagnostics")).length(), 0);

    let bad = js_sys::Object::new();
    Reflect::set(&bad, &"width".into(), &JsValue::from(3)).unwrap();
    let err = decode_frames(
        &js_sys::Uint8Array::new_with_length(0).into(),
        Some(bad.into()),
    )
    .unwrap_err();
    assert!(error_message(err).contains("`width` must be 1 or 2"));
    let err = decode_frames(&JsValue::from_str("00"), None).unwrap_err();
    assert!(error_message(err).contains("`bytes` must be a Uint8Array"));
}
