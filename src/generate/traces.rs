//! Generated events written as the Cisco traces write CTI messages (`cisco-logs.md` §1–§3),
//! with four lines of other traces around each record (CTI records are a fifth of the lines,
//! as in a real log): for the benchmark and the viewer's samples.

use std::fmt::Write as _;

use crate::codes::{enums, Codes};
use crate::store::{EventRef, FieldValue, Store};

use super::{store_of, Generated};

/// A trace grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trace {
    /// Finesse webservices (§1).
    Finesse,
    /// MIVR ICD_CTI, the high-level line and the frame's hex dump (§2).
    Mivr,
    /// `dumplog` of ctisvr (§3).
    Dumplog,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The events in `trace`'s grammar, with noise lines.
#[must_use]
pub fn write(events: &[Generated], trace: Trace) -> String {
    let store = store_of(events);
    let frames = match trace {
        Trace::Mivr => Some(crate::binary::encode(&store, crate::binary::Width::One, None).bytes),
        _ => None,
    };
    let mut out = String::with_capacity(store.len() * 900);
    let mut at = 0;
    let mut day = i64::MIN;
    for (i, e) in store.events().enumerate() {
        let ms = e.time_ms().map_or(0, |t| t.0);
        let seq = 1000 + i as u64 * 5;
        match trace {
            Trace::Finesse => finesse(&mut out, e, seq, ms),
            Trace::Mivr => {
                let frames = frames.as_deref().unwrap_or_default();
                let len = 8 + u32::from_be_bytes(frames[at..at + 4].try_into().unwrap_or([0; 4]))
                    as usize;
                mivr(&mut out, e, seq, ms, &frames[at..at + len]);
                at += len;
            }
            Trace::Dumplog => {
                if ms.div_euclid(86_400_000) != day {
                    day = ms.div_euclid(86_400_000);
                    let (y, m, d) = crate::time::civil_from_days(day);
                    let _ = writeln!(out, "Events from {} {d}, {y}", long_month(m));
                }
                dumplog(&mut out, e, ms);
            }
        }
    }
    out
}

fn long_month(m: i64) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][usize::try_from(m - 1).unwrap_or(0)]
}

/// `Mon DD` and `HH:MM:SS.mmm` of a time.
fn parts(ms: i64) -> (String, String) {
    let (y, m, d) = crate::time::civil_from_days(ms.div_euclid(86_400_000));
    let t = ms.rem_euclid(86_400_000);
    let _ = y;
    (
        format!("{} {d:02}", MONTHS[usize::try_from(m - 1).unwrap_or(0)]),
        format!(
            "{:02}:{:02}:{:02}.{:03}",
            t / 3_600_000,
            t / 60_000 % 60,
            t / 1000 % 60,
            t % 1000
        ),
    )
}

/// A field's name (the guide's in camelCase when `camel`, ECC variables as named) and its value
/// as the trace prints it (`7 (BUSY_OTHER)` for a coded number when `coded`, else the number or
/// the text; `null` for none).
fn fields(e: EventRef<'_>, coded: bool, camel_case: bool) -> Vec<(String, String)> {
    let store: &Store = e.store();
    e.fields()
        .map(|f| {
            let name = match f.field {
                Some(_) if camel_case => camel(&e.field_name(&f)),
                _ => e.field_name(&f).into_owned(),
            };
            let value = match f.value {
                FieldValue::Number { n, .. } => {
                    let symbol = f
                        .field
                        .and_then(|field| enums::codes_for(e.type_id(), field))
                        .and_then(|c| match c {
                            Codes::Enum(t) => u32::try_from(n).ok().and_then(|v| t.get(v)),
                            Codes::Mask(_) => None,
                        })
                        .map(|code| code.symbol)
                        .filter(|s| !s.is_empty() && coded);
                    match symbol {
                        Some(s) => format!("{n} ({s})"),
                        None => n.to_string(),
                    }
                }
                FieldValue::Text(s) => String::from_utf8_lossy(store.str(s)).into_owned(),
                _ => "null".to_owned(),
            };
            (name, value)
        })
        .collect()
}

fn camel(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_ascii_lowercase().to_string() + c.as_str())
        .unwrap_or_default()
}

fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_string() + &c.as_str().to_ascii_lowercase())
                .unwrap_or_default()
        })
        .collect()
}

/// Four lines of other traces for each line of a CTI record, so that a fifth of the lines are
/// CTI (the benchmark's mix): `noise[k % 4]` after `prefix(k)`.
fn noise(out: &mut String, cti_lines: usize, prefix: impl Fn(usize) -> String, noise: [&str; 4]) {
    for k in 0..4 * cti_lines {
        let _ = writeln!(out, "{}{}", prefix(k), noise[k % 4]);
    }
}

