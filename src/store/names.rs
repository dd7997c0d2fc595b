//! Field names in a store: catalogued fields by [`FieldId`], and the names no catalogue holds
//! (ECC variables, unknown names) interned per log; and every name as a dump wrote it, resolved
//! once and then found by the bytes it was written with.

use crate::codes::fields::{self, FieldId, Named};

use super::intern::{Interner, StrId};

/// A field's canonical name: a catalogued field, or a name interned in the log's [`Names`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameId(u32);

impl NameId {
    /// The catalogued field's name.
    #[must_use]
    pub fn field(f: FieldId) -> NameId {
        NameId(f as u32)
    }

    /// The name's index: catalogued fields first, then the log's own names.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The catalogued field this name is, if it is one.
    #[must_use]
    pub fn as_field(self) -> Option<FieldId> {
        FieldId::from_index(self.0 as usize)
    }

    fn dynamic(index: usize) -> NameId {
        NameId(u32::try_from(FieldId::ALL.len() + index).expect("fewer than 2^32 names"))
    }

    fn dynamic_index(self) -> Option<usize> {
        (self.0 as usize).checked_sub(FieldId::ALL.len())
    }
}

/// A name as a dump wrote it (`CallID`, `ConnectedPartyDCallID[1]`, `BAResponse`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WrittenId(pub(crate) u32);

/// What a written name stands for.
#[derive(Clone, Copy, Debug)]
pub struct Written {
    /// What the base name refers to.
    pub named: Named,
    /// The canonical name (for `NumCSQs`, the one outside AGENT_STATE_EVENT).
    pub name: NameId,
    /// The index written in brackets.
    pub index: Option<u32>,
    /// Whether the written name differs from the canonical one (so it is kept as a label).
    pub labelled: bool,
    /// The written name (in [`Names`]' own strings).
    text: StrId,
}

/// The field names of one log.
#[derive(Clone, Debug, Default)]
pub struct Names {
    strings: Interner,
    /// Written names, by the id of their text in `strings`.
    written: Vec<Option<Written>>,
    /// Interned names that are not catalogued, with whether each is an ECC variable.
    dynamic: Vec<(StrId, bool)>,
    /// `dynamic` by the id of the name's text in `strings`.
    dynamic_by_text: Vec<u32>,
}

impl Names {
    /// The id of a written name, resolving it the first time it is seen.
    pub fn written(&mut self, text: &str) -> WrittenId {
        let id = self.strings.intern(text.as_bytes());
        let slot = id.0 as usize;
        if self.written.len() <= slot {
            self.written.resize(slot + 1, None);
        }
        if self.written[slot].is_none() {
            let resolved = fields::resolve(text);
            let name = match resolved.named {
                Named::Field(f) => NameId::field(f),
                Named::NumCsqs => NameId::field(FieldId::NumSkillGroups),
                Named::Ecc => self.dynamic(resolved.base.as_bytes(), true),
                Named::Unknown => self.dynamic(resolved.base.as_bytes(), false),
            };
            let canonical = self.name_text(name);
            self.written[slot] = Some(Written {
                named: resolved.named,
                name,
                index: resolved.index,
                labelled: resolved.named == Named::NumCsqs || canonical != text.as_bytes(),
                text: id,
            });
        }
        WrittenId(id.0)
    }

    /// The id of a name kept as written, never resolved against the field catalogue: the names
    /// of a switch's CSTA events and of an OPC record, which are no CTI Server field's (the same
    /// text resolved elsewhere in the log is a different entry).
    pub fn verbatim(&mut self, text: &str) -> WrittenId {
        let mut key = Vec::with_capacity(text.len() + 1);
        key.push(0x01);
        key.extend_from_slice(text.as_bytes());
        let id = self.strings.intern(&key);
        let slot = id.0 as usize;
        if self.written.len() <= slot {
            self.written.resize(slot + 1, None);
        }
        if self.written[slot].is_none() {
            let name = self.dynamic(text.as_bytes(), false);
            let text = self.strings.intern(text.as_bytes());
            self.written[slot] = Some(Written {
                named: Named::Unknown,
                name,
                index: None,
                labelled: false,
                text,
            });
        }
        WrittenId(id.0)
    }

    /// What a written name stands for.
    ///
    /// # Panics
    /// If `id` is not from this table.
    #[must_use]
    pub fn get(&self, id: WrittenId) -> Written {
        self.written[id.0 as usize].expect("a resolved written name")
    }

    /// The text a name was written with.
    #[must_use]
    pub fn written_text(&self, w: &Written) -> &[u8] {
        self.strings.get(w.text)
    }

