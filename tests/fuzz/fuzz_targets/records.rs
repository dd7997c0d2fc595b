//! Any bytes as a call-record export (jtel's, UCCE Termination_Call_Detail, UCCX
//! ContactCallDetail with a ContactQueueDetail): no panic; every row is in exactly one call,
//! every leg's CONNRES is a reading of the export, and the JSON view serialises.
#![no_main]

use cti_outcome::records::{self, RecordOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A header the reader knows, half the time, so that rows reach the call grouping.
    let mut bytes = Vec::new();
    let header: &[u8] = match data.first().map(|b| b % 4) {
        Some(0) => b"StatisticsPartAID,bOutbound,CauseCodesID,dtCallStart,dtCallEnd,dtCallConnect,bCallerHangup,CONNRES\n",
        Some(1) => b"PeripheralID,RouterCallKeyDay,RouterCallKey,RouterCallKeySequenceNumber,PeripheralCallKey,PeripheralCallType,CallDisposition,NewTransaction,StartDateTimeUTC,DateTime,Duration,CallGUID\n",
        Some(2) => b"sessionid,sessionseqnum,contactdisposition,originatortype,originatordn,destinationtype,destinationdn,startdatetime,enddatetime,transfer,redirect,conference\n",
        _ => b"",
    };
    bytes.extend_from_slice(header);
    // After a 0xFF byte, a ContactQueueDetail export.
    let (main, queue) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    bytes.extend_from_slice(main);
    let queue = queue.map(|q| [&b"sessionid,sessionseqnum,disposition\n"[..], q].concat());
    let r = records::read_with_queue(&bytes, queue.as_deref(), &RecordOptions::default());
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
