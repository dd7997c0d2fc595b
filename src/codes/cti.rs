//! Enumerations of the CTI Server protocol (GED-188): numbers, symbols and meanings.
//!
//! Values from the reference `cti-protocol.md` §4 (Cisco's CTI Server Message Reference Guide,
//! protocol version 25, "Constants and Status Codes", checked against two independent
//! implementations). Meanings are the source's words where it gives any, otherwise the symbol in
//! plain words. Spellings that UCCX dumps print instead of the Cisco symbol (§1.7) are aliases.

use super::{Code, CodeTable};

/// EventCause: reference §4.
pub static EVENT_CAUSE: CodeTable = CodeTable {
    name: "EventCause",
    prefix: "CEC_",
    codes: EVENT_CAUSE_CODES,
    aliases: &[],
    unnumbered: &[],
};

/// LocalConnectionState: reference §4.
pub static LOCAL_CONNECTION_STATE: CodeTable = CodeTable {
    name: "LocalConnectionState",
    prefix: "LCS_",
    codes: LOCAL_CONNECTION_STATE_CODES,
    aliases: &[("LCS_ALERTIN", 2)],
    unnumbered: &[],
};

/// DeviceIDType: reference §4.
pub static DEVICE_ID_TYPE: CodeTable = CodeTable {
    name: "DeviceIDType",
    prefix: "DEVID_",
    codes: DEVICE_ID_TYPE_CODES,
    aliases: &[("DEVID_AGENT_DEVICE_IDENTIFIER", 76)],
    unnumbered: &[],
};

/// ConnectionDeviceIDType: reference §4.
pub static CONNECTION_DEVICE_ID_TYPE: CodeTable = CodeTable {
    name: "ConnectionDeviceIDType",
    prefix: "CONNECTION_ID_",
    codes: CONNECTION_DEVICE_ID_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
};

/// AgentState: reference §4.
pub static AGENT_STATE: CodeTable = CodeTable {
    name: "AgentState",
    prefix: "AGENT_STATE_",
    codes: AGENT_STATE_CODES,
    aliases: &[("AVAILABLEState", 3)],
    unnumbered: &[],
};

/// CallType: reference §4.
pub static CALL_TYPE: CodeTable = CodeTable {
    name: "CallType",
    prefix: "CALLTYPE_",
    codes: CALL_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
};

/// PeripheralType: reference §4.
pub static PERIPHERAL_TYPE: CodeTable = CodeTable {
    name: "PeripheralType",
    prefix: "PT_",
    codes: PERIPHERAL_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
};

/// CalledPartyDisposition: reference §4.
pub static CALLED_PARTY_DISPOSITION: CodeTable = CodeTable {
    name: "CalledPartyDisposition",
    prefix: "CD_",
    codes: CALLED_PARTY_DISPOSITION_CODES,
    aliases: &[],
    unnumbered: &[(
        "CD_INVALID",
        "Invalid or no disposition (printed by UCCX dumps; no source gives its number, probably 0)",
    )],
};

/// SystemEventID: reference §4.
pub static SYSTEM_EVENT_ID: CodeTable = CodeTable {
    name: "SystemEventID",
    prefix: "SYS_",
    codes: SYSTEM_EVENT_ID_CODES,
    aliases: &[],
    unnumbered: &[],
};

/// Status: reference §4.
pub static STATUS: CodeTable = CodeTable {
    name: "Status",
    prefix: "E_CTI_",
    codes: STATUS_CODES,
    aliases: &[],
    unnumbered: &[],
};

/// LineType: reference §4.
pub static LINE_TYPE: CodeTable = CodeTable {
    name: "LineType",
    prefix: "LINETYPE_",
    codes: LINE_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
};
/// Every table, for tests and documentation.
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
];

