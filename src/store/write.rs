//! Writing events into the store: one place that begins an event and adds its fields, for
//! every decoder that writes events one by one (the trace decoders, Finesse notifications, the
//! event writer).

use super::{flag, EventType, Store, NO_STR, NO_TIME};

/// Where an event lies in its input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    /// One-based first and last line (captures: packet number and connection).
    pub line: u32,
    pub end_line: u32,
    /// Zero-based byte offset of the first line, and bytes through the end of the last.
    pub offset: u64,
    pub length: u32,
}

impl Store {
    /// Starts an event of type `ty` at `at`, its time `ms` (milliseconds since 1970 UTC, or
    /// since midnight when the flag is set) as written in `time_text`; the fields pushed next
    /// ([`push_field`](Self::push_field)) are its.
    pub(crate) fn begin_event(
        &mut self,
        ty: EventType,
        label: Option<&str>,
        at: Span,
        ms: Option<(i64, bool)>,
        time_text: Option<&str>,
    ) {
        let (time, time_flag) = match ms {
            Some((ms, false)) => (ms, 0),
            Some((ms, true)) => (ms, flag::TIME_OF_DAY),
            None => (NO_TIME, 0),
        };
        let time_text = time_text.map_or(NO_STR, |t| self.strings.intern(t.as_bytes()).0);
        let label = label.map_or(NO_STR, |l| self.strings.intern(l.as_bytes()).0);
        let body = self.fields.name.len() as u64;
        let e = &mut self.events;
        e.ty.push(ty.pack());
        e.flags.push(time_flag);
        e.offset.push(at.offset);
        e.length.push(at.length);
        e.line.push(at.line);
        e.end_line.push(at.end_line.max(at.line));
        e.time.push(time);
        e.time_text.push(time_text);
        e.label.push(label);
        e.body.push(body);
    }

    /// Adds a field to the last event: its written name and its typed value (kind, raw string
    /// or [`NO_STR`], number).
    #[cfg(any(feature = "traces", feature = "finesse"))]
    pub(crate) fn push_field(&mut self, name: super::WrittenId, (k, r, n): (u8, u32, i64)) {
        let f = &mut self.fields;
        f.name.push(name);
        f.kind.push(k);
        f.values.push(r, n);
    }

    /// Marks the last event as cut short.
    pub(crate) fn truncate_last(&mut self) {
        if let Some(f) = self.events.flags.last_mut() {
            *f |= flag::TRUNCATED;
        }
    }
}
