//! Q.850 (ISDN) cause values: the reason behind CONNRES 5.
//!
//! Reference `q850-causes.md`: names from ITU-T Q.850, the class from the value's upper three
//! bits, and the SIP response RFC 3398 recommends for the cause where it lists one.

use serde::Serialize;

/// The largest cause value: causes are seven bits (`octet & 0x7F`).
pub const MAX_CAUSE: u8 = 127;

/// A decoded Q.850 cause, as the JSON shape `cause` of a decoded CONNRES.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(optional_fields)]
pub struct Cause {
    /// The cause value, 0–127.
    pub code: u8,
    /// Whether Q.850 assigns this value.
    pub known: bool,
    /// The Q.850 name, or a description of the gap (`unassigned (class …)`).
    pub name: String,
    /// The cause class (from the upper three bits of the value).
    pub class: &'static str,
    /// The SIP response RFC 3398 maps this cause to, where it lists one.
    pub sip: Option<u16>,
}

/// Decodes a cause value (0–127; the caller checks the range).
#[must_use]
pub fn decode(code: u8) -> Cause {
    let class = class_of(code);
    match CAUSES.binary_search_by_key(&code, |&(c, _, _)| c) {
        Ok(i) => {
            let (_, name, sip) = CAUSES[i];
            Cause {
                code,
                known: true,
                name: name.to_owned(),
                class,
                sip,
            }
        }
        Err(_) if code == 0 => Cause {
            code,
            known: false,
            name: "No cause specified (0 is not a Q.850 value)".to_owned(),
            class,
            sip: None,
        },
        Err(_) => Cause {
            code,
            known: false,
            name: format!("Unassigned ({} class)", class.to_ascii_lowercase()),
            class,
            sip: None,
        },
    }
}

/// The class of a cause value: the upper three of its seven bits.
#[must_use]
pub fn class_of(code: u8) -> &'static str {
    match code >> 4 {
        0 | 1 => "Normal event",
        2 => "Resource unavailable",
        3 => "Service or option not available",
        4 => "Service or option not implemented",
        5 => "Invalid message",
        6 => "Protocol error",
        _ => "Interworking",
    }
}

/// Q.850 cause values: reference `q850-causes.md` (ITU-T Q.850; SIP column from RFC 3398 §7.2.4.1).
pub static CAUSES: &[(u8, &str, Option<u16>)] = &[
    (1, "Unallocated (unassigned) number", Some(404)),
    (
        2,
        "No route to specified transit network (national use)",
        Some(404),
    ),
    (3, "No route to destination", Some(404)),
    (4, "Send special information tone", None),
    (5, "Misdialled trunk prefix (national use)", None),
    (6, "Channel unacceptable", None),
    (
        7,
        "Call awarded and being delivered in an established channel",
        None,
    ),
    (8, "Preemption", None),
    (9, "Preemption – circuit reserved for reuse", None),
    (14, "QoR: ported number", None),
    (16, "Normal call clearing", None),
    (17, "User busy", Some(486)),
    (18, "No user responding", Some(408)),
    (19, "No answer from user (user alerted)", Some(480)),
    (20, "Subscriber absent", Some(480)),
    (21, "Call rejected", Some(403)),
    (22, "Number changed", Some(410)),
    (23, "Redirection to new destination", Some(410)),
    (24, "Call rejected due to feature at the destination", None),
    (25, "Exchange routing error", None),
    (26, "Non-selected user clearing", Some(404)),
    (27, "Destination out of order", Some(502)),
    (28, "Invalid number format (address incomplete)", Some(484)),
    (29, "Facility rejected", Some(501)),
    (30, "Response to STATUS ENQUIRY", None),
    (31, "Normal, unspecified", Some(480)),
    (34, "No circuit/channel available", Some(503)),
    (38, "Network out of order", Some(503)),
    (39, "Permanent frame mode connection out of service", None),
    (40, "Permanent frame mode connection operational", None),
    (41, "Temporary failure", Some(503)),
    (42, "Switching equipment congestion", Some(503)),
    (43, "Access information discarded", None),
    (44, "Requested circuit/channel not available", None),
    (46, "Precedence call blocked", None),
    (47, "Resource unavailable, unspecified", Some(503)),
    (49, "Quality of service not available", None),
    (50, "Requested facility not subscribed", None),
    (53, "Outgoing calls barred within CUG", None),
    (55, "Incoming calls barred within CUG", Some(403)),
    (57, "Bearer capability not authorized", Some(403)),
    (58, "Bearer capability not presently available", Some(503)),
    (
        62,
        "Inconsistency in designated outgoing access information and subscriber class",
        None,
    ),
    (63, "Service or option not available, unspecified", None),
    (65, "Bearer capability not implemented", Some(488)),
    (66, "Channel type not implemented", None),
    (69, "Requested facility not implemented", None),
    (
        70,
        "Only restricted digital information bearer capability is available",
        Some(488),
    ),
    (
        79,
        "Service or option not implemented, unspecified",
        Some(501),
    ),
    (81, "Invalid call reference value", None),
    (82, "Identified channel does not exist", None),
    (
        83,
        "A suspended call exists, but this call identity does not",
        None,
    ),
    (84, "Call identity in use", None),
    (85, "No call suspended", None),
    (
        86,
        "Call having the requested call identity has been cleared",
        None,
    ),
    (87, "User not member of CUG", Some(403)),
    (88, "Incompatible destination", Some(503)),
    (90, "Non-existent CUG", None),
    (91, "Invalid transit network selection (national use)", None),
    (95, "Invalid message, unspecified", None),
    (96, "Mandatory information element is missing", None),
    (97, "Message type non-existent or not implemented", None),
    (
        98,
        "Message not compatible with call state or message type non-existent or not implemented",
        None,
    ),
    (
        99,
        "Information element / parameter non-existent or not implemented",
        None,
    ),
    (100, "Invalid information element contents", None),
    (101, "Message not compatible with call state", None),
    (102, "Recovery on timer expiry", Some(504)),
    (
        103,
        "Parameter non-existent or not implemented – passed on (national use)",
        None,
    ),
    (110, "Message with unrecognized parameter discarded", None),
    (111, "Protocol error, unspecified", Some(500)),
    (127, "Interworking, unspecified", Some(500)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_within_seven_bits() {
        assert!(CAUSES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CAUSES.iter().all(|&(c, _, _)| c <= MAX_CAUSE));
    }

    #[test]
    fn decodes_assigned_unassigned_and_zero() {
        let busy = decode(17);
        assert_eq!(
            (busy.known, busy.name.as_str(), busy.sip),
            (true, "User busy", Some(486))
        );
        assert_eq!(busy.class, "Normal event");
        let gap = decode(10);
        assert!(!gap.known);
        assert_eq!(gap.name, "Unassigned (normal event class)");
        assert_eq!(decode(34).class, "Resource unavailable");
        assert_eq!(decode(127).class, "Interworking");
        assert!(!decode(0).known);
    }
}