/// EventCause values: reference `cti-protocol.md` §4.7 (V25-CONST; 1001–1057 extended causes, meanings from the matching §4.12 disposition).
static EVENT_CAUSE_CODES: &[Code] = &[
    Code::new(1, "CEC_ACTIVE_MONITOR", "Active monitor"),
    Code::new(2, "CEC_ALTERNATE", "Alternate"),
    Code::new(3, "CEC_BUSY", "Busy"),
    Code::new(4, "CEC_CALL_BACK", "Call back"),
    Code::new(5, "CEC_CALL_CANCELLED", "Call cancelled"),
    Code::new(6, "CEC_CALL_FORWARD_ALWAYS", "Call forward always"),
    Code::new(7, "CEC_CALL_FORWARD_BUSY", "Call forward busy"),
    Code::new(8, "CEC_CALL_FORWARD_NO_ANSWER", "Call forward no answer"),
    Code::new(9, "CEC_CALL_FORWARD", "Call forward"),
    Code::new(10, "CEC_CALL_NOT_ANSWERED", "Call not answered"),
    Code::new(11, "CEC_CALL_PICKUP", "Call pickup"),
    Code::new(12, "CEC_CAMP_ON", "Camp on"),
    Code::new(13, "CEC_DEST_NOT_OBTAINABLE", "Destination not obtainable"),
    Code::new(14, "CEC_DO_NOT_DISTURB", "Do not disturb"),
    Code::new(
        15,
        "CEC_INCOMPATIBLE_DESTINATION",
        "Incompatible destination",
    ),
    Code::new(16, "CEC_INVALID_ACCOUNT_CODE", "Invalid account code"),
    Code::new(17, "CEC_KEY_CONFERENCE", "Key conference"),
    Code::new(18, "CEC_LOCKOUT", "Lockout"),
    Code::new(19, "CEC_MAINTENANCE", "Maintenance"),
    Code::new(20, "CEC_NETWORK_CONGESTION", "Network congestion"),
    Code::new(21, "CEC_NETWORK_NOT_OBTAINABLE", "Network not obtainable"),
    Code::new(22, "CEC_NEW_CALL", "New call"),
    Code::new(23, "CEC_NO_AVAILABLE_AGENTS", "No available agents"),
    Code::new(24, "CEC_OVERRIDE", "Override"),
    Code::new(25, "CEC_PARK", "Park"),
    Code::new(26, "CEC_OVERFLOW", "Overflow"),
    Code::new(27, "CEC_RECALL", "Recall"),
    Code::new(28, "CEC_REDIRECTED", "Redirected"),
    Code::new(29, "CEC_REORDER_TONE", "Reorder tone"),
    Code::new(30, "CEC_RESOURCES_NOT_AVAILABLE", "Resources not available"),
    Code::new(31, "CEC_SILENT_MONITOR", "Silent monitor"),
    Code::new(32, "CEC_TRANSFER", "Transfer"),
    Code::new(33, "CEC_TRUNKS_BUSY", "Trunks busy"),
    Code::new(34, "CEC_VOICE_UNIT_INITIATOR", "Voice unit initiator"),
    Code::new(35, "CEC_TIME_OUT", "Time out"),
    Code::new(36, "CEC_NEW_CALL_INTERFLOW", "New call interflow"),
    Code::new(37, "CEC_SIMULATION_INIT_REQUEST", "Simulation init request"),
    Code::new(
        38,
        "CEC_SIMULATION_RESET_REQUEST",
        "Simulation reset request",
    ),
    Code::new(39, "CEC_CTI_LINK_DOWN", "CTI link down"),
    Code::new(
        40,
        "CEC_PERIPHERAL_RESET_REQUEST",
        "Peripheral reset request",
    ),
    Code::new(
        41,
        "CEC_MD110_CONFERENCE_TRANSFER",
        "MD110 conference transfer",
    ),
    Code::new(42, "CEC_REMAINS_IN_Q", "Remains in q"),
    Code::new(43, "CEC_SUPERVISOR_ASSIST", "Supervisor assist"),
    Code::new(44, "CEC_EMERGENCY_CALL", "Emergency call"),
    Code::new(45, "CEC_SUPERVISOR_CLEAR", "Supervisor clear"),
    Code::new(46, "CEC_SUPERVISOR_MONITOR", "Supervisor monitor"),
    Code::new(47, "CEC_SUPERVISOR_WHISPER", "Supervisor whisper"),
    Code::new(48, "CEC_SUPERVISOR_BARGE_IN", "Supervisor barge in"),
    Code::new(49, "CEC_SUPERVISOR_INTERCEPT", "Supervisor intercept"),
    Code::new(50, "CEC_CALL_PARTY_UPDATE_IND", "Call party update ind"),
    Code::new(51, "CEC_CONSULT", "Consult"),
    Code::new(52, "CEC_NIC_CALL_CLEAR", "NIC call clear"),
    Code::new(53, "CEC_DNP", "DNP"),
    Code::new(
        54,
        "CEC_ROUTER_REQUERY_BEFORE_ANSWER",
        "Router requery before answer",
    ),
    Code::new(
        55,
        "CEC_ROUTER_REQUERY_AFTER_ANSWER",
        "Router requery after answer",
    ),
    Code::new(56, "CEC_NETWORK_ERROR", "Network error"),
    Code::new(
        57,
        "CEC_NETWORK_ERROR_BEFORE_ANSWER",
        "Network error before answer",
    ),
    Code::new(
        58,
        "CEC_NETWORK_ERROR_AFTER_ANSWER",
        "Network error after answer",
    ),
    Code::new(59, "CEC_GREETING", "Greeting"),
    Code::new(60, "CEC_RECORD_AGENT_GREETING", "Record agent greeting"),
    Code::new(61, "CEC_SNAPSHOT", "Snapshot"),
    Code::new(62, "CEC_MAX_QUEUE_EXCEEDED", "Max queue exceeded"),
    Code::new(1001, "CECX_ABAND_NETWORK", "Abandoned in Network"),
    Code::new(1002, "CECX_ABAND_LOCAL_QUEUE", "Abandoned in Local Queue"),
    Code::new(1003, "CECX_ABAND_RING", "Abandoned Ring"),
    Code::new(1004, "CECX_ABAND_DELAY", "Abandoned Delay"),
    Code::new(1005, "CECX_ABAND_INTERFLOW", "Abandoned Interflow"),
    Code::new(
        1006,
        "CECX_ABAND_AGENT_TERMINAL",
        "Abandoned Agent Terminal",
    ),
    Code::new(1007, "CECX_SHORT", "Short"),
    Code::new(1008, "CECX_BUSY", "Busy"),
    Code::new(1009, "CECX_FORCED_BUSY", "Forced Busy"),
    Code::new(1010, "CECX_DROP_NO_ANSWER", "Disconnect/drop no answer"),
    Code::new(1011, "CECX_DROP_BUSY", "Disconnect/drop busy"),
    Code::new(1012, "CECX_DROP_REORDER", "Disconnect/drop reorder"),
    Code::new(
        1013,
        "CECX_DROP_HANDLED_PRIMARY_ROUTE",
        "Disconnect/drop handled primary route",
    ),
    Code::new(
        1014,
        "CECX_DROP_HANDLED_OTHER",
        "Disconnect/drop handled other",
    ),
    Code::new(1015, "CECX_REDIRECTED", "Redirected"),
    Code::new(1016, "CECX_CUT_THROUGH", "Cut Through"),
    Code::new(1017, "CECX_INTRAFLOW", "Intraflow"),
    Code::new(1018, "CECX_INTERFLOW", "Interflow"),
    Code::new(1019, "CECX_RING_NO_ANSWER", "Ring No Answer"),
    Code::new(1020, "CECX_INTERCEPT_REORDER", "Intercept reorder"),
    Code::new(1021, "CECX_INTERCEPT_DENIAL", "Intercept denial"),
    Code::new(1022, "CECX_TIME_OUT", "Time Out"),
    Code::new(1023, "CECX_VOICE_ENERGY", "Voice Energy"),
    Code::new(
        1024,
        "CECX_NONCLASSIFIED_ENERGY_DETECT",
        "Non-classified Energy Detected",
    ),
    Code::new(1025, "CECX_NO_CUT_THROUGH", "No Cut Through"),
    Code::new(1026, "CECX_UABORT", "U-Abort"),
    Code::new(1027, "CECX_FAILED_SOFTWARE", "Failed Software"),
    Code::new(1028, "CECX_BLIND_TRANSFER", "Blind Transfer"),
    Code::new(1029, "CECX_ANNOUNCED_TRANSFER", "Announced Transfer"),
    Code::new(1030, "CECX_CONFERENCED", "Conferenced"),
    Code::new(1031, "CECX_DUPLICATE_TRANSFER", "Duplicate Transfer"),
    Code::new(1032, "CECX_UNMONITORED_DEVICE", "Unmonitored Device"),
    Code::new(1033, "CECX_ANSWERING_MACHINE", "Answering Machine"),
    Code::new(
        1034,
        "CECX_NETWORK_BLIND_TRANSFER",
        "Network Blind Transfer",
    ),
    Code::new(
        1035,
        "CECX_TASK_ABANDONED_IN_ROUTER",
        "Task Abandoned in Router",
    ),
    Code::new(
        1036,
        "CECX_TASK_ABANDONED_BEFORE_OFFERED",
        "Task Abandoned Before Offered",
    ),
    Code::new(
        1037,
        "CECX_TASK_ABANDONED_WHILE_OFFERED",
        "Task Abandoned While Offered",
    ),
    Code::new(1038, "CECX_NORMAL_END_TASK", "Normal End Task"),
    Code::new(1039, "CECX_CANT_OBTAIN_TASK_ID", "Can't Obtain Task ID"),
    Code::new(
        1040,
        "CECX_AGENT_LOGGED_OUT_DURING_TASK",
        "Agent Logged Out During Task",
    ),
    Code::new(
        1041,
        "CECX_MAX_TASK_LIFETIME_EXCEEDED",
        "Maximum Task Lifetime Exceeded",
    ),
    Code::new(
        1042,
        "CECX_APPLICATION_PATH_WENT_DOWN",
        "Application Path Went Down",
    ),
    Code::new(
        1043,
        "CECX_ICM_ROUTING_COMPLETE",
        "Unified CCE Routing Complete",
    ),
    Code::new(
        1044,
        "CECX_ICM_ROUTING_DISABLED",
        "Unified CCE Routing Disabled",
    ),
    Code::new(
        1045,
        "CECX_APPL_INVALID_MRD_ID",
        "Application Invalid MRD ID",
    ),
    Code::new(
        1046,
        "CECX_APPL_INVALID_DIALOGUE_ID",
        "Application Invalid Dialogue ID",
    ),
    Code::new(
        1047,
        "CECX_APPL_DUPLICATE_DIALOGUE_ID",
        "Application Duplicate Dialogue ID",
    ),
    Code::new(
        1048,
        "CECX_APPL_INVALID_INVOKE_ID",
        "Application Invalid Invoke ID",
    ),
    Code::new(
        1049,
        "CECX_APPL_INVALID_SCRIPT_SELECTOR",
        "Application Invalid Script Selector",
    ),
    Code::new(
        1050,
        "CECX_APPL_TERMINATE_DIALOGUE",
        "Application Terminate Dialogue",
    ),
    Code::new(
        1051,
        "CECX_TASK_ENDED_DURING_APP_INIT",
        "Task Ended During Application Init",
    ),
    Code::new(
        1052,
        "CECX_CALLED_PARTY_DISCONNECTED",
        "Called Party Disconnected",
    ),
    Code::new(1053, "CECX_PARTIAL_CALL", "Partial Call"),
    Code::new(1054, "CECX_DROP_NETWORK_CONSULT", "Drop Network Consult"),
    Code::new(
        1055,
        "CECX_NETWORK_CONSULT_TRANSFER",
        "Network Consult Transfer",
    ),
    Code::new(1056, "CECX_NETWORK_CONFERENCE", "Network conference"),
    Code::new(
        1057,
        "CECX_ABAND_NETWORK_CONSULT",
        "Abandon Network Consult",
    ),
    Code::new(0xFFFF, "CEC_NONE", "None"),
];

