//! Calls, links, outcomes and agents from every bundled flow, each derivation rule, and the
//! incremental builder against the whole build.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use cti_outcome::store::Store;
use cti_outcome::timeline::{self, CallDirection, LinkKind, Timeline as Builder, RULES};
use cti_outcome::view::timeline::{timeline as view, Durations};
use cti_outcome::OutcomeKind;
use proptest::prelude::*;

mod common;
use common::{call, flows, text, timeline, timeline_of};

#[test]
fn timelines_of_every_flow_match_their_snapshots() {
    for path in flows() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(format!("timeline-{name}"), timeline(&name));
    }
}

/// The seed: the reservation call with `BAResponse: Skip` is skipped, with that field as
/// evidence; agent chli4020 (4020) ends available; the call ID it clears under is linked to it.
#[test]
fn seed_skip_flow() {
    let t = timeline("uccx-agent-skips-contact");
    let skipped = call(&t, "16800098");
    assert_eq!(skipped.outcome.kind, OutcomeKind::Skipped);
    assert_eq!(skipped.outcome.rule, "preview-response");
    let evidence = &skipped.outcome.evidence[0];
    assert_eq!(
        (evidence.field.as_deref(), evidence.value.as_deref()),
        (Some("BAResponse"), Some("Skip"))
    );
    assert_eq!(evidence.type_name, "CALL_DATA_UPDATE_EVENT");
    assert_eq!(skipped.agents, ["chli4020"]);

    let agent = &t.agents[0];
    assert_eq!(
        (agent.key.as_str(), agent.extension.as_deref()),
        ("chli4020", Some("4020"))
    );
    assert_eq!(
        agent.state.as_ref().and_then(|s| s.symbol.as_deref()),
        Some("AGENT_STATE_AVAILABLE")
    );

    // UCCX clears the skipped reservation under a new call ID (the guide's step 3): that
    // clearing is the same reservation, linked by the device and the agent's answer.
    let cleared = call(&t, "16800099");
    let link = &cleared.links[0];
    assert_eq!(
        (link.kind, link.call.as_str(), link.rule.as_str()),
        (LinkKind::SameReservation, "16800098", "reservation-cleared")
    );
    assert_eq!(link.evidence[0].field.as_deref(), Some("BAResponse"));
    assert_eq!(link.evidence[1].type_name, "CALL_CLEARED_EVENT");
    assert_eq!(skipped.links[0].call, "16800099");
    assert_eq!(
        (cleared.outcome.kind, cleared.outcome.rule.as_str()),
        (OutcomeKind::Skipped, "reservation-leg")
    );
    assert!(cleared.outcome.reason.contains("reservation call 16800098"));

    let only_end = call(&t, "16800095");
    assert!(only_end
        .outcome
        .missing
        .as_deref()
        .unwrap()
        .contains("END_CALL_EVENT alone"));
}

/// Every call in every bundled flow has a decided outcome with evidence, or says what is missing.
#[test]
fn every_call_has_an_outcome_with_evidence_or_says_what_is_missing() {
    for path in flows() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        for c in &timeline(&name).calls {
            let o = &c.outcome;
            assert!(!o.evidence.is_empty(), "{name} {}: no evidence", c.key);
            assert!(!o.reason.is_empty(), "{name} {}", c.key);
            if o.kind == OutcomeKind::Unknown {
                assert!(
                    o.missing.is_some(),
                    "{name} {}: unknown without missing",
                    c.key
                );
            }
        }
    }
}

