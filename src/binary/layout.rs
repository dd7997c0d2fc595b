//! Fixed parts of the messages in reference §2.2, field by field, and the floating-field tags of
//! §3 with their types.

/// How a value is carried on the wire (reference §1.4). All numbers are big-endian.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wire {
    /// UCHAR, 1 byte.
    U8,
    /// USHORT, 2 bytes.
    U16,
    /// UINT, 4 bytes.
    U32,
    /// INT, 4 bytes, signed.
    I32,
    /// BOOL, 2 bytes (0 false, 1 true).
    Bool,
    /// TIME, 4 bytes: seconds since 1970-01-01 00:00 UTC.
    Time,
    /// STRING: NUL-terminated inside its length (floating fields only).
    Str,
    /// UNSPEC: opaque bytes, shown as hex (floating fields only).
    Unspec,
    /// NAMEDVAR (tag 82): NUL-terminated name, then NUL-terminated value.
    NamedVar,
    /// NAMEDARRAY (tag 83): 1-byte index, NUL-terminated name, NUL-terminated value.
    NamedArray,
}

impl Wire {
    /// Bytes of a fixed-size value; `None` for variable-size ones.
    #[must_use]
    pub fn size(self) -> Option<usize> {
        match self {
            Wire::U8 => Some(1),
            Wire::U16 | Wire::Bool => Some(2),
            Wire::U32 | Wire::I32 | Wire::Time => Some(4),
            Wire::Str | Wire::Unspec | Wire::NamedVar | Wire::NamedArray => None,
        }
    }
}

use Wire::{Bool, Time, I32, U16, U32, U8};

const MON: (&str, Wire) = ("MonitorID", U32);
const PER: (&str, Wire) = ("PeripheralID", U32);
const PT: (&str, Wire) = ("PeripheralType", U16);
const CDT: (&str, Wire) = ("ConnectionDeviceIDType", U16);
const CID: (&str, Wire) = ("ConnectionCallID", U32);
const LH: (&str, Wire) = ("LineHandle", U16);
const LT: (&str, Wire) = ("LineType", U16);
const SVCN: (&str, Wire) = ("ServiceNumber", U32);
const SVCID: (&str, Wire) = ("ServiceID", U32);
const SGN: (&str, Wire) = ("SkillGroupNumber", U32);
const SGID: (&str, Wire) = ("SkillGroupID", U32);
const SGP: (&str, Wire) = ("SkillGroupPriority", U16);
const LCS: (&str, Wire) = ("LocalConnectionState", U16);
const EC: (&str, Wire) = ("EventCause", U16);
const NNV: (&str, Wire) = ("NumNamedVariables", U16);
const NNA: (&str, Wire) = ("NumNamedArrays", U16);
const INVOKE: (&str, Wire) = ("InvokeID", U32);
const fn dt(name: &'static str) -> (&'static str, Wire) {
    (name, U16)
}

