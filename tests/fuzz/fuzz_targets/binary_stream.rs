//! Any bytes cut into chunks by the first byte: the same events and diagnostics as whole.
#![no_main]

use cti_outcome::binary::{decode, FrameDecoder, Options};
use cti_outcome::store::{Form, Store};
use cti_outcome::view::decoded_frames;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&step, stream)) = data.split_first() else { return };
    let step = usize::from(step).max(1);
    let (whole, framing) = decode(stream, Options::default());
    let mut store = Store::new(Form::Frames);
    let mut decoder = FrameDecoder::new(Options::default());
    for chunk in stream.chunks(step) {
        decoder.push(&mut store, chunk);
    }
    decoder.finish(&mut store);
    let json = |s: &Store, f| serde_json::to_string(&decoded_frames(s, f)).unwrap();
    assert_eq!(json(&store, decoder.framing()), json(&whole, framing));
});
