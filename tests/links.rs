//! Links between calls, one case for each linking rule, and the direction rules.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use cti_outcome::timeline::{CallDirection, LinkKind, LINK_RULES};

mod common;
use common::{call, timeline, timeline_of};

/// A campaign's reservation call accepted on device 4020, then the customer call to 4020 with
/// no BADialedListID of its own (the UCCX outbound flow of reference §4.9: the dialer places the
/// customer call to the reserved agent).
const NEXT_ON_DEVICE: &[u8] = b"\
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_RESERVATION\n  ConnectionCallID: 50\n  ConnectionDeviceID: 4020\n
MsgType: CALL_DATA_UPDATE_EVENT\n  ConnectionCallID: 50\n  NewConnectionCallID: 51\n  ConnectionDeviceID: 4020\n  BAResponse: Accept\n
MsgType: CALL_CLEARED_EVENT\n  ConnectionCallID: 51\n  EventCause: CEC_NONE\n
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_AGENT_OUT\n  ConnectionCallID: 52\n  ConnectionDeviceID: 4020\n
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_CUSTOMER_PREVIEW\n  ConnectionCallID: 53\n  ConnectionDeviceID: 4020\n";

/// Call 60 is transferred; the transfer event lists call 61 as a connected party.
const CONNECTED_PARTY: &[u8] = b"\
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_ACD_IN\n  ConnectionCallID: 61\n  ConnectionDeviceID: 2007\n
MsgType: CALL_TRANSFERRED_EVENT\n  PrimaryCallID: 60\n  SecondaryCallID: 62\n  ConnectedPartyCallID: 61\n";

/// For each rule: (rule, log, call, the call it links to, kind). A log is a bundled flow's name
/// or, after `=`, one of the texts above.
const LINK_CASES: &[(&str, &str, &str, &str, LinkKind)] = &[
    (
        "transfer-event",
        "consult-transfer",
        "1010",
        "1011",
        LinkKind::Transfer,
    ),
    (
        "conference-event",
        "conference",
        "1013",
        "1012",
        LinkKind::Conference,
    ),
    ("connected-party", "=party", "60", "61", LinkKind::Party),
    (
        "consult-while-held",
        "consult-transfer",
        "1011",
        "1010",
        LinkKind::Consult,
    ),
    (
        "same-dialed-list",
        "outbound-preview",
        "16800201",
        "16800203",
        LinkKind::Reservation,
    ),
    (
        "next-on-device",
        "=device",
        "50",
        "53",
        LinkKind::Reservation,
    ),
    (
        "reservation-cleared",
        "uccx-agent-skips-contact",
        "16800099",
        "16800098",
        LinkKind::SameReservation,
    ),
    (
        "dialog-associated",
        "finesse/dialog-consult-transfer.xml",
        "16810011",
        "16810010",
        LinkKind::Consult,
    ),
    (
        "dialog-secondary",
        "finesse/dialog-consult-transfer.xml",
        "16810010",
        "16810011",
        LinkKind::Transfer,
    ),
];

#[test]
fn each_link_rule_links_its_case_both_ways_with_evidence() {
    for &(rule, log, from, to, kind) in LINK_CASES {
        let t = match log {
            "=party" => timeline_of(CONNECTED_PARTY),
            "=device" => timeline_of(NEXT_ON_DEVICE),
            name => timeline(name),
        };
        for (a, b) in [(from, to), (to, from)] {
            let link = call(&t, a)
                .links
                .iter()
                .find(|l| l.rule == rule)
                .unwrap_or_else(|| panic!("{log}: {a} has no {rule} link"));
            assert_eq!((link.kind, link.call.as_str()), (kind, b), "{log} {rule}");
            assert!(!link.evidence.is_empty(), "{log} {rule}: no evidence");
        }
    }
    for (rule, _) in LINK_RULES {
        assert!(
            LINK_CASES.iter().any(|c| c.0 == *rule),
            "link rule {rule} has no test case"
        );
    }
}

#[test]
fn the_readme_prints_every_link_rule() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (rule, text) in LINK_RULES {
        assert!(
            readme.contains(&format!("| `{rule}` | {text} |")),
            "README lacks link rule {rule}"
        );
    }
}

#[test]
fn only_the_first_customer_call_after_the_accept_is_linked() {
    let t = timeline_of(NEXT_ON_DEVICE);
    assert!(
        call(&t, "52").links.is_empty(),
        "CallType 8 is not a campaign's customer call"
    );
    let second = b"MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_CUSTOMER_PREVIEW\n  ConnectionCallID: 54\n  ConnectionDeviceID: 4020\n";
    let t = timeline_of(&[NEXT_ON_DEVICE, second].concat());
    assert!(call(&t, "54").links.is_empty(), "only the first is linked");
    assert_eq!(call(&t, "50").links.len(), 1);
}

