//! Finesse dialogs as calls (`cisco-logs.md` §4, [`crate::finesse`]): a `Dialog` event belongs
//! to the call whose ConnectionCallID is its `id` (the reference's CTI → Dialog table; the id
//! being the ConnectionCallID is **UNCERTAIN**), so a log holding both the CTI messages and the
//! dialogs of one call gives one call. Its participants' states make the dialog's own facts;
//! its outcome comes from them when the call has no CTI call events, and a remark says where
//! the two disagree.

use crate::store::{FieldName, FieldRef, FieldValue, Store, StrId};

use super::call::{Ev, Item, Label};
use super::outcome::{outcome as make, Outcome, Reason};
use super::Timeline;
use crate::outcome::OutcomeKind;

/// A participant's leg of a dialog: the first event showing each state.
#[derive(Clone, Debug, Default)]
pub(crate) struct Party {
    /// `mediaAddress`.
    pub address: Option<StrId>,
    pub alerting: Option<Ev>,
    pub active: Option<Ev>,
    pub held: Option<Ev>,
    pub wrap_up: Option<Ev>,
    pub failed: Option<Ev>,
    /// `stateCause` of a FAILED participant (BUSY, BAD_DESTINATION…).
    pub cause: Option<(StrId, Ev)>,
    pub dropped: Option<Ev>,
    /// The latest state shown.
    pub state: Option<(StrId, Ev)>,
}

/// What a call's dialog events have shown.
#[derive(Clone, Debug, Default)]
pub(crate) struct DialogFacts {
    /// The DELETE notification (the dialog is removed).
    pub deleted: Option<u32>,
    /// The latest dialog `state`.
    pub state: Option<(StrId, Ev)>,
    /// The dialog's `state` when it was first DROPPED.
    pub dropped: Option<Ev>,
    pub call_type: Option<(StrId, Ev)>,
    /// `wrapUpReason`, when not empty.
    pub wrap_up_reason: Option<Ev>,
    /// Participants by their place in the notifications.
    pub parties: Vec<Party>,
    /// apiError events naming the dialog.
    pub api_errors: Vec<u32>,
    /// The `secondaryId` that ties it to a transfer or conference (FIN-API): its own, naming
    /// the dropped dialog, or the surviving dialog's naming it; and whether three or more
    /// participants remained on the surviving dialog (a conference, INFERENCE).
    pub joined: Option<(Ev, bool)>,
}

/// The dialog of an event, and what it says, read once.
#[derive(Default)]
struct Read {
    id: Option<u32>,
    verb: Option<StrId>,
    source_dialog: Option<u32>,
    links: Vec<(u32, Ev, bool)>,
}

impl Timeline {
    /// Takes in a Finesse `Dialog` or `apiError` event; `false` when it names no dialog.
    pub(super) fn absorb_dialog(
        &mut self,
        store: &mut Store,
        index: u32,
        fields: &[FieldRef],
        api_error: bool,
    ) -> bool {
        let read = read(store, index, fields);
        let id = if api_error {
            read.source_dialog
        } else {
            read.id
        };
        let Some(id) = id else {
            return false;
        };
        let slot = self.call_for(store, id, index) as usize;
        let call = &mut self.calls[slot];
        call.absorb(&mut self.lists, &mut self.roles, store, index, fields);
        let dialog = call.dialog.get_or_insert_with(Box::default);
        if api_error {
            dialog.api_errors.push(index);
            return true;
        }
        if read.verb.is_some_and(|v| store.interned(v) == b"DELETE") {
            dialog.deleted = Some(index);
        }
        for &(other, ev, secondary) in &read.links {
            let item = Item::DialogLink {
                id: other,
                ev,
                secondary,
            };
            self.lists.items.push(&mut call.items, item);
        }
        let mut call_fields = Vec::new();
        facts(store, index, fields, dialog, &mut call_fields);
        let conference = party_count(store, dialog) >= 3;
        let joined: Vec<(u32, Ev)> = read
            .links
            .iter()
            .filter(|l| l.2)
            .map(|&(other, ev, _)| (other, ev))
            .collect();
        if let Some(&(_, ev)) = joined.last() {
            dialog.joined = Some((ev, conference));
        }
        for (other, ev) in joined {
            if let Some(&(b, _)) = self.by_id.get(&other).filter(|&&(b, _)| b as usize != slot) {
                let dropped = self.calls[b as usize]
                    .dialog
                    .get_or_insert_with(Box::default);
                if dropped.joined.is_none_or(|j| j.1 != conference) {
                    dropped.joined = Some((ev, conference));
                    self.touch(b);
                }
            }
        }
        let call = &mut self.calls[slot];
        for (what, value) in call_fields {
            match what {
                Own::From if call.ani.is_none() => call.ani = Some(value),
                Own::To if call.dialed_number.is_none() => call.dialed_number = Some(value),
                Own::Dnis => call.dnis = Some(value),
                Own::Device if !call.devices(&self.lists).any(|d| d == value) => {
                    self.lists.items.push(&mut call.items, Item::Device(value));
                }
                Own::Variable(name) => call.set_variable(&mut self.lists, name, value),
                _ => {}
            }
        }
        true
    }
}

