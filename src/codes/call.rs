//! Call-related enumerations of the CTI Server protocol (GED-188): numbers, symbols, meanings.
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
    doubt: None,
    meanings_from: Some((1000, &CALLED_PARTY_DISPOSITION)),
};

/// EventCause values: reference `cti-protocol.md` §4.7 (V25-CONST). The extended causes (CECX,
/// 1000 + a CallDisposition code) carry no meaning of their own: [`CodeTable::explain`] gives the
/// §4.12 disposition's, from [`CALLED_PARTY_DISPOSITION`].
static EVENT_CAUSE_CODES: &[Code] = &[
    Code::new(1, "CEC_ACTIVE_MONITOR", ""),
    Code::new(2, "CEC_ALTERNATE", ""),
    Code::new(3, "CEC_BUSY", ""),
    Code::new(4, "CEC_CALL_BACK", ""),
    Code::new(5, "CEC_CALL_CANCELLED", ""),
    Code::new(6, "CEC_CALL_FORWARD_ALWAYS", ""),
    Code::new(7, "CEC_CALL_FORWARD_BUSY", ""),
    Code::new(8, "CEC_CALL_FORWARD_NO_ANSWER", ""),
    Code::new(9, "CEC_CALL_FORWARD", ""),
    Code::new(10, "CEC_CALL_NOT_ANSWERED", ""),
    Code::new(11, "CEC_CALL_PICKUP", ""),
    Code::new(12, "CEC_CAMP_ON", ""),
    Code::new(13, "CEC_DEST_NOT_OBTAINABLE", "Destination not obtainable"),
    Code::new(14, "CEC_DO_NOT_DISTURB", ""),
    Code::new(15, "CEC_INCOMPATIBLE_DESTINATION", ""),
    Code::new(16, "CEC_INVALID_ACCOUNT_CODE", ""),
    Code::new(17, "CEC_KEY_CONFERENCE", ""),
    Code::new(18, "CEC_LOCKOUT", ""),
    Code::new(19, "CEC_MAINTENANCE", ""),
    Code::new(20, "CEC_NETWORK_CONGESTION", ""),
    Code::new(21, "CEC_NETWORK_NOT_OBTAINABLE", ""),
    Code::new(22, "CEC_NEW_CALL", ""),
    Code::new(23, "CEC_NO_AVAILABLE_AGENTS", ""),
    Code::new(24, "CEC_OVERRIDE", ""),
    Code::new(25, "CEC_PARK", ""),
    Code::new(26, "CEC_OVERFLOW", ""),
    Code::new(27, "CEC_RECALL", ""),
    Code::new(28, "CEC_REDIRECTED", ""),
    Code::new(29, "CEC_REORDER_TONE", ""),
    Code::new(30, "CEC_RESOURCES_NOT_AVAILABLE", ""),
    Code::new(31, "CEC_SILENT_MONITOR", ""),
    Code::new(32, "CEC_TRANSFER", ""),
    Code::new(33, "CEC_TRUNKS_BUSY", ""),
    Code::new(34, "CEC_VOICE_UNIT_INITIATOR", ""),
    Code::new(35, "CEC_TIME_OUT", ""),
    Code::new(36, "CEC_NEW_CALL_INTERFLOW", ""),
    Code::new(37, "CEC_SIMULATION_INIT_REQUEST", ""),
    Code::new(38, "CEC_SIMULATION_RESET_REQUEST", ""),
    Code::new(39, "CEC_CTI_LINK_DOWN", ""),
    Code::new(40, "CEC_PERIPHERAL_RESET_REQUEST", ""),
    Code::new(41, "CEC_MD110_CONFERENCE_TRANSFER", ""),
    Code::new(42, "CEC_REMAINS_IN_Q", ""),
    Code::new(43, "CEC_SUPERVISOR_ASSIST", ""),
    Code::new(44, "CEC_EMERGENCY_CALL", ""),
    Code::new(45, "CEC_SUPERVISOR_CLEAR", ""),
    Code::new(46, "CEC_SUPERVISOR_MONITOR", ""),
    Code::new(47, "CEC_SUPERVISOR_WHISPER", ""),
    Code::new(48, "CEC_SUPERVISOR_BARGE_IN", ""),
    Code::new(49, "CEC_SUPERVISOR_INTERCEPT", ""),
    Code::new(50, "CEC_CALL_PARTY_UPDATE_IND", ""),
    Code::new(51, "CEC_CONSULT", ""),
    Code::new(52, "CEC_NIC_CALL_CLEAR", ""),
    Code::new(53, "CEC_DNP", "DNP"),
    Code::new(54, "CEC_ROUTER_REQUERY_BEFORE_ANSWER", ""),
    Code::new(55, "CEC_ROUTER_REQUERY_AFTER_ANSWER", ""),
    Code::new(56, "CEC_NETWORK_ERROR", ""),
    Code::new(57, "CEC_NETWORK_ERROR_BEFORE_ANSWER", ""),
    Code::new(58, "CEC_NETWORK_ERROR_AFTER_ANSWER", ""),
    Code::new(59, "CEC_GREETING", ""),
    Code::new(60, "CEC_RECORD_AGENT_GREETING", ""),
    Code::new(61, "CEC_SNAPSHOT", ""),
    Code::new(62, "CEC_MAX_QUEUE_EXCEEDED", ""),
    Code::new(1001, "CECX_ABAND_NETWORK", ""),
    Code::new(1002, "CECX_ABAND_LOCAL_QUEUE", ""),
    Code::new(1003, "CECX_ABAND_RING", ""),
    Code::new(1004, "CECX_ABAND_DELAY", ""),
    Code::new(1005, "CECX_ABAND_INTERFLOW", ""),
    Code::new(1006, "CECX_ABAND_AGENT_TERMINAL", ""),
    Code::new(1007, "CECX_SHORT", ""),
    Code::new(1008, "CECX_BUSY", ""),
    Code::new(1009, "CECX_FORCED_BUSY", ""),
    Code::new(1010, "CECX_DROP_NO_ANSWER", ""),
    Code::new(1011, "CECX_DROP_BUSY", ""),
    Code::new(1012, "CECX_DROP_REORDER", ""),
    Code::new(1013, "CECX_DROP_HANDLED_PRIMARY_ROUTE", ""),
    Code::new(1014, "CECX_DROP_HANDLED_OTHER", ""),
    Code::new(1015, "CECX_REDIRECTED", ""),
    Code::new(1016, "CECX_CUT_THROUGH", ""),
    Code::new(1017, "CECX_INTRAFLOW", ""),
    Code::new(1018, "CECX_INTERFLOW", ""),
    Code::new(1019, "CECX_RING_NO_ANSWER", ""),
    Code::new(1020, "CECX_INTERCEPT_REORDER", ""),
    Code::new(1021, "CECX_INTERCEPT_DENIAL", ""),
    Code::new(1022, "CECX_TIME_OUT", ""),
    Code::new(1023, "CECX_VOICE_ENERGY", ""),
    Code::new(1024, "CECX_NONCLASSIFIED_ENERGY_DETECT", ""),
    Code::new(1025, "CECX_NO_CUT_THROUGH", ""),
    Code::new(1026, "CECX_UABORT", ""),
    Code::new(1027, "CECX_FAILED_SOFTWARE", ""),
    Code::new(1028, "CECX_BLIND_TRANSFER", ""),
    Code::new(1029, "CECX_ANNOUNCED_TRANSFER", ""),
    Code::new(1030, "CECX_CONFERENCED", ""),
    Code::new(1031, "CECX_DUPLICATE_TRANSFER", ""),
    Code::new(1032, "CECX_UNMONITORED_DEVICE", ""),
    Code::new(1033, "CECX_ANSWERING_MACHINE", ""),
    Code::new(1034, "CECX_NETWORK_BLIND_TRANSFER", ""),
    Code::new(1035, "CECX_TASK_ABANDONED_IN_ROUTER", ""),
    Code::new(1036, "CECX_TASK_ABANDONED_BEFORE_OFFERED", ""),
    Code::new(1037, "CECX_TASK_ABANDONED_WHILE_OFFERED", ""),
    Code::new(1038, "CECX_NORMAL_END_TASK", ""),
    Code::new(1039, "CECX_CANT_OBTAIN_TASK_ID", ""),
    Code::new(1040, "CECX_AGENT_LOGGED_OUT_DURING_TASK", ""),
    Code::new(1041, "CECX_MAX_TASK_LIFETIME_EXCEEDED", ""),
    Code::new(1042, "CECX_APPLICATION_PATH_WENT_DOWN", ""),
    Code::new(1043, "CECX_ICM_ROUTING_COMPLETE", ""),
    Code::new(1044, "CECX_ICM_ROUTING_DISABLED", ""),
    Code::new(1045, "CECX_APPL_INVALID_MRD_ID", ""),
    Code::new(1046, "CECX_APPL_INVALID_DIALOGUE_ID", ""),
    Code::new(1047, "CECX_APPL_DUPLICATE_DIALOGUE_ID", ""),
    Code::new(1048, "CECX_APPL_INVALID_INVOKE_ID", ""),
    Code::new(1049, "CECX_APPL_INVALID_SCRIPT_SELECTOR", ""),
    Code::new(1050, "CECX_APPL_TERMINATE_DIALOGUE", ""),
    Code::new(1051, "CECX_TASK_ENDED_DURING_APP_INIT", ""),
    Code::new(1052, "CECX_CALLED_PARTY_DISCONNECTED", ""),
    Code::new(1053, "CECX_PARTIAL_CALL", ""),
    Code::new(1054, "CECX_DROP_NETWORK_CONSULT", ""),
    Code::new(1055, "CECX_NETWORK_CONSULT_TRANSFER", ""),
    // 56 is not in the §4.12 list printed by the source: its meaning is kept here.
    Code::new(1056, "CECX_NETWORK_CONFERENCE", "Network conference"),
    Code::new(1057, "CECX_ABAND_NETWORK_CONSULT", ""),
    Code::new(0xFFFF, "CEC_NONE", ""),
];

