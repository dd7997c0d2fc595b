//! Any input into a log, whole and in two chunks: no panic, and the same events and calls.
#![no_main]

use cti_outcome::binary::Options;
use cti_outcome::log::Log;
use cti_outcome::view;
use libfuzzer_sys::fuzz_target;

fn everything(log: &Log) -> String {
    let store = log.store();
    let events = match log.framing() {
        Some(framing) => serde_json::to_string(&view::decoded_frames(store, framing)),
        None => serde_json::to_string(&view::decoded_text(store)),
    };
    let timeline = serde_json::to_string(&view::timeline::timeline(store, log.timeline()));
    format!("{}{}", events.unwrap(), timeline.unwrap())
}

fuzz_target!(|data: &[u8]| {
    let whole = Log::open(data, None, Options::default());
    let mut halves = Log::new(None, Options::default());
    let (a, b) = data.split_at(data.len() / 2);
    halves.push(a);
    halves.push(b);
    halves.finish();
    assert_eq!(everything(&halves), everything(&whole));
});
