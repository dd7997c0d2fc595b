//! One notification's XML read with quick-xml into its objects and their leaf values, named by
//! their path (`cisco-logs.md` §4): `<Update><data>…</data><event>…</event><requestId/>
//! <source>…</source></Update>`.
//!
//! Every leaf element becomes a field, empty ones too, so that nothing the notification says is
//! lost. Names are the leaf's, with the containers that only group (`mediaProperties`,
//! `callvariables`, `participants`) left out; a participant's leaves are `participants[i].name`
//! (`i` from 0); a `CallVariable`'s `name`/`value` pair is one field named by its `name`; the
//! members of a list (`actions/action`, `wrapUpItems/wrapUpItem`) are one field, joined by `, `.

use std::fmt::Write as _;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// An object of a notification's `data` (a `Dialog`, an `apiError`, a `User`…).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Object {
    /// The element's name as written (`Dialog`, `dialog`, `apiError`).
    pub name: String,
    /// Byte offset of its start tag in the text read.
    pub at: usize,
    /// Its leaves: name (see the module's description) and text, in document order.
    pub fields: Vec<(String, String)>,
}

/// A notification read from XML.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Notification {
    /// Byte offset of its `<Update>` (or its first element) in the text read.
    pub at: usize,
    /// Byte offset just past its end tag (or where reading stopped).
    pub end: usize,
    /// `event` (`POST`, `PUT`, `DELETE`), `requestId` and `source`, and any other leaf of the
    /// `Update` outside `data`.
    pub header: Vec<(String, String)>,
    /// The objects of its `data`, in order.
    pub objects: Vec<Object>,
    /// Why reading stopped early: `Cut` (the text ends inside the notification) or `Invalid`.
    pub problem: Option<Problem>,
}

/// Why a notification was not read to its end tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The text ends before the end tag (cut by a log's line limit, a copy, rotation).
    Cut,
    /// The XML is not well formed at byte `at`: what quick-xml says.
    Invalid { at: usize, message: String },
}

/// Containers whose own name is left out of their leaves' names.
const GROUPS: &[&str] = &["mediaProperties", "callvariables", "participants"];
/// Lists whose members are one field, named by the list.
const LISTS: &[&str] = &["actions", "wrapUpItems"];
/// `data` children that hold several objects rather than being one.
const WRAPPERS: &[&str] = &["dialogs", "apiErrors"];

/// An open element.
struct Open {
    name: String,
    /// Whether an element was opened inside it (it is no leaf).
    parent: bool,
}

/// Reads the notifications in `text`: one or several `<Update>`s, or one object element
/// without the `Update` around it.
pub(crate) fn read(text: &str) -> Vec<Notification> {
    let mut reader = Reader::from_str(text);
    let mut out = Vec::new();
    let mut walk = Walk::default();
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(before);
                // Every syntax error but a bad `<!` is markup the text ends inside: cut, not
                // invalid.
                let cut = matches!(&e, quick_xml::Error::Syntax(s) if *s != quick_xml::errors::SyntaxError::InvalidBangMarkup);
                walk.stop(if cut {
                    Problem::Cut
                } else {
                    Problem::Invalid {
                        at,
                        message: said(&e),
                    }
                });
                walk.flush(&mut out, at);
                break;
            }
        };
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match event {
            Event::Start(e) => walk.open(&e, before),
            Event::Empty(e) => {
                walk.open(&e, before);
                walk.close();
            }
            Event::Text(t) => walk.text.push_str(&t.decode().unwrap_or_default()),
            Event::CData(t) => walk.text.push_str(&t.decode().unwrap_or_default()),
            Event::GeneralRef(r) => walk.reference(&r),
            Event::End(_) => walk.close(),
            Event::Eof => {
                if !walk.stack.is_empty() {
                    walk.stop(Problem::Cut);
                }
                walk.flush(&mut out, text.len());
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
        if walk.stack.is_empty() && walk.current.is_some() {
            walk.flush(&mut out, after);
        }
    }
    out
}

