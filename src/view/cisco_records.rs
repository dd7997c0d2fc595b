//! What the views of a Cisco call-detail export add to a jtel one: each leg's codes explained,
//! the calls' keys, reasons and remarks, and how the export's times were read
//! (`cisco-records.md`).

use std::borrow::Cow;

use serde::Serialize;
use ts_rs::TS;

use crate::codes::call::{CALLED_PARTY_DISPOSITION, PERIPHERAL_CALL_TYPE};
use crate::outcome::OutcomeKind;
use crate::records::calls::LinkKind;
use crate::records::cisco::{self, GroupedBy, PARTIAL_CALL};
use crate::records::{Call, Family, RecordRule, Records, Role, Table};

/// A coded cell of a leg, explained.
#[serde_with::skip_serializing_none]
#[derive(Serialize, TS)]
#[ts(optional_fields)]
pub struct LegCode {
    /// The number as read.
    pub code: u32,
    /// What it means, with the doubt of the source where there is one.
    pub meaning: Cow<'static, str>,
    /// The outcome it stands for, where it stands for one (a disposition).
    pub kind: Option<OutcomeKind>,
}

/// What a Cisco leg adds: its codes explained, agent and skill group, one sentence.
#[serde_with::skip_serializing_none]
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct CiscoLeg<'a> {
    /// RouterCallKeySequenceNumber or sessionSeqNum.
    pub sequence: Option<f64>,
    /// CallDisposition or contactDisposition.
    pub disposition: Option<LegCode>,
    /// PeripheralCallType or contactType.
    pub call_type: Option<LegCode>,
    /// CallDispositionFlag as written, and what it is inferred to mean.
    pub disposition_flag: Option<LegCode>,
    /// AgentPeripheralNumber (UCCE) or, for a leg to an agent, destinationDN (UCCX).
    pub agent: Option<&'a str>,
    /// SkillGroupSkillTargetID (UCCE).
    pub skill_group: Option<&'a str>,
    /// UCCE: the leg's codes in one sentence, as the OPC trace's record of it is explained.
    pub explained: Option<String>,
    /// UCCE: the leg's times in seconds (RingTime, DelayTime, TalkTime, HoldTime, WorkTime,
    /// LocalQTime, Duration), as written.
    pub seconds: Option<LegSeconds>,
}

/// A UCCE leg's times (s), each absent where the export has no such cell.
#[serde_with::skip_serializing_none]
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct LegSeconds {
    /// RingTime (s).
    pub ring: Option<f64>,
    /// DelayTime (s).
    pub delay: Option<f64>,
    /// TalkTime (s).
    pub talk: Option<f64>,
    /// HoldTime (s).
    pub hold: Option<f64>,
    /// WorkTime (s).
    pub work: Option<f64>,
    /// LocalQTime (s).
    pub local_queue: Option<f64>,
    /// Duration (s): LocalQTime + RingTime + TalkTime + WorkTime + HoldTime + DelayTime.
    pub duration: Option<f64>,
}

/// Row `row`'s Cisco codes.
#[must_use]
pub fn leg(records: &Records, row: usize) -> CiscoLeg<'_> {
    let t = &records.table;
    let number = |role| t.role_value(row, role).and_then(cisco::whole);
    let code = |role| number(role).and_then(|n| u32::try_from(n).ok());
    let tcd = t.family == Family::UcceTcd;
    #[allow(clippy::cast_precision_loss)] // sequence numbers are small
    CiscoLeg {
        sequence: number(Role::Sequence).map(|n| n as f64),
        disposition: code(Role::Disposition).map(|c| disposition(t.family, c)),
        call_type: code(Role::CallType).map(|c| call_type(t.family, c)),
        disposition_flag: code(Role::DispositionFlag).map(disposition_flag),
        agent: t.role_value(row, Role::Agent).or_else(|| {
            let to_agent = t
                .role_value(row, Role::DestinationType)
                .and_then(cisco::whole)
                == Some(1);
            to_agent
                .then(|| t.role_value(row, Role::Destination))
                .flatten()
        }),
        skill_group: t.role_value(row, Role::SkillGroup),
        explained: tcd.then(|| cisco::leg_codes(t, row).explain()),
        seconds: tcd.then(|| {
            #[allow(clippy::cast_precision_loss)] // seconds of a call leg are small
            let s = |role| number(role).map(|n| n as f64);
            LegSeconds {
                ring: s(Role::Ring),
                delay: s(Role::Delay),
                talk: s(Role::Talk),
                hold: s(Role::Hold),
                work: s(Role::Work),
                local_queue: s(Role::LocalQueue),
                duration: s(Role::Duration),
            }
        }),
    }
}

fn disposition(family: Family, code: u32) -> LegCode {
    if family == Family::UcceTcd {
        return LegCode {
            code,
            meaning: CALLED_PARTY_DISPOSITION.explain(code).1,
            kind: (code != PARTIAL_CALL).then(|| cisco::disposition_kind(code)),
        };
    }
    let (kind, words, _) = cisco::contact_disposition(code);
    LegCode {
        code,
        meaning: Cow::Borrowed(words),
        kind: Some(kind),
    }
}

