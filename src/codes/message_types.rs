//! CTI message types: IDs and names.
//!
//! Reference `cti-protocol.md` §2.1: the V24 message-type table. IDs 1–215 agree in every source
//! read; IDs from 216 on differ between guide editions (the reference marks them uncertain), so
//! the names given to those IDs are the V24 guide's.

/// The message types the timeline and the session view look for, by ID (reference §2.1).
#[allow(missing_docs)]
pub mod id {
    pub const FAILURE_CONF: u16 = 1;
    pub const FAILURE_EVENT: u16 = 2;
    pub const OPEN_REQ: u16 = 3;
    pub const OPEN_CONF: u16 = 4;
    pub const HEARTBEAT_REQ: u16 = 5;
    pub const HEARTBEAT_CONF: u16 = 6;
    pub const CALL_DELIVERED_EVENT: u16 = 9;
    pub const CALL_ESTABLISHED_EVENT: u16 = 10;
    pub const CALL_HELD_EVENT: u16 = 11;
    pub const CALL_RETRIEVED_EVENT: u16 = 12;
    pub const CALL_CLEARED_EVENT: u16 = 13;
    pub const CALL_CONNECTION_CLEARED_EVENT: u16 = 14;
    pub const CALL_ORIGINATED_EVENT: u16 = 15;
    pub const CALL_FAILED_EVENT: u16 = 16;
    pub const CALL_CONFERENCED_EVENT: u16 = 17;
    pub const CALL_TRANSFERRED_EVENT: u16 = 18;
    pub const CALL_DIVERTED_EVENT: u16 = 19;
    pub const CALL_QUEUED_EVENT: u16 = 21;
    pub const BEGIN_CALL_EVENT: u16 = 23;
    pub const END_CALL_EVENT: u16 = 24;
    pub const CALL_DATA_UPDATE_EVENT: u16 = 25;
    pub const AGENT_STATE_EVENT: u16 = 30;
    pub const SYSTEM_EVENT: u16 = 31;
    pub const CALL_REACHED_NETWORK_EVENT: u16 = 34;
    pub const CONTROL_FAILURE_CONF: u16 = 35;
}

/// The ID of a message type named as Cisco's guides (or UCCX's variants of them) spell it.
///
/// ASCII case is ignored. Returns `None` for a name no source lists. (A decoder asks once per
/// distinct name, so a scan of the tables is enough.)
#[must_use]
pub fn id_of(name: &str) -> Option<u16> {
    UCCX_NAMES
        .iter()
        .map(|&(n, id)| (id, n))
        .chain(MESSAGE_TYPES.iter().copied())
        .find(|(_, n)| n.eq_ignore_ascii_case(name))
        .map(|(id, _)| id)
}

/// The V24 name of message type `id`, if any source lists it.
#[must_use]
pub fn name_of(id: u16) -> Option<&'static str> {
    MESSAGE_TYPES
        .binary_search_by_key(&id, |&(i, _)| i)
        .ok()
        .map(|i| MESSAGE_TYPES[i].1)
}

/// Whether any source lists message type `id` (the same as `name_of(id).is_some()`, in constant
/// time: the frame decoder asks it of every frame header).
#[must_use]
pub fn is_known(id: u16) -> bool {
    let i = usize::from(id);
    KNOWN
        .get(i / 64)
        .is_some_and(|word| word & (1 << (i % 64)) != 0)
}

/// Bit `id` set for every listed message type ID.
static KNOWN: [u64; KNOWN_WORDS] = known_bits();

/// Words of [`KNOWN`]: room for every listed ID (the largest is checked at compile time).
const KNOWN_WORDS: usize = 8;

const fn known_bits() -> [u64; KNOWN_WORDS] {
    let mut bits = [0u64; KNOWN_WORDS];
    let mut i = 0;
    while i < MESSAGE_TYPES.len() {
        let id = MESSAGE_TYPES[i].0 as usize;
        assert!(
            id < KNOWN_WORDS * 64,
            "a message type ID beyond KNOWN's words"
        );
        bits[id / 64] |= 1 << (id % 64);
        i += 1;
    }
    bits
}