/// LocalConnectionState values: reference `cti-protocol.md` §4.6.
static LOCAL_CONNECTION_STATE_CODES: &[Code] = &[
    Code::new(0, "LCS_NULL", "No relationship between call and device"),
    Code::new(1, "LCS_INITIATE", "Dialing"),
    Code::new(2, "LCS_ALERTING", "Ringing"),
    Code::new(3, "LCS_CONNECT", "Active on call"),
    Code::new(4, "LCS_HOLD", "Held"),
    Code::new(5, "LCS_QUEUED", "Queued"),
    Code::new(6, "LCS_FAIL", "Connect attempt aborted"),
    Code::new(0xFFFF, "LCS_NONE", "Not applicable"),
];

/// DeviceIDType values: reference `cti-protocol.md` §4.8.
static DEVICE_ID_TYPE_CODES: &[Code] = &[
    Code::new(
        0,
        "DEVID_DEVICE_IDENTIFIER",
        "Device (extension or IP phone)",
    ),
    Code::new(70, "DEVID_TRUNK_IDENTIFIER", "Trunk identifier"),
    Code::new(71, "DEVID_TRUNK_GROUP_IDENTIFIER", "Trunk group identifier"),
    Code::new(
        72,
        "DEVID_IP_PHONE_MAC_IDENTIFIER",
        "IP phone MAC identifier (UCCX only)",
    ),
    Code::new(73, "DEVID_CTI_PORT", "CTI port"),
    Code::new(74, "DEVID_ROUTE_POINT", "Route point"),
    Code::new(75, "DEVID_EXTERNAL", "External (ANI or other external ID)"),
    Code::new(76, "DEVID_AGENT_DEVICE", "Agent device"),
    Code::new(77, "DEVID_QUEUE", "Queue"),
    Code::new(
        78,
        "DEVID_NON_ACD_DEVICE_IDENTIFIER",
        "Non acd device identifier (\"Primary.Actual\" non-ACD line)",
    ),
    Code::new(
        79,
        "DEVID_SHARED_DEVICE_IDENTIFIER",
        "Shared device identifier",
    ),
    Code::new(0xFFFF, "DEVID_NONE", "None"),
];

