//! Random pushes into a live view (`cti_outcome::live`): the input cut into pushes of
//! notifications, CTI text, frames or event text, with and without a window. No panic; every
//! change names a call the view holds; a snapshot afterwards holds every call.
#![no_main]

use cti_outcome::live::{Live, LiveOptions};
use cti_outcome::sniff::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    let format = [None, Some(Format::Text), Some(Format::Binary), Some(Format::Trace)][usize::from(how % 4)];
    let mut live = Live::with(LiveOptions {
        format,
        keep_ended_ms: (how & 4 != 0).then_some(1_000.0),
    });
    live.tidy_from(8);
    let mut now = 0i64;
    // Pushes end at 0xFF bytes; the byte after says how to push.
    for (i, piece) in rest.split(|&b| b == 0xFF).enumerate() {
        now += 700;
        let pushed = if i % 3 == 2 {
            live.push_events_at(piece, Some(now))
        } else {
            live.push_at(piece, Some(now))
        };
        let calls = live.log().timeline().call_count();
        for c in &pushed.changes {
            assert!((c.index as usize) < calls, "change {} of {calls} calls", c.index);
        }
    }
    let end = live.finish();
    assert_eq!(live.snapshot().len(), live.log().timeline().call_count());
    drop(end);
});
