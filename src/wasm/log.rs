//! The main entry's exports (feature `wasm-main`). One class holds state, [`CtiLog`]: a log
//! decoded once and kept in wasm memory, asked for what is shown. Large results cross as
//! columns (typed arrays and one string table, see `view::columns`), which the npm package
//! turns into plain objects; small ones are written to JSON once here and built by the
//! engine's `JSON.parse` (`to_js`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(not(feature = "wasm-traces"))]
use super::events_of;
use super::{columns, thrown, to_js, wrong_type};
use crate::binary::Options;
use crate::error::ErrorCode;
use crate::log::{Log, LogOptions};
use crate::view::{self, calls, timeline as tl};

/// Bytes of WebAssembly memory the module holds now (memory grows and is never given back, so
/// this is also the most it has held).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
#[must_use]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
                .into()
        })
}

/// What form `input` has (its first 64 KiB are read), and why: `form`, a tab, `reason` (the
/// package's `sniff` makes the `Sniffed` object; one string costs the main module fewer bytes
/// than an object would). In the traces module too: its `openCollection` tells files apart.
#[wasm_bindgen(js_name = sniffForm)]
#[must_use]
pub fn sniff_form(input: &[u8]) -> String {
    let sniffed = crate::sniff::sniff(input);
    [sniffed.form.as_str(), "\t", &sniffed.reason].concat()
}

/// The library's version.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

/// A log decoded in wasm memory, fed whole or in chunks (`push`, then `finish`). Its memory is
/// released when it is garbage-collected, or at once with `free()`.
#[wasm_bindgen]
pub struct CtiLog {
    log: Log,
    /// Whether calls are worked out (off for a decode that only wants events).
    calls: bool,
}

#[wasm_bindgen]
impl CtiLog {
    /// An empty log. `options.format` names the input form (told from the first bytes
    /// otherwise), `options.width` and `options.version` the frames' field width and protocol
    /// version, `options.calls: false` skips working out calls; `options.size`, the input's
    /// size in bytes, lets the log reserve its memory once.
    ///
    /// # Errors
    /// Throws for options of the wrong type.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes an optional JS value by value
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "LogOptions | undefined")] options: Option<JsValue>,
    ) -> Result<CtiLog, JsValue> {
        let o: LogOptions = super::options(options.as_ref())?;
        let calls = o.calls != Some(false);
        let mut log = Log::new(
            o.format,
            Options {
                width: o.width,
                version: o.version,
            },
        );
        log.set_timeline(calls);
        #[cfg(feature = "wasm-traces")]
        if let Some(year) = o.year {
            log.set_year(crate::traces::Year {
                year,
                month: o.month,
            });
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a size in bytes
        if let Some(size) = o.size.filter(|s| s.is_finite()) {
            log.expect(size as u64);
        }
        Ok(CtiLog { log, calls })
    }

    /// Decodes what the chunk completes (text up to its last whole line, frames up to the last
    /// whole frame); the rest waits for the next chunk or `finish()`.
    ///
    /// # Errors
    /// Throws if `chunk` is neither a string nor a `Uint8Array`.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] chunk: &JsValue,
    ) -> Result<(), JsValue> {
        match chunk.as_string() {
            Some(text) => self.log.push(text.as_bytes()),
            None => {
                let bytes = chunk
                    .dyn_ref::<js_sys::Uint8Array>()
                    .ok_or_else(|| wrong_type("chunk", "a string or a Uint8Array", chunk))?;
                self.log.push(&bytes.to_vec());
            }
        }
        Ok(())
    }

    /// Ends the input: what is pending is decoded, and the calls worked out.
    pub fn finish(&mut self) {
        self.log.finish();
    }

    /// Number of calls worked out (the events so far are taken in first).
    #[wasm_bindgen(getter, js_name = callCount)]
    pub fn call_count(&mut self) -> u32 {
        if self.calls && !self.log.is_finished() {
            self.log.update_timeline();
        }
        u32::try_from(self.log.timeline().finished_calls()).unwrap_or(u32::MAX)
    }

    /// Number of events decoded so far.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> u32 {
        u32::try_from(self.log.store().len()).unwrap_or(u32::MAX)
    }

    /// Everything but the events and calls: `{ format, framing?, eventCount, callCount,
    /// agentCount, finished, notes, diagnostics }`. Works out the calls of the events so far.
    #[wasm_bindgen(unchecked_return_type = "LogSummary")]
    pub fn summary(&mut self) -> JsValue {
        if self.calls && !self.log.is_finished() {
            self.log.update_timeline();
        }
        to_js(&view::summary(&self.log))
    }

    /// Events `start` to `end` (exclusive; clamped) as columns, for the package's builder.
    #[wasm_bindgen(js_name = eventColumns, unchecked_return_type = "EventColumns")]
    #[must_use]
    pub fn event_columns(&self, start: u32, end: u32) -> JsValue {
        columns(&view::columns::event_columns(
            self.log.store(),
            start as usize,
            end as usize,
        ))
    }

    /// The calls as columns: key, call ID, type, direction, agents, start, duration, outcome,
    /// reason and event count of each, in typed arrays and one string table.
    #[wasm_bindgen(js_name = callColumns, unchecked_return_type = "CallColumns")]
    #[must_use]
    pub fn call_columns(&mut self) -> JsValue {
        if !self.log.is_finished() {
            self.log.update_timeline();
        }
        columns(&calls::call_columns(self.log.store(), self.log.timeline()))
    }

    /// The calls (indices, in order) any of whose words contain `needle`, ASCII case ignored:
    /// key, call type, direction, agents, ANI, DNIS, dialed number, devices, variables, outcome
    /// and reason.
    #[wasm_bindgen(js_name = searchCalls)]
    #[must_use]
    pub fn search_calls(&self, needle: &str) -> js_sys::Uint32Array {
        js_sys::Uint32Array::from(&calls::search(self.log.store(), self.log.timeline(), needle)[..])
    }

    /// The events no call holds (agent state events, session messages, events whose call ID
    /// could not be read), in order.
    #[wasm_bindgen(js_name = otherEvents)]
    pub fn other_events(&mut self) -> js_sys::Uint32Array {
        if !self.log.is_finished() {
            self.log.update_timeline();
        }
        js_sys::Uint32Array::from(&calls::other_events(self.log.store(), self.log.timeline())[..])
    }

    /// Call `index` in full: identity, parties, variables, event indices, links, outcome with
    /// its evidence, remarks.
    ///
    /// # Errors
    /// Throws for an index past the last call.
    #[wasm_bindgen(unchecked_return_type = "Call")]
    pub fn call(&self, index: u32) -> Result<JsValue, JsValue> {
        let t = self.log.timeline();
        if index as usize >= t.finished_calls() {
            return Err(no_call(index, t.finished_calls()));
        }
        Ok(to_js(&tl::call_view(self.log.store(), t, index as usize)))
    }

    /// The agents on call `index`'s devices: state segments and calls.
    ///
    /// # Errors
    /// Throws for an index past the last call.
    #[wasm_bindgen(js_name = agentsOf, unchecked_return_type = "Agent[]")]
    pub fn agents_of(&self, index: u32) -> Result<JsValue, JsValue> {
        let t = self.log.timeline();
        if index as usize >= t.finished_calls() {
            return Err(no_call(index, t.finished_calls()));
        }
        let agents: Vec<tl::Agent> = t
            .call_agents
            .get(index as usize)
            .iter()
            .map(|&a| tl::agent(self.log.store(), t, a as usize))
            .collect();
        Ok(to_js(&agents))
    }

    /// For text input: `[line, offset]`, a line at or before one-based `line` and the zero-based
    /// byte offset where it starts, from which `line` is at most 255 newlines on; `undefined`
    /// for other input.
    #[wasm_bindgen(js_name = lineStart, unchecked_return_type = "[number, number] | undefined")]
    #[must_use]
    pub fn line_start(&self, line: u32) -> JsValue {
        match self.log.store().line_start(line) {
            #[allow(clippy::cast_precision_loss)] // Offsets far below 2^53.
            Some((at, offset)) => js_sys::Array::of2(&at.into(), &(offset as f64).into()).into(),
            None => JsValue::UNDEFINED,
        }
    }

    /// The session: requests with their replies and round-trip times, unanswered requests,
    /// replies without a request, FAILURE_EVENT and SYSTEM_EVENT in words.
    #[wasm_bindgen(unchecked_return_type = "Session")]
    pub fn session(&mut self) -> JsValue {
        if !self.log.is_finished() {
            self.log.update_timeline();
        }
        to_js(&view::session::session(
            self.log.store(),
            self.log.timeline(),
        ))
    }

    /// Every agent over the log's time as columns (typed arrays and a string table): state
    /// segments and the calls on each agent, with their times, for a timeline of all agents.
    #[wasm_bindgen(js_name = agentColumns, unchecked_return_type = "AgentColumns")]
    pub fn agent_columns(&mut self) -> JsValue {
        if !self.log.is_finished() {
            self.log.update_timeline();
        }
        columns(&crate::view::agent_columns::agent_columns(
            self.log.store(),
            self.log.timeline(),
        ))
    }

    /// Every agent: state segments and calls.
    #[wasm_bindgen(unchecked_return_type = "Agent[]")]
    #[must_use]
    pub fn agents(&self) -> JsValue {
        let t = self.log.timeline();
        let agents: Vec<tl::Agent> = (0..t.agent_count())
            .map(|i| tl::agent(self.log.store(), t, i))
            .collect();
        to_js(&agents)
    }
}

