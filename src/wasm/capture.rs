//! The `cti-outcome/capture` entry's export (feature `wasm-capture`): a pcap or pcapng capture
//! read down to the frames of its CTI connections. Apart from the main module because the
//! capture readers (`pcap-parser`, `etherparse`) would not fit the main module's size budget;
//! the main module's `logOfFrames` decodes the frames this returns.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{put_columns, to_js};
use crate::binary::FrameRow;
use crate::capture::{self, CaptureOptions};
use crate::view::capture::{CaptureHead, FrameColumns};
use crate::view::column_set::ColumnSet;
use crate::view::Diagnostics;

/// Reads a capture's CTI connections down to their frames.
///
/// # Errors
/// Throws for options of the wrong type. A file that is no capture gives no frames and a
/// diagnostic saying so.
#[wasm_bindgen(js_name = readCapture, unchecked_return_type = "CaptureFrames")]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes an optional JS value by value
pub fn read_capture(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "CaptureOptions | undefined")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let mut read: CaptureOptions = super::options(options.as_ref())?;
    read.frames = super::options(options.as_ref())?;
    let c = capture::read(bytes, &read);
    let mut diagnostics = c.diagnostics.clone();
    if c.format.is_empty() {
        diagnostics.push(crate::Diagnostic::packet(
            crate::DiagnosticCode::CaptureBroken,
            1,
            "not a pcap or pcapng file (its first four bytes are no capture's magic number)",
        ));
    }
    let out = to_js(&CaptureHead {
        format: c.format,
        packets: c.packets,
        connections: &c.connections,
        diagnostics: Diagnostics(&diagnostics),
    });
    let frames = FrameColumns {
        rows: c.rows.iter().flat_map(FrameRow::to_numbers).collect(),
        frames: c.frames,
    };
    put_columns(out.unchecked_ref(), &frames.columns());
    Ok(out)
}
