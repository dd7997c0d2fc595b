//! Reading a kept frame: its fixed part by the layout it was decoded with, then its floating
//! fields, one item at a time. The binary decoder walks each frame once to check it (and report
//! what is wrong); the store walks it again whenever a field is asked for.

use crate::codes::fields::FieldId;
use crate::codes::layouts::{self, Wire};
use crate::codes::tags;

/// The 8-byte header: MessageLength (without the header), MessageType.
pub(crate) const HEADER: usize = 8;

/// One piece of a frame, with its byte range relative to the frame's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    /// A fixed-part field.
    Fixed { field: FieldId, wire: Wire, at: u32 },
    /// A floating field whose header and data fit the frame.
    Floating {
        tag: u16,
        at: u32,
        len: u32,
        index: Option<u32>,
    },
    /// A frame of a type without layout: its body.
    Body { at: u32, len: u32 },
    /// Bytes that do not make a field, from `at` to the frame's end.
    Rest { at: u32, problem: Problem },
}

/// Why the rest of a frame is not fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The body is shorter than the fixed part.
    FixedPartShort,
    /// Fewer bytes are left than a field header needs.
    HeaderShort,
    /// A field's length runs past the end of the frame.
    Overrun { tag: u16, len: u32 },
}

/// How to read one frame.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    /// The fixed part, if the type has a layout.
    pub fixed: Option<&'static [(FieldId, Wire)]>,
    /// Bytes of the fixed part.
    pub size: usize,
    /// Which of the type's fixed parts (by protocol version) it is.
    pub variant: u8,
    /// Bytes per floating-field tag and length: 1 or 2.
    pub width: u8,
}

impl Shape {
    /// The shape of a frame of type `ty` decoded with fixed-part variant `variant`.
    pub fn of(ty: u32, variant: u8, width: u8) -> Shape {
        let found = u16::try_from(ty)
            .ok()
            .and_then(layouts::layout)
            .and_then(|l| l.variants.get(usize::from(variant)));
        Shape {
            fixed: found.map(|v| v.fields),
            size: found.map_or(0, layouts::Variant::size),
            variant,
            width,
        }
    }
}

/// Walks a frame (header included).
#[derive(Clone, Debug)]
pub(crate) struct Walk<'a> {
    frame: &'a [u8],
    shape: Shape,
    at: usize,
    fixed_i: usize,
    /// Occurrences so far of each list tag, for indices.
    counts: [(u16, u32); 8],
    done: bool,
}