/// Names the UCCX guide uses for message types the UCCE guides name differently (§2.1).
static UCCX_NAMES: &[(&str, u16)] = &[
    ("CONSULT_CALL_REQ", 50),
    ("CONSULT_CALL_CONF", 51),
    ("CONFIG_APPLICATION_EVENT", 235),
    ("CONFIG_CSQ_EVENT", 236),
    ("ROUTE_SELECT", 214),
    ("ROUTE_END", 215),
];

/// Message type IDs and names: reference `cti-protocol.md` §2.1 (V24-MSG table).
pub static MESSAGE_TYPES: &[(u16, &str)] = &[
    (1, "FAILURE_CONF"),
    (2, "FAILURE_EVENT"),
    (3, "OPEN_REQ"),
    (4, "OPEN_CONF"),
    (5, "HEARTBEAT_REQ"),
    (6, "HEARTBEAT_CONF"),
    (7, "CLOSE_REQ"),
    (8, "CLOSE_CONF"),
    (9, "CALL_DELIVERED_EVENT"),
    (10, "CALL_ESTABLISHED_EVENT"),
    (11, "CALL_HELD_EVENT"),
    (12, "CALL_RETRIEVED_EVENT"),
    (13, "CALL_CLEARED_EVENT"),
    (14, "CALL_CONNECTION_CLEARED_EVENT"),
    (15, "CALL_ORIGINATED_EVENT"),
    (16, "CALL_FAILED_EVENT"),
    (17, "CALL_CONFERENCED_EVENT"),
    (18, "CALL_TRANSFERRED_EVENT"),
    (19, "CALL_DIVERTED_EVENT"),
    (20, "CALL_SERVICE_INITIATED_EVENT"),
    (21, "CALL_QUEUED_EVENT"),
    (22, "CALL_TRANSLATION_ROUTE_EVENT"),
    (23, "BEGIN_CALL_EVENT"),
    (24, "END_CALL_EVENT"),
    (25, "CALL_DATA_UPDATE_EVENT"),
    (26, "SET_CALL_DATA_REQ"),
    (27, "SET_CALL_DATA_CONF"),
    (28, "RELEASE_CALL_REQ"),
    (29, "RELEASE_CALL_CONF"),
    (30, "AGENT_STATE_EVENT"),
    (31, "SYSTEM_EVENT"),
    (32, "CLIENT_EVENT_REPORT_REQ"),
    (33, "CLIENT_EVENT_REPORT_CONF"),
    (34, "CALL_REACHED_NETWORK_EVENT"),
    (35, "CONTROL_FAILURE_CONF"),
    (36, "QUERY_AGENT_STATE_REQ"),
    (37, "QUERY_AGENT_STATE_CONF"),
    (38, "SET_AGENT_STATE_REQ"),
    (39, "SET_AGENT_STATE_CONF"),
    (40, "ALTERNATE_CALL_REQ"),
    (41, "ALTERNATE_CALL_CONF"),
    (42, "ANSWER_CALL_REQ"),
    (43, "ANSWER_CALL_CONF"),
    (44, "CLEAR_CALL_REQ"),
    (45, "CLEAR_CALL_CONF"),
    (46, "CLEAR_CONNECTION_REQ"),
    (47, "CLEAR_CONNECTION_CONF"),
    (48, "CONFERENCE_CALL_REQ"),
    (49, "CONFERENCE_CALL_CONF"),
    (50, "CONSULTATION_CALL_REQ"),
    (51, "CONSULTATION_CALL_CONF"),
    (52, "DEFLECT_CALL_REQ"),
    (53, "DEFLECT_CALL_CONF"),
    (54, "HOLD_CALL_REQ"),
    (55, "HOLD_CALL_CONF"),
    (56, "MAKE_CALL_REQ"),
    (57, "MAKE_CALL_CONF"),
    (58, "MAKE_PREDICTIVE_CALL_REQ"),
    (59, "MAKE_PREDICTIVE_CALL_CONF"),
    (60, "RECONNECT_CALL_REQ"),
    (61, "RECONNECT_CALL_CONF"),
    (62, "RETRIEVE_CALL_REQ"),
    (63, "RETRIEVE_CALL_CONF"),
    (64, "TRANSFER_CALL_REQ"),
    (65, "TRANSFER_CALL_CONF"),
    (78, "QUERY_DEVICE_INFO_REQ"),
    (79, "QUERY_DEVICE_INFO_CONF"),
    (82, "SNAPSHOT_CALL_REQ"),
    (83, "SNAPSHOT_CALL_CONF"),
    (84, "SNAPSHOT_DEVICE_REQ"),
    (85, "SNAPSHOT_DEVICE_CONF"),
    (86, "CALL_DEQUEUED_EVENT"),
    (91, "SEND_DTMF_SIGNAL_REQ"),
    (92, "SEND_DTMF_SIGNAL_CONF"),
    (93, "MONITOR_START_REQ"),
    (94, "MONITOR_START_CONF"),
    (95, "MONITOR_STOP_REQ"),
    (96, "MONITOR_STOP_CONF"),
    (97, "CHANGE_MONITOR_MASK_REQ"),
    (98, "CHANGE_MONITOR_MASK_CONF"),
    (99, "CLIENT_SESSION_OPENED_EVENT"),
    (100, "CLIENT_SESSION_CLOSED_EVENT"),
    (101, "SESSION_MONITOR_START_REQ"),
    (102, "SESSION_MONITOR_START_CONF"),
    (103, "SESSION_MONITOR_STOP_REQ"),
    (104, "SESSION_MONITOR_STOP_CONF"),
    (105, "AGENT_PRE_CALL_EVENT"),
    (106, "AGENT_PRE_CALL_ABORT_EVENT"),
    (107, "USER_MESSAGE_REQ"),
    (108, "USER_MESSAGE_CONF"),
    (109, "USER_MESSAGE_EVENT"),
    (110, "REGISTER_VARIABLES_REQ"),
    (111, "REGISTER_VARIABLES_CONF"),
    (112, "QUERY_AGENT_STATISTICS_REQ"),
    (113, "QUERY_AGENT_STATISTICS_CONF"),
    (114, "QUERY_SKILL_GROUP_STATISTICS_REQ"),
    (115, "QUERY_SKILL_GROUP_STATISTICS_CONF"),
    (116, "RTP_STARTED_EVENT"),
    (117, "RTP_STOPPED_EVENT"),
    (118, "SUPERVISOR_ASSIST_REQ"),
    (119, "SUPERVISOR_ASSIST_CONF"),
    (120, "SUPERVISOR_ASSIST_EVENT"),
    (121, "EMERGENCY_CALL_REQ"),
    (122, "EMERGENCY_CALL_CONF"),
    (123, "EMERGENCY_CALL_EVENT"),
    (124, "SUPERVISE_CALL_REQ"),
    (125, "SUPERVISE_CALL_CONF"),
    (126, "AGENT_TEAM_CONFIG_REQ"),
    (127, "AGENT_TEAM_CONFIG_CONF"),
    (128, "AGENT_TEAM_CONFIG_EVENT"),
    (129, "SET_APP_DATA_REQ"),
    (130, "SET_APP_DATA_CONF"),
    (131, "AGENT_DESK_SETTINGS_REQ"),
    (132, "AGENT_DESK_SETTINGS_CONF"),
    (133, "LIST_AGENT_TEAM_REQ"),
    (134, "LIST_AGENT_TEAM_CONF"),
    (135, "MONITOR_AGENT_TEAM_START_REQ"),
    (136, "MONITOR_AGENT_TEAM_START_CONF"),
    (137, "MONITOR_AGENT_TEAM_STOP_REQ"),
    (138, "MONITOR_AGENT_TEAM_STOP_CONF"),
    (139, "BAD_CALL_REQ"),
    (140, "BAD_CALL_CONF"),
    (141, "SET_DEVICE_ATTRIBUTES_REQ"),
    (142, "SET_DEVICE_ATTRIBUTES_CONF"),
    (143, "REGISTER_SERVICE_REQ"),
    (144, "REGISTER_SERVICE_CONF"),
    (145, "UNREGISTER_SERVICE_REQ"),
    (146, "UNREGISTER_SERVICE_CONF"),
    (147, "START_RECORDING_REQ"),
    (148, "START_RECORDING_CONF"),
    (149, "STOP_RECORDING_REQ"),
    (150, "STOP_RECORDING_CONF"),
    (151, "MEDIA_LOGIN_REQ"),
    (152, "MEDIA_LOGIN_RESP"),
    (153, "MEDIA_LOGOUT_IND"),
    (154, "MAKE_AGENT_ROUTABLE_IND"),
    (155, "MAKE_AGENT_NOT_ROUTABLE_REQ"),
    (156, "MAKE_AGENT_NOT_ROUTABLE_RESP"),
    (157, "MAKE_AGENT_READY_IND"),
    (158, "MAKE_AGENT_NOT_READY_REQ"),
    (159, "MAKE_AGENT_NOT_READY_RESP"),
    (160, "OFFER_TASK_IND"),
    (161, "OFFER_APPLICATION_TASK_REQ"),
    (162, "OFFER_APPLICATION_TASK_RESP"),
    (163, "START_TASK_IND"),
    (164, "START_APPLICATION_TASK_REQ"),
    (165, "START_APPLICATION_TASK_RESP"),
    (166, "PAUSE_TASK_IND"),
    (167, "RESUME_TASK_IND"),
    (168, "WRAPUP_TASK_IND"),
    (169, "END_TASK_IND"),
    (170, "AGENT_MADE_NOT_ROUTABLE_EVENT"),
    (171, "AGENT_INTERRUPT_ADVISORY_EVENT"),
    (172, "AGENT_INTERRUPT_ACCEPTED_IND"),
    (173, "AGENT_INTERRUPT_UNACCEPTED_IND"),
    (174, "AGENT_INTERRUPT_DONE_ADVISORY_EVENT"),
    (175, "AGENT_INTERRUPT_DONE_ACCEPTED_IND"),
    (176, "CHANGE_MAX_TASK_LIMIT_REQ"),
    (177, "CHANGE_MAX_TASK_LIMIT_RESP"),
    (178, "OVERRIDE_LIMIT_REQ"),
    (179, "OVERRIDE_LIMIT_RESP"),
    (180, "UPDATE_TASK_CONTEXT_IND"),
    (181, "BEGIN_AGENT_INIT_IND"),
    (182, "AGENT_INIT_REQ"),
    (183, "AGENT_INIT_RESP"),
    (184, "END_AGENT_INIT_IND"),
    (185, "TASK_INIT_IND"),
    (186, "AGENT_INIT_READY_EVENT"),
    (187, "GET_PRECALL_MESSAGES_REQ"),
    (188, "GET_PRECALL_MESSAGES_RESP"),
    (189, "AGENT_LEGACY_PRE_CALL_EVENT"),
    (190, "FAILURE_RESP"),
    (191, "BEGIN_TASK_EVENT"),
    (192, "QUEUED_TASK_EVENT"),
    (193, "DEQUEUED_TASK_EVENT"),
    (194, "OFFER_TASK_EVENT"),
    (195, "START_TASK_EVENT"),
    (196, "PAUSE_TASK_EVENT"),
    (197, "RESUME_TASK_EVENT"),
    (198, "WRAPUP_TASK_EVENT"),
    (199, "END_TASK_EVENT"),
    (200, "TASK_DATA_UPDATE_EVENT"),
    (201, "TASK_MONITOR_START_REQ"),
    (202, "TASK_MONITOR_START_CONF"),
    (203, "TASK_MONITOR_STOP_REQ"),
    (204, "TASK_MONITOR_STOP_CONF"),
    (205, "CHANGE_TASK_MONITOR_MASK_REQ"),
    (206, "CHANGE_TASK_MONITOR_MASK_CONF"),
    (207, "MAX_TASK_LIFETIME_EXCEEDED_EVENT"),
    (208, "SET_APP_PATH_DATA_IND"),
    (209, "TASK_INIT_REQ"),
    (210, "TASK_INIT_RESP"),
    (211, "ROUTE_REGISTER_EVENT"),
    (212, "ROUTE_REGISTER_REPLY_EVENT"),
    (213, "ROUTE_REQUEST_EVENT"),
    (214, "ROUTE_SELECT_EVENT"),
    (215, "ROUTE_END_EVENT"),
    (230, "CONFIG_REQUEST_KEY_EVENT"),
    (231, "CONFIG_KEY_EVENT"),
    (232, "CONFIG_REQUEST_EVENT"),
    (233, "CONFIG_BEGIN_EVENT"),
    (234, "CONFIG_END_EVENT"),
    (235, "CONFIG_SERVICE_EVENT"),
    (236, "CONFIG_SKILL_GROUP_EVENT"),
    (237, "CONFIG_AGENT_EVENT"),
    (238, "CONFIG_DEVICE_EVENT"),
    (242, "TEAM_CONFIG_REQ"),
    (243, "TEAM_CONFIG_EVENT"),
    (244, "TEAM_CONFIG_CONF"),
    (245, "CONFIG_CALL_TYPE_EVENT"),
    (248, "CALL_AGENT_GREETING_EVENT"),
    (249, "AGENT_GREETING_CONTROL_REQ"),
    (250, "AGENT_GREETING_CONTROL_CONF"),
    (254, "CONFIG_MRD_EVENT"),
    (255, "GET_AGENT_TASKS_REQ"),
    (256, "AGENT_TASKS_RESP"),
    (257, "SNAPSHOT_TASK_REQ"),
    (258, "SNAPSHOT_TASK_RESP"),
    (260, "CONFIG_PERIPHERAL_EVENT"),
    (261, "CONFIG_AGENT_DESK_SETTINGS_EVENT"),
    (262, "AGENT_TASKS_EVENT"),
    (263, "SNAPSHOT_TASK_EVENT"),
    (264, "AGENT_TASKS_REQUEST_EVENT"),
    (265, "AGENT_TASKS_END_EVENT"),
    (266, "DESKTOP_CONNECTED_IND"),
    (267, "START_NETWORK_RECORDING_REQ"),
    (268, "START_NETWORK_RECORDING_CONF"),
    (269, "STOP_NETWORK_RECORDING_REQ"),
    (270, "STOP_NETWORK_RECORDING_CONF"),
    (271, "NETWORK_RECORDING_STARTED_EVENT"),
    (272, "NETWORK_RECORDING_ENDED_EVENT"),
    (273, "NETWORK_RECORDING_FAILED_EVENT"),
    (274, "NETWORK_RECORDING_TARGET_INFO_EVENT"),
    (277, "STANDBY_ACTIVE_EVENT_MSG"),
    (278, "ACTIVE_MAINTENANCE_REQ_MSG"),
    (279, "ACTIVE_MAINTENANCE_RESP_MSG"),
    (280, "ACTIVE_MAINTENANCE_EVENT_MSG"),
    (281, "STOPPING_REQUESTS_TO_THIS_SIDE_IND"),
    (282, "CONFIG_AGENT_SERVICE_EVENT"),
];

