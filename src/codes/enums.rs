//! Bit masks (reference §4.3, §4.15) and the small enumerations of §4.13 and of the §2.3
//! message rows, and the per-message tables where one field name carries different codes.

use super::call::{
    CALLED_PARTY_DISPOSITION, CALL_TYPE, CONNECTION_DEVICE_ID_TYPE, DEVICE_ID_TYPE, EVENT_CAUSE,
    LINE_TYPE, LOCAL_CONNECTION_STATE, PERIPHERAL_TYPE,
};
use super::fields::FieldId;
use super::session::{AGENT_STATE, CONTROL_FAILURE_CODE, STATUS, SYSTEM_EVENT_ID};
use super::{Code, CodeTable, Codes, Flag, MaskTable};

const fn flag(bits: u32, symbol: &'static str) -> Flag {
    Flag { bits, symbol }
}

/// PGStatus (OPEN_CONF, SYSTEM_EVENT): reference §4.3; 0 = normal.
pub static PG_STATUS: MaskTable = MaskTable {
    name: "PGStatus",
    flags: &[
        flag(0x01, "PGS_OPC_DOWN"),
        flag(0x02, "PGS_CC_DOWN"),
        flag(0x04, "PGS_PERIPHERAL_OFFLINE"),
        flag(0x08, "PGS_CTI_SERVER_OFFLINE"),
        flag(0x10, "PGS_LIMITED_FUNCTION"),
    ],
    zero: Some("normal"),
};

/// ServicesRequested / ServicesGranted: reference §4.15.
#[rustfmt::skip]
pub static SERVICES: MaskTable = MaskTable {
    name: "CTI service mask",
    flags: &[
        flag(0x0000_0001, "CTI_SERVICE_CLIENT_EVENTS"),
        flag(0x0000_0002, "CTI_SERVICE_CALL_DATA_UPDATE"),
        flag(0x0000_0004, "CTI_SERVICE_CLIENT_CONTROL"),
        flag(0x0000_0008, "CTI_SERVICE_CONNECTION_MONITOR"),
        flag(0x0000_0010, "CTI_SERVICE_ALL_EVENTS"),
        flag(0x0000_0020, "CTI_SERVICE_PERIPHERAL_MONITOR"),
        flag(0x0000_0040, "CTI_SERVICE_CLIENT_MONITOR"),
        flag(0x0000_0080, "CTI_SERVICE_SUPERVISOR"),
        flag(0x0000_0100, "CTI_SERVICE_SERVER"),
        flag(0x0000_0400, "CTI_SERVICE_AGENT_REPORTING"),
        flag(0x0000_0800, "CTI_SERVICE_ALL_TASK_EVENTS"),
        flag(0x0000_1000, "CTI_SERVICE_TASK_MONITOR"),
        flag(0x0000_2000, "CTI_AGENT_STATE_CONTROL_ONLY"),
        flag(0x0000_8000, "CTI_DEVICE_STATE_CONTROL"),
        flag(0x0008_0000, "CTI_SERVICE_UPDATE_EVENTS"),
        flag(0x0010_0000, "CTI_SERVICE_IGNORE_DUPLICATE_AGENT_EVENTS"),
        flag(0x0020_0000, "CTI_SERVICE_IGNORE_CONF"),
        flag(0x0040_0000, "CTI_SERVICE_ACD_LINE_ONLY"),
        flag(0x0200_0000, "CTI_SERVICE_ACTIVE_STANDBY"),
        flag(0x8000_0000, "CTI_SERVICE_DEBUG"),
    ],
    zero: None,
};

/// CallMsgMask: the unsolicited call events asked for (reference §4.15; bits 0x04000000 and
/// 0x08000000 are SCALA's only).
#[rustfmt::skip]
pub static CALL_MSG_MASK: MaskTable = MaskTable {
    name: "CallMsgMask",
    flags: &[
        flag(0x0000_0001, "CALL_DELIVERED"), flag(0x0000_0002, "CALL_QUEUED"),
        flag(0x0000_0004, "CALL_ESTABLISHED"), flag(0x0000_0008, "CALL_HELD"),
        flag(0x0000_0010, "CALL_RETRIEVED"), flag(0x0000_0020, "CALL_CLEARED"),
        flag(0x0000_0040, "CALL_CONNECTION_CLEARED"), flag(0x0000_0080, "CALL_ORIGINATED"),
        flag(0x0000_0100, "CALL_CONFERENCED"), flag(0x0000_0200, "CALL_TRANSFERRED"),
        flag(0x0000_0400, "CALL_DIVERTED"), flag(0x0000_0800, "CALL_SERVICE_INITIATED"),
        flag(0x0000_1000, "CALL_TRANSLATION_ROUTE"), flag(0x0000_2000, "BEGIN_CALL"),
        flag(0x0000_4000, "END_CALL"), flag(0x0000_8000, "CALL_DATA_UPDATE"),
        flag(0x0001_0000, "CALL_FAILED"), flag(0x0002_0000, "CALL_REACHED_NETWORK"),
        flag(0x0004_0000, "CALL_DEQUEUED"), flag(0x0008_0000, "AGENT_PRE_CALL"),
        flag(0x0010_0000, "AGENT_PRE_CALL_ABORT"), flag(0x0020_0000, "RTP_STARTED"),
        flag(0x0040_0000, "RTP_STOPPED"), flag(0x0080_0000, "AGENT_TEAM_CONFIG"),
        flag(0x0100_0000, "AGENT_LEGACY_PRE_CALL"), flag(0x0200_0000, "CALL_ATTRIBUTE_CHANGE"),
        flag(0x0400_0000, "CALL_TERMINATION"), flag(0x0800_0000, "CALL_AGENT_GREETING"),
    ],
    zero: Some("no call events"),
};