fn finesse(out: &mut String, e: EventRef<'_>, seq: u64, ms: i64) {
    let (date, time) = parts(ms);
    let (y, ..) = crate::time::civil_from_days(ms.div_euclid(86_400_000));
    let stamp = format!("{seq:010}: 10.10.20.21: {date} {y} {time} +0000");
    let (name, id) = e.store().type_name(e.ty());
    let pascal = pascal(&name);
    let list: Vec<String> = fields(e, true, true)
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let _ = writeln!(out, "{stamp}: %CCBU_CTIMessageEventExecutor-0-6-DECODED_MESSAGE_FROM_CTI_SERVER: %[cti_message=CTI{pascal} [{}]CTIMessageBean [invokeID=null, cti_sequence_id={seq}, msgID={}, msgName={pascal}, deploymentType=CCE]][cti_response_time=0][dispatch_phase=DnD-CHECKPOINT-3B]: Decoded Message to Finesse from backend cti server", list.join(", "), id.unwrap_or(0));
    noise(out, 1, |_| format!("{stamp}: %CCBU_"), [
        "pool-21-thread-1-7-QUEUE_STATISTICS_REQUEST: %[queue_id=5000]: Sending queue statistics request",
        "CoreImpl-worker187-6-XMPP_PUBLISH_ASYNCHRONOUS: %[NodeId=/finesse/api/User/3000/Dialogs][Payload=<Update><data><dialogs/></data><event>PUT</event></Update>]: Publishing to node",
        "Timer-1-7-HEARTBEAT: %[interval=30]: Heartbeat to CTI server acknowledged",
        "pool-21-thread-1-7-QUEUE_STATISTICS_RESPONSE: %[queue_id=5000][calls_in_queue=0]: Queue statistics received",
    ]);
}

fn mivr(out: &mut String, e: EventRef<'_>, seq: u64, ms: i64, frame: &[u8]) {
    let (date, time) = parts(ms);
    let stamp = format!("{date} {time} UTC");
    let (name, _) = e.store().type_name(e.ty());
    let list: Vec<String> = fields(e, false, true)
        .into_iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    let _ = writeln!(out, "{seq}: {stamp} %MIVR-ICD_CTI-7-UNK: CSOutboundMsgProcessor: got an event message: {{ length=-1 type={name}, {} }}", list.join(", "));
    let _ = write!(
        out,
        "{}: {stamp} %MIVR-ICD_CTI-7-UNK:writing... MHDR: 0000:",
        seq + 1
    );
    hex_rows(out, &frame[..8]);
    out.push_str(" MDATA:");
    let mut cti_lines = 2;
    for (r, row) in frame[8..].chunks(16).enumerate() {
        if r == 0 {
            out.push_str(" 0000:");
        } else {
            let _ = write!(out, "\n{:04X}:", r * 16);
            cti_lines += 1;
        }
        hex_rows(out, row);
    }
    out.push('\n');
    noise(out, cti_lines, |k| format!("{}: {stamp} %MIVR-", seq + 2 + k as u64), [
        "SS_TEL-7-UNK:Call.received() JTAPICallContact[id=11,type=Cisco JTAPI Call,state=CALL_RECEIVED,inbound=true]",
        "SS_RM-7-UNK:RM: resource 3000 state changed",
        "ENG-7-UNK:Task:1001 executing step 12 of script icd.aef",
        "SS_CM-7-UNK:ContactManager: contact 1001 updated",
    ]);
}

fn hex_rows(out: &mut String, row: &[u8]) {
    for b in row {
        let _ = write!(out, " {b:02X}");
    }
    out.push(' ');
    out.extend(
        row.iter()
            .map(|&b| if b.is_ascii_graphic() { b as char } else { '.' }),
    );
}

fn dumplog(out: &mut String, e: EventRef<'_>, ms: i64) {
    let (_, time) = parts(ms);
    let time = time.replace('.', ":");
    let (name, _) = e.store().type_name(e.ty());
    let list: Vec<String> = fields(e, false, false)
        .into_iter()
        .map(|(k, v)| {
            let v = if v == "null" || v.is_empty() {
                "N/A".to_owned()
            } else {
                v.replace(' ', "_")
            };
            format!("{k}:{v}")
        })
        .collect();
    let mut chunks = list.chunks(4);
    let first = chunks.next().map(|c| c.join(" ")).unwrap_or_default();
    let _ = write!(out, "{time} cg1A-ctisvr SESSION 9: MsgType:{name} ({first}");
    let mut cti_lines = 1;
    for c in chunks {
        let _ = write!(
            out,
            "\n{time} cg1A-ctisvr SESSION 9:         {}",
            c.join(" ")
        );
        cti_lines += 1;
    }
    out.push_str(" )\n");
    noise(
        out,
        cti_lines,
        |_| format!("{time} "),
        [
            "cg1A-ctisvr ClientSession 9: heartbeat received",
            "ra-rtr MDS is in service.",
            "pg1A-pim1 Trace: periodic status check",
            "cg1A-ctisvr Statistics: 12 sessions, 0 errors",
        ],
    );
}
