//! Any bytes as a call-record export: no panic; every row is in exactly one call, every leg's
//! CONNRES is a reading of the export, and the JSON view serialises.
#![no_main]

use cti_outcome::records::{self, RecordOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A header the reader knows, half the time, so that rows reach the call grouping.
    let mut bytes = Vec::new();
    if data.first().is_some_and(|b| b % 2 == 0) {
        bytes.extend_from_slice(b"StatisticsPartAID,bOutbound,CauseCodesID,dtCallStart,dtCallEnd,dtCallConnect,bCallerHangup,CONNRES\n");
    }
    bytes.extend_from_slice(data);
    let r = records::read(&bytes, &RecordOptions::default());
    let mut rows: Vec<u32> = r.calls.calls.iter().flat_map(|c| c.rows.iter().copied()).collect();
    rows.sort_unstable();
    let expected: Vec<u32> = (0..u32::try_from(r.table.len()).unwrap()).collect();
    assert_eq!(rows, expected, "every row in exactly one call");
    for f in &r.calls.facts {
        if let Some(i) = f.connres {
            assert!((i as usize) < r.calls.codes.len());
        }
    }
    serde_json::to_string(&cti_outcome::view::records::decoded_records(&r)).unwrap();
});