#[test]
fn direction_comes_from_the_first_event_that_tells() {
    let case = |fields: &str| {
        let text = format!("MsgType: CALL_ORIGINATED_EVENT\n  ConnectionCallID: 7\n{fields}");
        call(&timeline_of(text.as_bytes()), "7").direction
    };
    assert_eq!(case("  CalledDeviceType: 70\n"), CallDirection::Outbound);
    assert_eq!(case("  CalledDeviceType: 75\n"), CallDirection::Outbound);
    assert_eq!(case("  CalledDeviceType: 76\n"), CallDirection::Internal);
    assert_eq!(
        case("  CallType: CALLTYPE_ACD_IN\n  CalledDeviceType: 70\n"),
        CallDirection::Inbound,
        "the CallType tells first"
    );
    let routed = b"MsgType: CALL_DELIVERED_EVENT\n  ConnectionCallID: 8\n  CalledDeviceType: 74\n";
    assert_eq!(
        call(&timeline_of(routed), "8").direction,
        CallDirection::Inbound
    );
    let plain = b"MsgType: CALL_DELIVERED_EVENT\n  ConnectionCallID: 9\n";
    assert_eq!(
        call(&timeline_of(plain), "9").direction,
        CallDirection::Unknown
    );
}

#[test]
fn transfers_conferences_and_consults_are_linked() {
    let t = timeline("consult-transfer");
    let kinds = |key| {
        call(&t, key)
            .links
            .iter()
            .map(|l| (l.kind, l.call.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("1010"),
        [
            (LinkKind::Transfer, "1011".into()),
            (LinkKind::Consult, "1011".into())
        ]
    );
    assert_eq!(
        kinds("1011"),
        [
            (LinkKind::Transfer, "1010".into()),
            (LinkKind::Consult, "1010".into())
        ]
    );
    assert_eq!(
        call(&t, "1010").outcome.reason,
        "the call was transferred by 2006 to 2007"
    );

    let t = timeline("conference");
    assert!(call(&t, "1013")
        .links
        .iter()
        .any(|l| l.kind == LinkKind::Conference && l.call == "1012"));
    assert!(call(&t, "1013")
        .links
        .iter()
        .any(|l| l.kind == LinkKind::Consult && l.call == "1012"));
}

#[test]
fn a_hold_ends_with_its_call_so_a_later_consult_is_not_linked_to_it() {
    // Call 1 is held on device 2006 and cleared without a retrieve; consult call 3 starts on
    // 2006 afterwards. Call 2 is held on 2006 when call 3 starts: that is the consult's source.
    let text = b"\
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_ACD_IN\n  ConnectionCallID: 1\n
MsgType: CALL_HELD_EVENT\n  ConnectionCallID: 1\n  HoldingDeviceID: 2006\n
MsgType: CALL_CLEARED_EVENT\n  ConnectionCallID: 1\n  EventCause: CEC_NONE\n
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_ACD_IN\n  ConnectionCallID: 2\n
MsgType: CALL_HELD_EVENT\n  ConnectionCallID: 2\n  HoldingDeviceID: 2006\n
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_CONSULT\n  ConnectionCallID: 3\n  ConnectionDeviceID: 2006\n
MsgType: CALL_RETRIEVED_EVENT\n  ConnectionCallID: 2\n  RetrievingDeviceID: 2006\n
MsgType: BEGIN_CALL_EVENT\n  CallType: CALLTYPE_CONSULT\n  ConnectionCallID: 4\n  ConnectionDeviceID: 2006\n";
    let t = timeline_of(text);
    let consults = |key| {
        call(&t, key)
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Consult)
            .map(|l| l.call.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        consults("3"),
        ["2"],
        "call 1's hold ended when it was cleared"
    );
    assert!(consults("1").is_empty());
    assert!(
        consults("4").is_empty(),
        "call 2 was retrieved before call 4 began"
    );
}

#[test]
fn reservation_calls_link_to_their_customer_call_and_follow_rekeying() {
    let t = timeline("outbound-preview");
    let reservation = call(&t, "16800201");
    assert_eq!(reservation.aliases, [16_800_202]);
    assert!(
        reservation.events.len() == 3,
        "the clearing under the new ID belongs to it"
    );
    assert_eq!(reservation.links[0].kind, LinkKind::Reservation);
    assert_eq!(reservation.links[0].call, "16800203");
    assert!(
        call(&t, "16800200").links.is_empty(),
        "different BADialedListID"
    );
    assert_eq!(call(&t, "16800203").direction, CallDirection::Outbound);
}
