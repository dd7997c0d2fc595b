//! The Cisco traces (`tests/fixtures/reference/cisco-logs.md`): each grammar's fixture gives the
//! calls and outcomes of its `MsgType:` twin, the MIVR frame dumps give the frames field for
//! field, and every bad or odd input says what and where (one-based line and column).

use cti_outcome::binary::{self, Options, Width};
use cti_outcome::diagnostic::{At, DiagnosticCode};
use cti_outcome::log::Log;
use cti_outcome::sniff::{sniff, Form, Format};
use cti_outcome::store::{FieldValue, NoteKind, Store};
use cti_outcome::traces::Year;
use cti_outcome::view::timeline::timeline;

const TWIN: &[u8] = include_bytes!("../src/generate/flows/consult-transfer.txt");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/traces/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn open(input: &[u8]) -> Log {
    let mut log = Log::new(None, Options::default());
    log.set_year(Year {
        year: 2017,
        month: None,
    });
    log.push(input);
    log.finish();
    log
}

/// Each call's key, type, direction, outcome kind and rule, and links, as the timeline JSON says.
fn calls(log: &Log) -> Vec<String> {
    let json = serde_json::to_value(timeline(log.store(), log.timeline())).unwrap();
    json["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let links: Vec<String> = c["links"]
                .as_array()
                .map(|l| {
                    l.iter()
                        .map(|x| format!("{}>{}", x["kind"], x["call"]))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{} {} {} {} {} [{}]",
                c["key"],
                c["callType"],
                c["direction"],
                c["outcome"]["kind"],
                c["outcome"]["rule"],
                links.join(" ")
            )
        })
        .collect()
}

/// A diagnostic's code, one-based line and column.
type Said = (DiagnosticCode, u32, u32);

/// `(code, line, column)` of every diagnostic.
fn diagnostics(store: &Store) -> Vec<Said> {
    store
        .diagnostics()
        .iter()
        .map(|d| match d.at {
            At::Text { line, column } => (d.code, line, column),
            _ => (d.code, 0, 0),
        })
        .collect()
}

#[test]
fn each_grammar_gives_the_calls_and_outcomes_of_its_dump_twin() {
    let twin = calls(&open(TWIN));
    assert_eq!(twin.len(), 2);
    for (name, form) in [
        ("finesse-consult-transfer.log", Form::Finesse),
        ("mivr-consult-transfer.log", Form::Mivr),
        ("dumplog-consult-transfer.log", Form::Dumplog),
    ] {
        let input = fixture(name);
        assert_eq!(sniff(&input).form, form, "{name}");
        let log = open(&input);
        assert_eq!(log.format(), Some(Format::Trace), "{name}");
        assert_eq!(calls(&log), twin, "{name}");
        assert_eq!(diagnostics(log.store()), [], "{name}: nothing wrong in it");
        let summary: Vec<_> = log
            .store()
            .notes()
            .iter()
            .filter(|n| n.kind == NoteKind::Summary && n.text.contains("lines of other traces"))
            .collect();
        assert_eq!(summary.len(), 1, "{name}: one summary of the other lines");
    }
}

#[test]
fn other_traces_are_counted_by_kind_in_one_note() {
    let log = open(&fixture("finesse-consult-transfer.log"));
    let note = &log.store().notes()[0];
    assert_eq!(
        (note.line, note.text.as_str()),
        (1, "20 lines of other traces, skipped: 20 Finesse records")
    );
    // The XMPP publications (two lines each) are read: each an empty dialog list, one
    // `Update` event of its header.
    let updates = log
        .store()
        .events()
        .filter(|e| log.store().type_name(e.ty()).0 == "Update")
        .count();
    assert_eq!(updates, 10);
    let log = open(&fixture("mivr-consult-transfer.log"));
    let texts: Vec<&str> = log
        .store()
        .notes()
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert!(
        texts.contains(
            &"30 lines of other traces, skipped: 10 MIVR SS_TEL, 10 MIVR SS_RM, 10 MIVR ENG"
        ),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(
            |t| t.starts_with("9 MIVR high-level message lines were read from the frame dumps")
        ),
        "{texts:?}"
    );
}

#[test]
fn mivr_frame_dumps_decode_field_for_field_as_the_frames() {
    let twin = cti_outcome::text::decode(TWIN);
    let frames = binary::encode(&twin, Width::One, None).bytes;
    let (direct, _) = binary::decode(&frames, Options::default());
    let log = open(&fixture("mivr-consult-transfer.log"));
    let traced = log.store();
    // The last END_CALL_EVENT has no dump in the fixture: its high-level line is the event.
    assert_eq!(traced.len(), direct.len());
    let fields = |store: &Store, i: usize| -> Vec<(String, Option<u32>, String)> {
        let e = store.event(i);
        e.fields()
            .map(|f| {
                let value = match f.value {
                    FieldValue::Number { n, .. } => n.to_string(),
                    FieldValue::Text(s) => String::from_utf8_lossy(store.str(s)).into_owned(),
                    other => format!("{other:?}"),
                };
                (e.field_name(&f).into_owned(), f.index, value)
            })
            .collect()
    };
    for i in 0..direct.len() - 1 {
        assert_eq!(
            traced.event(i).type_id(),
            direct.event(i).type_id(),
            "event {i}"
        );
        assert_eq!(fields(traced, i), fields(&direct, i), "event {i}");
    }
}

