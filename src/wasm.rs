//! The wasm boundary: the only module that knows about wasm-bindgen and js-sys.
//!
//! Every function returns plain JavaScript objects, converted in one place (`to_js`): the core's
//! own `Serialize` shapes are written to JSON once in wasm and built into objects by the engine's
//! `JSON.parse`. Events coming back from JavaScript take the reverse path (`events_from`).
//! Arguments are taken as `JsValue` and checked here, so that a wrong type is a thrown `Error`
//! naming the argument, not a silent coercion. TypeScript types for every shape are in
//! `wasm.d.ts`, appended to the generated declarations. The three classes (`FrameDecoder`,
//! `TimelineBuilder`, `CtiLog`) hold state by nature; wasm-bindgen registers them with a
//! `FinalizationRegistry`, so `free()` is optional.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const _: &str = include_str!("wasm.d.ts");

/// Decodes a CONNRES end-of-call code for a call direction, with an optional Q.850 cause.
///
/// # Errors
/// Throws an `Error` naming the argument for a code that is not a whole number from 0 to
/// 4294967295, a direction other than `"inbound"`/`"outbound"`, or a cause outside 0–127.
#[wasm_bindgen(js_name = decodeConnres, unchecked_return_type = "Connres")]
pub fn decode_connres(
    #[wasm_bindgen(unchecked_param_type = "number")] code: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Direction")] direction: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | null")] cause: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let code = number("code", code)?;
    let direction = direction
        .as_string()
        .ok_or_else(|| wrong_type("direction", "\"inbound\" or \"outbound\"", direction))?;
    let cause = match cause {
        Some(c) if !c.is_null() && !c.is_undefined() => Some(number("cause", &c)?),
        _ => None,
    };
    let decoded = crate::decode_connres_checked(code, &direction, cause)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&decoded)
}

/// Decodes a CTI text dump into `{ events, notes, diagnostics }`.
///
/// # Errors
/// Never for malformed input (that is reported in `diagnostics`); throws only if `text` is not
/// a string.
#[wasm_bindgen(js_name = decodeLog, unchecked_return_type = "DecodedLog")]
pub fn decode_log(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<JsValue, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| wrong_type("text", "a string", text))?;
    to_js(&crate::decode_log(&text))
}

/// Decodes GED-188 frames: `{ events, notes: [], diagnostics, framing }`.
///
/// # Errors
/// Throws only for arguments of the wrong type (`bytes` not a `Uint8Array`, a `width` other
/// than 1 or 2); malformed frames are reported in `diagnostics`.
#[wasm_bindgen(js_name = decodeFrames, unchecked_return_type = "DecodedLog")]
pub fn decode_frames(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "FrameOptions | undefined")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let bytes = bytes_from("bytes", bytes)?;
    to_js(&crate::binary::decode_frames(
        &bytes,
        frame_options(options)?,
    ))
}

/// Decodes any input form: a string (text dump or hex dump) or bytes (binary frames, or the
/// bytes of a text or hex file). The form is detected unless `options.format` names it; the
/// result says which in `format`.
///
/// # Errors
/// Throws only for arguments of the wrong type.
#[wasm_bindgen(js_name = decodeInput, unchecked_return_type = "DecodedInput")]
pub fn decode_input(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "InputOptions | undefined")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let bytes = input_bytes("input", input)?;
    let format = input_format(options.as_ref())?;
    let (format, decoded) = crate::input::decode_input(&bytes, format, frame_options(options)?);
    to_js(&DecodedInput { format, decoded })
}

/// Decodes a whole log (text, hex or frames) into a `CtiLog` that keeps it: `summary()` gives
/// the calls, notes and diagnostics, `events(start, end)` a page of events. For large logs this
/// is the fast path: only what is asked for becomes JavaScript objects.
///
/// # Errors
/// Throws only for arguments of the wrong type.
#[wasm_bindgen(js_name = openLog)]
pub fn open_log(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "InputOptions | undefined")] options: Option<JsValue>,
) -> Result<CtiLog, JsError> {
    let mut log = CtiLog::new(options)?;
    log.push(input)?;
    log.finish();
    Ok(log)
}

/// A log decoded in wasm memory, fed whole (`openLog`) or in chunks (`push`, then `finish`).
/// Its memory is released when it is garbage-collected, or at once with `free()`.
#[wasm_bindgen]
pub struct CtiLog(crate::store::LogStore);

