//! The wasm boundary: the only module that knows about wasm-bindgen and js-sys.
//!
//! Every function returns plain JavaScript objects (no handles to free), serialised once from the
//! core's own `Serialize` shapes with `json_compatible()` so `Option::None` becomes `null` and
//! maps become objects. Arguments are taken as `JsValue` and checked here, so that a wrong type
//! is a thrown `Error` naming the argument, not a silent coercion. TypeScript types for every
//! shape are in `wasm.d.ts`, appended to the generated declarations. The one class,
//! `TimelineBuilder`, holds state across calls by nature; wasm-bindgen registers it with a
//! `FinalizationRegistry`, so `free()` is optional.

use serde::Serialize;
use wasm_bindgen::prelude::*;

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

/// Events from an array of event objects or from an object with an `events` array.
fn events_from(value: JsValue) -> Result<Vec<crate::Event>, JsError> {
    let array = if js_sys::Array::is_array(&value) {
        value
    } else if value.is_object() {
        js_sys::Reflect::get(&value, &JsValue::from_str("events"))
            .map_err(|_| JsError::new("`events` could not be read"))?
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
    serde_wasm_bindgen::from_value(array).map_err(|e| {
        JsError::new(&format!(
            "`events` must hold events shaped like decodeLog's: {e}"
        ))
    })
}

/// The one conversion from a core value to a plain JavaScript value.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
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
