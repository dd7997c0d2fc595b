//! Shared by the trace fuzz targets: the input's lines, each given a grammar's record prefix
//! when its first byte is even (so that most lines reach the grammar's reader, and the rest are
//! continuation lines or other text), decoded as a trace with its timeline; no panic, and every
//! position inside the input.

use cti_outcome::binary::Options;
use cti_outcome::diagnostic::At;
use cti_outcome::log::Log;
use cti_outcome::sniff::Format;

/// Decodes `data` with `prefix` before its even lines, and checks what came out.
pub fn check(data: &[u8], prefix: &[u8]) {
    let mut input = Vec::with_capacity(data.len() * 2);
    for line in data.split(|&b| b == b'\n') {
        if line.first().is_some_and(|b| b % 2 == 0) {
            input.extend_from_slice(prefix);
            input.extend_from_slice(&line[1..]);
        } else {
            input.extend_from_slice(line);
        }
        input.push(b'\n');
    }
    let lines = u32::try_from(input.iter().filter(|&&b| b == b'\n').count()).unwrap() + 1;
    let log = Log::open(&input, Some(Format::Trace), Options::default());
    let store = log.store();
    for d in store.diagnostics() {
        if let At::Text { line, column } = d.at {
            assert!(line >= 1 && line <= lines && column >= 1, "{d:?}");
        }
    }
    for e in store.events() {
        let (first, last) = e.lines();
        assert!(first >= 1 && first <= last && last <= lines);
        // Offsets count the text as decoded: after a repair of invalid UTF-8, the repaired text.
        if std::str::from_utf8(&input).is_ok() {
            assert!(e.offset() + u64::from(e.length()) <= input.len() as u64);
        }
        let _ = e.fields().count();
    }
    let _ = serde_json::to_string(&cti_outcome::view::decoded_text(store));
    let _ = serde_json::to_string(&cti_outcome::view::timeline::timeline(store, log.timeline()));
}
