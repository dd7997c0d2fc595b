//! Any decoded input into the timeline, whole and in two batches: no panic, same snapshot.
#![no_main]

use cti_outcome::input::decode_input;
use cti_outcome::{build_timeline, TimelineBuilder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (_, decoded) = decode_input(data, None, Default::default());
    let whole = build_timeline(&decoded.events);
    let half = decoded.events.len() / 2;
    let mut builder = TimelineBuilder::new();
    builder.push(&decoded.events[..half]);
    builder.push(&decoded.events[half..]);
    assert_eq!(builder.snapshot(), whole);
});