/// ConnectionDeviceIDType values: reference `cti-protocol.md` §4.10.
static CONNECTION_DEVICE_ID_TYPE_CODES: &[Code] = &[
    Code::new(0, "CONNECTION_ID_STATIC", "Static (stable between calls)"),
    Code::new(1, "CONNECTION_ID_DYNAMIC", "Dynamic"),
    Code::new(0xFFFF, "CONNECTION_ID_NONE", "None"),
];

/// AgentState values: reference `cti-protocol.md` §4.4.
static AGENT_STATE_CODES: &[Code] = &[
    Code::new(0, "AGENT_STATE_LOGIN", "Login"),
    Code::new(1, "AGENT_STATE_LOGOUT", "Logout"),
    Code::new(2, "AGENT_STATE_NOT_READY", "Not ready"),
    Code::new(3, "AGENT_STATE_AVAILABLE", "Available"),
    Code::new(4, "AGENT_STATE_TALKING", "Talking"),
    Code::new(5, "AGENT_STATE_WORK_NOT_READY", "Work not ready"),
    Code::new(6, "AGENT_STATE_WORK_READY", "Work ready"),
    Code::new(7, "AGENT_STATE_BUSY_OTHER", "Busy other"),
    Code::new(8, "AGENT_STATE_RESERVED", "Reserved"),
    Code::new(9, "AGENT_STATE_UNKNOWN", "Unknown"),
    Code::new(10, "AGENT_STATE_HOLD", "Hold"),
    Code::new(11, "AGENT_STATE_ACTIVE", "Active"),
    Code::new(12, "AGENT_STATE_PAUSED", "Paused"),
    Code::new(13, "AGENT_STATE_INTERRUPTED", "Interrupted"),
    Code::new(14, "AGENT_STATE_NOT_ACTIVE", "Not active"),
    // §4.4: "65535 (none — seen as NextAgentState: 65535 in UCCX dumps)"; no symbol is given.
    Code::new(0xFFFF, "", "None"),
];

/// CallType values: reference `cti-protocol.md` §4.9.
static CALL_TYPE_CODES: &[Code] = &[
    Code::new(1, "CALLTYPE_ACD_IN", "ACD in"),
    Code::new(2, "CALLTYPE_PREROUTE_ACD_IN", "Preroute ACD in"),
    Code::new(3, "CALLTYPE_PREROUTE_DIRECT_AGENT", "Preroute direct agent"),
    Code::new(4, "CALLTYPE_TRANSFER_IN", "Transfer in"),
    Code::new(5, "CALLTYPE_OVERFLOW_IN", "Overflow in"),
    Code::new(6, "CALLTYPE_OTHER_IN", "Other in"),
    Code::new(7, "CALLTYPE_AUTO_OUT", "Auto out"),
    Code::new(8, "CALLTYPE_AGENT_OUT", "Agent out"),
    Code::new(9, "CALLTYPE_OUT", "Out"),
    Code::new(10, "CALLTYPE_AGENT_INSIDE", "Agent inside"),
    Code::new(11, "CALLTYPE_OFFERED", "Offered (blind transfer)"),
    Code::new(12, "CALLTYPE_CONSULT", "Consult"),
    Code::new(
        13,
        "CALLTYPE_CONSULT_OFFERRED",
        "Consult offered (announced transfer)",
    ),
    Code::new(14, "CALLTYPE_CONSULT_CONFERENCE", "Consult conference"),
    Code::new(15, "CALLTYPE_CONFERENCE", "Conference"),
    Code::new(16, "CALLTYPE_UNMONITORED", "Unmonitored"),
    Code::new(17, "CALLTYPE_PREVIEW", "Preview"),
    Code::new(18, "CALLTYPE_RESERVATION", "Reservation"),
    Code::new(19, "CALLTYPE_ASSIST", "Assist"),
    Code::new(20, "CALLTYPE_EMERGENCY", "Emergency"),
    Code::new(21, "CALLTYPE_SUPERVISOR_MONITOR", "Supervisor monitor"),
    Code::new(22, "CALLTYPE_SUPERVISOR_WHISPER", "Supervisor whisper"),
    Code::new(23, "CALLTYPE_SUPERVISOR_BARGEIN", "Supervisor bargein"),
    Code::new(24, "CALLTYPE_SUPERVISOR_INTERCEPT", "Supervisor intercept"),
    Code::new(25, "CALLTYPE_TASK_ROUTED_BY_ICM", "Task routed by ICM"),
    Code::new(
        26,
        "CALLTYPE_TASK_ROUTED_BY_APPLICATION",
        "Task routed by application",
    ),
    Code::new(27, "CALLTYPE_RESERVATION_PREVIEW", "Reservation preview"),
    Code::new(
        28,
        "CALLTYPE_RESERVATION_PREVIEW_DIRECT",
        "Reservation preview direct",
    ),
    Code::new(
        29,
        "CALLTYPE_RESERVATION_PREDICTIVE",
        "Reservation predictive",
    ),
    Code::new(30, "CALLTYPE_RESERVATION_CALLBACK", "Reservation callback"),
    Code::new(
        31,
        "CALLTYPE_RESERVATION_PERSONAL_CALLBACK",
        "Reservation personal callback",
    ),
    Code::new(32, "CALLTYPE_CUSTOMER_PREVIEW", "Customer preview"),
    Code::new(
        33,
        "CALLTYPE_CUSTOMER_PREVIEW_DIRECT",
        "Customer preview direct",
    ),
    Code::new(34, "CALLTYPE_CUSTOMER_PREDICTIVE", "Customer predictive"),
    Code::new(35, "CALLTYPE_CUSTOMER_CALLBACK", "Customer callback"),
    Code::new(36, "CALLTYPE_CUSTOMER_PERSONAL", "Customer personal"),
    Code::new(37, "CALLTYPE_CUSTOMER_IVR", "Customer ivr"),
    Code::new(38, "CALLTYPE_NON_ACD", "Non ACD"),
    Code::new(39, "CALLTYPE_PLAY_AGENT_GREETING", "Play agent greeting"),
    Code::new(
        40,
        "CALLTYPE_RECORD_AGENT_GREETING",
        "Record agent greeting",
    ),
    Code::new(41, "CALLTYPE_VOICE_CALL_BACK", "Voice call back"),
    Code::new(0xFFFF, "NULL_CALLTYPE", "No call type"),
];

