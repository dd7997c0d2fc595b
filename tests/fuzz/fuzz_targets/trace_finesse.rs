//! Any lines as a finesse trace (`cisco-logs.md`), most of them given its record prefix: no
//! panic, every diagnostic and event inside the input (see `trace_common.rs`).
#![no_main]

mod trace_common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trace_common::check(data, b"0051203603: 10.106.81.82: Apr 14 2017 14:01:17.196 -0700: %CCBU_CTIMessageEventExecutor-0-6-DECODED_MESSAGE_FROM_CTI_SERVER: %[cti_message=CTI");
});
