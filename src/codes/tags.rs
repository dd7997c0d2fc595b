//! Floating-field tags (reference §3): each tag's field and how its data is written.

use super::fields::FieldId as F;
use super::layouts::Wire::{self, Flex, NamedArray, NamedVar, Str, Unspec, I32, U16, U32, U8};

/// A tag typed UINT by the sources that type it, read as [`Wire::Flex`].
const FLEX4: Wire = Flex(4);
/// A tag typed USHORT by the sources that type it, read as [`Wire::Flex`].
const FLEX2: Wire = Flex(2);

/// A floating field: its tag, field and type. The data of a tag whose type the reference marks
/// uncertain (SCALA reads them as strings, HASKELL and UCCX as numbers: 125, 126, 129, 131,
/// 184–192), or whose type it does not state beyond tag 244, is read as [`Wire::Flex`] with the
/// size HASKELL gives (4 where none does).
pub type Tag = (u16, F, Wire);

const T: Wire = Wire::Time;

/// Every tag the reference names, sorted by tag.
#[rustfmt::skip]
pub static TAGS: &[Tag] = &[
    (1, F::ClientID, Str), (2, F::ClientPassword, Unspec), (3, F::ClientSignature, Str),
    (4, F::AgentExtension, Str), (5, F::AgentID, Str), (6, F::AgentInstrument, Str),
    (7, F::Text, Str), (8, F::ANI, Str), (9, F::UserToUserInfo, Unspec), (10, F::DNIS, Str),
    (11, F::DialedNumber, Str), (12, F::CallerEnteredDigits, Str),
    (13, F::CallVariable1, Str), (14, F::CallVariable2, Str), (15, F::CallVariable3, Str),
    (16, F::CallVariable4, Str), (17, F::CallVariable5, Str), (18, F::CallVariable6, Str),
    (19, F::CallVariable7, Str), (20, F::CallVariable8, Str), (21, F::CallVariable9, Str),
    (22, F::CallVariable10, Str), (23, F::CTIClientSignature, Str), (24, F::CTIClientTimestamp, T),
    (25, F::ConnectionDeviceID, Str), (26, F::AlertingDeviceID, Str),
    (27, F::CallingDeviceID, Str), (28, F::CalledDeviceID, Str),
    (29, F::LastRedirectDeviceID, Str), (30, F::AnsweringDeviceID, Str),
    (31, F::HoldingDeviceID, Str), (32, F::RetrievingDeviceID, Str),
    (33, F::ReleasingDeviceID, Str), (34, F::FailingDeviceID, Str),
    (35, F::PrimaryDeviceID, Str), (36, F::SecondaryDeviceID, Str),
    (37, F::ControllerDeviceID, Str), (38, F::AddedPartyDeviceID, Str),
    (39, F::ConnectedPartyCallID, U32), (40, F::ConnectedPartyDeviceType, U16),
    (41, F::ConnectedPartyDeviceID, Str), (42, F::TransferringDeviceID, Str),
    (43, F::TransferredDeviceID, Str), (44, F::DivertingDeviceID, Str),
    (45, F::QueueDeviceID, Str), (46, F::CallWrapupData, Str), (47, F::NewConnectionDeviceID, Str),
    (48, F::TrunkUsedDeviceID, Str), (49, F::AgentPassword, Str),
    (50, F::ActiveConnectionDeviceID, Str), (51, F::FacilityCode, Str),
    (52, F::OtherConnectionDeviceID, Str), (53, F::HeldConnectionDeviceID, Str),
    (56, F::CallConnectionCallID, U32), (57, F::CallConnectionDeviceIDType, U16),
    (58, F::CallConnectionDeviceID, Str), (59, F::CALL_DEVID_TYPE, U16), (60, F::CALL_DEVID, Str),
    (61, F::CALL_DEV_CONN_STATE, U16), (62, F::SkillGroupNumber, U32), (63, F::SkillGroupID, U32),
    (64, F::SkillGroupPriority, U16), (65, F::SkillGroupState, U16), (66, F::OBJECT_NAME, Str),
    (67, F::DTMFString, Str), (68, F::POSITION_ID, Str), (69, F::SUPERVISOR_ID, Str),
    (70, F::LineHandle, U16), (71, F::LineType, U16), (72, F::RouterCallKeyDay, U32),
    (73, F::RouterCallKeyCallID, U32), (75, F::CallState, U16), (76, F::MonitoredDeviceID, Str),
    (77, F::AuthorizationCode, Str), (78, F::AccountCode, Str), (79, F::OriginatingDeviceID, Str),
    (80, F::ORIGINATING_LINE_ID, Str), (81, F::ClientAddress, Str), (82, F::NamedVariable, NamedVar),
    (83, F::NamedArray, NamedArray), (84, F::CALL_CONTROL_TABLE, Str),
    (85, F::SUPERVISOR_INSTRUMENT, Str), (86, F::ATC_AGENT_ID, Str), (87, F::AgentFlags, U16),
    (88, F::ATC_AGENT_STATE, U16), (89, F::ATC_STATE_DURATION, U32),
    (90, F::AgentConnectionDeviceID, Str), (91, F::SupervisorConnectionDeviceID, Str),
    (92, F::TeamID, U32), (93, F::DefaultDevicePortAddress, Str), (94, F::SERVICE_NAME, Str),
    (95, F::CustomerPhoneNumber, Str), (96, F::CustomerAccountNumber, Str),
    (97, F::ApplicationPathID, I32), (99, F::SCRIPT_SELECTOR, Str),
    (100, F::APPLICATION_STRING1, Str), (101, F::APPLICATION_STRING2, Str),
    (110, F::RouterCallKeySequenceNumber, U32), (121, F::TrunkNumber, U32),
    (122, F::TrunkGroupNumber, U32), (123, F::NextAgentState, U16), (124, F::DEQUEUE_TYPE, Str),
    (125, F::SENDING_ADDRESS, FLEX4), (126, F::SENDING_PORT, FLEX4), (129, F::MaxQueued, FLEX4),
    (130, F::QUEUE_ID, Str), (131, F::CUSTOMER_ID, FLEX4), (132, F::SERVICE_SKILL_TARGET_ID, Str),
    (133, F::PERIPHERAL_NAME, Str), (134, F::Description, Str), (135, F::SERVICE_MEMBER_ID, Str),
    (136, F::SERVICE_MEMBER_PRIORITY, Str), (137, F::FirstName, Str), (138, F::LastName, Str),
    (139, F::SKILL_GROUP, Str), (141, F::AGENT_SKILL_TARGET_ID, Str), (142, F::SERVICE, Str),
    (150, F::Duration, U32), (173, F::Extension, Str), (174, F::SERVICE_LEVEL_THRESHOLD, Str),
    (175, F::SERVICE_LEVEL_TYPE, Str), (176, F::CONFIG_PARAM, Str),
    (177, F::SERVICE_CONFIG_KEY, Unspec), (178, F::SKILL_GROUP_CONFIG_KEY, Unspec),
    (179, F::AGENT_CONFIG_KEY, Unspec), (180, F::DEVICE_CONFIG_KEY, Unspec), (183, F::RecordType, U16),
    (184, F::PERIPHERAL_NUMBER, FLEX4), (185, F::AgentSkillTargetID, FLEX4),
    (186, F::NUM_SERVICE_MEMBERS, FLEX2), (187, F::SERVICE_MEMBER, FLEX4),
    (188, F::SERVICE_PRIORITY, FLEX2), (189, F::AgentType, FLEX2), (190, F::LoginID, Str),
    (191, F::NUM_SKILLS, FLEX2), (192, F::SkillGroupSkillTargetID, FLEX4), (193, F::SERVICE_ID, U32),
    // UCCX sends AgentID in tag 194 (AGENT_ID_LONG, reference §7); UCCE uses 5.
    (194, F::AgentID, Str), (195, F::DeviceType, U16), (198, F::ENABLE, Str),
    (199, F::DEVICEID, Str), (200, F::TIMEOUT, Str), (201, F::CURRENT_ROUTE, Str),
    (202, F::SecondaryConnectionCallID, U32), (203, F::PRIORITY_QUEUE_NUMBER, Str),
    (204, F::TeamName, Str), (205, F::MemberType, Str), (206, F::EventDeviceID, Str),
    (207, F::LOGIN_NAME, Str), (208, F::FltPeripheralID, U32), (209, F::CALL_TYPE_KEY_CONFIG, Str),
    (210, F::CALL_TYPE_ID, Str), (211, F::CUSTOMER_DEFINITION_ID, Str),
    (212, F::ENTERPRISE_NAME, Str), (213, F::OLD_PERIPHERAL_NUMBER, Str),
    (214, F::CUR_LOGIN_ID, Str), (215, F::ANI_II, Str), (216, F::MR_DOMAIN_ID, Str),
    (217, F::CTIOS_CIL_CLIENT_ID, Str), (218, F::SilentMonitorStatus, U16),
    (219, F::REQUESTING_DEVICE_ID, Str), (220, F::REQUESTING_DEVICE_ID_TYPE, Str),
    (221, F::PreCallInvokeID, U32), (222, F::ENTERPRISE_QUEUE_TIME, Str),
    (223, F::CallReferenceID, Unspec), (224, F::MultilineAgentControl, U16),
    (225, F::NETWORK_CONTROLLED, Str), (226, F::ClientAddressIPV6, Str),
    (227, F::SENDING_ADDRESS_IPV6, Str), (228, F::NumPeripherals, U16),
    (229, F::COC_CONNECTION_CALL_ID, U32), (230, F::COC_CONNECTION_DEVICE_ID_TYPE, U16),
    (231, F::COC_CONNECTION_DEVICE_ID, Str), (232, F::CallOriginatedFrom, U8),
    (233, F::SET_APPDATA_CALLID, Str), (234, F::CLIENT_SHARE_KEY, Str), (243, F::AgentTeamName, Str),
    (244, F::Direction, U32), (245, F::OPTIONS, FLEX4), (246, F::FLT_MRD_ID, FLEX4),
    (247, F::MEDIA_CLASS_ID, FLEX4), (248, F::TASK_LIFE, FLEX4), (249, F::TASK_START_TIMEOUT, FLEX4),
    (250, F::MAX_TASK_DURATION, FLEX4), (251, F::INTERRUPTIBLE, FLEX4),
    (252, F::MAX_CALLS_IN_QUEUE, FLEX4), (253, F::MAX_CALLS_IN_QUEUE_PER_CALL_TYPE, FLEX4),
    (254, F::MAX_TIME_IN_QUEUE, FLEX4), (255, F::InternalAgentState, FLEX4),
    (257, F::SSO_ENABLED, FLEX4), (258, F::FLT_TASK_ID, FLEX4), (259, F::FLT_ICM_DISP, FLEX4),
    (260, F::FLT_APP_DISP, FLEX4), (261, F::NUM_MRDS, FLEX4), (262, F::FLT_AGENT_MRD_ID, FLEX4),
    (263, F::FLT_AGENT_MRD_STATE, FLEX4), (264, F::FLT_PRECISION_QUEUE_ID, FLEX4),
    (265, F::FLT_PRECISION_QUEUE_NAME, FLEX4), (266, F::MaxBeyondTaskLimit, FLEX4),
    (267, F::AGENT_DESK_SETTINGS_ID, FLEX4), (268, F::XFER_IN_WHILE_LOGGED_OUT, FLEX4),
    (269, F::PERIPHERAL_CONFIG_KEY, FLEX4), (270, F::AGENT_DESK_SETTINGS_CONFIG_KEY, FLEX4),
    (271, F::CONFIG_PERIPHERAL_ID, FLEX4), (272, F::DEFAULT_AGENT_DESK_SETTINGS_ID, FLEX4),
    (273, F::FLT_DESK_SETTINGS_MASK, FLEX4), (274, F::FLT_WRAP_UP_DATA_INCOMING_MODE, FLEX4),
    (275, F::FLT_WRAP_UP_DATA_OUTGOING_MODE, FLEX4), (276, F::FLT_LOGOUT_NON_ACTIVITY_TIME, FLEX4),
    (277, F::FLT_QUALITY_RECORDING_RATE, FLEX4), (278, F::FLT_RING_NO_ANSWER_TIME, FLEX4),
    (279, F::FLT_SILENT_MONITOR_WARNING_MESSAGE, FLEX4),
    (280, F::FLT_SILENT_MONITOR_AUDIBLE_INDICATION, FLEX4),
    (281, F::FLT_SUPERVISOR_ASSIST_CALL_METHOD, FLEX4), (282, F::FLT_EMERGENCY_CALL_METHOD, FLEX4),
    (283, F::FLT_AUTO_RECORD_ON_EMERGENCY, FLEX4), (284, F::FLT_RECORDING_MODE, FLEX4),
    (285, F::FLT_WORK_MODE_TIMER, FLEX4), (286, F::FLT_RING_NO_ANSWER_DN_ID, FLEX4),
    (287, F::FLT_DEFAULT_DEVICE_PORT_ADDRESS, FLEX4), (288, F::DESKTOP_CONNECTED_FLAG, FLEX4),
    (289, F::PLAY_TONE_DIRECTION, FLEX4), (290, F::INVOCATION_TYPE, FLEX4),
    (291, F::RECORDER_ADDRESS, FLEX4), (292, F::TERMINAL_NAME, FLEX4),
    (293, F::MEDIA_FORKING_DEVICE_NAME, FLEX4), (294, F::PROTOCOL_REFERENCE_GUID, FLEX4),
    (295, F::MEDIA_FORKING_CLUSTER_ID, FLEX4), (296, F::RECORDER_URI, FLEX4),
    (297, F::RECORDER_ERROR_MSG, FLEX4), (298, F::RECORDER_TYPE, FLEX4),
    (299, F::RECORDER_STATUS, FLEX4), (300, F::RECORDING_DEVICE_ID, FLEX4),
    (302, F::FLT_TERM_TYPE, FLEX4), (303, F::FLT_TERM_DEVICE_NAME, FLEX4),
    (304, F::FLT_TERM_TYPE_NAME, FLEX4), (305, F::FLT_NUM_INSTRUMENTS, FLEX4),
    (306, F::ACD_SHARED_LINE_USAGE, FLEX4), (307, F::PLAY_ZIP_TONE, FLEX4),
    (309, F::FLT_ENABLED_SERVICES, FLEX4), (310, F::NUM_OF_ENABLED_SERVICES, FLEX4),
    (311, F::CCAI_CONFIG_ID, FLEX4), (312, F::MEDIA_TYPE, FLEX4), (313, F::MEDIA_PROVIDER, FLEX4),
];

