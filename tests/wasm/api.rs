//! The wasm boundary as JavaScript sees it; included by the browser and the Node suites. (The
//! package's own JavaScript over it is tested by `tests/e2e/package.mjs`.)

use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use cti_outcome::wasm::{
    decode_connres, decode_records, encode_packed, log_of_events, read_capture, version,
    wasm_memory_bytes, CtiLog, RecordLog,
};

const SEED: &str = include_str!("../../src/generate/flows/uccx-agent-skips-contact.txt");
const TRANSFER: &str = include_str!("../../src/generate/flows/consult-transfer.txt");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (key, value) in pairs {
        Reflect::set(&o, &JsValue::from_str(key), value).unwrap();
    }
    o.into()
}

/// A thrown error's message, after checking its details: an `Error` with a `code`, and an
/// `argument` naming what the message names first (`` `width` must be … ``).
fn error_message(value: JsValue) -> String {
    assert!(
        value.is_instance_of::<js_sys::Error>(),
        "an Error is thrown"
    );
    let error: &js_sys::Error = value.unchecked_ref();
    let message: String = error.message().into();
    let property = |name: &str| {
        js_sys::Reflect::get(&value, &name.into())
            .unwrap()
            .as_string()
    };
    let code = property("code").expect("the error has a code");
    assert!(
        ["bad-argument", "no-such-call", "cannot-encode"].contains(&code.as_str()),
        "{code}"
    );
    if let Some(named) = message.strip_prefix('`').and_then(|m| m.split('`').next()) {
        assert_eq!(property("argument").as_deref(), Some(named), "{message}");
        assert_eq!(code, "bad-argument", "{message}");
    }
    message
}

fn json(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().into()
}

fn opened(text: &str) -> CtiLog {
    let mut log = CtiLog::new(None).unwrap();
    log.push(&JsValue::from_str(text)).unwrap();
    log.finish();
    log
}

/// The whole timeline JavaScript receives is exactly the JSON the native tool prints.
#[wasm_bindgen_test]
fn a_log_gives_the_native_timeline_and_calls() {
    for text in [SEED, TRANSFER] {
        let mut log = opened(text);
        let mut store = cti_outcome::text::decode(text.as_bytes());
        let timeline = cti_outcome::timeline::build(&mut store);
        let native = cti_outcome::view::timeline::timeline(&store, &timeline);
        assert_eq!(log.call_count() as usize, native.calls.len());
        assert_eq!(
            json(&log.agents()),
            serde_json::to_string(&native.agents).unwrap()
        );
        for (i, call) in native.calls.iter().enumerate() {
            let i = u32::try_from(i).unwrap();
            assert_eq!(
                json(&log.call(i).unwrap()),
                serde_json::to_string(call).unwrap()
            );
        }
        let summary = log.summary();
        assert_eq!(get(&summary, "format").as_string().as_deref(), Some("text"));
        assert_eq!(
            get(&summary, "callCount").as_f64(),
            Some(native.calls.len() as f64)
        );
    }
}

#[wasm_bindgen_test]
fn columns_are_typed_arrays_with_a_string_table() {
    let mut log = opened(TRANSFER);
    let calls = log.call_columns();
    assert!(get(&calls, "key").is_instance_of::<js_sys::Uint32Array>());
    assert!(get(&calls, "startMs").is_instance_of::<js_sys::Float64Array>());
    assert!(get(&calls, "strings").is_string());
    let keys = js_sys::Uint32Array::from(get(&calls, "key"));
    assert_eq!(keys.length(), 2);
    let events = log.event_columns(0, 3);
    assert_eq!(get(&events, "form").as_string().as_deref(), Some("text"));
    assert_eq!(
        js_sys::Uint32Array::from(get(&events, "fieldEnd")).length(),
        3
    );
    let far = log.event_columns(100, 200);
    assert_eq!(
        js_sys::Uint32Array::from(get(&far, "fieldEnd")).length(),
        0,
        "clamped"
    );
}

#[wasm_bindgen_test]
fn search_agents_and_line_starts() {
    let log = opened(TRANSFER);
    assert_eq!(log.search_calls("consult").to_vec(), [1]);
    assert_eq!(log.search_calls("").to_vec(), [0, 1]);
    assert!(Array::is_array(&log.agents_of(0).unwrap()));
    let start = Array::from(&log.line_start(5));
    assert_eq!(
        (start.get(0).as_f64(), start.get(1).as_f64()),
        (Some(1.0), Some(0.0))
    );
    let missing = log.call(99).unwrap_err();
    assert!(error_message(missing.clone()).starts_with("no call 99"));
    let code = js_sys::Reflect::get(&missing, &"code".into()).unwrap();
    assert_eq!(code.as_string().as_deref(), Some("no-such-call"));
    assert!(wasm_memory_bytes() > 0.0);
}

