//! A text store as bytes, to carry a slice decoded in one WebAssembly instance (a Worker) to
//! another, which shares no memory with it: the columns little-endian, then the strings (each
//! marked interned or appended, as its store took it), the written names, notes, diagnostics
//! and line marks. Read back, the store is the one written (its ids as [`Store::append`] would
//! give them to a store of its own).

use crate::diagnostic::{At, Diagnostic, DiagnosticCode};

use super::{Form, Note, NoteKind, Store, StrId};

/// The first bytes of a store's byte form, and its version.
const MAGIC: &[u8; 8] = b"CTISTOR1";

impl Store {
    /// The store as bytes ([`Store::from_bytes`] reads them back). Text stores only.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Vec::with_capacity(64 + self.heap_bytes());
        w.extend_from_slice(MAGIC);
        let e = &self.events;
        let f = &self.fields;
        for n in [
            e.len(),
            f.name.len(),
            self.strings.len(),
            self.names.slots(),
        ] {
            put_u32(&mut w, n);
        }
        for n in [
            self.notes.len(),
            self.diagnostics.len(),
            self.line_marks.len(),
        ] {
            put_u32(&mut w, n);
        }
        put_all(&mut w, &e.ty, u32::to_le_bytes);
        w.extend_from_slice(&e.flags);
        put_all(&mut w, &e.offset, u64::to_le_bytes);
        for column in [&e.length, &e.line, &e.end_line] {
            put_all(&mut w, column, u32::to_le_bytes);
        }
        put_all(&mut w, &e.time, i64::to_le_bytes);
        for column in [&e.time_text, &e.label] {
            let ids: Vec<u32> = column.iter().collect();
            put_all(&mut w, &ids, u32::to_le_bytes);
        }
        put_all(&mut w, &e.body, u64::to_le_bytes);
        put_all(&mut w, &f.name, |v| v.0.to_le_bytes());
        w.extend_from_slice(&f.kind);
        let (raw, num): (Vec<u32>, Vec<i64>) = f.values.iter().unzip();
        put_all(&mut w, &raw, u32::to_le_bytes);
        put_all(&mut w, &num, i64::to_le_bytes);
        for i in 0..self.strings.len() {
            let id = StrId(u32::try_from(i).unwrap_or(u32::MAX));
            let s = self.strings.get(id);
            w.push(u8::from(self.strings.find(s) == Some(id)));
            put_bytes(&mut w, s);
        }
        self.names.write_slots(&mut w);
        for note in &self.notes {
            put_u32(&mut w, note.line as usize);
            w.push(note.kind as u8);
            put_bytes(&mut w, note.text.as_bytes());
        }
        for d in &self.diagnostics {
            let code = DiagnosticCode::ALL.iter().position(|&c| c == d.code);
            put_u32(&mut w, code.unwrap_or(0));
            let (line, column) = match d.at {
                At::Text { line, column } => (line, column),
                _ => (0, 0),
            };
            put_u32(&mut w, line as usize);
            put_u32(&mut w, column as usize);
            put_bytes(&mut w, d.message.as_bytes());
        }
        put_all(&mut w, &self.line_marks, u64::to_le_bytes);
        w
    }

    /// A store read back from [`Store::to_bytes`]; `None` if the bytes are not one.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<Store> {
        let mut r = Reader(bytes.strip_prefix(MAGIC.as_slice())?);
        let counts: Vec<usize> = (0..7).map(|_| r.u32()).collect::<Option<_>>()?;
        let [events, fields, strings, names, notes, diagnostics, marks] = counts[..] else {
            return None;
        };
        let mut store = Store::new(Form::Text);
        let e = &mut store.events;
        e.ty = r.all(events, u32::from_le_bytes)?;
        e.flags = r.take(events)?.to_vec();
        e.offset = r.all(events, u64::from_le_bytes)?;
        e.length = r.all(events, u32::from_le_bytes)?;
        e.line = r.all(events, u32::from_le_bytes)?;
        e.end_line = r.all(events, u32::from_le_bytes)?;
        e.time = r.all(events, i64::from_le_bytes)?;
        e.time_text = r.all(events, u32::from_le_bytes)?.into_iter().collect();
        e.label = r.all(events, u32::from_le_bytes)?.into_iter().collect();
        e.body = r.all(events, u64::from_le_bytes)?;
        let written: Vec<u32> = r.all(fields, u32::from_le_bytes)?;
        let f = &mut store.fields;
        f.kind = r.take(fields)?.to_vec();
        let raw: Vec<u32> = r.all(fields, u32::from_le_bytes)?;
        let num: Vec<i64> = r.all(fields, i64::from_le_bytes)?;
        for (raw, num) in raw.into_iter().zip(num) {
            f.values.push(raw, num);
        }
        store.strings = super::Interner::default();
        for i in 0..strings {
            let interned = r.take(1)?[0] != 0;
            let s = r.bytes()?;
            // The empty string is every interner's first.
            if i > 0 {
                if interned {
                    store.strings.intern(s);
                } else {
                    store.strings.append(s);
                }
            }
        }
        let ids = store.names.read_slots(&mut r, names)?;
        let names_of = |w: u32| ids.get(w as usize).copied().flatten();
        store.fields.name = written.into_iter().map(names_of).collect::<Option<_>>()?;
        for _ in 0..notes {
            let line = u32::try_from(r.u32()?).ok()?;
            let kind = match r.take(1)?[0] {
                0 => NoteKind::Step,
                1 => NoteKind::Comment,
                2 => NoteKind::Text,
                _ => NoteKind::Summary,
            };
            let text = String::from_utf8(r.bytes()?.to_vec()).ok()?;
            store.notes.push(Note { line, kind, text });
        }
        for _ in 0..diagnostics {
            let code = *DiagnosticCode::ALL.get(r.u32()?)?;
            let line = u32::try_from(r.u32()?).ok()?;
            let column = u32::try_from(r.u32()?).ok()?;
            let message = String::from_utf8(r.bytes()?.to_vec()).ok()?;
            let at = At::Text { line, column };
            store.diagnostics.push(Diagnostic { code, message, at });
        }
        store.line_marks = r.all(marks, u64::from_le_bytes)?;
        (r.0.is_empty() && store.rows_hold()).then_some(store)
    }

    /// Whether every row's references lie in the store (string ids, field rows, kinds): what
    /// bytes from elsewhere must hold before a view reads them.
    fn rows_hold(&self) -> bool {
        let strings = self.strings.len();
        let string = |s: &u32| *s == super::NO_STR || (*s as usize) < strings;
        let e = &self.events;
        let f = &self.fields;
        let typed = e.ty.iter().all(|&ty| match super::EventType::unpack(ty) {
            super::EventType::Unnamed(s) => string(&s.0),
            super::EventType::Id(_) => true,
        });
        let bodies = e.body.windows(2).all(|w| w[0] <= w[1])
            && e.body.last().is_none_or(|&b| b <= f.name.len() as u64);
        typed
            && bodies
            && e.time_text.iter().all(|s| string(&s))
            && e.label.iter().all(|s| string(&s))
            && f.values.iter().all(|(raw, _)| string(&raw))
            && f.kind
                .iter()
                .all(|&k| usize::from(k) < super::kind::NAMES.len())
    }
}

/// Bytes being read, from the front.
pub(crate) struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    /// A reader of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader(bytes)
    }

    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    pub(crate) fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    pub(crate) fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()?;
        self.take(n)
    }

    fn all<T, const N: usize>(&mut self, n: usize, read: fn([u8; N]) -> T) -> Option<Vec<T>> {
        let b = self.take(n.checked_mul(N)?)?;
        Some(
            b.chunks_exact(N)
                .map(|c| read(c.try_into().unwrap_or([0; N])))
                .collect(),
        )
    }
}

pub(crate) fn put_u32(w: &mut Vec<u8>, n: usize) {
    w.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

pub(crate) fn put_bytes(w: &mut Vec<u8>, s: &[u8]) {
    put_u32(w, s.len());
    w.extend_from_slice(s);
}

fn put_all<T: Copy, const N: usize>(w: &mut Vec<u8>, column: &[T], bytes: fn(T) -> [u8; N]) {
    w.reserve(column.len() * N);
    for &v in column {
        w.extend_from_slice(&bytes(v));
    }
}
