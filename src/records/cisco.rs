//! Cisco call-detail exports into calls (`cisco-records.md`): UCCE Termination_Call_Detail legs
//! grouped by router call key and ordered by RouterCallKeySequenceNumber, the call's outcome from
//! its last leg's CallDisposition (§1.2); Unified CCX ContactCallDetail legs grouped by sessionID
//! and ordered by sessionSeqNum, the outcome from contactDisposition and the transfer, redirect
//! and conference flags, or from ContactQueueDetail when it is given (§2).

use rustc_hash::FxHashMap;

use super::calls::{invalid, Call, Calls, RecordOutcome, RecordRule, RowFacts};
use super::{Family, Role, Table};
use crate::codes::call::{CALLED_PARTY_DISPOSITION, PERIPHERAL_CALL_TYPE};
use crate::codes::connres::Direction;
use crate::diagnostic::Diagnostic;
use crate::outcome::OutcomeKind;

/// CallDisposition 53: "Partial Call", which every leg but a call's last carries (§1.2).
pub const PARTIAL_CALL: u32 = 53;

/// The outcome a UCCE CallDisposition (`cti-protocol.md` §4.12) stands for. The reference gives
/// the dispositions' names only; this maps those whose name says how the call ended (Abandoned…,
/// …Busy, …No Answer, handled, …Transfer, Conferenced, Network Error, Failed…, Intercept…), and
/// leaves the rest (Short, Cut Through, Intraflow, Time Out, Voice Energy, Answering Machine,
/// Called Party Disconnected, the requeries, …) unknown, their number and name kept.
#[must_use]
pub fn disposition_kind(code: u32) -> OutcomeKind {
    use OutcomeKind as K;
    match code {
        1..=6 | 35..=37 | 57 => K::Abandoned,
        8 | 9 | 11 => K::Busy,
        10 | 19 => K::NoAnswer,
        13 | 14 => K::Answered,
        12 | 20 | 21 => K::Rejected,
        15 | 28 | 29 | 31 | 34 | 55 | 63 | 65 => K::Transferred,
        30 => K::Conferenced,
        27 | 39..=42 | 44..=49 | 51 | 60..=62 => K::Failed,
        _ => K::Unknown,
    }
}

/// The outcome of a UCCX contactDisposition, and whether a source confirms it: 4 (aborted) is
/// confirmed (CRS-SCHEMA); 1 abandoned and 2 handled are an INFERENCE from SQL written against
/// real databases; no source gives the rest (`cisco-records.md` §2.3).
#[must_use]
pub fn contact_disposition(code: u32) -> (OutcomeKind, &'static str, bool) {
    match code {
        1 => (OutcomeKind::Abandoned, "abandoned (INFERENCE)", false),
        2 => (OutcomeKind::Answered, "handled (INFERENCE)", false),
        4 => (OutcomeKind::Failed, "aborted", true),
        _ => (OutcomeKind::Unknown, "not in any source (NOT FOUND)", false),
    }
}

/// A ContactQueueDetail disposition (CRS-SCHEMA, verbatim, confirmed), and what it says of the
/// call: 3 (dequeued) and 4 (handled by the script) leave the outcome to ContactCallDetail.
#[must_use]
pub fn queue_disposition(code: u32) -> Option<(&'static str, Option<OutcomeKind>)> {
    Some(match code {
        1 => ("Abandoned", Some(OutcomeKind::Abandoned)),
        2 => ("Handled by CSQ", Some(OutcomeKind::Answered)),
        3 => ("Dequeued from CSQ", None),
        4 => ("Handled by script", None),
        5 => ("Handled by another CSQ", Some(OutcomeKind::Answered)),
        _ => return None,
    })
}

/// The direction a PeripheralCallType's name gives: 1–6 are "… In", 7–9 "… Out" (§1.3).
#[must_use]
pub fn call_type_direction(code: u32) -> Option<Direction> {
    match code {
        1..=6 => Some(Direction::Inbound),
        7..=9 => Some(Direction::Outbound),
        _ => None,
    }
}

/// A leg's codes as the OPC's record and a Termination_Call_Detail row both carry them: one
/// sentence for both, so that the trace and the export explain the same leg the same way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LegCodes {
    /// CallDisposition.
    pub disposition: Option<u32>,
    /// PeripheralCallType.
    pub call_type: Option<u32>,
}

