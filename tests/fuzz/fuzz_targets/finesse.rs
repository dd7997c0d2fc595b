//! Any text as Finesse notifications (`cisco-logs.md` §4), most of it after a `<Update>` with a
//! dialog's shape: no panic; every event's lines and every diagnostic's position inside the
//! input; the calls worked out from the events.
#![no_main]

use cti_outcome::binary::Options;
use cti_outcome::diagnostic::At;
use cti_outcome::log::Log;
use cti_outcome::sniff::Format;
use libfuzzer_sys::fuzz_target;

const HEAD: &[u8] = b"<Update><data><dialogs><Dialog><id>16810001</id><participants><Participant><mediaAddress>2002</mediaAddress><state>";

fuzz_target!(|data: &[u8]| {
    let input: Vec<u8> = if data.first().is_some_and(|b| b % 4 != 0) {
        [HEAD, data].concat()
    } else {
        data.to_vec()
    };
    let log = Log::open(&input, Some(Format::Trace), Options::default());
    let lines = u32::try_from(input.split(|&b| b == b'\n').count()).unwrap_or(u32::MAX);
    for e in log.store().events() {
        let (first, last) = e.lines();
        assert!(first >= 1 && first <= last && last <= lines, "event lines {first}–{last} of {lines}");
    }
    for d in log.store().diagnostics() {
        if let At::Text { line, column } = d.at {
            assert!(line >= 1 && line <= lines && column >= 1, "{d:?} of {lines} lines");
        }
    }
    let _ = cti_outcome::view::timeline::timeline(log.store(), log.timeline());
});
