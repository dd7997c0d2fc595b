//! The `cti-outcome/encode` entry's export (feature `wasm-encode`): events written as GED-188
//! frames, for fake feeds in tests. Apart from the main module because a page that reads logs
//! never writes frames.

use wasm_bindgen::prelude::*;

use super::{events_of, thrown};
use crate::binary::{self, Width};
use crate::error::ErrorCode;

/// Encodes events packed by the package from JavaScript objects as GED-188 frames.
///
/// # Errors
/// Throws an `Error` listing every field that has no wire form, or for options of the wrong
/// type.
#[wasm_bindgen(js_name = encodePacked)]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes an optional JS value by value
pub fn encode_packed(
    strings: &str,
    ends: &[i32],
    shape: &[i32],
    #[wasm_bindgen(unchecked_param_type = "FrameOptions | undefined")] options: Option<JsValue>,
) -> Result<js_sys::Uint8Array, JsValue> {
    let options: binary::Options = super::options(options.as_ref())?;
    let store = events_of(strings, ends, shape)?;
    let width = options.width.unwrap_or(Width::Two);
    let encoded = binary::encode(&store, width, options.version);
    if !encoded.issues.is_empty() {
        let list: Vec<String> = encoded
            .issues
            .iter()
            .map(|i| match &i.field {
                Some(f) => format!("event {} {f}: {}", i.event, i.message),
                None => format!("event {}: {}", i.event, i.message),
            })
            .collect();
        return Err(thrown(
            ErrorCode::CannotEncode,
            None,
            &format!("cannot encode: {}", list.join("; ")),
        ));
    }
    Ok(js_sys::Uint8Array::from(&encoded.bytes[..]))
}
