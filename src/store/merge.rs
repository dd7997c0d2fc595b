//! One store appended to another: the stores of consecutive slices of an input, decoded apart
//! (on several threads), joined into the store one decode of the whole input makes.

use super::{EventType, Store, NO_STR};

impl Store {
    /// Appends the events, fields, notes, diagnostics and line marks of `next`, a text store
    /// filled from the input that follows this one's (also a text store) (its positions already the
    /// whole input's). Its strings and written names are taken in its order, so ids are those
    /// one store of both inputs would have given; row references are moved past this store's
    /// rows.
    pub fn append(&mut self, next: Store) {
        debug_assert!(
            self.form == super::Form::Text && next.form == super::Form::Text,
            "text stores (a frame store's rows point into its bytes)"
        );
        let strings = self.strings.adopt(&next.strings);
        let names = self.names.adopt(&next.names);
        let string = |s: u32| if s == NO_STR { s } else { strings[s as usize] };
        let field_base = self.fields.name.len() as u64;

        let (e, n) = (&mut self.events, &next.events);
        e.ty.extend(n.ty.iter().map(|&ty| match EventType::unpack(ty) {
            EventType::Unnamed(s) => EventType::Unnamed(super::StrId(string(s.0))).pack(),
            EventType::Id(_) => ty,
        }));
        e.flags.extend_from_slice(&n.flags);
        e.offset.extend_from_slice(&n.offset);
        e.length.extend_from_slice(&n.length);
        e.line.extend_from_slice(&n.line);
        e.end_line.extend_from_slice(&n.end_line);
        e.time.extend_from_slice(&n.time);
        e.time_text.extend(n.time_text.iter().map(string));
        e.label.extend(n.label.iter().map(string));
        e.body.extend(n.body.iter().map(|&b| b + field_base));

        let (f, n) = (&mut self.fields, &next.fields);
        f.name.extend(n.name.iter().map(|w| names[w.0 as usize]));
        f.kind.extend_from_slice(&n.kind);
        f.values.room(f.values.len() + n.values.len());
        for (raw, num) in n.values.iter() {
            f.values.push(string(raw), num);
        }
        let row = |r: u32| u32::try_from(u64::from(r) + field_base).unwrap_or(u32::MAX);
        f.extra.extend(n.extra.iter().map(|(&r, &x)| (row(r), x)));

        self.notes.extend(next.notes);
        self.diagnostics.extend(next.diagnostics);
        self.line_marks.extend(next.line_marks);
    }
}