impl<'a> Walk<'a> {
    pub fn new(frame: &'a [u8], shape: Shape) -> Walk<'a> {
        debug_assert!(frame.len() >= HEADER, "a frame has its header");
        Walk {
            frame,
            shape,
            at: HEADER,
            fixed_i: 0,
            counts: [(0, 0); 8],
            done: false,
        }
    }

    fn index_of(&mut self, tag: u16) -> Option<u32> {
        if tags::LIST_TAGS.binary_search(&tag).is_err() {
            return None;
        }
        for slot in &mut self.counts {
            if slot.0 == tag || slot.0 == 0 {
                slot.0 = tag;
                slot.1 += 1;
                return Some(slot.1 - 1);
            }
        }
        None
    }

    fn fixed(&mut self, fixed: &'static [(FieldId, Wire)]) -> Option<Item> {
        let &(field, wire) = fixed.get(self.fixed_i)?;
        let size = wire.size().unwrap_or(0);
        if self.frame.len() - self.at < size {
            self.done = true;
            return Some(Item::Rest {
                at: to_u32(self.at),
                problem: Problem::FixedPartShort,
            });
        }
        let item = Item::Fixed {
            field,
            wire,
            at: to_u32(self.at),
        };
        self.fixed_i += 1;
        self.at += size;
        Some(item)
    }

    fn floating(&mut self) -> Item {
        let w = usize::from(self.shape.width);
        let left = self.frame.len() - self.at;
        let here = self.at;
        if left < 2 * w {
            self.done = true;
            return Item::Rest {
                at: to_u32(here),
                problem: Problem::HeaderShort,
            };
        }
        let (tag, len) = header(&self.frame[here..], w);
        if left - 2 * w < len {
            self.done = true;
            return Item::Rest {
                at: to_u32(here),
                problem: Problem::Overrun {
                    tag,
                    len: to_u32(len),
                },
            };
        }
        self.at = here + 2 * w + len;
        Item::Floating {
            tag,
            at: to_u32(here + 2 * w),
            len: to_u32(len),
            index: self.index_of(tag),
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let Some(fixed) = self.shape.fixed else {
            self.done = true;
            return (self.at < self.frame.len()).then(|| Item::Body {
                at: to_u32(self.at),
                len: to_u32(self.frame.len() - self.at),
            });
        };
        // A fixed part cut short is reported even where it stops between two fields.
        if let Some(item) = self.fixed(fixed) {
            return Some(item);
        }
        if self.at >= self.frame.len() {
            return None;
        }
        Some(self.floating())
    }
}

/// Tag and data length of a floating-field header (known to fit) with `w`-byte tags.
#[inline]
pub(crate) fn header(data: &[u8], w: usize) -> (u16, usize) {
    if w == 1 {
        (u16::from(data[0]), usize::from(data[1]))
    } else {
        (
            u16::from_be_bytes([data[0], data[1]]),
            usize::from(u16::from_be_bytes([data[2], data[3]])),
        )
    }
}

/// A fixed-size big-endian number of `wire` from the start of `bytes` (already long enough).
#[inline]
pub(crate) fn number(wire: Wire, bytes: &[u8]) -> i64 {
    match wire {
        Wire::U8 => i64::from(bytes[0]),
        Wire::U16 | Wire::Bool => i64::from(u16::from_be_bytes([bytes[0], bytes[1]])),
        Wire::I32 => i64::from(i32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])),
        _ => i64::from(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("frames are under 4 GiB")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference §1.6: the worked CALL_CONNECTION_CLEARED_EVENT, 1-byte floating fields.
    const EXAMPLE: &[u8] = b"\x00\x00\x00\x24\x00\x00\x00\x0e\
        \x00\x00\x00\x00\x00\x00\x00\x01\x00\x15\x00\x00\x01\x00\x59\x63\x00\x4c\xff\xff\xff\xff\
        \x19\x054020\x00\x21\x054020\x00";

    #[test]
    fn the_worked_example_walks_to_its_fields() {
        let items: Vec<Item> = Walk::new(EXAMPLE, Shape::of(14, 0, 1)).collect();
        assert_eq!(items.len(), 10);
        assert_eq!(
            items[4],
            Item::Fixed {
                field: FieldId::ConnectionCallID,
                wire: Wire::U32,
                at: 20
            }
        );
        assert_eq!(number(Wire::U32, &EXAMPLE[20..]), 16_800_099);
        assert_eq!(
            items[8],
            Item::Floating {
                tag: 25,
                at: 32,
                len: 5,
                index: None
            }
        );
    }

    #[test]
    fn damage_ends_the_walk_with_the_rest() {
        let mut cut = EXAMPLE.to_vec();
        cut[31] = 20; // the first floating field now claims 20 bytes, past the frame's end
        let last = Walk::new(&cut, Shape::of(14, 0, 1)).last().unwrap();
        assert_eq!(
            last,
            Item::Rest {
                at: 30,
                problem: Problem::Overrun { tag: 25, len: 20 }
            }
        );
        let short = Walk::new(&EXAMPLE[..20], Shape::of(14, 0, 1))
            .last()
            .unwrap();
        assert!(matches!(
            short,
            Item::Rest {
                problem: Problem::FixedPartShort,
                ..
            }
        ));
    }
}
