//! What a call's outcome and links rest on: the events that mark its steps ([`Mark`]) and the
//! pieces of evidence ([`Ev`]) rendered as type, field, value and meaning on output.

use std::num::NonZeroU32;

use crate::store::FieldRef;

/// An event that marks a step of a call or an agent segment: its index in the store. Its time
/// is the event's ([`crate::store::EventRef::time_ms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Mark(NonZeroU32);

impl Mark {
    /// The mark of event `event` (an index below 2^32 − 1).
    pub fn new(event: u32) -> Mark {
        Mark(NonZeroU32::new(event.wrapping_add(1)).expect("an event index below 2^32 - 1"))
    }

    /// The event's index.
    pub fn event(self) -> u32 {
        self.0.get() - 1
    }
}

/// How an evidence row names its event when not by the event's own type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// By its own message type.
    Own,
    /// As a step of this message type.
    Type(u16),
    /// `first event of the call`.
    First,
    /// `last event of the call`.
    Last,
}

/// Evidence: an event, and the field in it that counted (its position among the event's
/// fields) or how it is named; rendered as type, field, value and meaning on output. Eight
/// bytes: a call keeps a dozen of them, and a log holds a call per kilobyte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ev {
    /// The event (a [`Mark`]: `Option<Ev>` takes no more room than an `Ev`).
    mark: Mark,
    /// A field's position (below [`LABELLED`]), or [`LABELLED`] plus the label's code.
    what: u32,
}

/// The bit that marks [`Ev::what`] as a label: field positions stay below it (an event of 2^31
/// fields would take more than the 4 GiB a store can address).
const LABELLED: u32 = 1 << 31;
/// Label codes after the message types' (0..=0xFFFF).
const OWN: u32 = 0x1_0000;
const FIRST: u32 = 0x1_0001;
const LAST: u32 = 0x1_0002;

impl Ev {
    pub fn field(event: u32, f: &FieldRef) -> Ev {
        Ev::at(event, f.ordinal)
    }

    /// Field `ordinal` of event `event`.
    pub fn at(event: u32, ordinal: u32) -> Ev {
        debug_assert!(ordinal < LABELLED, "a field position below 2^31");
        Ev {
            mark: Mark::new(event),
            what: ordinal.min(LABELLED - 1),
        }
    }

    pub fn labelled(event: u32, label: Label) -> Ev {
        let code = match label {
            Label::Own => OWN,
            Label::Type(t) => u32::from(t),
            Label::First => FIRST,
            Label::Last => LAST,
        };
        Ev {
            mark: Mark::new(event),
            what: LABELLED | code,
        }
    }

    /// The event's index.
    pub fn event(self) -> u32 {
        self.mark.event()
    }

    /// The field that counted, when one did (its position among the event's fields).
    pub fn field_at(self) -> Option<u32> {
        (self.what < LABELLED).then_some(self.what)
    }

    /// How the event is named.
    pub fn label(self) -> Label {
        match self.what {
            w if w < LABELLED => Label::Own,
            w => match w & !LABELLED {
                FIRST => Label::First,
                LAST => Label::Last,
                OWN => Label::Own,
                t => Label::Type(u16::try_from(t).unwrap_or(u16::MAX)),
            },
        }
    }
}