/// Tags that repeat as list members (reference §1.2, §2.2, §2.3): their fields get an index.
pub const LIST_TAGS: &[u16] = &[
    23, 24, 39, 40, 41, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 70, 71, 75, 86, 87, 88, 89, 92, 218,
];

/// The field and type of `tag`.
#[must_use]
pub fn tag(tag: u16) -> Option<(F, Wire)> {
    static BY_TAG: std::sync::OnceLock<Vec<Option<(F, Wire)>>> = std::sync::OnceLock::new();
    let by_tag = BY_TAG.get_or_init(|| {
        let mut by_tag = vec![None; usize::from(TAGS[TAGS.len() - 1].0) + 1];
        for &(t, f, w) in TAGS {
            by_tag[usize::from(t)] = Some((f, w));
        }
        by_tag
    });
    by_tag.get(usize::from(tag)).copied().flatten()
}

/// The tag a field is written with (the first, for a field two tags carry) and its type.
#[must_use]
pub fn tag_of(field: F) -> Option<(u16, Wire)> {
    TAGS.iter()
        .find(|(_, f, _)| *f == field)
        .map(|&(t, _, w)| (t, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_sorted_and_unique() {
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(LIST_TAGS.windows(2).all(|w| w[0] < w[1]));
        // Only AgentID is carried by two tags (5 in UCCE, 194 in UCCX).
        for &(t, f, _) in TAGS {
            let carriers: Vec<u16> = TAGS.iter().filter(|x| x.1 == f).map(|x| x.0).collect();
            assert!(
                carriers.len() == 1 || f == F::AgentID,
                "tag {t}: {carriers:?}"
            );
        }
    }
}