/// AgentStateMask: reference §4.15 (names `AGENT_*_MASK`).
#[rustfmt::skip]
pub static AGENT_STATE_MASK: MaskTable = MaskTable {
    name: "AgentStateMask",
    flags: &[
        flag(0x001, "AGENT_LOGIN_MASK"), flag(0x002, "AGENT_LOGOUT_MASK"),
        flag(0x004, "AGENT_NOT_READY_MASK"), flag(0x008, "AGENT_AVAILABLE_MASK"),
        flag(0x010, "AGENT_TALKING_MASK"), flag(0x020, "AGENT_WORK_NOT_READY_MASK"),
        flag(0x040, "AGENT_WORK_READY_MASK"), flag(0x080, "AGENT_BUSY_OTHER_MASK"),
        flag(0x100, "AGENT_RESERVED_MASK"), flag(0x200, "AGENT_HOLD_MASK"),
    ],
    zero: Some("no agent state events"),
};

/// ConfigMsgMask (OPEN_REQ): the configuration information asked for (reference §4.15, V25-SESS;
/// the source names the bits in words only).
#[rustfmt::skip]
pub static CONFIG_MSG_MASK: MaskTable = MaskTable {
    name: "ConfigMsgMask",
    flags: &[
        flag(1, "service"), flag(2, "skill group"), flag(4, "agent"), flag(8, "device"),
        flag(16, "call type"), flag(32, "media routing domain"), flag(256, "terminal"),
    ],
    zero: Some("no configuration information"),
};

/// ConfigurationMask of CONFIG_REQUEST_EVENT and CONFIG_BEGIN_EVENT: the UCCX bits (reference
/// §2.3.5; UCCE's bits from 0x10 on differ).
pub static CONFIGURATION_MASK: MaskTable = MaskTable {
    name: "ConfigurationMask",
    flags: &[
        flag(0x01, "application"),
        flag(0x02, "CSQ"),
        flag(0x04, "agent"),
        flag(0x08, "device"),
        flag(0x10, "terminal"),
    ],
    zero: Some("updates only"),
};

/// AgentServiceReq of SET_AGENT_STATE_REQ: reference §4.13.
pub static AGENT_SERVICE_REQ: MaskTable = MaskTable {
    name: "AgentServiceReq",
    flags: &[flag(0x1, "OUTBOUND_SUPPORT")],
    zero: None,
};

/// ConfigParam of TEAM_CONFIG_REQ: reference §2.3.5.
pub static TEAM_CONFIG_PARAM: MaskTable = MaskTable {
    name: "ConfigParam",
    flags: &[flag(0x1, "initial upload"), flag(0x2, "updates only")],
    zero: None,
};

/// A table of values the source gives in words only (no symbols).
macro_rules! words {
    ($name:ident, $title:literal, $doc:literal, [$($value:literal => $meaning:literal),* $(,)?]) => {
        #[doc = $doc]
        pub static $name: CodeTable = CodeTable::plain($title, "", &[$(Code::new($value, "", $meaning)),*]);
    };
}

/// AgentWorkMode: reference §4.13 (V25-CONST, SCALA).
pub static AGENT_WORK_MODE: CodeTable = CodeTable::plain(
    "AgentWorkMode",
    "",
    &[
        Code::sym(0, "AWM_UNSPECIFIED"),
        Code::sym(1, "AWM_AUTO_IN"),
        Code::sym(2, "AWM_MANUAL_IN"),
        Code::sym(3, "RA_CALL_BY_CALL"),
        Code::sym(4, "RA_NAILED_CONNECTION"),
    ],
);