/// What a dialog field is to the call.
enum Own {
    From,
    To,
    Dnis,
    Device,
    Variable(StrId),
}

/// A field's name as written.
fn name<'s>(store: &'s Store, f: &FieldRef) -> &'s [u8] {
    match f.name {
        FieldName::Id(n) => store.names.name_text(n),
        _ => b"",
    }
}

/// A field's value as interned text (numbers by their decimal text), `None` when empty.
fn text(store: &mut Store, f: &FieldRef) -> Option<StrId> {
    match f.value {
        FieldValue::Text(s) | FieldValue::Number { raw: Some(s), .. } => Some(store.intern(s)),
        FieldValue::Number { n, raw: None } => Some(store.strings.intern(n.to_string().as_bytes())),
        _ => None,
    }
}

/// The dialog id at the end of a URI (`/finesse/api/Dialog/12345678`).
fn uri_id(store: &Store, f: &FieldRef) -> Option<u32> {
    let FieldValue::Text(s) = f.value else {
        return None;
    };
    let text = std::str::from_utf8(store.str(s)).ok()?;
    text.strip_prefix("/finesse/api/Dialog/")?.parse().ok()
}

fn read(store: &Store, index: u32, fields: &[FieldRef]) -> Read {
    let mut r = Read::default();
    let id = |f: &FieldRef| f.value.number().and_then(|n| u32::try_from(n).ok());
    for f in fields {
        match name(store, f) {
            b"id" => r.id = id(f),
            b"event" => {
                r.verb = match f.value {
                    FieldValue::Text(crate::store::StrRef::Interned(s)) => Some(s),
                    _ => None,
                };
            }
            b"source" => r.source_dialog = uri_id(store, f),
            b"associatedDialogUri" => {
                if let Some(other) = uri_id(store, f) {
                    r.links.push((other, Ev::field(index, f), false));
                }
            }
            b"secondaryId" => {
                if let Some(other) = id(f) {
                    r.links.push((other, Ev::field(index, f), true));
                }
            }
            _ => {}
        }
    }
    r
}

/// Takes a dialog event's states into `dialog`; the call's own fields into `own`.
fn facts(
    store: &mut Store,
    index: u32,
    fields: &[FieldRef],
    dialog: &mut DialogFacts,
    own: &mut Vec<(Own, StrId)>,
) {
    for f in fields {
        let written = name(store, f).to_vec();
        let ev = Ev::field(index, f);
        if let Some(rest) = written.strip_prefix(b"participants[") {
            participant(store, f, rest, ev, dialog);
            continue;
        }
        let Some(value) = text(store, f) else {
            continue;
        };
        match &written[..] {
            b"state" => {
                if store.interned(value) == b"DROPPED" && dialog.dropped.is_none() {
                    dialog.dropped = Some(ev);
                }
                dialog.state = Some((value, ev));
            }
            // The first: a transfer's surviving dialog later says TRANSFER.
            b"callType" if dialog.call_type.is_none() => dialog.call_type = Some((value, ev)),
            b"wrapUpReason" => dialog.wrap_up_reason = Some(ev),
            b"fromAddress" => own.push((Own::From, value)),
            b"toAddress" => own.push((Own::To, value)),
            b"DNIS" => own.push((Own::Dnis, value)),
            n if n.starts_with(b"callVariable") || n.starts_with(b"user.") => {
                own.push((Own::Variable(store.strings.intern(n)), value));
            }
            _ => {}
        }
    }
    for p in &dialog.parties {
        if let Some(a) = p.address {
            own.push((Own::Device, a));
        }
    }
}

