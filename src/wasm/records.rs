//! The `cti-outcome/records` entry's exports (feature `wasm-records`): CONNRES codes one at a
//! time, and call-record exports read into calls with legs and outcomes. A module of its own:
//! the CONNRES and Q.850 tables and the CSV reader are about 5 KB gzipped that a page reading
//! CTI logs never needs, and the main module stays within its size budget.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{columns, thrown, to_js, wrong_type};

use crate::codes::connres::{self, Direction};
use crate::error::ErrorCode;
use crate::records::{self, RecordOptions, Records};
use crate::view::{record_columns, records as view};

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
) -> Result<JsValue, JsValue> {
    // Numbers are written as JavaScript writes them (`2.5`, `1e+21`, `-1`).
    let refused = |e: crate::ArgumentError| {
        let message = e.message(|n| {
            String::from(
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .unwrap_or_default(),
            )
        });
        thrown(ErrorCode::BadArgument, Some(e.argument), &message)
    };
    let code = connres::code_from_f64(number("code", code)?).map_err(refused)?;
    let direction = direction
        .as_string()
        .ok_or_else(|| wrong_type("direction", connres::DIRECTION_EXPECTED, direction))?;
    let direction = Direction::parse(&direction).map_err(refused)?;
    let cause = match cause {
        Some(c) if !c.is_null() && !c.is_undefined() => {
            Some(connres::cause_from_f64(number("cause", &c)?).map_err(refused)?)
        }
        _ => None,
    };
    Ok(to_js(&connres::decode(code, direction, cause)))
}

/// Reads a call-record export (CSV, semicolon- or tab-separated, with a header row) into its
/// calls: jtel's statistics (every leg's CONNRES decoded), UCCE Termination_Call_Detail or
/// Unified CCX ContactCallDetail (each leg's disposition explained), each call's outcome with
/// its evidence. `queueDetail` is a UCCX ContactQueueDetail export joined to a ContactCallDetail
/// one (either may come first).
///
/// # Errors
/// Throws for an input that is neither a string nor bytes, or options of the wrong type. What
/// is wrong inside the export is in the result's `diagnostics`.
#[wasm_bindgen(js_name = decodeRecords, unchecked_return_type = "DecodedRecords")]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes JS values by value
pub fn decode_records(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RecordOptions | undefined")] options: Option<JsValue>,
    #[wasm_bindgen(js_name = queueDetail, unchecked_param_type = "string | Uint8Array | undefined")]
    queue_detail: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let records = read(&input, options.as_ref(), queue_detail.as_ref())?;
    Ok(to_js(&view::decoded_records(&records)))
}

/// An export kept in the module, for a page that lists many calls: the call list as columns,
/// one call in full on request.
#[wasm_bindgen]
pub struct RecordLog {
    records: Records,
}

#[wasm_bindgen]
impl RecordLog {
    /// Reads an export, as `decodeRecords` does.
    ///
    /// # Errors
    /// As `decodeRecords`.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes JS values by value
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RecordOptions | undefined")] options: Option<
            JsValue,
        >,
        #[wasm_bindgen(js_name = queueDetail, unchecked_param_type = "string | Uint8Array | undefined")]
        queue_detail: Option<JsValue>,
    ) -> Result<RecordLog, JsValue> {
        Ok(RecordLog {
            records: read(&input, options.as_ref(), queue_detail.as_ref())?,
        })
    }

    /// Everything but the calls: encoding, separator, columns, counts, CONNRES readings,
    /// diagnostics.
    #[wasm_bindgen(unchecked_return_type = "RecordsHead")]
    #[must_use]
    pub fn head(&self) -> JsValue {
        to_js(&record_columns::records_head(&self.records))
    }

    /// The calls as columns (the `CallColumns` shape): key, direction, start, duration,
    /// outcome, rule, a short reason, rows.
    #[wasm_bindgen(js_name = callColumns, unchecked_return_type = "CallColumns")]
    #[must_use]
    pub fn call_columns(&self) -> JsValue {
        columns(&record_columns::record_call_columns(&self.records))
    }

    /// The calls (indices, in order) whose key, outcome or any cell contains `needle`, ASCII
    /// case ignored.
    #[wasm_bindgen(js_name = searchCalls)]
    #[must_use]
    pub fn search_calls(&self, needle: &str) -> js_sys::Uint32Array {
        js_sys::Uint32Array::from(&record_columns::search(&self.records, needle)[..])
    }

    /// Call `index` in full: its legs with every cell, its outcome with reason and evidence.
    ///
    /// # Errors
    /// Throws for an index past the last call.
    #[wasm_bindgen(unchecked_return_type = "RecordCall")]
    pub fn call(&self, index: u32) -> Result<JsValue, JsValue> {
        let calls = &self.records.calls.calls;
        let call = calls.get(index as usize).ok_or_else(|| {
            thrown(
                ErrorCode::NoSuchCall,
                Some("index"),
                &format!("no call {index}: the export has {} calls", calls.len()),
            )
        })?;
        Ok(to_js(&view::record_call(&self.records, call)))
    }
}

/// Reads `input` (a string or bytes) with `options`, and a ContactQueueDetail export beside it.
fn read(
    input: &JsValue,
    options: Option<&JsValue>,
    queue: Option<&JsValue>,
) -> Result<Records, JsValue> {
    let options: RecordOptions = super::options(options)?;
    let input = bytes("input", input)?;
    let queue = match queue.filter(|q| !q.is_undefined() && !q.is_null()) {
        Some(q) => Some(bytes("queueDetail", q)?),
        None => None,
    };
    Ok(records::read_with_queue(&input, queue.as_deref(), &options))
}

/// A string's UTF-8 or a `Uint8Array`'s bytes.
fn bytes(argument: &str, value: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    let array = value
        .dyn_ref::<js_sys::Uint8Array>()
        .ok_or_else(|| wrong_type(argument, "a string or a Uint8Array", value))?;
    Ok(array.to_vec())
}

fn number(argument: &str, value: &JsValue) -> Result<f64, JsValue> {
    value
        .as_f64()
        .ok_or_else(|| wrong_type(argument, "a number", value))
}
