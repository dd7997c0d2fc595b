//! Any lines as a mivr trace (`cisco-logs.md`), most of them given its record prefix: no
//! panic, every diagnostic and event inside the input (see `trace_common.rs`).
#![no_main]

mod trace_common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trace_common::check(data, b"7091923: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:");
});