/// LocalConnectionState: reference §4.
pub static LOCAL_CONNECTION_STATE: CodeTable = CodeTable {
    name: "LocalConnectionState",
    prefix: "LCS_",
    codes: LOCAL_CONNECTION_STATE_CODES,
    aliases: &[("LCS_ALERTIN", 2)],
    unnumbered: &[],
    doubt: None,
    meanings_from: None,
};

/// LocalConnectionState values: reference `cti-protocol.md` §4.6.
static LOCAL_CONNECTION_STATE_CODES: &[Code] = &[
    Code::new(0, "LCS_NULL", "No relationship between call and device"),
    Code::new(1, "LCS_INITIATE", "Dialing"),
    Code::new(2, "LCS_ALERTING", "Ringing"),
    Code::new(3, "LCS_CONNECT", "Active on call"),
    Code::new(4, "LCS_HOLD", "Held"),
    Code::new(5, "LCS_QUEUED", ""),
    Code::new(6, "LCS_FAIL", "Connect attempt aborted"),
    Code::new(0xFFFF, "LCS_NONE", "Not applicable"),
];

/// DeviceIDType: reference §4.
pub static DEVICE_ID_TYPE: CodeTable = CodeTable {
    name: "DeviceIDType",
    prefix: "DEVID_",
    codes: DEVICE_ID_TYPE_CODES,
    aliases: &[("DEVID_AGENT_DEVICE_IDENTIFIER", 76)],
    unnumbered: &[],
    doubt: None,
    meanings_from: None,
};

