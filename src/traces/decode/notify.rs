//! Finesse notifications in a trace: the payload of an `XMPP_PUBLISH_ASYNCHRONOUS` record
//! (`cisco-logs.md` §1.3), and `<Update>` XML pasted or saved on its own (§4), handed to the
//! notification reader ([`crate::finesse`]).

use super::{clock, find, Gathered, Kind, Source, Traces};
use crate::finesse::{Notifications, Origin};
use crate::store::Store;
use crate::text::TextDecoder;

impl Traces {
    /// A line without a trace prefix that begins, continues or ends a notification pasted or
    /// saved as XML (from a line starting `<Update` or `<?xml` to the one holding `</Update>`),
    /// or one between such notifications (counted); `false` for any other line.
    pub(super) fn notification_line(
        &mut self,
        dump: &mut TextDecoder,
        store: &mut Store,
        (number, full, offset): (u32, &str, u64),
    ) -> bool {
        let inside = matches!(self.kind, Kind::Cti(Source::Update | Source::Xmpp));
        let t = full.trim_start();
        if (t.starts_with("<Update") || t.starts_with("<?xml")) && !inside {
            self.end_record(dump, store);
            self.begin(Ok(Source::Update), number, full, offset, "");
        } else if self.kind == Kind::Cti(Source::Update) {
            self.record.add(number, full, offset);
        }
        if self.kind == Kind::Cti(Source::Update) {
            if find(full, "</Update>").is_some() {
                self.end_record(dump, store);
                self.kind = Kind::Between;
            }
            return true;
        }
        match self.kind {
            Kind::Between if t.starts_with("MsgType") => false,
            Kind::Between if t.is_empty() => true,
            Kind::Between | Kind::Start if self.kind == Kind::Between || t.starts_with("<!--") => {
                self.count(("Finesse", "lines between notifications"), number);
                self.kind = Kind::Between;
                true
            }
            _ => false,
        }
    }
}

/// Reads the payload of an `XMPP_PUBLISH_ASYNCHRONOUS` record: the text after `[Payload=` up to
/// `]: Publishing` (INFERENCE, from FIN-PARSER), HTML-escaped or not.
pub(super) fn xmpp(n: &mut Notifications, store: &mut Store, record: &Gathered) {
    let text = &record.text;
    let Some(start) = find(text, "[Payload=").map(|at| at + "[Payload=".len()) else {
        return;
    };
    let end = crate::text::rfind(&text.as_bytes()[start..], b"]: Publishing")
        .map_or(text.trim_end().len(), |at| start + at);
    let payload = &text[start..end.max(start)];
    let ms = clock::finesse(&record.time).map(|ms| (ms, false));
    if payload.trim_start().starts_with("&lt;") {
        // Positions inside the unescaped text are not the record's: they point at the payload.
        let position = |_| record.position(start);
        let origin = Origin {
            position: &position,
            offset: None,
            time: ms,
            time_text: &record.time,
        };
        n.write_text(store, &unescape(payload), &origin);
    } else {
        let position = |at| record.position(start + at);
        let origin = Origin {
            position: &position,
            offset: None,
            time: ms,
            time_text: &record.time,
        };
        n.write_text(store, payload, &origin);
    }
}

/// Reads a notification pasted or saved as XML: the gathered lines from one starting `<Update`
/// (or `<?xml`) to the one holding `</Update>`.
pub(super) fn pasted(n: &mut Notifications, store: &mut Store, record: &Gathered) {
    let position = |at| record.position(at);
    let origin = Origin {
        position: &position,
        offset: None,
        time: None,
        time_text: "",
    };
    n.write_text(store, &record.text, &origin);
}

/// `&lt;` `&gt;` `&quot;` `&apos;` and `&amp;` as the characters they stand for, in one pass
/// (`&amp;lt;` is `&lt;`, as replacing `&amp;` last gave).
pub(super) fn unescape(text: &str) -> String {
    const ENTITIES: [(&str, char); 5] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
        ("&amp;", '&'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