#[wasm_bindgen_test]
fn a_log_fed_in_chunks_equals_one_fed_whole() {
    let mut chunked = CtiLog::new(None).unwrap();
    for piece in SEED.as_bytes().chunks(37) {
        chunked.push(&Uint8Array::from(piece).into()).unwrap();
    }
    chunked.finish();
    let mut whole = opened(SEED);
    assert_eq!(chunked.call_count(), whole.call_count());
    for i in 0..whole.call_count() {
        assert_eq!(
            json(&chunked.call(i).unwrap()),
            json(&whole.call(i).unwrap())
        );
    }
    assert_eq!(chunked.length(), whole.length());
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
    let busy = decode_connres(
        &JsValue::from(5),
        &JsValue::from_str("inbound"),
        Some(JsValue::from(17)),
    )
    .unwrap();
    assert_eq!(
        get(&get(&busy, "cause"), "name").as_string().as_deref(),
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
        (JsValue::from(2.5), inbound.clone(), None, "got 2.5"),
        (JsValue::from(f64::NAN), inbound.clone(), None, "got NaN"),
        (JsValue::from(1e21), inbound.clone(), None, "got 1e+21"),
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
            "`direction` must be \"inbound\" or \"outbound\", got \"sideways\"",
        ),
        (JsValue::from(1), JsValue::UNDEFINED, None, "got undefined"),
        (
            JsValue::from(5),
            inbound.clone(),
            Some(JsValue::from(128)),
            "`cause` must be a whole number from 0 to 127",
        ),
    ] {
        let message = error_message(decode_connres(&code, &direction, cause).unwrap_err());
        assert!(message.contains(needle), "{message}");
    }
    let wrong =
        |pairs: &[(&str, JsValue)]| error_message(CtiLog::new(Some(options(pairs))).err().unwrap());
    assert!(wrong(&[("width", JsValue::from(3))]).contains("`width` must be 1 or 2, got 3"));
    assert!(wrong(&[("calls", JsValue::from_str("no"))])
        .contains("`calls` must be true or false, got the string \"no\""));
    assert!(wrong(&[("format", JsValue::from_str("xml"))]).contains("`format` must be"));
    assert!(wrong(&[("version", JsValue::from(1.5))]).contains("`version` must be"));
    let mut log = CtiLog::new(None).unwrap();
    let message = error_message(log.push(&JsValue::from(42)).unwrap_err());
    assert!(
        message.contains("`chunk` must be a string or a Uint8Array"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// Reference §1.6, 2-byte variant.
const EXAMPLE: &str = "00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff 0019 0005 3430323000 0021 0005 3430323000";

/// Frames, hex and the encoder: bytes in, the same bytes out.
#[wasm_bindgen_test]
fn frames_decode_and_encode_back_to_the_same_bytes() {
    let bytes = cti_outcome::binary::decode_hex(EXAMPLE).0;
    let mut log = CtiLog::new(Some(options(&[("format", "binary".into())]))).unwrap();
    log.push(&Uint8Array::from(&bytes[..5]).into()).unwrap();
    assert_eq!(log.length(), 0, "a cut frame waits");
    log.push(&Uint8Array::from(&bytes[5..]).into()).unwrap();
    log.finish();
    assert_eq!(log.length(), 1);
    let summary = log.summary();
    assert_eq!(get(&get(&summary, "framing"), "width").as_f64(), Some(2.0));
    assert_eq!(Array::from(&get(&summary, "diagnostics")).length(), 0);

    let mut hex = opened(EXAMPLE);
    assert_eq!(
        get(&hex.summary(), "format").as_string().as_deref(),
        Some("hex")
    );

    // The package packs JavaScript events into strings and numbers; here, the seed's END_CALL.
    let strings = "END_CALL_EVENTConnectionCallID16777507";
    let ends = [14, -1, -1, 30, -1, 38];
    let shape = [1, 24, 1, 2, 0, -1, -1];
    let encoded = encode_packed(
        strings,
        &ends,
        &shape,
        Some(options(&[("width", 1.into())])),
    )
    .unwrap();
    let mut back = CtiLog::new(Some(options(&[
        ("format", "binary".into()),
        ("width", 1.into()),
    ])))
    .unwrap();
    back.push(&encoded.into()).unwrap();
    back.finish();
    assert_eq!(back.length(), 1);
    let from_events = log_of_events(strings, &ends, &shape).unwrap();
    assert_eq!(from_events.length(), 1);
}

const RECORDS: &str = include_str!("../fixtures/records/calls.csv");

#[wasm_bindgen_test]
fn an_export_decodes_to_calls_with_legs_as_a_string_or_bytes() {
    let from_text = decode_records(JsValue::from_str(RECORDS), None, None).unwrap();
    let from_bytes =
        decode_records(Uint8Array::from(RECORDS.as_bytes()).into(), None, None).unwrap();
    assert_eq!(
        JSON::stringify(&from_text).unwrap(),
        JSON::stringify(&from_bytes).unwrap()
    );
    let calls: Array = get(&from_text, "calls").unchecked_into();
    assert_eq!(calls.length(), 11);
    let first = calls.get(0);
    assert_eq!(get(&get(&first, "outcome"), "kind"), "answered");
    let columns = options(&[(
        "columns",
        options(&[("connres", JsValue::from_str("Outcome"))]),
    )]);
    let mapped = decode_records(JsValue::from_str(RECORDS), Some(columns), None).unwrap();
    let diagnostics: Array = get(&mapped, "diagnostics").unchecked_into();
    assert_eq!(get(&diagnostics.get(0), "code"), "unknown-column");
    let bad = options(&[("columns", options(&[("result", JsValue::from_str("x"))]))]);
    let message =
        error_message(decode_records(JsValue::from_str(RECORDS), Some(bad), None).unwrap_err());
    // The object given, as JSON, shows the key that is no role.
    assert!(message.contains(r#"got {"result":"x"}"#), "{message}");
    let wrong = error_message(decode_records(JsValue::from(5), None, None).unwrap_err());
    assert!(wrong.contains("a string or a Uint8Array"), "{wrong}");
}

const CCD: &str = include_str!("../fixtures/records/cisco/ccd-informix.csv");
const CQD: &str = include_str!("../fixtures/records/cisco/cqd-informix.csv");

#[wasm_bindgen_test]
fn a_contact_call_detail_export_joins_its_queue_detail_in_either_order() {
    let text = JsValue::from_str;
    let joined = decode_records(text(CCD), None, Some(text(CQD))).unwrap();
    let swapped = decode_records(text(CQD), None, Some(text(CCD))).unwrap();
    assert_eq!(
        JSON::stringify(&joined).unwrap(),
        JSON::stringify(&swapped).unwrap()
    );
    assert_eq!(get(&joined, "family"), "uccx-ccd");
    let calls: Array = get(&joined, "calls").unchecked_into();
    let abandoned = get(&calls.get(3), "outcome");
    assert_eq!(
        (get(&abandoned, "kind"), get(&abandoned, "rule")),
        (text("abandoned"), text("queue-detail"))
    );
    let wrong = error_message(decode_records(text(CCD), None, Some(JsValue::from(5))).unwrap_err());
    assert!(wrong.contains("queueDetail"), "{wrong}");
}

#[wasm_bindgen_test]
fn a_record_log_lists_calls_as_columns_and_answers_for_one() {
    let log = RecordLog::new(JsValue::from_str(RECORDS), None, None).unwrap();
    let head = log.head();
    assert_eq!(get(&head, "rows"), 13);
    let columns = log.call_columns();
    let keys: js_sys::Uint32Array = get(&columns, "key").unchecked_into();
    assert_eq!(keys.length(), 11);
    assert_eq!(log.search_calls("1007").to_vec(), vec![6]);
    let call = log.call(10).unwrap();
    assert_eq!(get(&call, "key"), "row 14");
    assert!(log.call(11).is_err());
}

#[wasm_bindgen_test]
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // offsets into a small capture
fn a_capture_reads_down_to_frames_that_decode_to_its_calls() {
    let bytes = include_bytes!("../fixtures/captures/consult-transfer.pcapng");
    let capture = read_capture(bytes, None).unwrap();
    assert_eq!(get(&capture, "format"), "pcapng");
    let frames: Uint8Array = get(&capture, "frames").unchecked_into();
    // Exactly the frames the recorded session sent (tests/capture.rs checks the file against the
    // encoder's output for the same events).
    let sent = include_bytes!("../fixtures/captures/consult-transfer.frames");
    let rows: js_sys::Float64Array = get(&capture, "rows").unchecked_into();
    assert_eq!(rows.length() % 7, 0);
    // Rows are in time order, each (at, len, …) into the frames.
    let (all, numbers) = (frames.to_vec(), rows.to_vec());
    let in_time_order: Vec<u8> = numbers
        .chunks(7)
        .flat_map(|r| all[r[0] as usize..(r[0] + r[1]) as usize].iter().copied())
        .collect();
    assert_eq!(in_time_order, sent.to_vec());
    let mut log = cti_outcome::wasm::log_of_frames(&frames.to_vec(), &rows.to_vec()).unwrap();
    let keys: js_sys::Uint32Array = get(&log.call_columns(), "key").unchecked_into();
    assert_eq!(keys.length(), 2);
    let not_a_capture = read_capture(b"MsgType: X\n", None).unwrap();
    let diagnostics: Array = get(&not_a_capture, "diagnostics").unchecked_into();
    assert_eq!(get(&diagnostics.get(0), "code"), "capture-broken");
}
