//! A text field's value (its raw string as written, its number) in four bytes per row.
//!
//! A field is mostly one of the two: a number written in decimal (no raw string), or text (no
//! number). Each packs into one `u32`. The rest (a symbol such as `LCS_CONNECT`, or `0xFFFF`:
//! a string and its number) are few distinct pairs written over and over: each row points at
//! its pair in a table of them. Four bytes a row where a pair took twelve: the store of the
//! benchmark's generated dump holds 0.46 bytes per input byte where it held 0.59.

use rustc_hash::FxHashMap;

use super::NO_STR;

/// Tag bits (the top two of a packed value). `0x`: a number in 0..2³¹, no raw string.
const TAG: u32 = 0xC000_0000;
/// `10`: a raw string id below 2³⁰, number 0.
const STRING: u32 = 0x8000_0000;
/// `11`: the index of a pair in [`Values::pairs`].
const PAIR: u32 = 0xC000_0000;

/// The values of a store's text fields, by row.
#[derive(Clone, Debug, Default)]
pub(crate) struct Values {
    packed: Vec<u32>,
    /// The distinct pairs no packed form holds: (raw string id or [`NO_STR`], number).
    pairs: Vec<(u32, i64)>,
    /// Each pair's index in `pairs`.
    index: FxHashMap<(u32, i64), u32>,
}

impl Values {
    /// Adds a row: its raw string id ([`NO_STR`] for none) and its number.
    pub fn push(&mut self, raw: u32, num: i64) {
        let packed = if raw == NO_STR && (0..i64::from(STRING)).contains(&num) {
            // `num` is below 2³¹ (the range checked).
            u32::try_from(num).unwrap_or(0)
        } else if num == 0 && raw < STRING >> 1 {
            STRING | raw
        } else {
            let next = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
            let index = *self.index.entry((raw, num)).or_insert(next);
            if index == next {
                self.pairs.push((raw, num));
            }
            // Fewer than 2³⁰ distinct pairs: a store holds fewer than 2³² bytes of rows.
            PAIR | index
        };
        self.packed.push(packed);
    }

    /// Row `row`'s raw string id ([`NO_STR`] for none) and number.
    ///
    /// # Panics
    /// If there is no such row.
    #[inline]
    pub fn get(&self, row: usize) -> (u32, i64) {
        unpack(self.packed[row], &self.pairs)
    }

    /// Removes the last row; its pair (which stays in the table of pairs).
    pub fn pop(&mut self) -> Option<(u32, i64)> {
        Some(unpack(self.packed.pop()?, &self.pairs))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// Every row's pair, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, i64)> + '_ {
        self.packed.iter().map(|&p| unpack(p, &self.pairs))
    }

    /// Makes room for `rows` rows in all.
    pub fn room(&mut self, rows: usize) {
        super::room(&mut self.packed, rows);
    }

    /// Bytes of memory held (the table's index counted at its entries' size).
    pub fn heap_bytes(&self) -> usize {
        let pair = std::mem::size_of::<(u32, i64)>();
        self.packed.capacity() * 4
            + self.pairs.capacity() * pair
            + self.index.capacity() * (pair + 4)
    }
}

#[inline]
fn unpack(packed: u32, pairs: &[(u32, i64)]) -> (u32, i64) {
    match packed & TAG {
        PAIR => pairs[(packed & !TAG) as usize],
        STRING => (packed & !TAG, 0),
        _ => (NO_STR, i64::from(packed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_reads_back_as_pushed() {
        let pairs = [
            (NO_STR, 0),
            (NO_STR, 7),
            (NO_STR, i64::from(u32::MAX >> 1)),
            (NO_STR, 1 << 31),
            (NO_STR, -1),
            (NO_STR, i64::MIN),
            (0, 0),
            (5, 0),
            ((1 << 30) - 1, 0),
            (1 << 30, 0),
            (3, 42),
            (3, -1),
            (9, 65535),
            (3, 42),
            (9, 65535),
            (NO_STR - 1, i64::MAX),
        ];
        let mut values = Values::default();
        for &(raw, num) in &pairs {
            values.push(raw, num);
        }
        assert_eq!(values.iter().collect::<Vec<_>>(), pairs);
        for (row, &pair) in pairs.iter().enumerate() {
            assert_eq!(values.get(row), pair, "row {row}");
        }
        // Only the distinct pairs no packed form holds are kept whole, once each.
        assert_eq!(values.pairs.len(), 8);
        for &pair in pairs.iter().rev() {
            assert_eq!(values.pop(), Some(pair));
        }
        assert!(values.pop().is_none());
    }
}
