//! Any bytes as a text dump and as a hex dump: no panic, every diagnostic on a real line.
#![no_main]

use cti_outcome::input::{decode_input, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let decoded = cti_outcome::decode_log_bytes(data);
    for d in &decoded.diagnostics {
        assert!(d.line >= 1 && d.line <= lines);
    }
    let _ = decode_input(data, Some(Format::Hex), Default::default());
});