/// The type of a switch's CSTA event as a PIM traces it (`CSTA DELIVERED`, `cisco-logs.md`
/// §3.3) starts with this: no CTI Server message, kept under its own name.
pub const CSTA_PREFIX: &str = "CSTA ";

/// The type of the OPC's end-of-call record of a call leg (`cisco-logs.md` §3.4), which
/// carries a Termination_Call_Detail row's fields: no CTI Server message.
pub const LEG_RECORD: &str = "OPC TERMINATION_CALL_DETAIL";

#[cfg(test)]
mod tests {
    #[test]
    fn the_known_bits_are_the_listed_ids() {
        for id in 0..=u16::MAX {
            assert_eq!(super::is_known(id), super::name_of(id).is_some(), "{id}");
        }
    }

    use super::*;

    #[test]
    fn table_is_sorted_and_names_are_unique() {
        assert!(MESSAGE_TYPES.windows(2).all(|w| w[0].0 < w[1].0));
        let mut names: Vec<&str> = MESSAGE_TYPES.iter().map(|&(_, n)| n).collect();
        names.sort_unstable();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "duplicate name");
    }

    #[test]
    fn names_and_ids_round_trip() {
        for &(id, name) in MESSAGE_TYPES {
            assert_eq!(id_of(name), Some(id));
            assert_eq!(name_of(id), Some(name));
        }
        assert_eq!(id_of("call_delivered_event"), Some(9));
        assert_eq!(id_of("CONSULT_CALL_REQ"), Some(50));
        assert_eq!(id_of("NO_SUCH_EVENT"), None);
        assert_eq!(name_of(66), None, "66–77 are reserved");
    }
}