/// One case per derivation rule: (rule, flow, call, kind). Every rule in the table has one.
const RULE_CASES: &[(&str, &str, &str, OutcomeKind)] = &[
    (
        "preview-response",
        "uccx-agent-skips-contact",
        "16800098",
        OutcomeKind::Skipped,
    ),
    (
        "preview-response",
        "outbound-preview",
        "16800200",
        OutcomeKind::Rejected,
    ),
    (
        "transfer-event",
        "consult-transfer",
        "1010",
        OutcomeKind::Transferred,
    ),
    (
        "transfer-event",
        "consult-transfer",
        "1011",
        OutcomeKind::Transferred,
    ),
    (
        "conference-event",
        "conference",
        "1012",
        OutcomeKind::Conferenced,
    ),
    ("failed-event", "busy", "1004", OutcomeKind::Busy),
    (
        "clearing-cause",
        "outbound-no-answer",
        "1005",
        OutcomeKind::NoAnswer,
    ),
    (
        "clearing-cause",
        "abandoned-ringing",
        "1008",
        OutcomeKind::Abandoned,
    ),
    (
        "answered",
        "inbound-answered",
        "1001",
        OutcomeKind::Answered,
    ),
    ("answered", "hold-retrieve", "1009", OutcomeKind::Answered),
    (
        "answered",
        "outbound-preview",
        "16800203",
        OutcomeKind::Answered,
    ),
    (
        "still-active",
        "uccx-outbound-reservation-call",
        "16800097",
        OutcomeKind::StillActive,
    ),
    (
        "still-active",
        "uccx-queued-answered-call-partial",
        "16777507",
        OutcomeKind::StillActive,
    ),
    (
        "abandoned-in-queue",
        "abandoned-in-queue",
        "1002",
        OutcomeKind::Abandoned,
    ),
    (
        "diverted-unanswered",
        "ring-no-answer",
        "1003",
        OutcomeKind::NoAnswer,
    ),
    (
        "outbound-unanswered",
        "outbound-no-answer",
        "1006",
        OutcomeKind::NoAnswer,
    ),
    (
        "abandoned-ringing",
        "abandoned-ringing",
        "1007",
        OutcomeKind::Abandoned,
    ),
    (
        "preview-response",
        "outbound-preview",
        "16800201",
        OutcomeKind::Accepted,
    ),
    (
        "reservation-leg",
        "uccx-agent-skips-contact",
        "16800099",
        OutcomeKind::Skipped,
    ),
    (
        "undetermined",
        "uccx-agent-skips-contact",
        "16800095",
        OutcomeKind::Unknown,
    ),
    (
        "dialog-failed",
        "finesse/dialog-busy.xml",
        "16810003",
        OutcomeKind::Busy,
    ),
    (
        "dialog-failed",
        "finesse/dialog-bad-destination.xml",
        "16810004",
        OutcomeKind::Failed,
    ),
    (
        "dialog-secondary",
        "finesse/dialog-consult-transfer.xml",
        "16810011",
        OutcomeKind::Transferred,
    ),
    (
        "dialog-answered",
        "finesse/dialog-answered.xml",
        "16810001",
        OutcomeKind::Answered,
    ),
    (
        "dialog-not-answered",
        "finesse/dialog-not-answered.xml",
        "16810002",
        OutcomeKind::NoAnswer,
    ),
    (
        "dialog-still-active",
        "finesse/dialog-still-active.xml",
        "16810005",
        OutcomeKind::StillActive,
    ),
    (
        "dialog-undetermined",
        "finesse/dialog-undetermined.xml",
        "16810006",
        OutcomeKind::Unknown,
    ),
];

#[test]
fn each_rule_decides_its_case() {
    for &(rule, flow, key, kind) in RULE_CASES {
        let t = timeline(flow);
        let o = &call(&t, key).outcome;
        assert_eq!(
            (o.rule.as_str(), o.kind),
            (rule, kind),
            "{flow} {key}: {}",
            o.reason
        );
    }
    for (rule, _) in RULES {
        assert!(
            RULE_CASES.iter().any(|c| c.0 == *rule),
            "rule {rule} has no test case"
        );
    }
}

#[test]
fn the_readme_prints_every_rule() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (rule, text) in RULES {
        assert!(
            readme.contains(&format!("| `{rule}` | {text} |")),
            "README lacks rule {rule}"
        );
    }
}

/// The README's "What an outcome means" lists every kind once, in the code's order.
#[test]
fn the_readme_says_what_every_outcome_means() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme
        .split("### What an outcome means")
        .nth(1)
        .and_then(|s| s.split("\n\n").nth(2))
        .expect("the README has the outcome table");
    let listed: Vec<&str> = section
        .lines()
        .skip(2)
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    let kinds: Vec<&str> = cti_outcome::OutcomeKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(listed, kinds);
}