/// The fixed part of each message type in reference §2.2: (message type ID, fields in order).
pub static FIXED: &[(u16, &[(&str, Wire)])] = &[
    (1, &[INVOKE, ("Status", U32)]),
    (2, &[("Status", U32)]),
    (
        3,
        &[
            INVOKE,
            ("VersionNumber", U32),
            ("IdleTimeout", U32),
            PER,
            ("ServicesRequested", U32),
            ("CallMsgMask", U32),
            ("AgentStateMask", U32),
            ("ConfigMsgMask", U32),
            ("Reserved1", U32),
            ("Reserved2", U32),
            ("Reserved3", U32),
        ],
    ),
    (
        4,
        &[
            INVOKE,
            ("ServicesGranted", U32),
            MON,
            ("PGStatus", U32),
            ("ICMCentralControllerTime", Time),
            ("PeripheralOnline", Bool),
            PT,
            ("AgentState", U16),
        ],
    ),
    (5, &[INVOKE]),
    (6, &[INVOKE]),
    (7, &[INVOKE, ("Status", U32)]),
    (8, &[INVOKE]),
    (
        9,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            LH,
            LT,
            SVCN,
            SVCID,
            SGN,
            SGID,
            SGP,
            dt("AlertingDeviceType"),
            dt("CallingDeviceType"),
            dt("CalledDeviceType"),
            dt("LastRedirectDeviceType"),
            LCS,
            EC,
            NNV,
            NNA,
        ],
    ),
    (
        10,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            LH,
            LT,
            SVCN,
            SVCID,
            SGN,
            SGID,
            SGP,
            dt("AnsweringDeviceType"),
            dt("CallingDeviceType"),
            dt("CalledDeviceType"),
            dt("LastRedirectDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        11,
        &[MON, PER, PT, CDT, CID, dt("HoldingDeviceType"), LCS, EC],
    ),
    (
        12,
        &[MON, PER, PT, CDT, CID, dt("RetrievingDeviceType"), LCS, EC],
    ),
    (13, &[MON, PER, PT, CDT, CID, LCS, EC]),
    (
        14,
        &[MON, PER, PT, CDT, CID, dt("ReleasingDeviceType"), LCS, EC],
    ),
    (
        15,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            LH,
            LT,
            SVCN,
            SVCID,
            SGN,
            SGID,
            SGP,
            dt("CallingDeviceType"),
            dt("CalledDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        16,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            dt("FailingDeviceType"),
            dt("CalledDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        17,
        &[
            MON,
            PER,
            PT,
            dt("PrimaryDeviceIDType"),
            ("PrimaryCallID", U32),
            LH,
            LT,
            SGN,
            SGID,
            SGP,
            ("NumParties", U16),
            dt("SecondaryDeviceIDType"),
            ("SecondaryCallID", U32),
            dt("ControllerDeviceType"),
            dt("AddedPartyDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        18,
        &[
            MON,
            PER,
            PT,
            dt("PrimaryDeviceIDType"),
            ("PrimaryCallID", U32),
            LH,
            LT,
            SGN,
            SGID,
            SGP,
            ("NumParties", U16),
            dt("SecondaryDeviceIDType"),
            ("SecondaryCallID", U32),
            dt("TransferringDeviceType"),
            dt("TransferredDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        19,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            SVCN,
            SVCID,
            dt("DivertingDeviceType"),
            dt("CalledDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        20,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            LH,
            LT,
            SVCN,
            SVCID,
            SGN,
            SGID,
            SGP,
            dt("CallingDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        21,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            SVCN,
            SVCID,
            dt("QueueDeviceType"),
            dt("CallingDeviceType"),
            dt("CalledDeviceType"),
            dt("LastRedirectDeviceType"),
            ("NumQueued", U16),
            ("NumSkillGroups", U16),
            LCS,
            EC,
        ],
    ),
    (22, &[NNV, NNA]),
    (
        23,
        &[
            MON,
            PER,
            PT,
            ("NumCTIClients", U16),
            NNV,
            NNA,
            ("CallType", U16),
            CDT,
            CID,
            ("CalledPartyDisposition", U16),
        ],
    ),
    (24, &[MON, PER, PT, CDT, CID]),
    (
        25,
        &[
            MON,
            PER,
            PT,
            ("NumCTIClients", U16),
            NNV,
            NNA,
            ("CallType", U16),
            CDT,
            CID,
            dt("NewConnectionDeviceIDType"),
            ("NewConnectionCallID", U32),
            ("CalledPartyDisposition", U16),
            ("CampaignID", U32),
            ("QueryRuleID", U32),
        ],
    ),
    (
        26,
        &[
            INVOKE,
            PER,
            CDT,
            CID,
            NNV,
            NNA,
            ("CallType", U16),
            ("CalledPartyDisposition", U16),
            ("CampaignID", U32),
            ("QueryRuleID", U32),
        ],
    ),
    (
        30,
        &[
            MON,
            PER,
            ("SessionID", U32),
            PT,
            ("SkillGroupState", U16),
            ("StateDuration", U32),
            SGN,
            SGID,
            SGP,
            ("AgentState", U16),
            ("EventReasonCode", U16),
            ("MRDID", U32),
            ("NumTasks", U32),
            ("AgentMode", U16),
            ("MaxTaskLimit", U32),
            ("ICMAgentID", U32),
            ("AgentAvailabilityStatus", U32),
            ("NumFltSkillGroups", U16),
        ],
    ),
    (
        31,
        &[
            ("PGStatus", U32),
            ("ICMCentralControllerTime", Time),
            ("SystemEventID", U32),
            ("SystemEventArg1", U32),
            ("SystemEventArg2", U32),
            ("SystemEventArg3", U32),
            dt("EventDeviceType"),
        ],
    ),
    (
        34,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            LH,
            LT,
            dt("TrunkUsedDeviceType"),
            dt("CalledDeviceType"),
            LCS,
            EC,
        ],
    ),
    (
        35,
        &[INVOKE, ("FailureCode", U16), ("PeripheralErrorCode", U32)],
    ),
    (
        86,
        &[
            MON,
            PER,
            PT,
            CDT,
            CID,
            dt("QueueDeviceType"),
            SVCN,
            SVCID,
            ("NumQueued", U16),
            ("NumSkillGroups", U16),
            LCS,
            EC,
        ],
    ),
    (
        105,
        &[MON, NNV, NNA, SVCN, SVCID, SGN, SGID, SGP, ("MRDID", U32)],
    ),
    (106, &[MON, ("MRDID", U32)]),
    (
        109,
        &[("ICMCentralControllerTime", Time), ("Distribution", U16)],
    ),
    (
        116,
        &[
            MON,
            PER,
            ("ClientPort", U32),
            ("Direction", U16),
            ("RTPType", U16),
            ("BitRate", U32),
            ("EchoCancellation", U16),
            ("PacketSize", U32),
            ("PayloadType", U16),
            CDT,
            CID,
        ],
    ),
    (
        117,
        &[MON, PER, ("ClientPort", U32), ("Direction", U16), CDT, CID],
    ),
    (
        248,
        &[
            MON,
            PER,
            CDT,
            CID,
            ("EventCode", U16),
            ("PeripheralErrorCode", U32),
        ],
    ),
];

/// The fixed part of a message type, if reference §2.2 gives it.
#[must_use]
pub fn fixed(type_id: u16) -> Option<&'static [(&'static str, Wire)]> {
    FIXED
        .binary_search_by_key(&type_id, |&(id, _)| id)
        .ok()
        .map(|i| FIXED[i].1)
}

/// Bytes of a fixed part.
#[must_use]
pub fn fixed_size(layout: &[(&str, Wire)]) -> usize {
    layout.iter().filter_map(|(_, w)| w.size()).sum()
}

/// Floating-field tags (reference §3): (tag, canonical field name, type). Names are the
/// project's canonical field names where the spine's catalogue has them, otherwise the V25 tag
/// name without `_TAG`. Tags marked reserved, unused or uncertain in the reference are left out
/// and decode as unknown tags, kept raw.
pub static TAGS: &[(u16, &str, Wire)] = &[
    (1, "ClientID", Wire::Str),
    (2, "ClientPassword", Wire::Unspec),
    (3, "ClientSignature", Wire::Str),
    (4, "AgentExtension", Wire::Str),
    (5, "AgentID", Wire::Str),
    (6, "AgentInstrument", Wire::Str),
    (7, "Text", Wire::Str),
    (8, "ANI", Wire::Str),
    (9, "UserToUserInfo", Wire::Unspec),
    (10, "DNIS", Wire::Str),
    (11, "DialedNumber", Wire::Str),
    (12, "CallerEnteredDigits", Wire::Str),
    (13, "CallVariable1", Wire::Str),
    (14, "CallVariable2", Wire::Str),
    (15, "CallVariable3", Wire::Str),
    (16, "CallVariable4", Wire::Str),
    (17, "CallVariable5", Wire::Str),
    (18, "CallVariable6", Wire::Str),
    (19, "CallVariable7", Wire::Str),
    (20, "CallVariable8", Wire::Str),
    (21, "CallVariable9", Wire::Str),
    (22, "CallVariable10", Wire::Str),
    (23, "CTIClientSignature", Wire::Str),
    (24, "CTIClientTimestamp", Time),
    (25, "ConnectionDeviceID", Wire::Str),
    (26, "AlertingDeviceID", Wire::Str),
    (27, "CallingDeviceID", Wire::Str),
    (28, "CalledDeviceID", Wire::Str),
    (29, "LastRedirectDeviceID", Wire::Str),
    (30, "AnsweringDeviceID", Wire::Str),
    (31, "HoldingDeviceID", Wire::Str),
    (32, "RetrievingDeviceID", Wire::Str),
    (33, "ReleasingDeviceID", Wire::Str),
    (34, "FailingDeviceID", Wire::Str),
    (35, "PrimaryDeviceID", Wire::Str),
    (36, "SecondaryDeviceID", Wire::Str),
    (37, "ControllerDeviceID", Wire::Str),
    (38, "AddedPartyDeviceID", Wire::Str),
    (39, "ConnectedPartyCallID", U32),
    (40, "ConnectedPartyDeviceType", U16),
    (41, "ConnectedPartyDeviceID", Wire::Str),
    (42, "TransferringDeviceID", Wire::Str),
    (43, "TransferredDeviceID", Wire::Str),
    (44, "DivertingDeviceID", Wire::Str),
    (45, "QueueDeviceID", Wire::Str),
    (46, "CallWrapupData", Wire::Str),
    (47, "NewConnectionDeviceID", Wire::Str),
    (48, "TrunkUsedDeviceID", Wire::Str),
    (49, "AGENT_PASSWORD", Wire::Str),
    (50, "ACTIVE_CONN_DEVID", Wire::Str),
    (51, "FACILITY_CODE", Wire::Str),
    (52, "OTHER_CONN_DEVID", Wire::Str),
    (53, "HELD_CONN_DEVID", Wire::Str),
    (56, "CALL_CONN_CALLID", U32),
    (57, "CALL_CONN_DEVID_TYPE", U16),
    (58, "CALL_CONN_DEVID", Wire::Str),
    (59, "CALL_DEVID_TYPE", U16),
    (60, "CALL_DEVID", Wire::Str),
    (61, "CALL_DEV_CONN_STATE", U16),
    (62, "SkillGroupNumber", U32),
    (63, "SkillGroupID", U32),
    (64, "SkillGroupPriority", U16),
    (65, "SkillGroupState", U16),
    (66, "OBJECT_NAME", Wire::Str),
    (67, "DTMF_STRING", Wire::Str),
    (68, "POSITION_ID", Wire::Str),
    (69, "SUPERVISOR_ID", Wire::Str),
    (70, "LineHandle", U16),
    (71, "LineType", U16),
    (72, "RouterCallKeyDay", U32),
    (73, "RouterCallKeyCallID", U32),
    (75, "CALL_STATE", U16),
    (76, "MONITORED_DEVID", Wire::Str),
    (77, "AUTHORIZATION_CODE", Wire::Str),
    (78, "ACCOUNT_CODE", Wire::Str),
    (79, "ORIGINATING_DEVID", Wire::Str),
    (80, "ORIGINATING_LINE_ID", Wire::Str),
    (81, "CLIENT_ADDRESS", Wire::Str),
    (82, "NamedVariable", Wire::NamedVar),
    (83, "NamedArray", Wire::NamedArray),
    (84, "CALL_CONTROL_TABLE", Wire::Str),
    (85, "SUPERVISOR_INSTRUMENT", Wire::Str),
    (86, "ATC_AGENT_ID", Wire::Str),
    (87, "AGENT_FLAGS", U16),
    (88, "ATC_AGENT_STATE", U16),
    (89, "ATC_STATE_DURATION", U32),
    (90, "AGENT_CONNECTION_DEVID", Wire::Str),
    (91, "SUPERVISOR_CONNECTION_DEVID", Wire::Str),
    (92, "LIST_TEAM_ID", U32),
    (93, "DEFAULT_DEVICE_PORT_ADDRESS", Wire::Str),
    (94, "SERVICE_NAME", Wire::Str),
    (95, "CustomerPhoneNumber", Wire::Str),
    (96, "CustomerAccountNumber", Wire::Str),
    (97, "APP_PATH_ID", I32),
    (99, "SCRIPT_SELECTOR", Wire::Str),
    (100, "APPLICATION_STRING1", Wire::Str),
    (101, "APPLICATION_STRING2", Wire::Str),
    (110, "RouterCallKeySequenceNumber", U32),
    (121, "TrunkNumber", U32),
    (122, "TrunkGroupNumber", U32),
    (123, "NextAgentState", U16),
    (124, "DEQUEUE_TYPE", Wire::Str),
    (150, "Duration", U32),
    (192, "SkillGroupSkillTargetID", Wire::Str),
    (193, "SERVICE_ID", U32),
    // UCCX sends AgentID in tag 194 (AGENT_ID_LONG, reference §7); UCCE uses 5.
    (194, "AgentID", Wire::Str),
    (195, "DEVICE_TYPE", U16),
    (202, "SecondaryConnectionCallID", U32),
    (206, "EventDeviceID", Wire::Str),
    (208, "PERIPHERAL_ID", U32),
    (215, "ANI_II", Wire::Str),
    (218, "SILENT_MONITOR_STATUS", U16),
    (221, "PRE_CALL_INVOKE_ID", U32),
    (223, "CallReferenceID", Wire::Unspec),
    (224, "MULTI_LINE_AGENT_CONTROL", U16),
    (228, "NUM_PERIPHERALS", U16),
    (229, "COC_CONNECTION_CALL_ID", U32),
    (230, "COC_CONNECTION_DEVICE_ID_TYPE", U16),
    (231, "COC_CONNECTION_DEVICE_ID", Wire::Str),
    (232, "CallOriginatedFrom", U8),
    (244, "Direction", U32),
];

/// The name and type of a floating-field tag.
#[must_use]
pub fn tag(tag: u16) -> Option<(&'static str, Wire)> {
    TAGS.binary_search_by_key(&tag, |&(t, _, _)| t)
        .ok()
        .map(|i| (TAGS[i].1, TAGS[i].2))
}

/// The tag of a floating field name.
#[must_use]
pub fn tag_of(name: &str) -> Option<(u16, Wire)> {
    TAGS.iter()
        .find(|(_, n, _)| *n == name)
        .map(|&(t, _, w)| (t, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes reference §2.2 prints for every fixed part.
    #[test]
    fn fixed_parts_have_the_sizes_the_reference_prints() {
        let sizes = [
            (1, 8),
            (2, 4),
            (3, 44),
            (4, 26),
            (5, 4),
            (6, 4),
            (7, 8),
            (8, 4),
            (9, 54),
            (10, 50),
            (11, 22),
            (12, 22),
            (13, 20),
            (14, 22),
            (15, 46),
            (16, 24),
            (17, 46),
            (18, 46),
            (19, 32),
            (20, 44),
            (21, 40),
            (22, 4),
            (23, 26),
            (24, 16),
            (25, 40),
            (26, 30),
            (30, 58),
            (31, 26),
            (34, 28),
            (35, 10),
            (86, 34),
            (105, 30),
            (106, 8),
            (109, 6),
            (116, 34),
            (117, 20),
            (248, 20),
        ];
        assert_eq!(sizes.len(), FIXED.len());
        for (id, size) in sizes {
            assert_eq!(fixed_size(fixed(id).unwrap()), size, "message {id}");
        }
    }

    #[test]
    fn tables_are_sorted_and_names_are_known_fields_or_v25_names() {
        assert!(FIXED.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0));
        for (_, layout) in FIXED {
            for (name, _) in *layout {
                assert!(crate::codes::fields::lookup(name).is_some(), "{name}");
            }
        }
        for (tag, name, _) in TAGS {
            let catalogued = crate::codes::fields::lookup(name).is_some();
            let v25 = name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            assert!(catalogued || v25, "tag {tag}: {name}");
        }
    }
}
