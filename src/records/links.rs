//! Calls of a Cisco export linked to each other where the columns allow, each link marked with
//! how sure it is: a UCCX consult session to the call whose leg was transferred or conferenced
//! (an INFERENCE from the agent and the times: `cisco-records.md` §2.2 says only that a consult
//! gets a new sessionID), and UCCE calls that share a CallGUID (the CVP join, §1.2: UNCERTAIN).

use rustc_hash::FxHashMap;

use super::calls::{Calls, Link, LinkKind};
use super::cisco::{flag, whole};
use super::{Family, Role, Table};

/// Links the calls of `calls` to each other.
pub(super) fn link(table: &Table, calls: &mut Calls) {
    let pairs = match table.family {
        Family::UccxCcd => consults(table, calls),
        Family::UcceTcd => shared_guids(table, calls),
        Family::Jtel => Vec::new(),
    };
    for (from, to, kind) in pairs {
        let back = match kind {
            LinkKind::Consult => LinkKind::ConsultFor,
            other => other,
        };
        calls.calls[from as usize]
            .links
            .push(Link { call: to, kind });
        calls.calls[to as usize].links.push(Link {
            call: from,
            kind: back,
        });
    }
}

/// (call, consult session, Consult): a session placed by an agent (originatorType 1) whose
/// number is the destination of a transferred or conferenced leg, started while that leg lasted.
fn consults(table: &Table, calls: &Calls) -> Vec<(u32, u32, LinkKind)> {
    let start = |r: u32| calls.facts[r as usize].times[0];
    let mut by_agent: FxHashMap<&str, Vec<(i64, u32)>> = FxHashMap::default();
    for (i, call) in calls.calls.iter().enumerate() {
        let first = call.rows[0] as usize;
        let by_agent_leg = table
            .role_value(first, Role::OriginatorType)
            .and_then(whole)
            == Some(1);
        if let (true, Some(dn), Some(at)) = (
            by_agent_leg,
            table.role_value(first, Role::Originator),
            start(call.rows[0]),
        ) {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            by_agent.entry(dn).or_default().push((at, i));
        }
    }
    let mut out = Vec::new();
    if by_agent.is_empty() {
        return out;
    }
    for (i, call) in calls.calls.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for &r in &call.rows {
            let row = r as usize;
            let set = |role| table.role_value(row, role).and_then(flag) == Some(true);
            if !(set(Role::Transfer) || set(Role::Conference)) {
                continue;
            }
            let times = calls.facts[row].times;
            let (Some(dn), Some(from), Some(to)) =
                (table.role_value(row, Role::Destination), times[0], times[2])
            else {
                continue;
            };
            for &(at, other) in by_agent.get(dn).into_iter().flatten() {
                if other != i && (from..=to).contains(&at) {
                    out.push((i, other, LinkKind::Consult));
                }
            }
        }
    }
    out
}

/// (call, call, CallGuid) for calls that share a CallGUID.
fn shared_guids(table: &Table, calls: &Calls) -> Vec<(u32, u32, LinkKind)> {
    let mut first: FxHashMap<&str, u32> = FxHashMap::default();
    let mut out = Vec::new();
    for (i, call) in calls.calls.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let guid = call
            .rows
            .iter()
            .find_map(|&r| table.role_value(r as usize, Role::CallGuid));
        if let Some(guid) = guid {
            match first.get(guid) {
                Some(&other) => out.push((other, i, LinkKind::CallGuid)),
                None => {
                    first.insert(guid, i);
                }
            }
        }
    }
    out
}