#[test]
fn the_call_list_columns_say_what_the_call_views_say() {
    for path in flows() {
        let mut store = cti_outcome::text::decode(&fs::read(&path).unwrap());
        let t = timeline::build(&mut store);
        let views = view(&store, &t).calls;
        let c = cti_outcome::view::calls::call_columns(&store, &t);
        let mut strings = Vec::new();
        let mut start = 0;
        for &end in &c.string_ends {
            // The flows are ASCII, so UTF-16 offsets are byte offsets.
            strings.push(&c.strings[start..end as usize]);
            start = end as usize;
        }
        let text = |i: i32| usize::try_from(i).ok().map(|i| strings[i]);
        assert_eq!(c.key.len(), views.len(), "{}", path.display());
        for (i, call) in views.iter().enumerate() {
            assert_eq!(strings[c.key[i] as usize], call.key);
            let call_type = call
                .call_type
                .as_ref()
                .map(|t| t.symbol.clone().unwrap_or(t.value.to_string()));
            assert_eq!(text(c.call_type[i]).map(str::to_owned), call_type);
            assert_eq!(
                text(c.agents[i]).unwrap_or_default(),
                call.agents.join(", ")
            );
            assert_eq!(c.start_event[i], call.start.event);
            assert_eq!(text(c.start_time[i]), call.start.time.as_deref());
            assert_eq!(c.events[i] as usize, call.events.len());
            assert_eq!(OutcomeKind::ALL[c.outcome[i] as usize], call.outcome.kind);
            assert_eq!(
                strings[c.reason[i] as usize],
                call.outcome.reason,
                "{} call {}",
                path.display(),
                call.key
            );
            assert_eq!(strings[c.rule[i] as usize], call.outcome.rule);
        }
    }
}

#[test]
fn search_finds_calls_by_any_of_their_words() {
    let mut store = cti_outcome::text::decode(&text("consult-transfer"));
    let t = timeline::build(&mut store);
    let search = |needle| cti_outcome::view::calls::search(&store, &t, needle);
    assert_eq!(
        search("5550010"),
        [0, 1],
        "the ANI of 1010, a device of the transfer in both"
    );
    assert_eq!(search("2007"), [0, 1], "a device");
    assert_eq!(search("TRANSFERRED"), [0, 1], "the outcome, any case");
    assert_eq!(search("by 2006 to 2007"), [0, 1], "the reason");
    assert_eq!(search("consult"), [1], "the call type");
    assert_eq!(search("1011"), [1], "the key");
    assert_eq!(search(""), [0, 1]);
    assert!(search("no such words").is_empty());
}

#[test]
fn an_undocumented_cause_is_named_never_taken_for_another() {
    let t = timeline_of(
        b"MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 9\nMsgType: CALL_CLEARED_EVENT\n  ConnectionCallID: 9\n  EventCause: CEC_BOGUS\n",
    );
    let o = &call(&t, "9").outcome;
    assert_eq!(o.kind, OutcomeKind::Unknown);
    assert!(
        o.reason
            .contains("cause CEC_BOGUS, which no reference documents"),
        "{}",
        o.reason
    );
    assert!(!o.reason.contains("CEC_NONE"), "{}", o.reason);
    assert_eq!(o.evidence[0].field.as_deref(), Some("EventCause"));
    assert!(o
        .missing
        .as_deref()
        .unwrap()
        .contains("a clearing EventCause the references document"));
}

#[test]
fn events_in_no_call_are_listed_apart() {
    let text = b"MsgType: AGENT_STATE_EVENT\n  AgentID: a1\n  AgentState: AVAILABLE\n\
MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 12x\n\
MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 12\n";
    let mut store = cti_outcome::text::decode(text);
    let t = timeline::build(&mut store);
    assert_eq!(cti_outcome::view::calls::other_events(&store, &t), [0, 1]);
}

