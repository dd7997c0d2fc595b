//! Any bytes, in either width or learned: no panic, every event inside the input, and the
//! encoder takes every decoded event without panicking.
#![no_main]

use cti_outcome::binary::{decode_frames, encode_events, Options, Width};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let width = data.first().and_then(|b| Width::from_bytes(b % 3));
    let decoded = decode_frames(data, Options { width });
    for event in &decoded.events {
        let frame = event.frame.expect("binary events have a frame");
        assert!(frame.offset + u64::from(frame.length) <= data.len() as u64);
    }
    let _ = encode_events(&decoded.events, width.unwrap_or(Width::Two));
});
