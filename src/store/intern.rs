//! Byte strings stored once and named by a small integer.
//!
//! Every text value of a log (device IDs, symbols as written, labels, notes) lives in one
//! arena; a [`StrId`] names it. Interning hashes the bytes once and finds an equal string
//! already stored, so repeated values (the same device ID in thousands of events) cost four
//! bytes each, and equality is an integer comparison. Strings that are known to be unique
//! (timestamps as written) can be appended without hashing.

use std::hash::Hasher as _;

/// A string in an [`Interner`]: its index, in the order strings were added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StrId(pub u32);

impl StrId {
    /// The empty string, present in every interner.
    pub const EMPTY: StrId = StrId(0);
}

/// An arena of byte strings with a hash index over the interned ones.
#[derive(Clone, Debug)]
pub struct Interner {
    /// Every string's bytes, one after another.
    bytes: Vec<u8>,
    /// End offset in `bytes` of each string; string `i` starts where `i - 1` ends.
    ends: Vec<u32>,
    /// Open addressing, linear probing over [`Slot`]s.
    slots: Vec<Slot>,
    /// Interned strings in `slots` (appended ones are not indexed).
    indexed: usize,
}

/// An entry of the index: a string of at most 8 bytes is held in the entry itself, so finding
/// it reads no other memory (device IDs, agent IDs and numbers of a log are that short).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// Strings of up to 8 bytes: the bytes, little-endian, zero-padded; longer ones: the hash.
    key: u64,
    /// The string's length in the high 32 bits, its index + 1 in the low 32; 0 is empty.
    entry: u64,
}

impl Default for Interner {
    fn default() -> Self {
        let mut interner = Interner {
            bytes: Vec::new(),
            ends: Vec::new(),
            slots: vec![Slot::default(); 1024],
            indexed: 0,
        };
        let empty = interner.intern(b"");
        debug_assert_eq!(empty, StrId::EMPTY);
        interner
    }
}

impl Interner {
    /// The id of `s`, adding it if no equal string was interned before.
    pub fn intern(&mut self, s: &[u8]) -> StrId {
        let (key, hash) = key_of(s);
        let at = match self.probe(s, key, hash) {
            Ok(id) => return id,
            Err(at) => at,
        };
        let id = self.append(s);
        self.slots[at] = Slot {
            key,
            entry: (s.len() as u64) << 32 | u64::from(id.0 + 1),
        };
        self.indexed += 1;
        if self.indexed * 4 > self.slots.len() * 3 {
            self.grow();
        }
        id
    }

    /// Every string of `other` taken into this arena, in `other`'s order (interned ones
    /// interned, appended ones appended, as `other` took them): the id each has here, by its id
    /// there. Taking the strings of consecutive parts of an input so gives the ids one arena
    /// filled from the whole input would have given.
    pub(crate) fn adopt(&mut self, other: &Interner) -> Vec<u32> {
        (0..other.ends.len())
            .map(|i| {
                let id = StrId(u32::try_from(i).expect("fewer than 2^32 strings"));
                let s = other.get(id);
                if other.find(s) == Some(id) {
                    self.intern(s).0
                } else {
                    self.append(s).0
                }
            })
            .collect()
    }

    /// The id of `s` if it was interned.
    #[must_use]
    pub fn find(&self, s: &[u8]) -> Option<StrId> {
        let (key, hash) = key_of(s);
        self.probe(s, key, hash).ok()
    }

    /// The id of `s` if it is indexed, else the empty slot where it goes.
    fn probe(&self, s: &[u8], key: u64, hash: u64) -> Result<StrId, usize> {
        let mask = self.slots.len() - 1;
        let mut at = slot_of(hash, mask);
        let len = s.len() as u64;
        loop {
            let slot = self.slots[at];
            if slot.entry == 0 {
                return Err(at);
            }
            if slot.key == key
                && slot.entry >> 32 == len
                && (s.len() <= 8 || same(self.get(index(slot.entry)), s))
            {
                return Ok(index(slot.entry));
            }
            at = (at + 1) & mask;
        }
    }

    /// Stores `s` without looking for an equal string (for values known to be unique); the
    /// id is not found by [`intern`](Self::intern) or [`find`](Self::find).
    ///
    /// # Panics
    /// Past 2^32 strings or 4 GiB of them.
    pub fn append(&mut self, s: &[u8]) -> StrId {
        let id = StrId(u32::try_from(self.ends.len()).expect("fewer than 2^32 strings"));
        self.bytes.extend_from_slice(s);
        self.ends
            .push(u32::try_from(self.bytes.len()).expect("string arena under 4 GiB"));
        id
    }

    /// The bytes of string `id`.
    ///
    /// # Panics
    /// If `id` is not from this interner.
    #[must_use]
    pub fn get(&self, id: StrId) -> &[u8] {
        let i = id.0 as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    #[doc(hidden)]
    #[must_use]
    pub fn get_bytes_len(&self) -> usize {
        self.bytes.len()
    }
    /// Number of strings stored.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether only the empty string is stored.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.len() <= 1
    }

