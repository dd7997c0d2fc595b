//! Any bytes cut into chunks by the first bytes: the same events and diagnostics as whole.
#![no_main]

use cti_outcome::binary::{decode_frames, FrameDecoder, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&step, stream)) = data.split_first() else { return };
    let step = usize::from(step).max(1);
    let whole = decode_frames(stream, Options::default());
    let mut decoder = FrameDecoder::new(Options::default());
    let (mut events, mut diagnostics) = (Vec::new(), Vec::new());
    for chunk in stream.chunks(step) {
        let out = decoder.push(chunk);
        events.extend(out.events);
        diagnostics.extend(out.diagnostics);
    }
    let rest = decoder.finish();
    events.extend(rest.events);
    diagnostics.extend(rest.diagnostics);
    assert_eq!(events, whole.events);
    assert_eq!(diagnostics, whole.diagnostics);
});