    /// The id of an uncatalogued name (an ECC variable's, or an unknown one), interned.
    ///
    /// # Panics
    /// Past 2^32 names.
    pub fn dynamic(&mut self, text: &[u8], ecc: bool) -> NameId {
        let id = self.strings.intern(text);
        let slot = id.0 as usize;
        if self.dynamic_by_text.len() <= slot {
            self.dynamic_by_text.resize(slot + 1, u32::MAX);
        }
        if self.dynamic_by_text[slot] == u32::MAX {
            self.dynamic_by_text[slot] =
                u32::try_from(self.dynamic.len()).expect("fewer than 2^32 names");
            self.dynamic.push((id, ecc));
        }
        NameId::dynamic(self.dynamic_by_text[slot] as usize)
    }

    /// The canonical name's text.
    #[must_use]
    pub fn name_text(&self, name: NameId) -> &[u8] {
        match (name.as_field(), name.dynamic_index()) {
            (Some(f), _) => f.name().as_bytes(),
            (None, Some(i)) => self.strings.get(self.dynamic[i].0),
            (None, None) => b"",
        }
    }

    /// Whether the name is an ECC variable (`BAResponse`, `user.x`), including the names of
    /// NAMEDVAR and NAMEDARRAY fields.
    #[must_use]
    pub fn is_ecc(&self, name: NameId) -> bool {
        name.dynamic_index().is_some_and(|i| self.dynamic[i].1)
    }

    /// Whether a source lists the name (a catalogued field or an ECC variable).
    #[must_use]
    pub fn is_known(&self, name: NameId) -> bool {
        name.as_field().is_some() || self.is_ecc(name)
    }

    /// Every written name of `other` taken into these names, in `other`'s order: the id each
    /// has here, by its id there (see [`super::Store::append`]).
    pub(crate) fn adopt(&mut self, other: &Names) -> Vec<WrittenId> {
        let mut ids = vec![WrittenId(u32::MAX); other.written.len()];
        for (slot, written) in other.written.iter().enumerate() {
            let Some(written) = written else {
                continue;
            };
            // A name as written is its own key; a verbatim one's text is apart from its key.
            let text = String::from_utf8_lossy(other.strings.get(written.text));
            ids[slot] = if written.text.0 as usize == slot {
                self.written(&text)
            } else {
                self.verbatim(&text)
            };
        }
        ids
    }

    /// Slots of written names (some empty: ids of other strings).
    pub(crate) fn slots(&self) -> usize {
        self.written.len()
    }

    /// Every slot as bytes: 0 for an empty one, else 1 (as written) or 2 (verbatim) and its
    /// text (see `wire.rs`).
    pub(crate) fn write_slots(&self, w: &mut Vec<u8>) {
        for (slot, written) in self.written.iter().enumerate() {
            match written {
                None => w.push(0),
                Some(written) => {
                    w.push(if written.text.0 as usize == slot {
                        1
                    } else {
                        2
                    });
                    super::wire::put_bytes(w, self.strings.get(written.text));
                }
            }
        }
    }

    /// `slots` slots read back: the id each written name has here, by its slot.
    pub(crate) fn read_slots(
        &mut self,
        r: &mut super::wire::Reader<'_>,
        slots: usize,
    ) -> Option<Vec<Option<WrittenId>>> {
        (0..slots)
            .map(|_| match r.take(1)?[0] {
                0 => Some(None),
                tag => {
                    let text = std::str::from_utf8(r.bytes()?).ok()?;
                    Some(Some(if tag == 1 {
                        self.written(text)
                    } else {
                        self.verbatim(text)
                    }))
                }
            })
            .collect()
    }

    /// Bytes held.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.strings.heap_bytes()
            + self.written.capacity() * std::mem::size_of::<Option<Written>>()
            + self.dynamic.capacity() * 8
            + self.dynamic_by_text.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_names_resolve_once_with_labels_and_indices() {
        let mut names = Names::default();
        let call_id = names.written("CallID");
        assert_eq!(names.written("CallID"), call_id);
        let w = names.get(call_id);
        assert_eq!(w.name.as_field(), Some(FieldId::ConnectionCallID));
        assert!(w.labelled);
        assert_eq!(names.written_text(&w), b"CallID");
        let plain = {
            let w = names.written("ConnectionCallID");
            names.get(w)
        };
        assert!(!plain.labelled);
        let party = {
            let w = names.written("ConnectedPartyDCallID[1]");
            names.get(w)
        };
        assert_eq!(
            (party.name.as_field(), party.index),
            (Some(FieldId::ConnectedPartyCallID), Some(1))
        );
        let ecc = {
            let w = names.written("BAResponse");
            names.get(w)
        };
        assert!(names.is_ecc(ecc.name) && names.is_known(ecc.name));
        assert_eq!(names.name_text(ecc.name), b"BAResponse");
        let unknown = {
            let w = names.written("Vendor[2]");
            names.get(w)
        };
        assert_eq!(names.name_text(unknown.name), b"Vendor");
        assert!(unknown.labelled && !names.is_known(unknown.name));
        assert_eq!(names.dynamic(b"BAResponse", true), ecc.name);
    }
}
