//! Building events in the store: opening one at its `MsgType:` line, its type by name, and its
//! fields (read by the shape of earlier events of the type when they follow it).

use super::line::{self, Line};
use super::typing::{Mistyped, Typed};
use super::{Open, Slot, TextDecoder};
use crate::codes::fields::Named;
use crate::codes::message_types;
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::{flag, same, EventType, Store, StrId, WrittenId, NO_STR, NO_TIME};
use crate::time::{self, Stamp};

impl TextDecoder {
    pub(super) fn open_event(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        rest: &str,
        time: Option<&str>,
    ) {
        let written = rest.trim();
        let mut name = written.trim_end_matches(':').trim_end();
        let truncated = name.ends_with("...") || name.ends_with('…');
        if truncated {
            name = name
                .trim_end_matches(['.', '…'])
                .trim_end()
                .trim_end_matches(':')
                .trim_end();
        }
        if name.is_empty() {
            let column = line.column_of(rest);
            store.diagnostics.push(Diagnostic::text(
                DiagnosticCode::MissingMessageType,
                number,
                column,
                "",
            ));
        }
        let (ty, differs, shape) = self.event_type(store, name);
        let e = &mut store.events;
        e.ty.push(ty);
        e.offset.push(offset);
        e.length
            .push(u32::try_from(line.full.len()).unwrap_or(u32::MAX));
        e.line.push(number);
        e.end_line.push(number);
        let (time, time_text, time_flag) = timestamp(&mut store.strings, time);
        e.time.push(time);
        e.time_text.push(time_text);
        e.flags
            .push(time_flag | if truncated { flag::TRUNCATED } else { 0 });
        // `name` is `written` with its end trimmed: they differ exactly when their lengths do.
        let label = (differs || written.len() != name.len())
            .then(|| store.strings.intern(written.as_bytes()).0);
        e.label.push(label.unwrap_or(NO_STR));
        e.body.push(store.fields.name.len() as u64);
        self.open = Some(Open {
            msg_indent: line.indent,
            field_indent: None,
            shape,
            position: 0,
            flat: false,
        });
    }

    /// The packed type of a name as written, whether the writing differs from the canonical
    /// name (ASCII case, a UCCX name), and the shape of its fields.
    pub(super) fn event_type(&mut self, store: &mut Store, name: &str) -> (u32, bool, u32) {
        let at = self.type_names.intern(name.as_bytes()).0 as usize;
        if let Some(&Some(found)) = self.types.get(at) {
            return found;
        }
        let shape = u32::try_from(self.shapes.len()).unwrap_or(u32::MAX);
        self.shapes.push(Vec::new());
        let found = match message_types::id_of(name) {
            Some(id) => {
                let canonical = message_types::name_of(id).unwrap_or_default();
                (
                    EventType::Id(u32::from(id)).pack(),
                    canonical != name,
                    shape,
                )
            }
            None => (
                EventType::Unnamed(store.strings.intern(name.as_bytes())).pack(),
                false,
                shape,
            ),
        };
        if self.types.len() <= at {
            self.types.resize(at + 1, None);
        }
        self.types[at] = Some(found);
        found
    }

    /// Reads the line as the field its type had at this position last time, or at the next
    /// (events of one type leave out some fields), when the line starts with that name and a
    /// colon; `false` when it does not.
    pub(super) fn expected_field(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
    ) -> bool {
        #[cfg(test)]
        if self.no_shapes {
            return false;
        }
        let Some(open) = self.open.as_mut().filter(|o| !o.flat) else {
            return false;
        };
        let content = line.content.as_bytes();
        let names = &store.names;
        let written = |slot: &Slot| names.written_text(&names.get(slot.name));
        let named_here = |slot: &&Slot| {
            let written = written(slot);
            content.len() > written.len()
                && content[written.len()] == b':'
                && same(&content[..written.len()], written)
        };
        let shape = &self.shapes[open.shape as usize];
        let Some((at, &slot)) = (open.position..open.position + 2)
            .find_map(|at| shape.get(at).filter(named_here).map(|slot| (at, slot)))
        else {
            return false;
        };
        let written = written(&slot);
        let raw = line::trim(&line.content[written.len() + 1..]);
        // A value that may hold further fields and events is read as the line's first reading
        // reads it (see `line`), so that a decode does not depend on what came before.
        if memchr::memchr(b':', raw.as_bytes()).is_some() && super::flat::mentions_msg_type(raw) {
            return false;
        }
        open.position = at;
        let (typed, problem) = match slot.last {
            Some((last, typed)) if same(store.strings.get(last), raw.as_bytes()) => (typed, None),
            _ => self.typed(store, slot.named, raw),
        };
        if let Some(problem) = problem {
            invalid(store, number, line, raw, problem);
        }
        let name = (slot.name, slot.named);
        self.put_field(store, number, offset, line, name, typed, problem.is_none());
        true
    }