fn call_type(family: Family, code: u32) -> LegCode {
    let meaning = match (family, code) {
        (Family::UcceTcd, 21 | 42 | 43) => Cow::Borrowed(match code {
            21 => "monitor (seen only in SQL written against real databases: UNCERTAIN)",
            42 => "CVP switch leg (seen only in SQL written against real databases: UNCERTAIN)",
            _ => "VRU leg (seen only in SQL written against real databases: UNCERTAIN)",
        }),
        (Family::UcceTcd, _) => PERIPHERAL_CALL_TYPE.explain(code).1,
        _ => Cow::Borrowed(
            "NOT FOUND: Cisco lists the words incoming, outgoing, internal, redirect, transfer-in and outbound preview, not their numbers",
        ),
    };
    LegCode {
        code,
        meaning,
        kind: None,
    }
}

fn disposition_flag(code: u32) -> LegCode {
    let words = match code {
        1 => "handled",
        2 => "abandoned",
        3 => "short",
        4 => "error",
        6 => "requery or ring-no-answer",
        _ => "unknown",
    };
    LegCode {
        code,
        meaning: Cow::Owned(format!(
            "{words} (INFERENCE from SQL written against real databases: no Cisco source gives the flag's values)"
        )),
        kind: None,
    }
}

/// Appends a Cisco call's key to `out`: `RouterCallKeyDay-RouterCallKey`, `peripheral P call K`
/// for a call the router did not route, or the sessionID; `false` (nothing written) for a jtel
/// call or a row alone.
pub fn write_call_key(records: &Records, call: &Call, out: &mut String) -> bool {
    let t = &records.table;
    let row = call.rows[0] as usize;
    let value = |role| t.role_value(row, role).unwrap_or("");
    let parts: [&str; 4] = match (t.family, call.grouped_by) {
        (Family::Jtel, _) | (_, GroupedBy::Alone) => return false,
        (Family::UcceTcd, GroupedBy::Key) => [value(Role::CallDay), "-", value(Role::Call), ""],
        (Family::UcceTcd, GroupedBy::Peripheral) => [
            "peripheral ",
            value(Role::Peripheral),
            " call ",
            value(Role::PeripheralCall),
        ],
        (Family::UccxCcd, _) => [value(Role::Call), "", "", ""],
    };
    for p in parts {
        out.push_str(p);
    }
    true
}

/// The call's ContactQueueDetail disposition, when a queue table was given.
#[must_use]
pub fn queue_code(records: &Records, call: &Call) -> Option<u32> {
    let (q, r) = records.queue.as_ref().zip(call.outcome.queue)?;
    let n = q
        .role_value(r as usize, Role::QueueDisposition)
        .and_then(cisco::whole)?;
    u32::try_from(n).ok()
}

/// The columns whose cells are a Cisco rule's evidence.
#[must_use]
pub fn evidence_roles(family: Family, rule: RecordRule) -> &'static [Role] {
    match (family, rule) {
        (_, RecordRule::LegFlag) => &[Role::Conference, Role::Transfer, Role::Redirect],
        (Family::UcceTcd, _) => &[Role::Disposition, Role::Sequence, Role::DispositionFlag],
        (_, RecordRule::NoDisposition) => &[],
        _ => &[Role::Disposition, Role::Sequence],
    }
}

/// A Cisco call's short reason (the call list's).
#[must_use]
pub fn short_reason(
    records: &Records,
    rule: RecordRule,
    code: Option<u32>,
    queue: Option<u32>,
    kind: OutcomeKind,
) -> String {
    let name = column(&records.table, Role::Disposition);
    match (rule, code) {
        (RecordRule::AllPartial, _) => format!("every leg is {name} 53, Partial Call"),
        (RecordRule::LegFlag, _) => format!("last leg {}", kind.as_str()),
        (RecordRule::QueueDetail, _) => {
            let q = queue.unwrap_or(0);
            let words = cisco::queue_disposition(q).map_or("", |d| d.0);
            format!("ContactQueueDetail disposition {q}, {words}")
        }
        (_, Some(c)) => format!(
            "{name} {c}, {}",
            disposition(records.table.family, c).meaning
        ),
        (_, None) => format!("no leg has a {name}"),
    }
}

fn column(t: &Table, role: Role) -> &str {
    t.column_of(role).map_or_else(
        || role.names(t.family).next().unwrap_or_default(),
        |c| t.columns[c].as_str(),
    )
}