/// AgentAvailabilityStatus: reference §4.13 (SCALA; UCCX sends 1).
pub static AGENT_AVAILABILITY_STATUS: CodeTable = CodeTable::plain(
    "AgentAvailabilityStatus",
    "",
    &[
        Code::sym(0, "NOT_AVAILABLE"),
        Code::sym(1, "ICM_AVAILABLE"),
        Code::sym(2, "APPLICATION_AVAILABLE"),
    ],
);

/// CallDirection (tag 244): reference §4.13, SCALA only, names UNCERTAIN.
pub static CALL_DIRECTION: CodeTable = CodeTable {
    name: "CallDirection",
    prefix: "",
    codes: &[
        Code::new(0, "", "None"),
        Code::new(1, "", "In"),
        Code::new(2, "", "Out"),
        Code::new(3, "", "OtherIn"),
        Code::new(4, "", "OtherOut"),
        Code::new(5, "", "OutboundReserve"),
        Code::new(6, "", "OutboundPreview"),
        Code::new(7, "", "OutboundPredictive"),
    ],
    aliases: &[],
    unnumbered: &[],
    doubt: Some("names from one source only, UNCERTAIN"),
    meanings_from: None,
};

words!(SILENT_MONITOR_STATUS, "SilentMonitorStatus", "SilentMonitorStatus (tag 218): reference §4.13.",
    [0 => "None", 1 => "Initiator", 2 => "Target"]);
words!(RTP_DIRECTION, "RTPDirection", "RTP Direction: reference §4.13 (SCALA).",
    [0 => "Input", 1 => "Output", 2 => "Bi-directional"]);
words!(RTP_TYPE, "RTPType", "RTP Type: reference §4.13 (SCALA).",
    [0 => "Audio", 1 => "Video", 2 => "Data"]);
words!(DISTRIBUTION, "Distribution", "Distribution of USER_MESSAGE: reference §4.13 (SCALA).",
    [0 => "Client", 1 => "Supervisor", 2 => "Team", 3 => "All"]);
words!(CLIENT_EVENT_REPORT_STATE, "ClientEventReportState",
    "State of CLIENT_EVENT_REPORT_REQ: reference §4.13, §2.3.2.",
    [0 => "Normal", 1 => "Warning", 2 => "Error"]);
words!(SUPERVISORY_ACTION, "SupervisoryAction", "SupervisoryAction: reference §4.13 (SCALA).",
    [0 => "Clear", 1 => "Monitor", 2 => "Whisper", 3 => "Barge-in", 4 => "Intercept"]);
words!(FORCED_FLAG, "ForcedFlag", "ForcedFlag of SET_AGENT_STATE_REQ: reference §4.13 (SCALA).",
    [0 => "False", 1 => "True", 2 => "Agent authentication only"]);
words!(CALL_MANNER_TYPE, "CallMannerType", "CallMannerType: reference §4.13 (SCALA).",
    [0 => "Unspecified", 1 => "Polite", 2 => "Belligerent", 3 => "Semi-polite", 4 => "Reserved"]);
words!(CALL_PLACEMENT_TYPE, "CallPlacementType", "CallPlacementType: reference §4.13 (SCALA).",
    [0 => "Unspecified", 1 => "Line call", 2 => "Outbound", 3 => "Outbound no access code",
     4 => "Direct position", 5 => "Direct agent", 6 => "Supervisor assist"]);
words!(CONSULT_TYPE, "ConsultType", "ConsultType: reference §4.13 (SCALA).",
    [0 => "Unspecified", 1 => "Transfer", 2 => "Conference"]);
words!(TYPE_OF_DEVICE, "TypeOfDevice", "TypeOfDevice: reference §4.13 (SCALA).",
    [0 => "Station", 1 => "Line", 2 => "Button", 3 => "ACD", 4 => "Trunk", 5 => "Operator",
     16 => "Station group", 17 => "Line group", 18 => "Button group", 19 => "ACD group",
     20 => "Trunk group", 21 => "Operator group", 22 => "CTI port SCCP", 23 => "CTI port SIP",
     255 => "Other"]);
words!(GREETING_EVENT_CODE, "EventCode", "EventCode of CALL_AGENT_GREETING_EVENT: reference §2.2, §4.13.",
    [0 => "Greeting started", 1 => "Greeting ended with success", 2 => "Greeting failed"]);
words!(AGENT_ACTION, "AgentAction", "AgentAction of AGENT_GREETING_CONTROL_REQ: reference §2.3.3.",
    [0 => "Stop the current greeting", 1 => "Disable greetings for the login session",
     2 => "Enable greetings"]);
words!(CONFIG_OPERATION, "ConfigOperation", "ConfigOperation of AGENT_TEAM_CONFIG_EVENT: reference §2.3.4.",
    [0 => "Restore", 1 => "Add agent", 2 => "Remove agent"]);
words!(MORE, "More", "More of LIST_AGENT_TEAM_CONF: reference §2.3.4.",
    [0 => "Last segment", 1 => "More segments follow"]);