/// A log of events packed by the package from JavaScript objects, for the timeline.
#[cfg(not(feature = "wasm-traces"))]
///
/// # Errors
/// Throws when the packed pieces do not add up (the package checks the objects before).
#[wasm_bindgen(js_name = logOfEvents)]
pub fn log_of_events(strings: &str, ends: &[i32], shape: &[i32]) -> Result<CtiLog, JsValue> {
    Ok(CtiLog {
        log: Log::of_store(events_of(strings, ends, shape)?),
        calls: true,
    })
}

/// A log of the frames `readCapture` (from `cti-outcome/capture`) found: `rows` holds seven
/// numbers per frame (see that entry's types).
///
/// # Errors
/// Throws when `rows` is not a whole number of rows.
#[cfg(not(feature = "wasm-traces"))]
#[wasm_bindgen(js_name = logOfFrames)]
pub fn log_of_frames(frames: &[u8], rows: &[f64]) -> Result<CtiLog, JsValue> {
    use crate::binary::FrameRow;
    if rows.len() % FrameRow::NUMBERS != 0 {
        return Err(thrown(
            ErrorCode::BadArgument,
            Some("rows"),
            "`rows`: not a whole number of rows of seven numbers",
        ));
    }
    let rows: Vec<FrameRow> = rows
        .chunks_exact(FrameRow::NUMBERS)
        .filter_map(|r| r.try_into().ok().map(FrameRow::from_numbers))
        .collect();
    let (store, _) = crate::binary::decode_rows(frames, &rows, crate::binary::Options::default());
    Ok(CtiLog {
        log: Log::of_store(store),
        calls: true,
    })
}

fn no_call(index: u32, calls: usize) -> JsValue {
    thrown(
        ErrorCode::NoSuchCall,
        Some("index"),
        &format!("no call {index}: the log has {calls} calls worked out"),
    )
}