/// What is wrong, in words (the library's own `Display` would cost the WebAssembly modules
/// several kilobytes for messages no notification needs).
fn said(e: &quick_xml::Error) -> String {
    use quick_xml::errors::IllFormedError as Ill;
    match e {
        quick_xml::Error::IllFormed(Ill::MismatchedEndTag { expected, found }) => {
            format!("`</{found}>` closes `<{expected}>`")
        }
        quick_xml::Error::IllFormed(Ill::UnmatchedEndTag(name)) => {
            format!("`</{name}>` closes no open element")
        }
        quick_xml::Error::IllFormed(Ill::MissingEndTag(name)) => {
            format!("`<{name}>` is not closed")
        }
        quick_xml::Error::IllFormed(_) => "a malformed declaration or comment".to_owned(),
        quick_xml::Error::Syntax(_) => "markup that does not parse (`<!`)".to_owned(),
        quick_xml::Error::InvalidAttr(_) => "an attribute that does not parse".to_owned(),
        quick_xml::Error::Escape(_) => "an `&` escape that does not parse".to_owned(),
        _ => "text that is no XML".to_owned(),
    }
}

/// The state of a walk through the elements.
#[derive(Default)]
struct Walk {
    stack: Vec<Open>,
    text: String,
    /// The notification being read.
    current: Option<Notification>,
    /// Depth (in `stack`) of the object being filled, and participants seen in it.
    object: Option<usize>,
    participants: usize,
}

impl Walk {
    fn open(&mut self, e: &BytesStart<'_>, at: usize) {
        let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        if let Some(top) = self.stack.last_mut() {
            top.parent = true;
        }
        self.text.clear();
        let depth = self.stack.len();
        let n = self.current.get_or_insert_with(|| Notification {
            at,
            ..Notification::default()
        });
        // Where objects start: `Update/data/X` (or `Update/data/wrapper/X`), or the root when
        // it is no `Update`.
        let parent = self.stack.last().map(|o| o.name.as_str());
        let grand = depth
            .checked_sub(2)
            .and_then(|i| self.stack.get(i))
            .map(|o| o.name.as_str());
        let starts = self.object.is_none()
            && match (depth, parent, grand) {
                (0, _, _) => name != "Update",
                (2, Some("data"), _) => !WRAPPERS.contains(&name.as_str()),
                (3, Some(w), Some("data")) => WRAPPERS.contains(&w),
                _ => false,
            };
        if starts {
            n.objects.push(Object {
                name: name.clone(),
                at,
                fields: Vec::new(),
            });
            self.object = Some(depth);
            self.participants = 0;
        }
        self.stack.push(Open {
            name,
            parent: false,
        });
    }

    fn reference(&mut self, r: &quick_xml::events::BytesRef<'_>) {
        if let Ok(Some(c)) = r.resolve_char_ref() {
            self.text.push(c);
            return;
        }
        let name = r.decode().unwrap_or_default();
        match quick_xml::escape::resolve_predefined_entity(&name) {
            Some(s) => self.text.push_str(s),
            // An entity no XML predefines: kept as written.
            None => {
                self.text.push('&');
                self.text.push_str(&name);
                self.text.push(';');
            }
        }
    }

    fn close(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        let depth = self.stack.len();
        let text = std::mem::take(&mut self.text);
        let value = match text.trim() {
            t if t.len() == text.len() => text,
            t => t.to_owned(),
        };
        if self.object == Some(depth) {
            self.object = None;
            return;
        }
        if open.parent {
            if open.name == "Participant" && self.object.is_some() {
                self.participants += 1;
            }
            return;
        }
        let Some(n) = self.current.as_mut() else {
            return;
        };
        match self.object {
            Some(start) => {
                let path = &self.stack[start + 1..];
                let object = n.objects.last_mut().expect("an object is open");
                leaf(object, path, &open.name, value, self.participants);
            }
            None if depth >= 1 && self.stack[depth - 1].name == "Update" => {
                n.header.push((open.name, value));
            }
            None => {}
        }
    }

    fn stop(&mut self, problem: Problem) {
        if let Some(n) = self.current.as_mut() {
            n.problem = Some(problem);
        } else {
            self.current = Some(Notification {
                problem: Some(problem),
                ..Notification::default()
            });
        }
    }

