//! Finesse notifications (`cisco-logs.md` §4): what a Finesse desktop receives, `<Update>` XML
//! with `Dialog` objects, their participants and states, read into the store.
//!
//! Each object of a notification's `data` (a `Dialog`, an `apiError`, a `User`…) becomes one
//! event, its type the object's name (`Dialog`; FIN-PARSER's lower-case `dialog` is kept as the
//! label), its fields the notification's `event` (`POST`, `PUT`, `DELETE`), `requestId` and
//! `source`, then every leaf of the object ([`xml`] names them: `id`, `callType`,
//! `participants[0].state`, `callVariable1`…), kept as written and never resolved against the
//! CTI field catalogue. A notification without objects (an empty `dialogs` list) is one
//! `Update` event of its header.
//!
//! The notifications come from three places: the `XMPP_PUBLISH_ASYNCHRONOUS` records of a
//! Finesse webservices log (§1.3, through the trace decoder), notifications pasted or saved as
//! XML (the trace decoder too: a line starting `<Update` begins one), and live strings pushed
//! by a desktop ([`crate::live`]). The timeline reads the events ([`crate::timeline`]): a
//! dialog is the call whose ConnectionCallID is its `id` (§4: **UNCERTAIN**).

mod xml;

use rustc_hash::FxHashSet;

use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{kind, EventType, Span, Store, NO_STR};

pub(crate) use xml::{read, Notification, Problem};

/// The type name of a dialog's events.
pub const DIALOG: &str = "Dialog";
/// The type name of a failed call operation's events (`apiErrors/apiError`, §4).
pub const API_ERROR: &str = "apiError";

/// Where a notification's text lies in the input.
pub(crate) struct Origin<'a> {
    /// One-based line and column of byte `at` of the notification's text.
    pub position: &'a dyn Fn(usize) -> (u32, u32),
    /// Zero-based byte offset of the text's first byte in the input, when the text is the
    /// input's bytes as they are (not unescaped from a log record).
    pub offset: Option<u64>,
    /// The time of the log record that carried it, and that time as written.
    pub time: Option<(i64, bool)>,
    pub time_text: &'a str,
}

/// What the reader keeps across notifications.
#[derive(Default)]
pub struct Notifications {
    /// Dialog ids seen so far (a PUT or DELETE for another is said once).
    seen: FxHashSet<Vec<u8>>,
}

impl Notifications {
    /// Writes the notifications of `text` into the store, with their positions from `origin`.
    pub(crate) fn write_text(&mut self, store: &mut Store, text: &str, origin: &Origin<'_>) {
        for n in read(text) {
            self.write(store, &n, origin);
        }
    }

    /// Writes one notification: an event per object, and its problem as a diagnostic.
    pub(crate) fn write(&mut self, store: &mut Store, n: &Notification, origin: &Origin<'_>) {
        let verb = n
            .header
            .iter()
            .find(|(name, _)| name == "event")
            .map_or("", |(_, v)| v.as_str());
        let (end_line, _) = (origin.position)(n.end.saturating_sub(1));
        let span = |at: usize| {
            let (line, _) = (origin.position)(at);
            Span {
                line,
                end_line,
                offset: origin.offset.map_or(0, |o| o + at as u64),
                length: u32::try_from(n.end.saturating_sub(at)).unwrap_or(u32::MAX),
            }
        };
        let none = [xml::Object {
            name: "Update".to_owned(),
            at: n.at,
            fields: Vec::new(),
        }];
        let objects = if n.objects.is_empty() && !n.header.is_empty() {
            &none[..]
        } else {
            &n.objects[..]
        };
        for object in objects {
            let name = canonical(&object.name);
            let ty = EventType::Unnamed(store.strings.intern(name.as_bytes()));
            let label = (name != object.name).then_some(object.name.as_str());
            let (time, time_text) = match origin.time {
                Some(t) => (Some(t), origin.time_text),
                None => latest_change(object),
            };
            let time_text = (!time_text.is_empty()).then_some(time_text);
            store.begin_event(ty, label, span(object.at), time, time_text);
            for (field, value) in n.header.iter().chain(&object.fields) {
                let written = store.names.verbatim(field);
                let typed = if value.is_empty() {
                    (kind::EMPTY, NO_STR, 0)
                } else {
                    crate::text::typing::plain(&mut store.strings, value)
                };
                store.push_field(written, typed);
            }
            if name == DIALOG {
                self.dialog(store, object, verb, origin);
            }
        }
        match &n.problem {
            None => {}
            Some(Problem::Cut) => {
                store.truncate_last();
                let (line, column) = (origin.position)(n.end.saturating_sub(1));
                store.diagnostics.push(Diagnostic::text(
                    DiagnosticCode::RecordCut,
                    line,
                    column,
                    "the notification ends before its end tag (cut by the log's line limit, a copy or rotation); what it holds so far is kept",
                ));
            }
            Some(Problem::Invalid { at, message }) => {
                let (line, column) = (origin.position)(*at);
                let kept = if objects.is_empty() {
                    "nothing before it was an object"
                } else {
                    "what was read before it is kept"
                };
                store.diagnostics.push(Diagnostic::text(
                    DiagnosticCode::MalformedXml,
                    line,
                    column,
                    &format!("{message}; {kept}"),
                ));
            }
        }
    }

    /// Notes a dialog's id; a PUT or DELETE for an id no earlier notification had is said.
    fn dialog(&mut self, store: &mut Store, object: &xml::Object, verb: &str, origin: &Origin) {
        let Some((_, id)) = object.fields.iter().find(|(f, _)| f == "id") else {
            return;
        };
        if self.seen.insert(id.as_bytes().to_vec()) && matches!(verb, "PUT" | "DELETE") {
            let (line, column) = (origin.position)(object.at);
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::UnseenDialog,
                line,
                column,
                &format!("a {verb} for dialog {id}, which no earlier notification created (the input starts after its POST, or the POST was lost)"),
            ));
        }
    }
}

/// The event type of an object as written (`dialog`, FIN-PARSER's spelling, is a `Dialog`).
fn canonical(name: &str) -> &str {
    if name.eq_ignore_ascii_case(DIALOG) {
        DIALOG
    } else {
        name
    }
}

/// An object's time when nothing else gives one: the latest participant `stateChangeTime`
/// (INFERENCE: a notification is sent on a state change, and carries no time of its own).
fn latest_change(object: &xml::Object) -> (Option<(i64, bool)>, &str) {
    object
        .fields
        .iter()
        .filter(|(f, _)| f.ends_with(".stateChangeTime") || f.ends_with(".startTime"))
        .filter_map(|(_, v)| match crate::time::parse(v.as_bytes())? {
            crate::time::Stamp::Absolute(ms) => Some((ms, v.as_str())),
            crate::time::Stamp::TimeOfDay(_) => None,
        })
        .max_by_key(|&(ms, _)| ms)
        .map_or((None, ""), |(ms, v)| (Some((ms, false)), v))
}
