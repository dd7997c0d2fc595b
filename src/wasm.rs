//! The wasm boundary: the only module that knows about wasm-bindgen and js-sys.
//!
//! The npm package has one WebAssembly module per entry point, each a build of this crate with
//! one `wasm-*` feature (assembled by `pkg-config/`), so that a page loads only what it uses:
//! `wasm-main` (the package's main entry: logs, frames, calls; [`log`]) and
//! `wasm-encode` (`cti-outcome/encode`: events written as frames; [`encode`]) and
//! `wasm-capture` (`cti-outcome/capture`: pcap and pcapng read down to frames; [`capture`]) and
//! `wasm-records` (`cti-outcome/records`: CONNRES codes, and call-record exports read into calls;
//! [`records`]) and `wasm-live` (`cti-outcome/live`: a desktop's live view of calls; [`live`]);
//! and `wasm-main` with `wasm-traces` (`cti-outcome/traces`: the main entry's
//! logs with the Cisco trace decoders, built for size).
//!
//! Arguments are taken as `JsValue` and checked here, so that a wrong type is a thrown `Error`
//! naming the argument. The package's own functions (`decodeLog`, `buildTimeline`, …) are thin
//! JavaScript over these.

// A build with no entry has nothing to export (and nothing uses the helpers below).
#![cfg_attr(
    not(any(
        feature = "wasm-main",
        feature = "wasm-encode",
        feature = "wasm-capture",
        feature = "wasm-records",
        feature = "wasm-live"
    )),
    allow(dead_code)
)]

use wasm_bindgen::prelude::*;

use crate::error::ErrorCode;
use crate::options::{Given, Settable};
use crate::view::column_set::{Column, ColumnSet};

#[cfg(feature = "wasm-capture")]
pub mod capture;
#[cfg(feature = "wasm-encode")]
pub mod encode;
#[cfg(feature = "wasm-live")]
pub mod live;
#[cfg(feature = "wasm-main")]
pub mod log;
#[cfg(feature = "wasm-records")]
pub mod records;

#[cfg(feature = "wasm-capture")]
pub use capture::read_capture;
#[cfg(feature = "wasm-encode")]
pub use encode::encode_packed;
#[cfg(feature = "wasm-live")]
pub use live::LiveView;
#[cfg(all(feature = "wasm-main", not(feature = "wasm-traces")))]
pub use log::{log_of_events, log_of_frames};
#[cfg(feature = "wasm-main")]
pub use log::{sniff_form, version, wasm_memory_bytes, CtiLog};
#[cfg(feature = "wasm-records")]
pub use records::{decode_connres, decode_records, RecordLog};

/// Events packed by the package from JavaScript objects (`api.js`, `packEvents`): every string
/// in `strings`, string `i` ending at UTF-16 offset `ends[i]` (`-1` for an absent one); per
/// event, in `shape`: field count, type ID (`-1` none), line, end line, truncated (0/1), then per
/// field: index (`-1` none), tag (`-1` none). Strings per event: type, time, label; per field:
/// name, label, raw.
#[cfg_attr(
    any(
        not(any(feature = "wasm-main", feature = "wasm-encode")),
        feature = "wasm-traces"
    ),
    allow(dead_code)
)]
fn events_of(strings: &str, ends: &[i32], shape: &[i32]) -> Result<crate::store::Store, JsValue> {
    use crate::text::events::{EventIn, EventWriter, FieldIn};
    let mut pieces = Vec::with_capacity(ends.len());
    let mut chars = strings.char_indices();
    let (mut utf16, mut byte) = (0i32, 0usize);
    for &end in ends {
        if end < 0 {
            pieces.push(None);
            continue;
        }
        let start = byte;
        while utf16 < end {
            let Some((_, c)) = chars.next() else { break };
            utf16 += i32::try_from(c.len_utf16()).unwrap_or(1);
            byte += c.len_utf8();
        }
        pieces.push(Some(&strings[start..byte]));
    }
    let bad = || {
        thrown(
            ErrorCode::BadArgument,
            Some("events"),
            "`events`: the packed events do not add up",
        )
    };
    let (mut s, mut p) = (pieces.into_iter(), shape.iter().copied());
    let mut writer = EventWriter::default();
    let opt = |n: i32| u32::try_from(n).ok();
    while let Some(count) = p.next() {
        let (type_id, line, end_line, truncated) = (
            p.next().ok_or_else(bad)?,
            p.next().ok_or_else(bad)?,
            p.next().ok_or_else(bad)?,
            p.next().ok_or_else(bad)?,
        );
        let (ty, time, label) = (
            s.next().ok_or_else(bad)?,
            s.next().ok_or_else(bad)?,
            s.next().ok_or_else(bad)?,
        );
        writer.event(&EventIn {
            type_name: ty.unwrap_or_default(),
            type_id: opt(type_id),
            line: opt(line).unwrap_or(0),
            end_line: opt(end_line).unwrap_or(0),
            time,
            label,
            truncated: truncated == 1,
        });
        for _ in 0..count {
            let (index, tag) = (p.next().ok_or_else(bad)?, p.next().ok_or_else(bad)?);
            let (name, label, raw) = (
                s.next().ok_or_else(bad)?,
                s.next().ok_or_else(bad)?,
                s.next().ok_or_else(bad)?,
            );
            writer.field(&FieldIn {
                name: name.unwrap_or_default(),
                label,
                index: opt(index),
                tag: u16::try_from(tag).ok(),
                raw: raw.unwrap_or_default(),
            });
        }
    }
    Ok(writer.finish())
}