/// `participants[i].name` (`rest` after the `[`): the participant's state history.
fn participant(store: &mut Store, f: &FieldRef, rest: &[u8], ev: Ev, dialog: &mut DialogFacts) {
    let Some(close) = rest.iter().position(|&b| b == b']') else {
        return;
    };
    let Some(i) = std::str::from_utf8(&rest[..close])
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&i| i < 64)
    else {
        return;
    };
    if dialog.parties.len() <= i {
        dialog.parties.resize(i + 1, Party::default());
    }
    let Some(value) = text(store, f) else {
        return;
    };
    let p = &mut dialog.parties[i];
    match &rest[close + 1..] {
        b".mediaAddress" => p.address = Some(value),
        b".stateCause" => p.cause = Some((value, ev)),
        b".state" => {
            let slot = match store.interned(value) {
                b"ALERTING" => Some(&mut p.alerting),
                b"ACTIVE" => Some(&mut p.active),
                b"HELD" => Some(&mut p.held),
                b"WRAP_UP" => Some(&mut p.wrap_up),
                b"FAILED" => Some(&mut p.failed),
                b"DROPPED" => Some(&mut p.dropped),
                _ => None,
            };
            if let Some(slot) = slot.filter(|s| s.is_none()) {
                *slot = Some(ev);
            }
            p.state = Some((value, ev));
        }
        _ => {}
    }
}

/// Evidence of the dialog's end: the DELETE, else the DROPPED state.
pub(crate) fn end(d: &DialogFacts) -> Option<Ev> {
    d.deleted.map(|e| Ev::labelled(e, Label::Own)).or(d.dropped)
}

/// Whether the call has CTI call events (then they decide its outcome, not the dialog).
pub(crate) fn has_cti(f: &super::call::Facts) -> bool {
    [
        f.begin,
        f.originated,
        f.queued,
        f.delivered,
        f.established,
        f.failed,
        f.connection_cleared,
        f.cleared,
        f.end_call,
        f.transferred,
        f.conferenced,
    ]
    .iter()
    .any(Option::is_some)
}

/// The outcome a dialog's states show (the `dialog-…` rules of [`super::RULES`]).
pub(crate) fn outcome(store: &Store, d: &DialogFacts) -> Outcome {
    if let Some(o) = failed(store, d) {
        return o;
    }
    if let Some((ev, conference)) = d.joined {
        let (kind, text) = if conference {
            (OutcomeKind::Conferenced, "the call became part of a conference: the surviving dialog names the dropped one as its secondaryId")
        } else {
            (OutcomeKind::Transferred, "the call was transferred: the surviving dialog names the dropped one as its secondaryId")
        };
        return make(kind, "dialog-secondary", Reason::Text(text), vec![ev]);
    }
    // Answered: ACTIVE at a participant that was ALERTING first (the caller's own leg is ACTIVE
    // while it rings); when no participant was ever ALERTING, ACTIVE anywhere.
    let rang = d.parties.iter().any(|p| p.alerting.is_some());
    let first_active = d
        .parties
        .iter()
        .filter(|p| {
            !rang
                || p.alerting
                    .is_some_and(|a| p.active.is_some_and(|x| x.event() >= a.event()))
        })
        .filter_map(|p| p.active)
        .min_by_key(|e| (e.event(), e.field_at()));
    match (first_active, end(d)) {
        (Some(active), Some(end)) => {
            let left = d
                .parties
                .iter()
                .filter_map(|p| Some((p.dropped?, p.address?)))
                .min_by_key(|(e, _)| (e.event(), e.field_at()));
            let (reason, last) = match left {
                Some((ev, who)) => (Reason::Party(&("the call was answered and then ended; the first to leave was ", " (Finesse gives a voice dialog no disposition)"), who), ev),
                None => (Reason::Text("the call was answered and then ended (Finesse gives a voice dialog no disposition)"), end),
            };
            make(OutcomeKind::Answered, "dialog-answered", reason, vec![active, last])
        }
        (None, Some(end)) => match d.parties.iter().find_map(|p| Some((p.alerting?, p.address?))) {
            Some((alerting, at)) => make(
                OutcomeKind::NoAnswer,
                "dialog-not-answered",
                Reason::Party(&("the call rang at ", " and was dropped without being answered there; Finesse does not say whether the caller hung up or the ringing stopped"), at),
                vec![alerting, end],
            ),
            None => make(
                OutcomeKind::Unknown,
                "dialog-undetermined",
                Reason::Text("the dialog ended without any participant becoming ALERTING or ACTIVE"),
                vec![end],
            ),
        },
        (_, None) => {
            let (state, ev) = match d.state {
                Some((s, ev)) => (store.interned(s), ev),
                None => (&b""[..], first_active.unwrap_or(Ev::labelled(0, Label::First))),
            };
            let text = match state {
                b"ACTIVE" => "the dialog was ACTIVE (talking) when the notifications end",
                b"ALERTING" => "the dialog was ALERTING (ringing) when the notifications end",
                b"INITIATING" | b"INITIATED" => "the dialog was being set up (INITIATING or INITIATED) when the notifications end",
                _ => "the dialog had not been DROPPED or deleted when the notifications end",
            };
            make(OutcomeKind::StillActive, "dialog-still-active", Reason::Text(text), vec![ev])
        }
    }
}