impl LegCodes {
    /// `CallDisposition 13 (Disconnect/drop handled primary route), PeripheralCallType 2
    /// (Pre-Route ACD In)`.
    #[must_use]
    pub fn explain(&self) -> String {
        let code = |name: &str, table: &crate::codes::CodeTable, v: Option<u32>| match v {
            Some(v) => format!("{name} {v} ({})", table.explain(v).1),
            None => format!("no {name}"),
        };
        format!(
            "{}, {}",
            code(
                "CallDisposition",
                &CALLED_PARTY_DISPOSITION,
                self.disposition
            ),
            code("PeripheralCallType", &PERIPHERAL_CALL_TYPE, self.call_type)
        )
    }
}

/// Row `row`'s leg codes (cells that are not whole numbers are left out; `facts` reports them).
#[must_use]
pub fn leg_codes(table: &Table, row: usize) -> LegCodes {
    let code = |role| {
        table
            .role_value(row, role)
            .and_then(whole)
            .and_then(|n| u32::try_from(n).ok())
    };
    LegCodes {
        disposition: code(Role::Disposition),
        call_type: code(Role::CallType),
    }
}

/// A whole number as an export writes it (`13`, `13.0`).
#[must_use]
pub fn whole(text: &str) -> Option<i64> {
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse().ok()
}

/// A yes/no flag as SQL Server (`1`/`0`) or Informix (`t`/`f`) writes it.
#[must_use]
pub fn flag(text: &str) -> Option<bool> {
    let is = |words: [&str; 4]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
    if is(["1", "t", "true", "y"]) {
        Some(true)
    } else if is(["0", "f", "false", "n"]) {
        Some(false)
    } else {
        None
    }
}

/// Every row's facts, its calls and their outcomes; bad cells go to `bad`.
pub(super) fn calls(table: &Table, queue: Option<&Table>, bad: &mut Vec<Diagnostic>) -> Calls {
    let mut out = Calls::default();
    out.facts.reserve_exact(table.len());
    for row in 0..table.len() {
        out.facts.push(facts(table, row, bad));
    }
    let groups = group(table, &out.facts);
    let queue_rows = queue.map(|q| queue_rows(q)).unwrap_or_default();
    out.calls = groups
        .into_iter()
        .map(|(rows, grouped_by)| {
            let queue_row = queue
                .zip(table.role_value(rows[0] as usize, Role::Call))
                .and_then(|(_, id)| queue_rows.get(id).copied());
            let mut call = Call {
                // UCCX's contactType numbers are not known: only UCCE legs give a direction.
                direction: (table.family == Family::UcceTcd)
                    .then(|| {
                        rows.iter().find_map(|&r| {
                            let t = table.role_value(r as usize, Role::CallType)?;
                            call_type_direction(u32::try_from(whole(t)?).ok()?)
                        })
                    })
                    .flatten(),
                outcome: outcome(table, &out.facts, &rows, queue.zip(queue_row)),
                rows,
                links: Vec::new(),
                grouped_by,
            };
            call.outcome.queue = queue_row;
            call
        })
        .collect();
    let start = |c: &Call| out.facts[c.rows[0] as usize].times[0];
    if out.calls.iter().all(|c| start(c).is_some()) {
        out.calls.sort_by_key(|c| (start(c), c.rows[0]));
    }
    super::links::link(table, &mut out);
    out
}

/// Row `row`'s times, sequence and disposition.
fn facts(table: &Table, row: usize, bad: &mut Vec<Diagnostic>) -> RowFacts {
    let mut f = RowFacts::default();
    let time = |role, bad: &mut Vec<Diagnostic>| {
        let text = table.role_value(row, role)?;
        let ms = crate::time::parse(text.as_bytes()).map(|s| match s {
            crate::time::Stamp::Absolute(ms) | crate::time::Stamp::TimeOfDay(ms) => ms,
        });
        if ms.is_none() {
            let expected = "a date and time as YYYY-MM-DD HH:MM:SS[.fff]";
            bad.push(invalid(table, row, role, text, expected));
        }
        ms
    };
    let mut number = |role, expected: &str| {
        let text = table.role_value(row, role)?;
        let n = whole(text);
        if n.is_none() {
            bad.push(invalid(table, row, role, text, expected));
        }
        n
    };
    f.sequence = number(Role::Sequence, "a whole number");
    f.disposition = number(Role::Disposition, "a whole number (1–65 are defined)")
        .and_then(|n| u32::try_from(n).ok());
    let duration = number(Role::Duration, "a whole number of seconds");
    let start = time(Role::Start, bad);
    let end = time(Role::End, bad);
    let ms = |s: i64| s.saturating_mul(1000);
    f.times = match start {
        Some(s) => [Some(s), None, end.or(duration.map(|d| s + ms(d))), None],
        // Only the row's local write time: the start is that less the leg's Duration.
        None if table.column_of(Role::Start).is_none() => match time(Role::Written, bad) {
            Some(w) => [duration.map(|d| w - ms(d)), None, Some(w), None],
            None => [None, None, end, None],
        },
        None => [None, None, end, None],
    };
    f.times[1] = time(Role::Connect, bad);
    f
}