/// The one reader of options: each field the type lists ([`crate::options::Settable`]) read
/// from `options` by name, absent ones (`undefined`, `null`) left at their default.
fn options<T: Settable>(options: Option<&JsValue>) -> Result<T, JsValue> {
    let Some(object) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(T::default());
    };
    crate::options::read(|name| {
        let value = js_sys::Reflect::get(object, &JsValue::from_str(name)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    })
    .map_err(|r| wrong_type(r.field, r.expected, &r.given))
}

impl Given for JsValue {
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn text(&self) -> Option<String> {
        self.as_string()
    }
    fn flag(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        let array: &js_sys::Array = self.dyn_ref()?;
        Some(array.iter().collect())
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        let object: &js_sys::Object = self.dyn_ref()?;
        let entries = js_sys::Object::entries(object).into_iter().map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        });
        Some(entries.collect())
    }
    fn described(&self) -> String {
        if let Some(s) = self.as_string() {
            return format!("the string {}", crate::diagnostic::quoted(&s));
        }
        if self.is_undefined() {
            return "undefined".to_owned();
        }
        // As JSON (an object or array shows which key or item was wrong), but for numbers
        // JSON has no form of (NaN, infinities), functions and symbols.
        let json = self
            .as_f64()
            .is_none_or(f64::is_finite)
            .then(|| js_sys::JSON::stringify(self).ok())
            .flatten();
        match json.and_then(|j| j.as_string()) {
            Some(json) => json,
            None => format!(
                "a value of type {}",
                self.js_typeof().as_string().unwrap_or_default()
            ),
        }
    }
}

/// The one conversion of a refused call to what JavaScript catches: an `Error` with the
/// message, and the [`crate::error::ErrorDetails`] (`code`, `argument`) as its properties.
fn thrown(code: ErrorCode, argument: Option<&str>, message: &str) -> JsValue {
    let error: JsValue = JsError::new(message).into();
    let object: &js_sys::Object = error.unchecked_ref();
    // ErrorDetails's fields, set one by one: serialising the struct costs the traces module
    // more bytes than it has.
    set(object, "code", &JsValue::from_str(code.as_str()));
    if let Some(argument) = argument {
        set(object, "argument", &JsValue::from_str(argument));
    }
    error
}

#[cfg_attr(
    not(any(feature = "wasm-main", feature = "wasm-records", feature = "wasm-live")),
    allow(dead_code)
)]
fn wrong_type(argument: &str, expected: &str, got: &JsValue) -> JsValue {
    thrown(
        ErrorCode::BadArgument,
        Some(argument),
        &format!("`{argument}` must be {expected}, got {}", got.described()),
    )
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// The one conversion from a core value to a plain JavaScript value: serialised to JSON in
/// wasm and parsed by the engine's `JSON.parse`, which builds objects far faster than one
/// boundary call per field and value would.
#[cfg_attr(
    not(any(
        feature = "wasm-main",
        feature = "wasm-records",
        feature = "wasm-capture",
        feature = "wasm-live"
    )),
    allow(dead_code)
)]
fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    // The views serialise without fail (no maps with other keys than strings, no non-finite
    // floats), and their JSON is valid.
    let json = serde_json::to_string(value).unwrap_or_default();
    js_sys::JSON::parse(&json).unwrap_or(JsValue::UNDEFINED)
}

/// The one conversion of a column set ([`crate::view::column_set`]) to JavaScript: its columns
/// as typed arrays (and strings) set on `object` under their declared names.
#[cfg_attr(
    not(any(
        feature = "wasm-main",
        feature = "wasm-records",
        feature = "wasm-capture"
    )),
    allow(dead_code)
)]
fn put_columns(object: &js_sys::Object, columns: &[(&'static str, Column<'_>)]) {
    for &(name, column) in columns {
        let value: JsValue = match column {
            Column::Text(s) => JsValue::from_str(s),
            Column::U8(c) => js_sys::Uint8Array::from(c).into(),
            Column::U32(c) => js_sys::Uint32Array::from(c).into(),
            Column::I32(c) => js_sys::Int32Array::from(c).into(),
            Column::F64(c) => js_sys::Float64Array::from(c).into(),
        };
        set(object, name, &value);
    }
}

/// A column set as a new plain object.
#[cfg_attr(
    not(any(feature = "wasm-main", feature = "wasm-records")),
    allow(dead_code)
)]
fn columns(set: &impl ColumnSet) -> JsValue {
    let object = js_sys::Object::new();
    put_columns(&object, &set.columns());
    object.into()
}