    fn flush(&mut self, out: &mut Vec<Notification>, end: usize) {
        if let Some(mut n) = self.current.take() {
            n.end = end;
            out.push(n);
        }
        self.stack.clear();
        self.object = None;
        self.text.clear();
    }
}

/// Adds leaf `name` with `value`, inside the elements `path` of `object`, under its name.
fn leaf(object: &mut Object, path: &[Open], name: &str, value: String, participant: usize) {
    let parent = path.last().map(|o| o.name.as_str());
    if parent == Some("CallVariable") {
        // `<name>` then `<value>`: the pair is one field named by `name`.
        match name {
            "name" => object.fields.push((value, String::new())),
            _ => match object.fields.last_mut() {
                Some(last) if last.1.is_empty() => last.1 = value,
                _ => object.fields.push((name.to_owned(), value)),
            },
        }
        return;
    }
    let mut full = String::new();
    let mut list = false;
    for (i, o) in path.iter().enumerate() {
        match o.name.as_str() {
            g if GROUPS.contains(&g) => {}
            "Participant" => {
                let _ = write!(full, "participants[{participant}].");
            }
            l if LISTS.contains(&l) && i + 1 == path.len() => {
                full.push_str(l);
                list = true;
            }
            other => {
                full.push_str(other);
                full.push('.');
            }
        }
    }
    if !list {
        full.push_str(name);
    }
    if list {
        if let Some(last) = object.fields.last_mut().filter(|f| f.0 == full) {
            if !last.1.is_empty() {
                last.1.push_str(", ");
            }
            last.1.push_str(&value);
            return;
        }
    }
    object.fields.push((full, value));
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIALOG: &str = "<Update><data><dialogs><Dialog><associatedDialogUri/><id>12345678</id>\
        <mediaProperties><callType>AGENT_INSIDE</callType><callvariables><CallVariable>\
        <name>callVariable1</name><value>Chuck &amp; Smith</value></CallVariable></callvariables>\
        </mediaProperties><participants><Participant><actions><action>HOLD</action>\
        <action>DROP</action></actions><mediaAddress>2002</mediaAddress><state>ACTIVE</state>\
        </Participant><Participant><mediaAddress>2000</mediaAddress><state>ALERTING</state>\
        </Participant></participants><state>ACTIVE</state></Dialog></dialogs></data>\
        <event>PUT</event><requestId/><source>/finesse/api/User/2002/Dialogs</source></Update>";

    #[test]
    fn leaves_are_named_by_their_path() {
        let n = read(DIALOG);
        assert_eq!(n.len(), 1);
        let n = &n[0];
        assert_eq!(n.problem, None);
        assert_eq!(n.objects.len(), 1);
        let names: Vec<(&str, &str)> = n.objects[0]
            .fields
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("associatedDialogUri", ""),
                ("id", "12345678"),
                ("callType", "AGENT_INSIDE"),
                ("callVariable1", "Chuck & Smith"),
                ("participants[0].actions", "HOLD, DROP"),
                ("participants[0].mediaAddress", "2002"),
                ("participants[0].state", "ACTIVE"),
                ("participants[1].mediaAddress", "2000"),
                ("participants[1].state", "ALERTING"),
                ("state", "ACTIVE"),
            ]
        );
        let header: Vec<&str> = n.header.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(header, ["event", "requestId", "source"]);
    }

    #[test]
    fn several_updates_and_a_cut_one() {
        let text = format!("{DIALOG}\n{DIALOG}\n{}", &DIALOG[..200]);
        let n = read(&text);
        assert_eq!(n.len(), 3);
        assert_eq!(n[1].at, DIALOG.len() + 1);
        assert_eq!(n[2].problem, Some(Problem::Cut));
        assert_eq!(n[2].objects.len(), 1);
    }

    #[test]
    fn malformed_xml_says_where() {
        let n = read("<Update><data><Dialog><id>1</idx></Dialog></data></Update>");
        assert!(matches!(&n[0].problem, Some(Problem::Invalid { at, .. }) if *at > 20));
    }
}