#[test]
fn mivr_times_are_dated_only_with_a_year() {
    let input = fixture("mivr-consult-transfer.log");
    let dated = open(&input);
    // Nov 20 14:02:10.118 in 2017, as the zone's wall clock.
    assert_eq!(
        dated.store().event(0).time_ms(),
        Some((1_511_186_530_118, false))
    );
    let undated = Log::open(&input, None, Options::default());
    assert_eq!(undated.store().event(0).time_ms(), Some((50_530_118, true)));
    assert_eq!(
        diagnostics(undated.store()),
        [(DiagnosticCode::NoDate, 4, 1)]
    );
}

#[test]
fn dumplog_dates_come_from_events_from_lines_and_pass_midnight() {
    let input =
        b"22:59:59:900 cg1A-ctisvr SESSION 1: MsgType:BEGIN_CALL_EVENT (ConnectionCallID:7 )\n\
Events from April 14, 2017\n\
23:59:59:900 cg1A-ctisvr SESSION 1: MsgType:CALL_CLEARED_EVENT (ConnectionCallID:7 )\n\
00:00:00:100 cg1A-ctisvr SESSION 1: MsgType:END_CALL_EVENT (ConnectionCallID:7 )\n";
    let log = open(input);
    let s = log.store();
    assert_eq!(s.len(), 3);
    assert_eq!(
        s.event(0).time_ms(),
        Some((82_799_900, true)),
        "no date yet"
    );
    let day = 17_270 * 86_400_000; // 2017-04-14
    assert_eq!(s.event(1).time_ms(), Some((day + 86_399_900, false)));
    assert_eq!(
        s.event(2).time_ms(),
        Some((day + 86_400_000 + 100, false)),
        "the next day"
    );
    assert_eq!(diagnostics(s), [(DiagnosticCode::NoDate, 1, 1)]);
}

/// Each bad or odd input with what it must say, and where.
#[test]
fn bad_and_odd_inputs_say_what_and_where() {
    const F: &str = "0000000001: 10.0.0.1: Apr 14 2017 14:02:10.118 -0700: %CCBU_CTIMessageEventExecutor-0-6-DECODED_MESSAGE_FROM_CTI_SERVER: %[cti_message=";
    let finesse = |body: &str| format!("{F}{body}\n");
    let cases: Vec<(String, Vec<Said>, usize)> = vec![
        // A record cut at the end of the file (rotation): its fields so far are kept.
        (
            finesse("CTIAgentStateEvent [agentState=3 (AVAILABLE), agentID=4020"),
            vec![(DiagnosticCode::RecordCut, 1, 194)],
            1,
        ),
        // Cut at the start: the end of a record before the first whole one.
        (
            format!("agentInstrument=4020]CTIMessageBean [msgID=30]]\n{}", finesse("CTIAgentStateEvent [agentState=3 (AVAILABLE)]CTIMessageBean [msgID=30, msgName=AgentStateEvent]]")),
            vec![(DiagnosticCode::RecordCut, 1, 1)],
            1,
        ),
        // A name no mapping knows: kept as a field, said once with a count.
        (
            finesse("CTIAgentStateEvent [agentState=3 (AVAILABLE), vendorFlag=1]CTIMessageBean [msgID=30]]")
                + &finesse("CTIAgentStateEvent [agentState=3 (AVAILABLE), vendorFlag=2]CTIMessageBean [msgID=30]]"),
            vec![(DiagnosticCode::UnknownFieldName, 1, 182)],
            2,
        ),
        // A number and its name disagree (3 is AVAILABLE, not RESERVED).
        (
            finesse("CTIAgentStateEvent [agentState=3 (RESERVED)]CTIMessageBean [msgID=30]]"),
            vec![(DiagnosticCode::CodeMismatch, 1, 156)],
            1,
        ),
        // A MIVR frame dump whose rows stop short of the length its header gives.
        (
            "1: Nov 20 10:43:59.435 EDT %MIVR-ICD_CTI-7-UNK:writing... MHDR: 0000: 00 00 00 36 00 00 00 17 MDATA: 0000: 00 00 00 00 00 00 00 01\n".to_owned(),
            vec![(DiagnosticCode::RecordCut, 1, 1)],
            1,
        ),
        // A ctisvr message without its closing ` )`, followed by another.
        (
            "10:00:00:000 cg1A-ctisvr SESSION 9: MsgType:BEGIN_CALL_EVENT (ConnectionCallID:7\n10:00:01:000 cg1A-ctisvr SESSION 9: MsgType:END_CALL_EVENT (ConnectionCallID:7 )\n".to_owned(),
            vec![(DiagnosticCode::NoDate, 1, 1), (DiagnosticCode::RecordCut, 1, 81)],
            2,
        ),
        // A dump pasted into a trace: both are read.
        (
            finesse("CTIAgentStateEvent [agentState=3 (AVAILABLE)]CTIMessageBean [msgID=30]]")
                + "MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 7\n"
                + &finesse("CTIAgentStateEvent [agentState=2 (NOT_READY)]CTIMessageBean [msgID=30]]"),
            vec![],
            3,
        ),
    ];
    for (input, want, events) in cases {
        let log = open(input.as_bytes());
        assert_eq!(diagnostics(log.store()), want, "{input}");
        assert_eq!(log.store().len(), events, "{input}");
    }
}

