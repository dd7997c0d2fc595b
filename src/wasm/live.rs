//! The live entry's exports (feature `wasm-live`, `cti-outcome/live`): [`LiveView`], a desktop's
//! view of calls as their events arrive ([`crate::live`]).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{to_js, wrong_type};
use crate::live::Live;

/// Calls as their events arrive: each push says which calls changed, with their phase and
/// outcome. Holds state, so it is a class (its memory is released when it is
/// garbage-collected, or at once with `free()`).
#[wasm_bindgen]
pub struct LiveView {
    live: Live,
}

#[wasm_bindgen]
impl LiveView {
    /// A live view. `options.format` names the input form (told from the first push
    /// otherwise); `options.keepEndedMs` forgets calls that ended longer ago than that.
    ///
    /// # Errors
    /// Throws for options of the wrong type.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes an optional JS value by value
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "LiveOptions | undefined")] options: Option<JsValue>,
    ) -> Result<LiveView, JsValue> {
        Ok(LiveView {
            live: Live::with(super::options(options.as_ref())?),
        })
    }

    /// Takes a chunk of input (a notification's XML or a text event, ending with a newline;
    /// frames) at `now` (ms since 1970, `Date.now()` when not given: the window's clock for
    /// input without times): the calls its events changed, and what was wrong in it.
    ///
    /// # Errors
    /// Throws if `chunk` is neither a string nor a `Uint8Array`.
    #[wasm_bindgen(unchecked_return_type = "LivePush")]
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] chunk: &JsValue,
        now: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        #[allow(clippy::cast_possible_truncation)] // milliseconds since 1970
        let now = Some(now.unwrap_or_else(js_sys::Date::now) as i64);
        let pushed = match chunk.as_string() {
            Some(text) => self.live.push_at(text.as_bytes(), now),
            None => {
                let bytes = chunk
                    .dyn_ref::<js_sys::Uint8Array>()
                    .ok_or_else(|| wrong_type("chunk", "a string or a Uint8Array", chunk))?;
                self.live.push_at(&bytes.to_vec(), now)
            }
        };
        Ok(to_js(&pushed))
    }

    /// Whole text events (`MsgType:` dumps, as the package writes event objects) at `now`:
    /// the last is complete at once.
    #[wasm_bindgen(js_name = pushEvents, unchecked_return_type = "LivePush")]
    pub fn push_events(&mut self, text: &str, now: Option<f64>) -> JsValue {
        #[allow(clippy::cast_possible_truncation)] // milliseconds since 1970
        let now = Some(now.unwrap_or_else(js_sys::Date::now) as i64);
        to_js(&self.live.push_events_at(text.as_bytes(), now))
    }

    /// Ends the input (what waits for more is read): the calls that changed.
    #[wasm_bindgen(unchecked_return_type = "LivePush")]
    pub fn finish(&mut self) -> JsValue {
        to_js(&self.live.finish())
    }

    /// Every call the view holds now, as change records.
    #[wasm_bindgen(unchecked_return_type = "CallChange[]")]
    #[must_use]
    pub fn snapshot(&self) -> JsValue {
        to_js(&self.live.snapshot())
    }

    /// Events the view holds now.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> u32 {
        u32::try_from(self.live.log().store().len()).unwrap_or(u32::MAX)
    }

    /// Bytes the view holds (its columns, calls and kept pushes).
    #[wasm_bindgen(getter, js_name = heapBytes)]
    #[must_use]
    pub fn heap_bytes(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // far below 2^52
        let bytes = self.live.heap_bytes() as f64;
        bytes
    }
}