/// PeripheralType values: reference `cti-protocol.md` §4.5.
static PERIPHERAL_TYPE_CODES: &[Code] = &[
    Code::new(1, "PT_ASPECT", "Aspect (removed in protocol v25)"),
    Code::new(2, "PT_MERIDIAN", "Meridian"),
    Code::new(3, "PT_G2", "G2"),
    Code::new(4, "PT_DEFINITY_ECS_NON_EAS", "Definity ecs non eas"),
    Code::new(5, "PT_DEFINITY_ECS_EAS", "Definity ecs eas"),
    Code::new(6, "PT_GALAXY", "Galaxy (obsolete)"),
    Code::new(7, "PT_SPECTRUM", "Spectrum (obsolete)"),
    Code::new(8, "PT_VRU", "VRU"),
    Code::new(9, "PT_VRU_POLLED", "VRU polled"),
    Code::new(10, "PT_DMS100", "DMS-100 (obsolete)"),
    Code::new(11, "PT_SIEMENS_9006", "Siemens 9006"),
    Code::new(12, "PT_SIEMENS_9005", "Siemens 9005"),
    Code::new(13, "PT_ALCATEL", "Alcatel"),
    Code::new(14, "PT_NEC_NEAX_2x00", "NEC NEAX 2x00 (obsolete)"),
    Code::new(15, "PT_ACP_1000", "ACP 1000"),
    Code::new(16, "PT_SYMPOSIUM", "Symposium (removed in protocol v25)"),
    Code::new(
        17,
        "PT_ENTERPRISE_AGENT",
        "Enterprise agent (V25 description: \"Unified CCE Manager\"; SCALA sample uses 17)",
    ),
    Code::new(18, "PT_MD110", "MD110"),
    Code::new(19, "PT_MEDIA_ROUTING", "Media routing"),
    Code::new(20, "PT_GENERIC", "Generic"),
    Code::new(
        21,
        "PT_ACMI_CRS",
        "ACMI CRS (gateway PG over UCCX; UCCX always sends 21)",
    ),
    Code::new(22, "PT_ACMI_IPCC", "ACMI IPCC"),
    Code::new(
        23,
        "PT_SIMPLIFIED_IPCC",
        "Simplified IPCC (removed in protocol v25)",
    ),
    Code::new(24, "PT_ARS", "ARS"),
    Code::new(25, "PT_ACMI_ERS", "ACMI ers"),
    Code::new(
        26,
        "PT_ACMI_EXPERT_ADVISOR",
        "ACMI Expert Advisor (obsolete)",
    ),
    Code::new(0xFFFF, "PT_NONE", "None"),
];