    pub(super) fn push_field(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        written: &str,
        raw: &str,
    ) {
        let name = store.names.written(written);
        let named = store.names.get(name).named;
        let (typed, problem) = self.typed(store, named, raw);
        if let Some(problem) = problem {
            invalid(store, number, line, raw, problem);
        }
        let named = (name, named);
        self.put_field(store, number, offset, line, named, typed, problem.is_none());
    }

    /// Types a value of the open event, and remembers it for the field's position.
    pub(super) fn typed(
        &mut self,
        store: &mut Store,
        named: Named,
        raw: &str,
    ) -> (Typed, Option<Mistyped>) {
        let message_type = EventType::unpack(*store.events.ty.last().expect("an open event")).id();
        self.symbols
            .type_value(&mut store.strings, named, message_type, raw)
    }

    /// Adds a field (its written name and what that names) to the open event; its value is
    /// remembered for the position when `remember` (values typed without a problem).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn put_field(
        &mut self,
        store: &mut Store,
        number: u32,
        offset: u64,
        line: &Line<'_>,
        (name, named): (WrittenId, Named),
        typed: Typed,
        remember: bool,
    ) {
        let Some(open) = &mut self.open else { return };
        open.field_indent.get_or_insert(line.indent);
        let shape = &mut self.shapes[open.shape as usize];
        let (k, r, n) = typed;
        let slot = Slot {
            name,
            named,
            last: (remember && r != NO_STR).then_some((StrId(r), typed)),
        };
        if open.position < shape.len() {
            shape[open.position] = slot;
        } else if open.position == shape.len() {
            shape.push(slot);
        }
        open.position += 1;
        let f = &mut store.fields;
        f.name.push(name);
        f.kind.push(k);
        f.values.push(r, n);
        extend(store, number, offset, line.full.len(), 0);
    }
}

/// Makes the store's last event reach to the end of line `number`.
#[inline]
pub(super) fn extend(store: &mut Store, number: u32, offset: u64, len: usize, flags: u8) {
    let e = &mut store.events;
    let last = e.ty.len() - 1;
    e.end_line[last] = number;
    // An event rebuilt from the middle of a flattened line that a lossy UTF-8 repair lengthened
    // can start past the end of the line as counted here (found by the `finesse` fuzz target).
    let end = (offset + len as u64).saturating_sub(e.offset[last]);
    e.length[last] = u32::try_from(end).unwrap_or(u32::MAX);
    e.flags[last] |= flags;
}

/// The event time: milliseconds, the text as written, and the time-of-day flag.
pub(super) fn timestamp(
    strings: &mut crate::store::Interner,
    written: Option<&str>,
) -> (i64, u32, u8) {
    let Some(text) = written else {
        return (NO_TIME, NO_STR, 0);
    };
    if time::is_iso_millis(text.as_bytes()) {
        if let Some(Stamp::Absolute(ms)) = time::parse(text.as_bytes()) {
            return (ms, NO_STR, flag::ISO_TIME);
        }
    }
    let id: StrId = strings.append(text.as_bytes());
    match time::parse(text.as_bytes()) {
        Some(Stamp::Absolute(ms)) => (ms, id.0, 0),
        Some(Stamp::TimeOfDay(ms)) => (ms, id.0, flag::TIME_OF_DAY),
        None => (NO_TIME, id.0, 0),
    }
}

/// Says where a value does not fit its field and what the field takes; the value is kept as
/// text, and the event keeps the rest of its fields.
fn invalid(store: &mut Store, number: u32, line: &Line<'_>, raw: &str, problem: Mistyped) {
    let shown = crate::diagnostic::quoted(raw);
    let detail = match problem {
        Mistyped::NotANumber(field) => format!(
            "{}: {shown} is not a number (the field is {})",
            field.name(),
            field.def().ty.wire_name()
        ),
        Mistyped::UnknownSymbol(field) => format!(
            "{}: {shown} is not one of the values the references list for it",
            field.name()
        ),
    };
    store.diagnostics.push(Diagnostic::text(
        DiagnosticCode::InvalidValue,
        number,
        line.column_of(raw),
        &detail,
    ));
}