/// DeviceIDType values: reference `cti-protocol.md` §4.8.
static DEVICE_ID_TYPE_CODES: &[Code] = &[
    Code::new(
        0,
        "DEVID_DEVICE_IDENTIFIER",
        "Device (extension or IP phone)",
    ),
    Code::new(70, "DEVID_TRUNK_IDENTIFIER", ""),
    Code::new(71, "DEVID_TRUNK_GROUP_IDENTIFIER", ""),
    Code::new(
        72,
        "DEVID_IP_PHONE_MAC_IDENTIFIER",
        "IP phone MAC identifier (UCCX only)",
    ),
    Code::new(73, "DEVID_CTI_PORT", ""),
    Code::new(74, "DEVID_ROUTE_POINT", ""),
    Code::new(75, "DEVID_EXTERNAL", "External (ANI or other external ID)"),
    Code::new(76, "DEVID_AGENT_DEVICE", ""),
    Code::new(77, "DEVID_QUEUE", ""),
    Code::new(
        78,
        "DEVID_NON_ACD_DEVICE_IDENTIFIER",
        "Non acd device identifier (\"Primary.Actual\" non-ACD line)",
    ),
    Code::new(79, "DEVID_SHARED_DEVICE_IDENTIFIER", ""),
    Code::new(0xFFFF, "DEVID_NONE", ""),
];

/// ConnectionDeviceIDType: reference §4.
pub static CONNECTION_DEVICE_ID_TYPE: CodeTable = CodeTable {
    name: "ConnectionDeviceIDType",
    prefix: "CONNECTION_ID_",
    codes: CONNECTION_DEVICE_ID_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
    doubt: None,
    meanings_from: None,
};

/// ConnectionDeviceIDType values: reference `cti-protocol.md` §4.10.
static CONNECTION_DEVICE_ID_TYPE_CODES: &[Code] = &[
    Code::new(0, "CONNECTION_ID_STATIC", "Static (stable between calls)"),
    Code::new(1, "CONNECTION_ID_DYNAMIC", ""),
    Code::new(0xFFFF, "CONNECTION_ID_NONE", ""),
];

