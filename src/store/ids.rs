//! A column of string ids that are nearly always [`NO_STR`]: an event's timestamp as written
//! (most are ISO-8601 and kept as a flag, [`super::flag::ISO_TIME`]) and its type as written
//! (most types are written by their names). It holds no memory until an id is not [`NO_STR`];
//! from then on it holds every row, four bytes each.

use super::NO_STR;

/// String ids by row, [`NO_STR`] where there is none.
#[derive(Clone, Debug, Default)]
pub(crate) struct Ids {
    /// Every row's id once one is not [`NO_STR`]; empty before.
    ids: Vec<u32>,
    /// Number of rows.
    len: usize,
}

impl Ids {
    /// Appends `id`.
    pub fn push(&mut self, id: u32) {
        if id != NO_STR && self.ids.len() < self.len {
            self.ids.resize(self.len, NO_STR);
        }
        if id != NO_STR || !self.ids.is_empty() {
            self.ids.push(id);
        }
        self.len += 1;
    }

    /// Row `i`'s id ([`NO_STR`] past the end).
    pub fn get(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(NO_STR)
    }

    /// Every row's id, in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len).map(|i| self.get(i))
    }

    /// Makes room for `n` rows, when ids are held.
    pub fn room(&mut self, n: usize) {
        if !self.ids.is_empty() {
            super::room(&mut self.ids, n);
        }
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 4
    }
}

impl FromIterator<u32> for Ids {
    fn from_iter<T: IntoIterator<Item = u32>>(iter: T) -> Self {
        let mut ids = Ids::default();
        ids.extend(iter);
        ids
    }
}

impl Extend<u32> for Ids {
    fn extend<T: IntoIterator<Item = u32>>(&mut self, iter: T) {
        for id in iter {
            self.push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_nothing_until_an_id_then_every_row() {
        let mut ids = Ids::default();
        ids.extend([NO_STR, NO_STR]);
        assert_eq!((ids.iter().count(), ids.heap_bytes()), (2, 0));
        ids.extend([7, NO_STR, 9]);
        let all: Vec<u32> = ids.iter().collect();
        assert_eq!(all, [NO_STR, NO_STR, 7, NO_STR, 9]);
        assert_eq!((ids.get(2), ids.get(3), ids.get(99)), (7, NO_STR, NO_STR));
        assert_eq!(Ids::from_iter([1]).iter().collect::<Vec<_>>(), [1]);
    }
}
