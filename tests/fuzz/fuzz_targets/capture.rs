//! Any bytes as a capture: no panic; frames found are a store's, and every diagnostic names a
//! packet.
#![no_main]

use cti_outcome::capture::{self, CaptureOptions};
use cti_outcome::At;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Lead with a pcap or pcapng magic number half the time, so that the readers are reached.
    let mut bytes = Vec::with_capacity(data.len() + 4);
    match data.first().map(|b| b % 4) {
        Some(0) => bytes.extend_from_slice(&[0xD4, 0xC3, 0xB2, 0xA1]),
        Some(1) => bytes.extend_from_slice(&[0x0A, 0x0D, 0x0D, 0x0A]),
        _ => {}
    }
    bytes.extend_from_slice(data);
    let (store, _framing, c) = capture::decode(&bytes, &CaptureOptions::default());
    assert!(c.packets as usize <= bytes.len());
    for d in store.diagnostics().iter().chain(&c.diagnostics) {
        assert!(matches!(d.at, At::Packet(_)), "{d}");
    }
});
