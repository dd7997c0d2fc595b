//! Any bytes as a text dump and as a hex dump: no panic, every diagnostic on a real line, and
//! every event's lines inside the input.
#![no_main]

use cti_outcome::diagnostic::At;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = u32::try_from(data.iter().filter(|&&b| b == b'\n').count()).unwrap() + 1;
    let store = cti_outcome::text::decode(data);
    for d in store.diagnostics() {
        if let At::Text { line, column } = d.at {
            assert!(line >= 1 && line <= lines && column >= 1);
        }
    }
    for e in store.events() {
        let (first, last) = e.lines();
        assert!(first >= 1 && first <= last && last <= lines);
        let _ = e.fields().count();
    }
    let _ = serde_json::to_string(&cti_outcome::view::decoded_text(&store));
    let _ = cti_outcome::binary::decode_hex(&String::from_utf8_lossy(data));
});