/// `dialog-failed`: a participant FAILED, by its `stateCause` (§4).
fn failed(store: &Store, d: &DialogFacts) -> Option<Outcome> {
    let p = d.parties.iter().find(|p| p.failed.is_some())?;
    let cause = p.cause.map(|(c, ev)| (store.interned(c), ev));
    let (kind, text) = match cause.map(|c| c.0) {
        Some(b"BUSY") => (OutcomeKind::Busy, "the destination was busy (a participant FAILED with stateCause BUSY)"),
        Some(b"BAD_DESTINATION") => (OutcomeKind::Failed, "the call could not be made: the destination is not valid (stateCause BAD_DESTINATION)"),
        Some(b"DEVICE_RESOURCE_NOT_AVAILABLE") => (OutcomeKind::Failed, "the call could not be made: no device resource was available (stateCause DEVICE_RESOURCE_NOT_AVAILABLE)"),
        Some(b"OTHER") => (OutcomeKind::Failed, "the call failed (stateCause OTHER: Finesse does not say more)"),
        _ => (OutcomeKind::Failed, "a participant FAILED with no stateCause the reference lists"),
    };
    let ev = cause.map_or(p.failed?, |c| c.1);
    Some(make(kind, "dialog-failed", Reason::Text(text), vec![ev]))
}

/// How many participants the latest notification shows on the call (not DROPPED).
pub(crate) fn party_count(store: &Store, d: &DialogFacts) -> usize {
    d.parties
        .iter()
        .filter(|p| {
            p.state
                .is_some_and(|(s, _)| store.interned(s) != b"DROPPED")
        })
        .count()
}

/// The direction a dialog's `callType` tells (FIN-API's values), when it tells one.
pub(crate) fn direction(store: &Store, d: &DialogFacts) -> Option<super::CallDirection> {
    use super::CallDirection as D;
    let (t, _) = d.call_type?;
    Some(match store.interned(t) {
        b"ACD_IN"
        | b"PREROUTE_ACD_IN"
        | b"PREROUTE_DIRECT_AGENT"
        | b"OTHER_IN"
        | b"OVERFLOW_IN" => D::Inbound,
        b"OUT" | b"AUTO_OUT" | b"AGENT_OUT" => D::Outbound,
        b"AGENT_INSIDE" | b"CONSULT" | b"CONFERENCE" | b"ASSIST_CALL" | b"BARGE_IN_CONSULT" => {
            D::Internal
        }
        _ => return None,
    })
}

/// What the dialog adds to a call's remarks: a disagreement with the CTI events, and the
/// failed call operations Finesse reported for it.
pub(crate) fn remarks(
    store: &Store,
    call: &super::call::CallState,
    d: &DialogFacts,
    decided: OutcomeKind,
    out: &mut Vec<String>,
) {
    if has_cti(&call.facts) {
        let own = outcome(store, d);
        if own.kind != decided && own.kind != OutcomeKind::StillActive {
            out.push(format!(
                "the Finesse dialog says {} (rule {}), the CTI events say {}: the CTI events decide",
                own.kind.as_str(),
                own.rule,
                decided.as_str()
            ));
        }
    }
    for &e in &d.api_errors {
        out.push(api_error(store, e));
    }
}

/// An apiError event in words (§4: `errorData` is a CONTROL_FAILURE code, §4.14).
fn api_error(store: &Store, e: u32) -> String {
    let event = store.event(e as usize);
    let mut parts = (String::new(), String::new(), None);
    for f in event.fields() {
        let written = name(store, &f);
        let value = match f.value {
            FieldValue::Text(s) => String::from_utf8_lossy(store.str(s)).into_owned(),
            FieldValue::Number { n, .. } => n.to_string(),
            _ => continue,
        };
        match written {
            b"errorType" => parts.0 = value,
            b"errorMessage" => parts.1 = value,
            b"errorData" => parts.2 = f.value.number(),
            _ => {}
        }
    }
    let code = parts.2.map_or(String::new(), |n| {
        let (symbol, meaning) = u32::try_from(n).map_or((None, "".into()), |n| {
            crate::codes::session::CONTROL_FAILURE_CODE.explain(n)
        });
        match symbol {
            Some(symbol) => format!(" (errorData {n}: {symbol}, {meaning})"),
            None => format!(" (errorData {n}: {meaning})"),
        }
    });
    format!(
        "Finesse reported a failed call operation (event {e}): {} {}{code}",
        parts.0, parts.1
    )
}
