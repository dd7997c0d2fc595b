//! Many short lists in one arena: a call's events, its devices and variables, an agent
//! segment's events. Each list is a head, a tail and a length; its items are linked through the
//! arena, so a list costs no allocation of its own and a timeline of a million calls makes a
//! handful of large vectors instead of millions of small ones.

/// No item (the end of a list).
const END: u32 = u32::MAX;

/// A list's place in an [`Arena`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct List {
    head: u32,
    tail: u32,
    len: u32,
}

impl Default for List {
    fn default() -> Self {
        List {
            head: END,
            tail: END,
            len: 0,
        }
    }
}

impl List {
    /// Number of items.
    pub fn len(self) -> u32 {
        self.len
    }
}

/// The items of many lists, each linked to the next item of its list.
#[derive(Clone, Debug)]
pub(crate) struct Arena<T> {
    items: Vec<T>,
    next: Vec<u32>,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena {
            items: Vec::new(),
            next: Vec::new(),
        }
    }
}

impl<T: Copy> Arena<T> {
    /// Appends `item` to `list`.
    pub fn push(&mut self, list: &mut List, item: T) {
        let slot = u32::try_from(self.items.len()).expect("fewer than 2^32 list items");
        self.items.push(item);
        self.next.push(END);
        if list.tail == END {
            list.head = slot;
        } else {
            self.next[list.tail as usize] = slot;
        }
        list.tail = slot;
        list.len += 1;
    }

    /// The last item of `list`.
    pub fn last(&self, list: List) -> Option<T> {
        (list.tail != END).then(|| self.items[list.tail as usize])
    }

    /// The items of `list`, in order.
    pub fn iter(&self, list: List) -> Iter<'_, T> {
        Iter {
            arena: self,
            at: list.head,
        }
    }

    /// The slots of `list`'s items, in order (to change items in place with [`set`](Self::set)).
    pub fn slots(&self, list: List) -> Slots<'_, T> {
        Slots {
            arena: self,
            at: list.head,
        }
    }

    /// Replaces the item in `slot`.
    pub fn set(&mut self, slot: u32, item: T) {
        self.items[slot as usize] = item;
    }

    /// The item in `slot`.
    pub fn get(&self, slot: u32) -> T {
        self.items[slot as usize]
    }

    /// Makes room for `factor` times the items held now.
    pub fn grow_for(&mut self, factor: f64) {
        let n = crate::store::scaled(self.items.len(), factor);
        crate::store::room(&mut self.items, n);
        crate::store::room(&mut self.next, n);
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.items.capacity() * std::mem::size_of::<T>() + self.next.capacity() * 4
    }
}

/// The items of a list.
pub(crate) struct Iter<'a, T> {
    arena: &'a Arena<T>,
    at: u32,
}

impl<T: Copy> Iterator for Iter<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        (self.at != END).then(|| {
            let item = self.arena.items[self.at as usize];
            self.at = self.arena.next[self.at as usize];
            item
        })
    }
}

/// The slots of a list's items.
pub(crate) struct Slots<'a, T> {
    arena: &'a Arena<T>,
    at: u32,
}

impl<T> Iterator for Slots<'_, T> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        (self.at != END).then(|| {
            let slot = self.at;
            self.at = self.arena.next[slot as usize];
            slot
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaved_lists_keep_their_own_order() {
        let mut arena = Arena::default();
        let (mut a, mut b) = (List::default(), List::default());
        for i in 0..5 {
            arena.push(&mut a, i);
            arena.push(&mut b, 10 + i);
        }
        assert_eq!(arena.iter(a).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(arena.iter(b).collect::<Vec<_>>(), [10, 11, 12, 13, 14]);
        assert_eq!((a.len(), arena.last(b)), (5, Some(14)));
        let third = arena.slots(a).nth(2).unwrap();
        arena.set(third, 99);
        assert_eq!(arena.iter(a).nth(2), Some(99));
        assert!(arena.iter(List::default()).next().is_none());
    }
}