#[test]
fn durations_come_from_timestamps() {
    let t = timeline("hold-retrieve");
    let d = &call(&t, "1009").durations;
    assert_eq!(
        (d.ring_ms, d.talk_ms, d.hold_ms, d.queue_ms),
        (Some(2500), Some(60_000), Some(20_000), None)
    );

    let t = timeline("inbound-answered");
    let c = call(&t, "1001");
    assert_eq!(
        (c.durations.queue_ms, c.durations.ring_ms),
        (Some(4000), Some(3000))
    );
    assert_eq!(
        (c.ani.as_deref(), c.dnis.as_deref()),
        (Some("5551234"), Some("7000"))
    );
    assert_eq!(c.variables[0].name, "CallVariable1");
    assert_eq!(c.direction, CallDirection::Inbound);
    assert_eq!(
        c.end.as_ref().map(|p| p.event),
        Some(6),
        "CALL_CLEARED_EVENT ends it"
    );

    // Without timestamps there are no durations.
    assert_eq!(
        call(&timeline("consult-transfer"), "1010").durations,
        Durations::default()
    );
}

#[test]
fn agent_segments_follow_state_changes() {
    let t = timeline("inbound-answered");
    let agent = &t.agents[0];
    let states: Vec<_> = agent
        .segments
        .iter()
        .map(|s| s.state.symbol.as_deref().unwrap())
        .collect();
    assert_eq!(
        states,
        [
            "AGENT_STATE_RESERVED",
            "AGENT_STATE_TALKING",
            "AGENT_STATE_WORK_READY"
        ]
    );
    let durations: Vec<_> = agent.segments.iter().map(|s| s.duration_ms).collect();
    assert_eq!(durations, [Some(3000), Some(60_000), None]);
    assert_eq!(agent.calls, ["1001"]);

    let t = timeline("ring-no-answer");
    assert_eq!(t.agents[0].segments[0].reason_code, Some(32763));
    assert_eq!(t.agents[0].calls, ["1003"]);
}

#[test]
fn the_model_says_where_the_pages_disagree() {
    let t = timeline("uccx-outbound-reservation-call");
    assert_eq!(call(&t, "16800097").device_ids, ["420", "4020"]);
    assert!(call(&t, "16800097").remarks[0].contains("420 (event 1), 4020 (event 2)"));

    let t = timeline("uccx-queued-answered-call-partial");
    let c = call(&t, "16777507");
    assert_eq!(c.direction, CallDirection::Unknown);
    assert!(c.remarks[0].contains("CALLTYPE_OUT"));
}

#[test]
fn a_reused_call_id_starts_a_new_call_after_the_old_one_ended() {
    let mut twice = text("abandoned-in-queue");
    twice.extend(twice.clone());
    let t = timeline_of(&twice);
    let keys: Vec<_> = t.calls.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["1002", "1002#2"]);
    assert_eq!(t.calls[1].events, [4, 5, 6, 7]);
}

/// Every event of every bundled flow as the text it was written with, so that events can be
/// reordered and decoded again.
fn all_events() -> Vec<Vec<u8>> {
    flows()
        .iter()
        .flat_map(|p| {
            let text = fs::read(p).unwrap();
            let store = cti_outcome::text::decode(&text);
            store
                .events()
                .map(|e| {
                    let start = usize::try_from(e.offset()).unwrap();
                    let mut block = text[start..start + e.length() as usize].to_vec();
                    block.push(b'\n');
                    block
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any order of events, taken in any batches: every timeline equals the whole build of the
    /// events so far.
    #[test]
    fn incremental_timelines_equal_the_whole_build(
        order in Just((0..all_events().len()).collect::<Vec<_>>()).prop_shuffle(),
        take in 0usize..200,
        cuts in proptest::collection::vec(0usize..200, 0..8),
    ) {
        let pool = all_events();
        let text: Vec<u8> = order.iter().take(take.max(1)).flat_map(|&i| pool[i].clone()).collect();
        let mut store: Store = cti_outcome::text::decode(&text);
        let n = store.len();
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (n + 1)).collect();
        cuts.push(n);
        cuts.sort_unstable();
        let mut builder = Builder::default();
        for cut in cuts {
            builder.push(&mut store, cut);
            builder.finish(&store);
            let mut whole = Builder::default();
            whole.push(&mut store, cut);
            whole.finish(&store);
            prop_assert_eq!(view(&store, &builder), view(&store, &whole));
        }
        prop_assert_eq!(builder.len() as usize, n);
    }
}