#[test]
fn an_unknown_name_keeps_its_values_and_is_counted() {
    let input = "0000000001: 10.0.0.1: Apr 14 2017 14:02:10.118 -0700: %CCBU_CTIMessageEventExecutor-0-6-DECODED_MESSAGE_FROM_CTI_SERVER: %[cti_message=CTIAgentStateEvent [vendorFlag=1]CTIMessageBean [msgID=30]]\n".repeat(3);
    let log = open(input.as_bytes());
    assert_eq!(
        log.store().diagnostics()[0].message,
        "unknown field name, kept as written: \"vendorFlag\" (3 times)"
    );
    let e = log.store().event(2);
    let f = e.fields().next().unwrap();
    assert_eq!(
        (e.field_name(&f).as_ref(), f.value.number()),
        ("vendorFlag", Some(1))
    );
}

#[test]
fn opc_and_pim_records_join_their_calls_and_explain_the_leg() {
    let log = open(&fixture("dumplog-consult-transfer.log"));
    let json = serde_json::to_value(timeline(log.store(), log.timeline())).unwrap();
    let remarks = |key: &str| -> Vec<String> {
        json["calls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == key)
            .unwrap()["remarks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_owned())
            .collect()
    };
    let leg = "CallDisposition 13 (Disconnect/drop handled primary route), PeripheralCallType 2 (Pre-Route ACD In)";
    assert_eq!(remarks("1010"), [format!("the OPC's end-of-call record of a leg of this call (event 12, joined by its router call key): {leg}")]);
    // A Termination_Call_Detail row of the same leg (`cisco-records.md` §1.1) is explained the
    // same way.
    let tcd = "PeripheralID,RouterCallKeyDay,RouterCallKey,RouterCallKeySequenceNumber,PeripheralCallKey,PeripheralCallType,CallDisposition,NetworkTime,Duration,RingTime,DelayTime,TimeToAband,HoldTime,TalkTime,WorkTime,LocalQTime\r\n5004,146577,29204,1,1010,2,13,1,171,0,0,0,28,143,0,0\r\n";
    let records = cti_outcome::records::read(
        tcd.as_bytes(),
        &cti_outcome::records::RecordOptions::default(),
    );
    let row = serde_json::to_value(cti_outcome::view::records::decoded_records(&records)).unwrap();
    assert_eq!(row["calls"][0]["legs"][0]["cisco"]["explained"], leg);
    // …and its times are the record's (`Duration=171 RingTime=0 … HoldTime=28 TalkTime=143`).
    assert_eq!(
        row["calls"][0]["legs"][0]["cisco"]["seconds"],
        serde_json::json!({"ring": 0.0, "delay": 0.0, "talk": 143.0, "hold": 28.0, "work": 0.0, "localQueue": 0.0, "duration": 171.0})
    );
    assert!(remarks("1011")[0]
        .starts_with("the PIM's CSTA DELIVERED (event 6) is joined by its CallID"));
    // Without a call to join, a leg record stays among the events no call holds.
    let alone = open(b"16:28:01 pg2B-opc Trace: Peripheral::SendTerminationCallDetail - DateTime=04/26 15:28:00\n16:28:01 pg2B-opc Trace:     Periph=5004 Day=146577 RtrCallKey=29204 CallDisp=13,DBCD_DROP_HANDLED_PRIMARY_ROUTE\n");
    assert_eq!((alone.store().len(), alone.timeline().call_count()), (1, 0));
}

#[test]
fn a_wrapped_paste_keeps_the_fields_around_the_cut() {
    // A copy wrapped the line between `CSQID:` and its value.
    let log = Log::open(
        b"MsgType: AGENT_STATE_EVENT MonitorID: 0 PeripheralID: 1 CSQID:\nN/A AgentState: AVAILABLE AgentID: 4020 MsgType: BEGIN_CALL_EVENT ConnectionCallID: 5\n",
        None,
        Options::default(),
    );
    let s = log.store();
    let names: Vec<String> = s
        .event(0)
        .fields()
        .map(|f| s.event(0).field_name(&f).into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "MonitorID",
            "PeripheralID",
            "SkillGroupNumber",
            "AgentState",
            "AgentID"
        ]
    );
    assert_eq!(
        s.event(0).fields().nth(2).map(|f| f.value),
        Some(FieldValue::Na(
            s.event(0)
                .fields()
                .nth(2)
                .and_then(|f| match f.value {
                    FieldValue::Na(r) => Some(r),
                    _ => None,
                })
                .unwrap()
        ))
    );
    assert_eq!(s.len(), 2);
    assert!(s.notes().is_empty(), "{:?}", s.notes());
}