/// CallType: reference §4.
pub static CALL_TYPE: CodeTable = CodeTable {
    name: "CallType",
    prefix: "CALLTYPE_",
    codes: CALL_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
    doubt: None,
    meanings_from: None,
};

/// CallType values: reference `cti-protocol.md` §4.9.
static CALL_TYPE_CODES: &[Code] = &[
    Code::new(1, "CALLTYPE_ACD_IN", ""),
    Code::new(2, "CALLTYPE_PREROUTE_ACD_IN", ""),
    Code::new(3, "CALLTYPE_PREROUTE_DIRECT_AGENT", ""),
    Code::new(4, "CALLTYPE_TRANSFER_IN", ""),
    Code::new(5, "CALLTYPE_OVERFLOW_IN", ""),
    Code::new(6, "CALLTYPE_OTHER_IN", ""),
    Code::new(7, "CALLTYPE_AUTO_OUT", ""),
    Code::new(8, "CALLTYPE_AGENT_OUT", ""),
    Code::new(9, "CALLTYPE_OUT", ""),
    Code::new(10, "CALLTYPE_AGENT_INSIDE", ""),
    Code::new(11, "CALLTYPE_OFFERED", "Offered (blind transfer)"),
    Code::new(12, "CALLTYPE_CONSULT", ""),
    Code::new(
        13,
        "CALLTYPE_CONSULT_OFFERRED",
        "Consult offered (announced transfer)",
    ),
    Code::new(14, "CALLTYPE_CONSULT_CONFERENCE", ""),
    Code::new(15, "CALLTYPE_CONFERENCE", ""),
    Code::new(16, "CALLTYPE_UNMONITORED", ""),
    Code::new(17, "CALLTYPE_PREVIEW", ""),
    Code::new(18, "CALLTYPE_RESERVATION", ""),
    Code::new(19, "CALLTYPE_ASSIST", ""),
    Code::new(20, "CALLTYPE_EMERGENCY", ""),
    Code::new(21, "CALLTYPE_SUPERVISOR_MONITOR", ""),
    Code::new(22, "CALLTYPE_SUPERVISOR_WHISPER", ""),
    Code::new(23, "CALLTYPE_SUPERVISOR_BARGEIN", ""),
    Code::new(24, "CALLTYPE_SUPERVISOR_INTERCEPT", ""),
    Code::new(25, "CALLTYPE_TASK_ROUTED_BY_ICM", ""),
    Code::new(26, "CALLTYPE_TASK_ROUTED_BY_APPLICATION", ""),
    Code::new(27, "CALLTYPE_RESERVATION_PREVIEW", ""),
    Code::new(28, "CALLTYPE_RESERVATION_PREVIEW_DIRECT", ""),
    Code::new(29, "CALLTYPE_RESERVATION_PREDICTIVE", ""),
    Code::new(30, "CALLTYPE_RESERVATION_CALLBACK", ""),
    Code::new(31, "CALLTYPE_RESERVATION_PERSONAL_CALLBACK", ""),
    Code::new(32, "CALLTYPE_CUSTOMER_PREVIEW", ""),
    Code::new(33, "CALLTYPE_CUSTOMER_PREVIEW_DIRECT", ""),
    Code::new(34, "CALLTYPE_CUSTOMER_PREDICTIVE", ""),
    Code::new(35, "CALLTYPE_CUSTOMER_CALLBACK", ""),
    Code::new(36, "CALLTYPE_CUSTOMER_PERSONAL", ""),
    Code::new(37, "CALLTYPE_CUSTOMER_IVR", "Customer ivr"),
    Code::new(38, "CALLTYPE_NON_ACD", ""),
    Code::new(39, "CALLTYPE_PLAY_AGENT_GREETING", ""),
    Code::new(40, "CALLTYPE_RECORD_AGENT_GREETING", ""),
    Code::new(41, "CALLTYPE_VOICE_CALL_BACK", ""),
    Code::new(0xFFFF, "NULL_CALLTYPE", "No call type"),
];

/// PeripheralType: reference §4.
pub static PERIPHERAL_TYPE: CodeTable = CodeTable {
    name: "PeripheralType",
    prefix: "PT_",
    codes: PERIPHERAL_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
    doubt: None,
    meanings_from: None,
};