/// CalledPartyDisposition values: reference `cti-protocol.md` §4.12 (UCCE values; 56 is not printed in the source and is left out).
static CALLED_PARTY_DISPOSITION_CODES: &[Code] = &[
    Code::new(1, "", "Abandoned in Network"),
    Code::new(2, "", "Abandoned in Local Queue"),
    Code::new(3, "", "Abandoned Ring"),
    Code::new(4, "", "Abandoned Delay"),
    Code::new(5, "", "Abandoned Interflow"),
    Code::new(6, "", "Abandoned Agent Terminal"),
    Code::new(7, "", "Short"),
    Code::new(8, "", "Busy"),
    Code::new(9, "", "Forced Busy"),
    Code::new(10, "", "Disconnect/drop no answer"),
    Code::new(11, "", "Disconnect/drop busy"),
    Code::new(12, "", "Disconnect/drop reorder"),
    Code::new(13, "", "Disconnect/drop handled primary route"),
    Code::new(14, "", "Disconnect/drop handled other"),
    Code::new(15, "", "Redirected"),
    Code::new(16, "", "Cut Through"),
    Code::new(17, "", "Intraflow"),
    Code::new(18, "", "Interflow"),
    Code::new(19, "", "Ring No Answer"),
    Code::new(20, "", "Intercept reorder"),
    Code::new(21, "", "Intercept denial"),
    Code::new(22, "", "Time Out"),
    Code::new(23, "", "Voice Energy"),
    Code::new(24, "", "Non-classified Energy Detected"),
    Code::new(25, "", "No Cut Through"),
    Code::new(26, "", "U-Abort"),
    Code::new(27, "", "Failed Software"),
    Code::new(28, "", "Blind Transfer"),
    Code::new(29, "", "Announced Transfer"),
    Code::new(30, "", "Conferenced"),
    Code::new(31, "", "Duplicate Transfer"),
    Code::new(32, "", "Unmonitored Device"),
    Code::new(33, "", "Answering Machine"),
    Code::new(34, "", "Network Blind Transfer"),
    Code::new(35, "", "Task Abandoned in Router"),
    Code::new(36, "", "Task Abandoned Before Offered"),
    Code::new(37, "", "Task Abandoned While Offered"),
    Code::new(38, "", "Normal End Task"),
    Code::new(39, "", "Can't Obtain Task ID"),
    Code::new(40, "", "Agent Logged Out During Task"),
    Code::new(41, "", "Maximum Task Lifetime Exceeded"),
    Code::new(42, "", "Application Path Went Down"),
    Code::new(43, "", "Unified CCE Routing Complete"),
    Code::new(44, "", "Unified CCE Routing Disabled"),
    Code::new(45, "", "Application Invalid MRD ID"),
    Code::new(46, "", "Application Invalid Dialogue ID"),
    Code::new(47, "", "Application Duplicate Dialogue ID"),
    Code::new(48, "", "Application Invalid Invoke ID"),
    Code::new(49, "", "Application Invalid Script Selector"),
    Code::new(50, "", "Application Terminate Dialogue"),
    Code::new(51, "", "Task Ended During Application Init"),
    Code::new(52, "", "Called Party Disconnected"),
    Code::new(53, "", "Partial Call"),
    Code::new(54, "", "Drop Network Consult"),
    Code::new(55, "", "Network Consult Transfer"),
    Code::new(57, "", "Abandon Network Consult"),
    Code::new(58, "", "Router Requery Before Answer"),
    Code::new(59, "", "Router Requery After Answer"),
    Code::new(60, "", "Network Error"),
    Code::new(61, "", "Network Error Before Answer"),
    Code::new(62, "", "Network Error After Answer"),
    Code::new(63, "", "Task Transfer"),
    Code::new(64, "", "Application Disconnected"),
    Code::new(65, "", "Task Transferred on Agent Logout"),
];

/// SystemEventID values: reference `cti-protocol.md` §4.2.
static SYSTEM_EVENT_ID_CODES: &[Code] = &[
    Code::new(
        1,
        "SYS_CENTRAL_CONTROLLER_ONLINE",
        "Central controller online",
    ),
    Code::new(
        2,
        "SYS_CENTRAL_CONTROLLER_OFFLINE",
        "Central controller offline",
    ),
    Code::new(
        3,
        "SYS_PERIPHERAL_ONLINE",
        "Peripheral online (Arg1 = PeripheralID)",
    ),
    Code::new(
        4,
        "SYS_PERIPHERAL_OFFLINE",
        "Peripheral offline (Arg1 = PeripheralID)",
    ),
    Code::new(
        5,
        "SYS_TEXT_FYI",
        "Text for information (in the Text field)",
    ),
    Code::new(
        6,
        "SYS_PERIPHERAL_GATEWAY_OFFLINE",
        "Peripheral gateway offline",
    ),
    Code::new(7, "SYS_CTI_SERVER_OFFLINE", "CTI server offline"),
    Code::new(8, "SYS_CTI_SERVER_ONLINE", "CTI server online"),
    Code::new(9, "SYS_HALF_HOUR_CHANGE", "Half hour change"),
    Code::new(
        10,
        "SYS_INSTRUMENT_OUT_OF_SERVICE",
        "Instrument out of service (Arg1 = PeripheralID, Text = instrument)",
    ),
    Code::new(
        11,
        "SYS_INSTRUMENT_BACK_IN_SERVICE",
        "Instrument back in service (Arg1 = PeripheralID, Text = instrument)",
    ),
];

