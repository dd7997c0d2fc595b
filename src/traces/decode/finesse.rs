//! A Finesse server's webservices log (`cisco-logs.md` §1): records
//! `[SEQUENCE: ADDRESS: ]Mon DD YYYY HH:MM:SS.mmm ±HHMM: %CCBU_<thread>-<severity>-<MNEMONIC>: …`,
//! of which `DECODED_MESSAGE_FROM_CTI_SERVER` carries a CTI message:
//! `%[cti_message=CTI<Name> [name=value, …]CTIMessageBean [invokeID=…, msgID=N, …, msgName=…]]…`.
//! Field names are the guide's in camelCase, enumerations `N (NAME)`, absent values `null`,
//! lists `[a, b]`, `timeTracker` a JSON object (§1.2).

use super::clock;
use super::write::{Loc, Raw, Ty, When, Writer};
use super::{find, split_at_byte};
use super::{Gathered, Other, Source};
use crate::codes::message_types;
use crate::diagnostic::{quoted, Diagnostic, DiagnosticCode};
use crate::store::Store;
use crate::text::{trim, trim_start};

/// What a record of `mnemonic` is: a CTI message, or counted under a kind of other trace.
pub(super) fn kind(mnemonic: &str) -> Result<Source, Other<'static>> {
    match mnemonic {
        "DECODED_MESSAGE_FROM_CTI_SERVER" => Ok(Source::Finesse),
        // §1.3: what Finesse published to desktops (crate::finesse reads it).
        #[cfg(feature = "finesse")]
        "XMPP_PUBLISH_ASYNCHRONOUS" => Ok(Source::Xmpp),
        #[cfg(not(feature = "finesse"))]
        "XMPP_PUBLISH_ASYNCHRONOUS" => Err((
            "Finesse",
            "XMPP_PUBLISH_ASYNCHRONOUS records (desktop notifications, read by cti-outcome/finesse)",
        )),
        _ => Err(("Finesse", "records")),
    }
}

/// One `name=value` of a bracketed list, with where its name starts in the record's text.
struct Item<'a> {
    name: &'a str,
    value: &'a str,
    at: usize,
}

/// The items of the list whose `[` is at `open`, split at `, ` outside nested brackets and
/// braces; and where its `]` is (`None`: the record ends first).
fn items(text: &str, open: usize) -> (Vec<Item<'_>>, Option<usize>) {
    fn take<'t>(text: &'t str, from: usize, to: usize, out: &mut Vec<Item<'t>>) {
        let piece = &text[from..to];
        let lead = piece.len() - trim_start(piece).len();
        let piece = trim(piece);
        if piece.is_empty() {
            return;
        }
        let (name, value) = split_at_byte(piece, b'=').unwrap_or(("", piece));
        out.push(Item {
            name: trim(name),
            value: trim(value),
            at: from + lead,
        });
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = open + 1;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b']' => {
                take(text, start, i, &mut out);
                return (out, Some(i));
            }
            b',' if depth == 0 && b.get(i + 1) == Some(&b' ') => {
                take(text, start, i, &mut out);
                start = i + 2;
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    take(text, start, b.len(), &mut out);
    (out, None)
}

/// A value as written: `null`, `N (NAME)`, or text.
fn raw(value: &str) -> Raw<'_> {
    if value == "null" {
        return Raw::Absent(value);
    }
    // `N (NAME)`: the first ` (` (found by its `(`: a `str` pattern's searcher for each value
    // costs more than the value).
    let coded = value.strip_suffix(')').and_then(|v| {
        let b = v.as_bytes();
        let open = memchr::memchr_iter(b'(', b).find(|&i| i > 0 && b[i - 1] == b' ')?;
        Some((&v[..open - 1], &v[open + 1..]))
    });
    if let Some((n, name)) = coded {
        if let Ok(n) = n.parse::<i64>() {
            if !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
                return Raw::Coded(n, name, value);
            }
        }
    }
    Raw::Text(value)
}

