//! Any lines as a dumplog trace (`cisco-logs.md`), most of them given its record prefix: no
//! panic, every diagnostic and event inside the input (see `trace_common.rs`).
#![no_main]

mod trace_common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trace_common::check(data, b"22:21:22:921 cg1A-ctisvr SESSION 9: ");
});