#[wasm_bindgen]
impl CtiLog {
    /// An empty log; `options.format` names the input form (detected from the first chunk
    /// otherwise) and `options.width` the frames' field-header width.
    ///
    /// # Errors
    /// Throws for options of the wrong type.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "InputOptions | undefined")] options: Option<JsValue>,
    ) -> Result<CtiLog, JsError> {
        let format = input_format(options.as_ref())?;
        Ok(CtiLog(crate::store::LogStore::new(
            format,
            frame_options(options)?,
        )))
    }

    /// Decodes what the chunk completes (text up to its last `MsgType:` line, frames up to the
    /// last whole frame); the rest waits for the next chunk or `finish()`.
    ///
    /// # Errors
    /// Throws if `chunk` is neither a string nor a `Uint8Array`.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] chunk: &JsValue,
    ) -> Result<(), JsError> {
        self.0.push(&input_bytes("chunk", chunk)?);
        Ok(())
    }

    /// Ends the input: what is pending is decoded.
    pub fn finish(&mut self) {
        self.0.finish();
    }

    /// Everything but the events: `{ format, framing?, eventCount, finished, notes, diagnostics,
    /// timeline }`. The timeline's event indices are positions for `events()`.
    ///
    /// # Errors
    /// Only if the result cannot be converted to JavaScript values.
    #[wasm_bindgen(unchecked_return_type = "LogSummary")]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.summary())
    }

    /// Events `start` to `end` (exclusive; clamped to what there is).
    ///
    /// # Errors
    /// Only if the result cannot be converted to JavaScript values.
    #[wasm_bindgen(unchecked_return_type = "CtiEvent[]")]
    pub fn events(&self, start: u32, end: u32) -> Result<JsValue, JsError> {
        to_js(&self.0.events(start as usize, end as usize))
    }

    /// Number of events decoded so far.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> u32 {
        u32::try_from(self.0.len()).unwrap_or(u32::MAX)
    }
}

#[derive(serde::Serialize)]
struct DecodedInput {
    format: crate::input::Format,
    #[serde(flatten)]
    decoded: crate::Decoded,
}

/// Encodes events (what `decodeLog` or `decodeFrames` returns, or hand-written ones) as
/// GED-188 frames.
///
/// # Errors
/// Throws an `Error` listing every field that has no wire form (a symbol with no documented
/// number, a name with no tag), or for arguments of the wrong type.
#[wasm_bindgen(js_name = encodeEvents)]
pub fn encode_events(
    #[wasm_bindgen(unchecked_param_type = "readonly CtiEvent[] | DecodedLog")] events: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FrameOptions | undefined")] options: Option<JsValue>,
) -> Result<js_sys::Uint8Array, JsError> {
    let width = frame_options(options)?
        .width
        .unwrap_or(crate::binary::Width::Two);
    let encoded = crate::binary::encode_events(&events_from(events)?, width);
    if !encoded.issues.is_empty() {
        let list: Vec<String> = encoded
            .issues
            .iter()
            .map(|i| match &i.field {
                Some(f) => format!("event {} {f}: {}", i.event, i.message),
                None => format!("event {}: {}", i.event, i.message),
            })
            .collect();
        return Err(JsError::new(&format!("cannot encode: {}", list.join("; "))));
    }
    Ok(js_sys::Uint8Array::from(&encoded.bytes[..]))
}

/// Decodes a GED-188 byte stream fed in chunks of any size (a live feed). Its memory is
/// released when the object is garbage-collected (or at once with `free()`).
#[wasm_bindgen(js_name = FrameDecoder)]
pub struct JsFrameDecoder(crate::binary::FrameDecoder);

#[wasm_bindgen(js_class = FrameDecoder)]
impl JsFrameDecoder {
    /// A decoder; `options.width` fixes the floating-field width, otherwise it is learned.
    ///
    /// # Errors
    /// Throws for a `width` other than 1 or 2.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "FrameOptions | undefined")] options: Option<JsValue>,
    ) -> Result<JsFrameDecoder, JsError> {
        Ok(JsFrameDecoder(crate::binary::FrameDecoder::new(
            frame_options(options)?,
        )))
    }

    /// Takes the next chunk; returns the events of the frames it completed. A frame cut short
    /// waits for the next chunk.
    ///
    /// # Errors
    /// Throws if `chunk` is not a `Uint8Array`.
    #[wasm_bindgen(unchecked_return_type = "DecodedLog")]
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] chunk: &JsValue,
    ) -> Result<JsValue, JsError> {
        let chunk = bytes_from("chunk", chunk)?;
        let mut out = self.0.push(&chunk);
        out.framing = Some(self.0.framing());
        to_js(&out)
    }

    /// Ends the stream: what is left is reported (a truncated frame).
    ///
    /// # Errors
    /// Only if the result cannot be converted to JavaScript values.
    #[wasm_bindgen(unchecked_return_type = "DecodedLog")]
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let mut out = self.0.finish();
        out.framing = Some(self.0.framing());
        to_js(&out)
    }
}

/// Groups events into calls and agents: `{ calls, agents }`.
///
/// # Errors
/// Throws an `Error` if `events` is neither an array of events nor an object with an `events`
/// array (such as what `decodeLog` returns), or if an event lacks its `type`.
#[wasm_bindgen(js_name = buildTimeline, unchecked_return_type = "Timeline")]
pub fn build_timeline(
    #[wasm_bindgen(unchecked_param_type = "readonly CtiEvent[] | DecodedLog")] events: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&crate::build_timeline(&events_from(events)?))
}