/// `AgentStateEvent` → `AGENT_STATE_EVENT`.
fn snake(pascal: &str) -> String {
    let mut out = String::with_capacity(pascal.len() + 8);
    for (i, c) in pascal.char_indices() {
        if i > 0 && c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// Reads a `DECODED_MESSAGE_FROM_CTI_SERVER` record into an event.
pub(super) fn read(w: &mut Writer, store: &mut Store, record: &Gathered) {
    let text = record.text.as_str();
    let Some(start) = find(text, "cti_message=") else {
        cut(store, record, 0, "no `cti_message=` in the record");
        return;
    };
    let name_at = start + "cti_message=".len();
    let open = text[name_at..].find('[').map(|i| name_at + i);
    let written = text[name_at..open.unwrap_or(text.len())].trim();
    let (fields, close) = open.map_or((Vec::new(), None), |o| items(text, o));
    let after = close.map_or(text.len(), |c| c + 1);
    let (bean, bean_close) = match find(&text[after..], "CTIMessageBean") {
        Some(i) => match text[after + i..].find('[') {
            Some(j) => items(text, after + i + j),
            None => (Vec::new(), None),
        },
        None => (Vec::new(), None),
    };
    let value = |name: &str| bean.iter().find(|f| f.name == name).map(|f| f.value);
    let ty_name = value("msgName")
        .map(snake)
        .or_else(|| written.strip_prefix("CTI").map(snake));
    let id = value("msgID").and_then(|v| v.parse::<u16>().ok());
    let ty = match (id, ty_name.as_deref()) {
        (Some(id), _) => Ty::Id(id),
        (None, Some(name)) => Ty::Name(name),
        (None, None) => Ty::Name(written),
    };
    let when = When {
        ms: clock::finesse(&record.time).map(|ms| (ms, false)),
        text: &record.time,
    };
    Writer::begin(store, ty, Some(written), record.at(), when);
    if let (Some(id), Some(name)) = (id, ty_name.as_deref()) {
        if message_types::id_of(name).is_some_and(|n| n != id) {
            let at = find(text, "msgID=").unwrap_or(0);
            let (line, column) = record.position(at);
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::CodeMismatch,
                line,
                column,
                &format!(
                    "msgID {id} is message type {}, but msgName is {name}; the number is kept",
                    message_types::name_of(id).unwrap_or("(none)")
                ),
            ));
        }
    }
    for f in &fields {
        put(w, store, record, f, true);
    }
    for f in &bean {
        put(w, store, record, f, f.name == "invokeID");
    }
    params(w, store, record, bean_close.map_or(text.len(), |c| c + 1));
    if close.is_none() || bean_close.is_none() {
        record.ends_before(store, "`]`");
    }
}

/// Writes one item: a message field under the guide's name (`resolve`), or the record's own
/// metadata (`msgID`, `cti_sequence_id`…) under its name as written.
fn put(w: &mut Writer, store: &mut Store, record: &Gathered, f: &Item<'_>, message: bool) {
    let at = Loc(record, f.at);
    if f.name.is_empty() {
        if matches!(f.value, "…" | "...") {
            Writer::truncated(store);
            return;
        }
        let (line, column) = record.position(f.at);
        store.diagnostics.push(Diagnostic::text(
            DiagnosticCode::MalformedField,
            line,
            column,
            &format!(
                "{} has no `name=`: kept as a field named `?`",
                quoted(f.value)
            ),
        ));
        w.verbatim(store, "?", f.value);
        return;
    }
    if message {
        w.field(store, f.name, raw(f.value), at);
    } else {
        w.verbatim(store, f.name, f.value);
    }
}

/// The record's parameters after the message (`[cti_response_time=0][dispatch_phase=…]`), kept
/// under their names as written.
fn params(w: &mut Writer, store: &mut Store, record: &Gathered, from: usize) {
    let mut rest = record.text[from.min(record.text.len())..].trim_start_matches(']');
    while let Some(inner) = rest.strip_prefix('[') {
        let Some(end) = inner.find(']') else { break };
        if let Some((name, value)) = split_at_byte(&inner[..end], b'=') {
            w.verbatim(store, trim(name), trim(value));
        }
        rest = &inner[end + 1..];
    }
}

fn cut(store: &mut Store, record: &Gathered, at: usize, why: &str) {
    let (line, column) = record.position(at);
    store.diagnostics.push(Diagnostic::text(
        DiagnosticCode::RecordCut,
        line,
        column,
        why,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_outside_nested_brackets() {
        let text = "[a=1, b=[x, y], c={\"k\":1, \"j\":2}, d=7 (BUSY_OTHER)]rest";
        let (items, close) = items(text, 0);
        let got: Vec<_> = items.iter().map(|i| (i.name, i.value)).collect();
        assert_eq!(
            got,
            [
                ("a", "1"),
                ("b", "[x, y]"),
                ("c", "{\"k\":1, \"j\":2}"),
                ("d", "7 (BUSY_OTHER)")
            ]
        );
        assert_eq!(close, Some(text.len() - 5));
        assert!(matches!(
            raw("7 (BUSY_OTHER)"),
            Raw::Coded(7, "BUSY_OTHER", _)
        ));
        assert!(matches!(raw("null"), Raw::Absent(_)));
        assert!(matches!(raw("(x)"), Raw::Text(_)));
        assert_eq!(snake("AgentStateEvent"), "AGENT_STATE_EVENT");
    }
}