words!(CONFIG_TYPE, "ConfigType", "ConfigType of CONFIG_BEGIN_EVENT: reference §2.3.5.",
    [1 => "Initial", 2 => "Update"]);
words!(CONFIG_KEY_STATUS, "CONFIG_KEY_EVENT Status", "Status of CONFIG_KEY_EVENT: reference §2.3.5.",
    [0 => "Success", 1 => "Configuration service not requested", 2 => "No key support",
     3 => "Unknown data"]);
words!(CONFIG_END_STATUS, "CONFIG_END_EVENT Status", "Status of CONFIG_END_EVENT: reference §2.3.5.",
    [0 => "Success", 1 => "Service not requested", 2 => "Unknown data", 3 => "Error", 4 => "Empty",
     5 => "Partial"]);
words!(TEAM_CONFIG_STATUS, "TEAM_CONFIG_CONF Status", "Status of TEAM_CONFIG_CONF: reference §2.3.5.",
    [0 => "Success", 1 => "Internal error"]);
words!(TEAM_CONFIG_OPERATION, "Operation", "Operation of TEAM_CONFIG_EVENT: reference §2.3.5.",
    [1 => "Add", 2 => "Remove", 3 => "Change"]);
words!(RECORD_TYPE, "RecordType", "RecordType (tag 183) in UCCX configuration messages: reference §3.",
    [0 => "Add", 1 => "Change", 2 => "Delete"]);

/// DestinationCountry: reference §4.13 (V25-CONST).
pub static DESTINATION_COUNTRY: CodeTable = CodeTable::plain(
    "DestinationCountry",
    "DEST_",
    &[
        Code::sym(0, "DEST_UNSPECIFIED"),
        Code::new(1, "DEST_US_AND_CANADA", "US and Canada"),
    ],
);

/// Fields whose codes depend on the message type: (message type, field, codes). Consulted
/// before the field's own table.
pub static BY_MESSAGE: &[(u16, FieldId, Codes)] = &[
    (116, FieldId::Direction, Codes::Enum(&RTP_DIRECTION)),
    (117, FieldId::Direction, Codes::Enum(&RTP_DIRECTION)),
    (147, FieldId::Direction, Codes::Enum(&RTP_DIRECTION)),
    (149, FieldId::Direction, Codes::Enum(&RTP_DIRECTION)),
    (231, FieldId::Status, Codes::Enum(&CONFIG_KEY_STATUS)),
    (234, FieldId::Status, Codes::Enum(&CONFIG_END_STATUS)),
    (242, FieldId::ConfigParam, Codes::Mask(&TEAM_CONFIG_PARAM)),
    (244, FieldId::Status, Codes::Enum(&TEAM_CONFIG_STATUS)),
];

/// The codes of `field` in a message of type `message_type`.
#[must_use]
pub fn codes_for(message_type: Option<u16>, field: FieldId) -> Option<Codes> {
    if let Some(t) = message_type {
        if let Some(&(_, _, codes)) = BY_MESSAGE.iter().find(|(m, f, _)| *m == t && *f == field) {
            return Some(codes);
        }
    }
    field.def().codes
}

/// Every enumeration, for tests.
pub static ALL_TABLES: &[&CodeTable] = &[
    &EVENT_CAUSE,
    &LOCAL_CONNECTION_STATE,
    &DEVICE_ID_TYPE,
    &CONNECTION_DEVICE_ID_TYPE,
    &AGENT_STATE,
    &CALL_TYPE,
    &PERIPHERAL_TYPE,
    &CALLED_PARTY_DISPOSITION,
    &SYSTEM_EVENT_ID,
    &STATUS,
    &LINE_TYPE,
    &CONTROL_FAILURE_CODE,
    &AGENT_WORK_MODE,
    &AGENT_AVAILABILITY_STATUS,
    &CALL_DIRECTION,
    &SILENT_MONITOR_STATUS,
    &RTP_DIRECTION,
    &RTP_TYPE,
    &DISTRIBUTION,
    &CLIENT_EVENT_REPORT_STATE,
    &SUPERVISORY_ACTION,
    &FORCED_FLAG,
    &CALL_MANNER_TYPE,
    &CALL_PLACEMENT_TYPE,
    &CONSULT_TYPE,
    &TYPE_OF_DEVICE,
    &GREETING_EVENT_CODE,
    &AGENT_ACTION,
    &CONFIG_OPERATION,
    &MORE,
    &CONFIG_TYPE,
    &CONFIG_KEY_STATUS,
    &CONFIG_END_STATUS,
    &TEAM_CONFIG_STATUS,
    &TEAM_CONFIG_OPERATION,
    &RECORD_TYPE,
    &DESTINATION_COUNTRY,
];