/// Builds a timeline from events fed in batches, for live feeds. Its memory is released when the
/// object is garbage-collected (or at once with `free()`).
#[wasm_bindgen(js_name = TimelineBuilder)]
#[derive(Default)]
pub struct JsTimelineBuilder(crate::TimelineBuilder);

#[wasm_bindgen(js_class = TimelineBuilder)]
impl JsTimelineBuilder {
    /// An empty builder.
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes in the next events, in order (an array of events, or a `decodeLog` result).
    ///
    /// # Errors
    /// As `buildTimeline`; nothing is taken in when it throws.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "readonly CtiEvent[] | DecodedLog")] events: JsValue,
    ) -> Result<(), JsError> {
        self.0.push(&events_from(events)?);
        Ok(())
    }

    /// The timeline of every event pushed so far.
    ///
    /// # Errors
    /// Only if the result cannot be converted to JavaScript values.
    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.snapshot())
    }

    /// Number of events pushed so far (event indices in the timeline count from 0 across every
    /// `push`).
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> u32 {
        self.0.len()
    }
}

/// The library's version.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A string's UTF-8 bytes, or a `Uint8Array`'s.
fn input_bytes(argument: &str, value: &JsValue) -> Result<Vec<u8>, JsError> {
    match value.as_string() {
        Some(text) => Ok(text.into_bytes()),
        None => bytes_from(argument, value),
    }
}

/// `options.format`: `None` for absent or `"auto"`.
fn input_format(options: Option<&JsValue>) -> Result<Option<crate::input::Format>, JsError> {
    let Some(f) = options.map(|o| get(o, "format")) else {
        return Ok(None);
    };
    if f.is_undefined() || f.is_null() || f.as_string().as_deref() == Some("auto") {
        return Ok(None);
    }
    f.as_string()
        .as_deref()
        .and_then(crate::input::Format::parse)
        .map(Some)
        .ok_or_else(|| wrong_type("format", "\"auto\", \"text\", \"binary\" or \"hex\"", &f))
}

fn bytes_from(argument: &str, value: &JsValue) -> Result<Vec<u8>, JsError> {
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .ok_or_else(|| wrong_type(argument, "a Uint8Array", value))
}

fn frame_options(options: Option<JsValue>) -> Result<crate::binary::Options, JsError> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(crate::binary::Options::default());
    };
    let width = get(&options, "width");
    if width.is_undefined() || width.is_null() {
        return Ok(crate::binary::Options::default());
    }
    let w = match width.as_f64() {
        Some(w) if (w - 1.0).abs() < f64::EPSILON => crate::binary::Width::One,
        Some(w) if (w - 2.0).abs() < f64::EPSILON => crate::binary::Width::Two,
        _ => return Err(wrong_type("width", "1 or 2", &width)),
    };
    Ok(crate::binary::Options { width: Some(w) })
}

/// Events from an array of event objects or from an object with an `events` array.
fn events_from(value: JsValue) -> Result<Vec<crate::Event>, JsError> {
    let array = if js_sys::Array::is_array(&value) {
        value
    } else if value.is_object() {
        get(&value, "events")
    } else {
        return Err(wrong_type(
            "events",
            "an array of events or a decodeLog result",
            &value,
        ));
    };
    if !js_sys::Array::is_array(&array) {
        return Err(wrong_type(
            "events",
            "an array of events or a decodeLog result",
            &array,
        ));
    }
    let json = js_sys::JSON::stringify(&array)
        .map_err(|_| JsError::new("`events` cannot be written as JSON"))?;
    serde_json::from_str(&String::from(json)).map_err(|e| {
        JsError::new(&format!(
            "`events` must hold events shaped like decodeLog's: {e}"
        ))
    })
}

/// The one conversion from a core value to a plain JavaScript value: serialised to JSON in
/// wasm and parsed by the engine's `JSON.parse`, which builds objects far faster than one
/// boundary call per field and value would.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the result is not valid JSON"))
}

fn number(argument: &str, value: &JsValue) -> Result<f64, JsError> {
    value
        .as_f64()
        .ok_or_else(|| wrong_type(argument, "a number", value))
}

fn wrong_type(argument: &str, expected: &str, got: &JsValue) -> JsError {
    let got = match got.as_string() {
        Some(s) => format!("the string {s:?}"),
        None if got.is_undefined() => "undefined".to_owned(),
        None if got.is_null() => "null".to_owned(),
        None => format!(
            "a value of type {}",
            got.js_typeof().as_string().unwrap_or_default()
        ),
    };
    JsError::new(&format!("`{argument}` must be {expected}, got {got}"))
}