/// Why a Cisco call ended as it did, in words.
#[must_use]
pub fn reason(records: &Records, call: &Call) -> String {
    let t = &records.table;
    let o = call.outcome;
    let row = o.row.map_or(0, |r| Table::row_number(r as usize));
    let code = o
        .row
        .and_then(|r| records.calls.facts[r as usize].disposition);
    let name = column(t, Role::Disposition);
    let said = |c: u32| format!("{name} {c}, {}", disposition(t.family, c).meaning);
    let before = call.rows.len().saturating_sub(1);
    match (o.rule, code) {
        (RecordRule::AllPartial, _) => format!(
            "every leg carries {name} 53 (Partial Call), which only the legs before a call's last carry: the row with the call's own disposition is not in the export"
        ),
        (RecordRule::LastDisposition, Some(c)) if before > 0 => {
            let partial = call.rows[..before]
                .iter()
                .all(|&r| records.calls.facts[r as usize].disposition == Some(PARTIAL_CALL));
            let earlier = if partial && t.family == Family::UcceTcd {
                format!("; the {before} before it carry 53, Partial Call, as a call's earlier legs do")
            } else {
                String::new()
            };
            format!("the last of its {} legs, at row {row}, ended with {}{earlier}", before + 1, said(c))
        }
        (RecordRule::LastDisposition, Some(c)) => format!("its one leg, at row {row}, ended with {}", said(c)),
        (RecordRule::LegFlag, _) => format!(
            "its last leg, at row {row}, has its {} flag set: the call went on beyond this export's sessions",
            if o.kind == OutcomeKind::Conferenced { "conference" } else { "transfer or redirect" }
        ),
        (RecordRule::QueueDetail, c) => {
            let q = queue_code(records, call).unwrap_or(0);
            let words = cisco::queue_disposition(q).map_or("", |d| d.0);
            let ccd = c.map_or_else(|| format!("no {name}"), said);
            format!("ContactQueueDetail gives disposition {q}, {words} (confirmed); the last leg, at row {row}, has {ccd}")
        }
        _ => format!("no leg of this call has a {name}"),
    }
}

/// What else a reader of a Cisco call should know: how its legs were grouped, legs that linked
/// to the next, and the calls it is linked to.
#[must_use]
pub fn remarks(records: &Records, call: &Call) -> Vec<String> {
    let t = &records.table;
    let mut out = Vec::new();
    if call.grouped_by == GroupedBy::Peripheral {
        out.push("not routed (RouterCallKey 0): its legs are grouped by PeripheralID and PeripheralCallKey".to_owned());
    }
    for (i, &r) in call.rows.iter().enumerate() {
        let row = r as usize;
        let next = call.rows.get(i + 1).map(|&n| Table::row_number(n as usize));
        let code = records.calls.facts[row].disposition;
        if let (Some(c @ (15 | 28..=31 | 34 | 55 | 63 | 65)), Some(n)) = (code, next) {
            let meaning = CALLED_PARTY_DISPOSITION.explain(c).1;
            out.push(format!("row {} ended with CallDisposition {c} ({meaning}); the call went on in the leg at row {n}", Table::row_number(row)));
        }
        for (role, words) in [
            (Role::Transfer, "transferred"),
            (Role::Redirect, "redirected"),
            (Role::Conference, "conferenced"),
        ] {
            let set = t.role_value(row, role).and_then(cisco::flag) == Some(true);
            if let (true, Some(n)) = (set, next) {
                let name = column(t, role);
                out.push(format!("row {}: {name} is set, the leg was {words}; the call went on in the leg at row {n}", Table::row_number(row)));
            }
        }
        let new = t
            .role_value(row, Role::NewTransaction)
            .and_then(cisco::flag)
            == Some(true);
        if new && next.is_none() {
            out.push(format!("row {}: NewTransaction says another row follows for this call; none is in the export", Table::row_number(row)));
        }
    }
    for link in &call.links {
        let other = &records.calls.calls[link.call as usize];
        let key = super::records::call_key(records, other);
        out.push(match link.kind {
            LinkKind::Consult => format!("consult session {key}: placed by the agent this call was transferred or conferenced to, while that leg lasted (INFERENCE from the agent's number and the times)"),
            LinkKind::ConsultFor => format!("a consult session for call {key} (INFERENCE from the agent's number and the times)"),
            LinkKind::CallGuid => format!("shares its CallGUID with call {key}: the CVP join (UNCERTAIN)"),
        });
    }
    out
}

/// How the export's times were read, in one sentence.
#[must_use]
pub fn clock(t: &Table) -> &'static str {
    let has = |role| t.column_of(role).is_some();
    match t.family {
        Family::Jtel => "times as written, no zone applied",
        Family::UcceTcd if has(Role::Start) => "times are UTC, as StartDateTimeUTC's name says; a leg ends Duration seconds after its start (or at CallTerminatedDateTimeUTC); DateTime, the database's local time of the leg's end, is shown as written, as no column gives its zone",
        Family::UcceTcd => "no StartDateTimeUTC: times are DateTime, the database's local time of the leg's end (no column gives its zone), and the start is Duration seconds before it",
        Family::UccxCcd => "startDateTime and endDateTime as written: no source gives their zone (a gmtOffset column, where there is one, is shown as written)",
    }
}