/// PeripheralType values: reference `cti-protocol.md` §4.5.
static PERIPHERAL_TYPE_CODES: &[Code] = &[
    Code::new(1, "PT_ASPECT", "Aspect (removed in protocol v25)"),
    Code::new(2, "PT_MERIDIAN", ""),
    Code::new(3, "PT_G2", ""),
    Code::new(4, "PT_DEFINITY_ECS_NON_EAS", ""),
    Code::new(5, "PT_DEFINITY_ECS_EAS", ""),
    Code::new(6, "PT_GALAXY", "Galaxy (obsolete)"),
    Code::new(7, "PT_SPECTRUM", "Spectrum (obsolete)"),
    Code::new(8, "PT_VRU", ""),
    Code::new(9, "PT_VRU_POLLED", ""),
    Code::new(10, "PT_DMS100", "DMS-100 (obsolete)"),
    Code::new(11, "PT_SIEMENS_9006", ""),
    Code::new(12, "PT_SIEMENS_9005", ""),
    Code::new(13, "PT_ALCATEL", ""),
    Code::new(14, "PT_NEC_NEAX_2x00", "NEC NEAX 2x00 (obsolete)"),
    Code::new(15, "PT_ACP_1000", "ACP 1000"),
    Code::new(16, "PT_SYMPOSIUM", "Symposium (removed in protocol v25)"),
    Code::new(
        17,
        "PT_ENTERPRISE_AGENT",
        "Enterprise agent (V25 description: \"Unified CCE Manager\"; SCALA sample uses 17)",
    ),
    Code::new(18, "PT_MD110", ""),
    Code::new(19, "PT_MEDIA_ROUTING", ""),
    Code::new(20, "PT_GENERIC", ""),
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
    Code::new(0xFFFF, "PT_NONE", ""),
];

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
    doubt: None,
    meanings_from: None,
};

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

/// LineType: reference §4.
pub static LINE_TYPE: CodeTable = CodeTable {
    name: "LineType",
    prefix: "LINETYPE_",
    codes: LINE_TYPE_CODES,
    aliases: &[],
    unnumbered: &[],
    doubt: None,
    meanings_from: None,
};

/// LineType values: reference `cti-protocol.md` §4.11.
static LINE_TYPE_CODES: &[Code] = &[
    Code::new(0, "LINETYPE_INBOUND_ACD", ""),
    Code::new(1, "LINETYPE_OUTBOUND_ACD", ""),
    Code::new(2, "LINETYPE_INSIDE", ""),
    Code::new(3, "LINETYPE_UNKNOWN", ""),
    Code::new(4, "LINETYPE_SUPERVISOR", ""),
    Code::new(5, "LINETYPE_MESSAGE", ""),
    Code::new(6, "LINETYPE_HELP", ""),
    Code::new(7, "LINETYPE_OUTBOUND", ""),
    Code::new(8, "LINETYPE_DID", ""),
    Code::new(9, "LINETYPE_SILENT_MONITOR", ""),
    Code::new(10, "LINETYPE_NON_ACD_IN", ""),
    Code::new(11, "LINETYPE_NON_ACD_OUT", ""),
];

/// PeripheralCallType of a Termination_Call_Detail row and of the OPC's TCD record:
/// `cisco-records.md` §1.3 (SCHEMA's verbatim list, 1–19). 21, 42 and 43 are seen only in SQL
/// written against real databases and are left out (UNCERTAIN there; the export's view names
/// them with that doubt). The OPC trace prints the
/// symbol of 2 as `DBCD_PREROUTE_ACD_IN` (`cisco-logs.md` §3.4); no source gives the others'.
pub static PERIPHERAL_CALL_TYPE: CodeTable = CodeTable::plain(
    "PeripheralCallType",
    "DBCD_",
    // Only the OPC trace's records and call-detail exports carry it, which the main and Finesse
    // WebAssembly modules do not read: they leave the table's text out.
    if crate::traces::DUMPLOG || cfg!(feature = "wasm-records") {
        PERIPHERAL_CALL_TYPES
    } else {
        &[]
    },
);

static PERIPHERAL_CALL_TYPES: &[Code] = &[
    Code::new(1, "", "ACD In"),
    Code::new(2, "DBCD_PREROUTE_ACD_IN", "Pre-Route ACD In"),
    Code::new(3, "", "Pre-Route Direct Agent"),
    Code::new(4, "", "Transfer In"),
    Code::new(5, "", "Overflow In"),
    Code::new(6, "", "Other In"),
    Code::new(7, "", "Auto Out"),
    Code::new(8, "", "Agent Out"),
    Code::new(9, "", "Out"),
    Code::new(10, "", "Agent Inside"),
    Code::new(11, "", "Offered"),
    Code::new(12, "", "Consult"),
    Code::new(13, "", "Consult Offered"),
    Code::new(14, "", "Consult Conference"),
    Code::new(15, "", "Conference"),
    Code::new(16, "", "Unmonitored"),
    Code::new(17, "", "Preview"),
    Code::new(18, "", "Reserve"),
    Code::new(19, "", "Supervisor Assist"),
];