/// Status values: reference `cti-protocol.md` §4.1.
static STATUS_CODES: &[Code] = &[
    Code::new(0, "E_CTI_NO_ERROR", "No error"),
    Code::new(1, "E_CTI_INVALID_VERSION", "Invalid version"),
    Code::new(2, "E_CTI_INVALID_MESSAGE_TYPE", "Invalid message type"),
    Code::new(3, "E_CTI_INVALID_FIELD_TAG", "Invalid field tag"),
    Code::new(4, "E_CTI_SESSION_NOT_OPEN", "Session not open"),
    Code::new(5, "E_CTI_SESSION_ALREADY_OPEN", "Session already open"),
    Code::new(6, "E_CTI_REQUIRED_DATA_MISSING", "Required data missing"),
    Code::new(7, "E_CTI_INVALID_PERIPHERAL_ID", "Invalid peripheral ID"),
    Code::new(8, "E_CTI_INVALID_AGENT_DATA", "Invalid agent data"),
    Code::new(9, "E_CTI_AGENT_NOT_LOGGED_ON", "Agent not logged on"),
    Code::new(10, "E_CTI_DEVICE_IN_USE", "Device in use"),
    Code::new(11, "E_CTI_NEW_SESSION_OPENED", "New session opened"),
    Code::new(12, "E_CTI_FUNCTION_NOT_AVAILABLE", "Function not available"),
    Code::new(13, "E_CTI_INVALID_CALLID", "Invalid callid"),
    Code::new(14, "E_CTI_PROTECTED_VARIABLE", "Protected variable"),
    Code::new(15, "E_CTI_CTI_SERVER_OFFLINE", "CTI server offline"),
    Code::new(16, "E_CTI_TIMEOUT", "Timeout"),
    Code::new(17, "E_CTI_UNSPECIFIED_FAILURE", "Unspecified failure"),
    Code::new(18, "E_CTI_INVALID_TIMEOUT", "Invalid timeout"),
    Code::new(19, "E_CTI_INVALID_SERVICE_MASK", "Invalid service mask"),
    Code::new(20, "E_CTI_INVALID_CALL_MSG_MASK", "Invalid call msg mask"),
    Code::new(
        21,
        "E_CTI_INVALID_AGENT_STATE_MASK",
        "Invalid agent state mask",
    ),
    Code::new(22, "E_CTI_INVALID_RESERVED_FIELD", "Invalid reserved field"),
    Code::new(23, "E_CTI_INVALID_FIELD_LENGTH", "Invalid field length"),
    Code::new(24, "E_CTI_INVALID_DIGITS", "Invalid digits"),
    Code::new(25, "E_CTI_BAD_MESSAGE_FORMAT", "Bad message format"),
    Code::new(
        26,
        "E_CTI_INVALID_TAG_FOR_MSG_TYPE",
        "Invalid tag for msg type",
    ),
    Code::new(27, "E_CTI_INVALID_DEVICE_ID_TYPE", "Invalid device ID type"),
    Code::new(28, "E_CTI_INVALID_LCL_CONN_STATE", "Invalid lcl conn state"),
    Code::new(29, "E_CTI_INVALID_EVENT_CAUSE", "Invalid event cause"),
    Code::new(
        30,
        "E_CTI_INVALID_NUM_PARTIES",
        "Invalid num parties (max 16)",
    ),
    Code::new(31, "E_CTI_INVALID_SYS_EVENT_ID", "Invalid sys event ID"),
    Code::new(
        32,
        "E_CTI_INCONSISTENT_AGENT_DATA",
        "Inconsistent agent data",
    ),
    Code::new(
        33,
        "E_CTI_INVALID_CONNECTION_ID_TYPE",
        "Invalid connection ID type",
    ),
    Code::new(34, "E_CTI_INVALID_CALL_TYPE", "Invalid call type"),
    Code::new(35, "E_CTI_NOT_CALL_PARTY", "Not call party"),
    Code::new(36, "E_CTI_INVALID_PASSWORD", "Invalid password"),
    Code::new(37, "E_CTI_CLIENT_DISCONNECTED", "Client disconnected"),
    Code::new(38, "E_CTI_INVALID_OBJECT_STATE", "Invalid object state"),
    Code::new(
        39,
        "E_CTI_INVALID_NUM_SKILL_GROUPS",
        "Invalid num skill groups",
    ),
    Code::new(40, "E_CTI_INVALID_NUM_LINES", "Invalid num lines"),
    Code::new(41, "E_CTI_INVALID_LINE_TYPE", "Invalid line type"),
    Code::new(
        42,
        "E_CTI_INVALID_ALLOCATION_STATE",
        "Invalid allocation state",
    ),
    Code::new(
        43,
        "E_CTI_INVALID_ANSWERING_MACHINE",
        "Invalid answering machine",
    ),
    Code::new(
        44,
        "E_CTI_INVALID_CALL_MANNER_TYPE",
        "Invalid call manner type",
    ),
    Code::new(
        45,
        "E_CTI_INVALID_CALL_PLACEMENT_TYPE",
        "Invalid call placement type",
    ),
    Code::new(46, "E_CTI_INVALID_CONSULT_TYPE", "Invalid consult type"),
    Code::new(47, "E_CTI_INVALID_FACILITY_TYPE", "Invalid facility type"),
    Code::new(
        48,
        "E_CTI_INVALID_MSG_TYPE_FOR_VERSION",
        "Invalid msg type for version",
    ),
    Code::new(
        49,
        "E_CTI_INVALID_TAG_FOR_VERSION",
        "Invalid tag for version",
    ),
    Code::new(
        50,
        "E_CTI_INVALID_AGENT_WORK_MODE",
        "Invalid agent work mode",
    ),
    Code::new(51, "E_CTI_INVALID_CALL_OPTION", "Invalid call option"),
    Code::new(
        52,
        "E_CTI_INVALID_DESTINATION_COUNTRY",
        "Invalid destination country",
    ),
    Code::new(
        53,
        "E_CTI_INVALID_ANSWER_DETECT_MODE",
        "Invalid answer detect mode",
    ),
    Code::new(
        54,
        "E_CTI_MUTUALLY_EXCLUS_DEVICEID_TYPES",
        "Mutually exclus deviceid types",
    ),
    Code::new(55, "E_CTI_INVALID_MONITORID", "Invalid monitor ID"),
    Code::new(
        56,
        "E_CTI_SESSION_MONITOR_ALREADY_EXISTS",
        "Session monitor already exists",
    ),
    Code::new(
        57,
        "E_CTI_SESSION_MONITOR_IS_CLIENTS",
        "Session monitor is clients",
    ),
    Code::new(
        58,
        "E_CTI_INVALID_CALL_CONTROL_MASK",
        "Invalid call control mask",
    ),
    Code::new(59, "E_CTI_INVALID_FEATURE_MASK", "Invalid feature mask"),
    Code::new(
        60,
        "E_CTI_INVALID_TRANSFER_CONFERENCE_SETUP_MASK",
        "Invalid transfer conference setup mask",
    ),
    Code::new(61, "E_CTI_INVALID_ARRAY_INDEX", "Invalid array index"),
    Code::new(62, "E_CTI_INVALID_CHARACTER", "Invalid character"),
    Code::new(63, "E_CTI_CLIENT_NOT_FOUND", "Client not found"),
    Code::new(64, "E_CTI_SUPERVISOR_NOT_FOUND", "Supervisor not found"),
    Code::new(65, "E_CTI_TEAM_NOT_FOUND", "Team not found"),
    Code::new(66, "E_CTI_NO_CALL_ACTIVE", "No call active"),
    Code::new(
        67,
        "E_CTI_NAMED_VARIABLE_NOT_CONFIGURED",
        "Named variable not configured",
    ),
    Code::new(
        68,
        "E_CTI_NAMED_ARRAY_NOT_CONFIGURED",
        "Named array not configured",
    ),
    Code::new(
        69,
        "E_CTI_INVALID_CALL_VARIABLE_MASK",
        "Invalid call variable mask",
    ),
    Code::new(70, "E_CTI_ELEMENT_NOT_FOUND", "Element not found"),
    Code::new(
        71,
        "E_CTI_INVALID_DISTRIBUTION_TYPE",
        "Invalid distribution type",
    ),
    Code::new(72, "E_CTI_INVALID_SKILL_GROUP", "Invalid skill group"),
    Code::new(
        73,
        "E_CTI_TOO_MUCH_DATA",
        "Too much data (ECC > 2000 bytes)",
    ),
    Code::new(74, "E_CTI_VALUE_TOO_LONG", "Value too long"),
    Code::new(
        75,
        "E_CTI_SCALAR_FUNCTION_ON_ARRAY",
        "Scalar function on array",
    ),
    Code::new(
        76,
        "E_CTI_ARRAY_FUNCTION_ON_SCALAR",
        "Array function on scalar",
    ),
    Code::new(
        77,
        "E_CTI_INVALID_NUM_NAMED_VARIABLES",
        "Invalid num named variables",
    ),
    Code::new(
        78,
        "E_CTI_INVALID_NUM_NAMED_ARRAYS",
        "Invalid num named arrays",
    ),
    Code::new(79, "E_CTI_INVALID_RTP_DIRECTION", "Invalid RTP direction"),
    Code::new(80, "E_CTI_INVALID_RTP_TYPE", "Invalid RTP type"),
    Code::new(
        81,
        "E_CTI_CALLED_PARTY_DISPOSITION",
        "Called party disposition",
    ),
    Code::new(
        82,
        "E_CTI_INVALID_SUPERVISORY_ACTION",
        "Invalid supervisory action",
    ),
    Code::new(
        83,
        "E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS",
        "Agent team monitor already exists",
    ),
    Code::new(84, "E_CTI_INVALID_SERVICE", "Invalid service"),
    Code::new(85, "E_CTI_SERVICE_CONFLICT", "Service conflict"),
    Code::new(86, "E_CTI_SKILL_GROUP_CONFLICT", "Skill group conflict"),
    Code::new(87, "E_CTI_INVALID_DEVICE", "Invalid device"),
    Code::new(88, "E_CTI_INVALID_MR_DOMAIN", "Invalid MR domain"),
    Code::new(89, "E_CTI_MONITOR_ALREADY_EXISTS", "Monitor already exists"),
    Code::new(90, "E_CTI_MONITOR_TERMINATED", "Monitor terminated"),
    Code::new(91, "E_CTI_INVALID_TASK_MSG_MASK", "Invalid task msg mask"),
    Code::new(
        92,
        "E_CTI_SERVER_NOT_MASTER",
        "Server not master (standby server)",
    ),
    Code::new(93, "E_CTI_INVALID_CSD", "Invalid CSD (UCCX only)"),
    Code::new(94, "E_CTI_JTAPI_CCM_PROBLEM", "Jtapi CCM problem"),
    Code::new(95, "E_INVALID_CONFIG_MSG_MASK", "E invalid config msg mask"),
    Code::new(
        96,
        "E_CTI_AUTO_CONFIG_RESET",
        "Auto config reset (UCCX only)",
    ),
    Code::new(97, "E_CTI_INVALID_MONITOR_STATUS", "Invalid monitor status"),
    Code::new(98, "E_CTI_INVALID_REQUEST_TYPE", "Invalid request type"),
    Code::new(
        107,
        "E_CTI_INVALID_CLIENT_FOR_STANDBY",
        "Invalid client for standby (v24+)",
    ),
    Code::new(
        108,
        "E_CTI_INVALID_UNIQUE_INSTANCE_ID",
        "Invalid unique instance ID",
    ),
    Code::new(
        109,
        "E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID",
        "Duplicate unique instance ID",
    ),
    Code::new(
        110,
        "E_CTI_SERVER_IN_MAINTENANCE_MODE",
        "Server in maintenance mode",
    ),
];

/// LineType values: reference `cti-protocol.md` §4.11.
static LINE_TYPE_CODES: &[Code] = &[
    Code::new(0, "LINETYPE_INBOUND_ACD", "Inbound ACD"),
    Code::new(1, "LINETYPE_OUTBOUND_ACD", "Outbound ACD"),
    Code::new(2, "LINETYPE_INSIDE", "Inside"),
    Code::new(3, "LINETYPE_UNKNOWN", "Unknown"),
    Code::new(4, "LINETYPE_SUPERVISOR", "Supervisor"),
    Code::new(5, "LINETYPE_MESSAGE", "Message"),
    Code::new(6, "LINETYPE_HELP", "Help"),
    Code::new(7, "LINETYPE_OUTBOUND", "Outbound"),
    Code::new(8, "LINETYPE_DID", "Did"),
    Code::new(9, "LINETYPE_SILENT_MONITOR", "Silent monitor"),
    Code::new(10, "LINETYPE_NON_ACD_IN", "Non ACD in"),
    Code::new(11, "LINETYPE_NON_ACD_OUT", "Non ACD out"),
];