    /// Bytes held: the strings and both indexes.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + 4 * self.ends.capacity()
            + std::mem::size_of::<Slot>() * self.slots.capacity()
    }

    /// Makes room for `factor` times the strings held now (the index is left to grow: how many
    /// of the strings repeat is not known).
    pub(crate) fn grow_for(&mut self, factor: f64) {
        let n = super::scaled(self.bytes.len(), factor);
        super::room(&mut self.bytes, n);
        let n = super::scaled(self.ends.len(), factor);
        super::room(&mut self.ends, n);
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let mut slots = vec![Slot::default(); size];
        let mask = size - 1;
        for &slot in self.slots.iter().filter(|s| s.entry != 0) {
            let hash = if slot.entry >> 32 <= 8 {
                mix(slot.key)
            } else {
                slot.key
            };
            let mut at = slot_of(hash, mask);
            while slots[at].entry != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = slot;
        }
        self.slots = slots;
    }
}

/// A string's key in the index, and the hash it is placed by: a string of up to 8 bytes is its
/// own key (hashed by one multiplication); a longer one is keyed by its hash.
fn key_of(s: &[u8]) -> (u64, u64) {
    if s.len() <= 8 {
        let mut word = [0u8; 8];
        word[..s.len()].copy_from_slice(s);
        let key = u64::from_le_bytes(word);
        (key, mix(key))
    } else {
        let hash = hash(s);
        (hash, hash)
    }
}

/// The hash of a short string's key (Fibonacci hashing, the high bits folded down: the table
/// takes low bits).
fn mix(key: u64) -> u64 {
    let x = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 32)
}

/// The slot a hash starts probing at: its low bits.
#[allow(clippy::cast_possible_truncation)] // the low bits are what is wanted
fn slot_of(hash: u64, mask: usize) -> usize {
    hash as usize & mask
}

/// The string index an entry holds.
fn index(entry: u64) -> StrId {
    // The low 32 bits hold the index + 1.
    #[allow(clippy::cast_possible_truncation)]
    StrId((entry as u32).wrapping_sub(1))
}

/// Byte equality, with short strings (most names and values of a log) compared a word at a
/// time rather than through a call to `memcmp`.
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or([0; 8]));
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or([0; 4]));
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        17..=32 => {
            word(a, 0) == word(b, 0)
                && word(a, 8) == word(b, 8)
                && word(a, n - 16) == word(b, n - 16)
                && word(a, n - 8) == word(b, n - 8)
        }
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

/// The hash of a string (FxHash, as rustc uses for its own interners).
fn hash(s: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s);
    h.write_usize(s.len());
    // FxHash leaves its low bits weak for short keys; the table takes low bits.
    let x = h.finish();
    x ^ (x >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_get_one_id_and_appended_ones_their_own() {
        let mut strings = Interner::default();
        let a = strings.intern(b"4020");
        assert_eq!(strings.intern(b"4020"), a);
        assert_ne!(strings.intern(b"4021"), a);
        assert_eq!(strings.get(a), b"4020");
        assert_eq!(
            strings.find(b"4021").map(|i| strings.get(i)),
            Some(&b"4021"[..])
        );
        let unique = strings.append(b"4020");
        assert_ne!(unique, a);
        assert_eq!(strings.get(unique), b"4020");
        assert_eq!(strings.intern(b""), StrId::EMPTY);
    }

    #[test]
    fn word_wise_equality_is_byte_equality() {
        let text = b"ConnectionDeviceID: CALLTYPE_ACD_IN 2024-05-01T08:00:01.519Z";
        for a in 0..text.len() {
            for b in a..text.len() {
                for c in 0..text.len() {
                    let d = (c + b - a).min(text.len());
                    let (x, y) = (&text[a..b], &text[c..d]);
                    assert_eq!(same(x, y), x == y, "{x:?} {y:?}");
                }
            }
        }
    }

    #[test]
    fn short_strings_differing_only_in_zero_bytes_or_length_stay_apart() {
        let mut strings = Interner::default();
        let texts: [&[u8]; 8] = [
            b"",
            b"\0",
            b"\0\0",
            b"a",
            b"a\0",
            b"12345678",
            b"12345678\0",
            b"123456789",
        ];
        let ids: Vec<StrId> = texts.iter().map(|t| strings.intern(t)).collect();
        for (t, id) in texts.iter().zip(&ids) {
            assert_eq!(strings.get(*id), *t);
            assert_eq!(strings.find(t), Some(*id));
        }
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), texts.len());
        assert_eq!(strings.find(b"\0\0\0"), None);
    }

    #[test]
    fn the_index_grows_without_losing_strings() {
        let mut strings = Interner::default();
        let ids: Vec<StrId> = (0..10_000)
            .map(|i| strings.intern(format!("device-{i}").as_bytes()))
            .collect();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(strings.intern(format!("device-{i}").as_bytes()), *id);
        }
        assert_eq!(strings.len(), 10_001);
    }
}