/// What grouped a call's legs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupedBy {
    /// Its call key (jtel's call id, UCCE's router call key, UCCX's sessionID).
    Key,
    /// UCCE RouterCallKey 0, not routed: the peripheral and its call key.
    Peripheral,
    /// Nothing: a row alone.
    Alone,
}

/// Rows grouped into calls, each call's rows in sequence order (start, then file order, where a
/// row has no sequence number).
fn group(table: &Table, facts: &[RowFacts]) -> Vec<(Vec<u32>, GroupedBy)> {
    let mut groups: Vec<(Vec<u32>, GroupedBy)> = Vec::with_capacity(table.len() / 2);
    let mut calls = CallKeys::default();
    let columns = KeyColumns::of(table);
    // Exports often list a call's legs one after the other: the last row's call is tried first.
    let mut last: Option<(Key, usize)> = None;
    for row in 0..table.len() {
        let r = u32::try_from(row).unwrap_or(u32::MAX);
        let Some((key, by)) = columns.key(table, row) else {
            groups.push((vec![r], GroupedBy::Alone));
            calls.alone();
            continue;
        };
        let at = match last {
            Some((k, at)) if k == key => at,
            _ => {
                let at = calls.find_or_add(key);
                if at == groups.len() {
                    groups.push((Vec::new(), by));
                }
                at
            }
        };
        last = Some((key, at));
        groups[at].0.push(r);
    }
    for (rows, _) in &mut groups {
        let f = |r: u32| &facts[r as usize];
        if rows.len() > 1 {
            rows.sort_by_key(|&r| (f(r).sequence.unwrap_or(i64::MAX), f(r).times[0], r));
        }
    }
    groups
}

/// The calls found so far, by key. While each new key is above every earlier one (an export
/// in key order, as a query with ORDER BY writes it) no key can repeat and none is looked up;
/// the first that is not makes the index: calls by their key's hash (a small map that stays
/// in cache far better than one of keys), keys whose hashes collide in an exact map.
#[derive(Default)]
struct CallKeys<'a> {
    first: Vec<Option<Key<'a>>>,
    ascending: Option<Key<'a>>,
    indexed: bool,
    by_hash: FxHashMap<u64, u32>,
    collided: FxHashMap<Key<'a>, u32>,
}

impl<'a> CallKeys<'a> {
    /// A call of a row without a key.
    fn alone(&mut self) {
        self.first.push(None);
    }

    /// The call of `key` (an index into the calls so far, or the next one, added).
    fn find_or_add(&mut self, key: Key<'a>) -> usize {
        let next = self.first.len();
        if !self.indexed {
            if self.ascending.is_none_or(|top| key > top) {
                self.ascending = Some(key);
                self.first.push(Some(key));
                return next;
            }
            self.index();
        }
        let n = u32::try_from(next).unwrap_or(u32::MAX);
        let slot = *self.by_hash.entry(hash(&key)).or_insert(n);
        let at = if slot == n || self.first[slot as usize] == Some(key) {
            slot
        } else {
            *self.collided.entry(key).or_insert(n)
        };
        if at == n {
            self.first.push(Some(key));
        }
        at as usize
    }

    /// Indexes the calls so far.
    fn index(&mut self) {
        self.indexed = true;
        self.by_hash.reserve(self.first.capacity());
        for (i, key) in self.first.iter().enumerate() {
            let Some(key) = key else { continue };
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            // Keys so far are distinct: a hash already taken is a collision.
            if *self.by_hash.entry(hash(key)).or_insert(i) != i {
                self.collided.insert(*key, i);
            }
        }
    }
}

fn hash(key: &Key) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// What groups a row with others: two numbers where the cells are numbers (as they are in
/// exports), else the cells' text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key<'a> {
    Numbers(bool, i64, i64),
    Text(bool, &'a str, &'a str),
}

