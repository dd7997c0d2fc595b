//! Any bytes, in either width or learned: no panic, every event inside the input, and the
//! encoder takes every decoded event without panicking.
#![no_main]

use cti_outcome::binary::{decode, encode, Options, Width};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let width = match data.first().map(|b| b % 3) {
        Some(1) => Some(Width::One),
        Some(2) => Some(Width::Two),
        _ => None,
    };
    let (store, framing) = decode(data, Options { width, version: None });
    for event in store.events() {
        assert!(event.offset() + u64::from(event.length()) <= data.len() as u64);
        let _ = event.fields().count();
    }
    let _ = serde_json::to_string(&cti_outcome::view::decoded_frames(&store, framing));
    let _ = encode(&store, width.unwrap_or(Width::Two), None);
});