/// The columns a row's key is read from, found once.
struct KeyColumns {
    family: Family,
    day: Option<usize>,
    call: Option<usize>,
    peripheral: Option<usize>,
    peripheral_call: Option<usize>,
}

impl KeyColumns {
    fn of(table: &Table) -> Self {
        KeyColumns {
            family: table.family,
            day: table.column_of(Role::CallDay),
            call: table.column_of(Role::Call),
            peripheral: table.column_of(Role::Peripheral),
            peripheral_call: table.column_of(Role::PeripheralCall),
        }
    }

    /// Row `row`'s key and what it groups by.
    fn key<'a>(&self, table: &'a Table, row: usize) -> Option<(Key<'a>, GroupedBy)> {
        let value = |column: Option<usize>| table.value(row, column?);
        let (peripheral, a, b) = match (self.family, value(self.day), value(self.call)) {
            (Family::UcceTcd, Some(_), Some("0")) => {
                let (p, k) = value(self.peripheral).zip(value(self.peripheral_call))?;
                (true, p, k)
            }
            (Family::UcceTcd, Some(day), Some(key)) => (false, day, key),
            (Family::UccxCcd, _, Some(session)) => (false, session, ""),
            _ => return None,
        };
        let by = if peripheral {
            GroupedBy::Peripheral
        } else {
            GroupedBy::Key
        };
        let number = |t: &str| if t.is_empty() { Some(0) } else { whole(t) };
        let key = match (number(a), number(b)) {
            (Some(x), Some(y)) => Key::Numbers(peripheral, x, y),
            _ => Key::Text(peripheral, a, b),
        };
        Some((key, by))
    }
}

/// ContactQueueDetail rows by sessionID: the last (highest sessionSeqNum) of each.
fn queue_rows(queue: &Table) -> FxHashMap<&str, u32> {
    let mut out: FxHashMap<&str, (i64, u32)> = FxHashMap::default();
    for row in 0..queue.len() {
        let Some(id) = queue.role_value(row, Role::Call) else {
            continue;
        };
        let seq = queue
            .role_value(row, Role::Sequence)
            .and_then(whole)
            .unwrap_or(0);
        let r = u32::try_from(row).unwrap_or(u32::MAX);
        let slot = out.entry(id).or_insert((seq, r));
        if seq >= slot.0 {
            *slot = (seq, r);
        }
    }
    out.into_iter().map(|(k, (_, r))| (k, r)).collect()
}

/// A call's outcome from its last leg (rows in sequence order).
fn outcome(
    table: &Table,
    facts: &[RowFacts],
    rows: &[u32],
    queue: Option<(&Table, u32)>,
) -> RecordOutcome {
    let at = |rule, kind, row: Option<u32>| RecordOutcome {
        kind,
        rule,
        row,
        queue: None,
    };
    let Some(&last) = rows
        .iter()
        .rev()
        .find(|&&r| facts[r as usize].disposition.is_some())
    else {
        return at(RecordRule::NoDisposition, OutcomeKind::Unknown, None);
    };
    let code = facts[last as usize].disposition.unwrap_or(0);
    if table.family == Family::UcceTcd {
        if code == PARTIAL_CALL {
            return at(RecordRule::AllPartial, OutcomeKind::Unknown, Some(last));
        }
        return at(
            RecordRule::LastDisposition,
            disposition_kind(code),
            Some(last),
        );
    }
    let flagged = |role| {
        table
            .role_value(last as usize, role)
            .and_then(flag)
            .unwrap_or(false)
    };
    if flagged(Role::Conference) {
        return at(RecordRule::LegFlag, OutcomeKind::Conferenced, Some(last));
    }
    if flagged(Role::Transfer) || flagged(Role::Redirect) {
        return at(RecordRule::LegFlag, OutcomeKind::Transferred, Some(last));
    }
    let (kind, _, confirmed) = contact_disposition(code);
    let said = queue.and_then(|(q, r)| {
        let code = q
            .role_value(r as usize, Role::QueueDisposition)
            .and_then(whole)?;
        queue_disposition(u32::try_from(code).ok()?)?.1
    });
    match said {
        Some(k) if !confirmed => at(RecordRule::QueueDetail, k, Some(last)),
        _ => at(RecordRule::LastDisposition, kind, Some(last)),
    }
}
