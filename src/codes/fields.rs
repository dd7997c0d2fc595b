//! Field names: one catalogue of every field the references name, each with a compile-time
//! [`FieldId`], its value type and the codes that explain it; and the spellings dumps use.
//!
//! Canonical names are the UCCE CTI Server names (reference `cti-protocol.md` §2.2 and §2.3
//! fixed parts, §3 floating fields). A floating field the reference names only by its V25 tag
//! name keeps that name (`ANI_II`); where §2.3 gives a field name (`ClientAddress 81`) that is
//! used. UCCX guides rename some fields and its example dumps carry typos (§1.7): those
//! spellings are [`ALIASES`] of the canonical name.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::call::{
    CALLED_PARTY_DISPOSITION as CPD, CALL_TYPE, CONNECTION_DEVICE_ID_TYPE as CONNID,
    DEVICE_ID_TYPE as DEVID, EVENT_CAUSE, LINE_TYPE, LOCAL_CONNECTION_STATE as LCS,
    PERIPHERAL_CALL_TYPE, PERIPHERAL_TYPE,
};
use super::enums::{
    AGENT_ACTION, AGENT_AVAILABILITY_STATUS, AGENT_SERVICE_REQ, AGENT_STATE_MASK, AGENT_WORK_MODE,
    CALL_DIRECTION, CALL_MANNER_TYPE, CALL_MSG_MASK, CALL_PLACEMENT_TYPE,
    CLIENT_EVENT_REPORT_STATE, CONFIGURATION_MASK, CONFIG_MSG_MASK, CONFIG_OPERATION, CONFIG_TYPE,
    CONSULT_TYPE, DESTINATION_COUNTRY, DISTRIBUTION, FORCED_FLAG, GREETING_EVENT_CODE, MORE,
    PG_STATUS, RECORD_TYPE, RTP_TYPE, SERVICES, SILENT_MONITOR_STATUS, SUPERVISORY_ACTION,
    TEAM_CONFIG_OPERATION, TYPE_OF_DEVICE,
};
use super::session::{AGENT_STATE as AGENT, CONTROL_FAILURE_CODE, STATUS, SYSTEM_EVENT_ID};
use super::Codes;

/// How a field's value is written (reference §1.4); this decides how text is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// UCHAR, 1 byte unsigned.
    Uchar,
    /// USHORT, 2 bytes unsigned.
    Ushort,
    /// UINT, 4 bytes unsigned.
    Uint,
    /// INT, 4 bytes signed.
    Int,
    /// BOOL, 2 bytes (0 false, 1 true).
    Bool,
    /// TIME, 4 bytes: seconds since 1970-01-01 00:00 UTC.
    Time,
    /// STRING: NUL-terminated text.
    String,
    /// UNSPEC: opaque bytes.
    Unspec,
    /// A name the references give to fields of different types (`Reserved`): a number when it
    /// reads as one, text otherwise, and neither is an error.
    Mixed,
    /// An ECC (expanded call context) variable, printed by name in dumps.
    EccVariable,
    /// A dump's summary line with no wire field of its own (`ExpandedCallContxt: <TotalBytes: N>`).
    DumpSummary,
}

impl FieldType {
    /// The type as the protocol's tables name it (`UINT`, `USHORT`…).
    #[must_use]
    pub fn wire_name(self) -> &'static str {
        match self {
            FieldType::Uchar => "a UCHAR",
            FieldType::Ushort => "a USHORT",
            FieldType::Uint => "a UINT",
            FieldType::Int => "an INT",
            FieldType::Bool => "a BOOL",
            FieldType::Time => "a TIME",
            FieldType::String => "a STRING",
            FieldType::Unspec => "UNSPEC",
            FieldType::Mixed => "of mixed type",
            FieldType::EccVariable => "an ECC variable",
            FieldType::DumpSummary => "a dump's summary",
        }
    }

    /// Whether values of this type are integers.
    #[must_use]
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            FieldType::Uchar
                | FieldType::Ushort
                | FieldType::Uint
                | FieldType::Int
                | FieldType::Bool
                | FieldType::Time
        )
    }
}

/// A known field: its canonical name, type, and the codes that explain its values.
#[derive(Debug)]
pub struct FieldDef {
    /// The canonical name.
    pub name: &'static str,
    /// How the value is written.
    pub ty: FieldType,
    /// The table or mask that explains its values, if it is coded.
    pub codes: Option<Codes>,
}

macro_rules! catalogue {
    ($($name:ident : $ty:ident $(=> $codes:expr)?),* $(,)?) => {
        /// Every field the references name. The discriminant indexes [`FIELDS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum FieldId {
            $(#[doc = concat!("`", stringify!($name), "`")] $name,)*
        }

        /// The definition of each [`FieldId`], in its order.
        pub static FIELDS: &[FieldDef] = &[
            $(FieldDef { name: stringify!($name), ty: FieldType::$ty, codes: catalogue!(@codes $($codes)?) },)*
        ];

        impl FieldId {
            /// Every id, in catalogue order.
            pub const ALL: &'static [FieldId] = &[$(FieldId::$name,)*];
        }
    };
    (@codes) => { None };
    (@codes $codes:expr) => { Some($codes) };
}

use Codes::{Enum as E, Mask as M};

catalogue! {
    // Session messages (§2.2, §2.3.1).
    InvokeID: Uint, Status: Uint => E(&STATUS), VersionNumber: Uint, IdleTimeout: Uint,
    ServicesRequested: Uint => M(&SERVICES), ServicesGranted: Uint => M(&SERVICES),
    CallMsgMask: Uint => M(&CALL_MSG_MASK), AgentStateMask: Uint => M(&AGENT_STATE_MASK),
    ConfigMsgMask: Uint => M(&CONFIG_MSG_MASK), Reserved1: Uint, Reserved2: Uint, Reserved3: Uint,
    PeripheralOnline: Bool, DepartmentID: Int, SessionType: Ushort, Reserved: Mixed,
    // Call events (§2.2).
    MonitorID: Uint, PeripheralID: Uint, PeripheralType: Ushort => E(&PERIPHERAL_TYPE),
    ConnectionDeviceIDType: Ushort => E(&CONNID), ConnectionCallID: Uint, LineHandle: Ushort,
    LineType: Ushort => E(&LINE_TYPE), ServiceNumber: Uint, ServiceID: Uint, SkillGroupNumber: Uint,
    SkillGroupID: Uint, SkillGroupPriority: Ushort,
    AlertingDeviceType: Ushort => E(&DEVID), CallingDeviceType: Ushort => E(&DEVID),
    CalledDeviceType: Ushort => E(&DEVID), LastRedirectDeviceType: Ushort => E(&DEVID),
    AnsweringDeviceType: Ushort => E(&DEVID), HoldingDeviceType: Ushort => E(&DEVID),
    RetrievingDeviceType: Ushort => E(&DEVID), ReleasingDeviceType: Ushort => E(&DEVID),
    FailingDeviceType: Ushort => E(&DEVID), ControllerDeviceType: Ushort => E(&DEVID),
    AddedPartyDeviceType: Ushort => E(&DEVID), TransferringDeviceType: Ushort => E(&DEVID),
    TransferredDeviceType: Ushort => E(&DEVID), DivertingDeviceType: Ushort => E(&DEVID),
    QueueDeviceType: Ushort => E(&DEVID), TrunkUsedDeviceType: Ushort => E(&DEVID),
    EventDeviceType: Ushort => E(&DEVID),
    LocalConnectionState: Ushort => E(&LCS), EventCause: Ushort => E(&EVENT_CAUSE),
    NumNamedVariables: Ushort, NumNamedArrays: Ushort,
    // Primary/Secondary pair with a call ID the way ConnectionDeviceIDType pairs with
    // ConnectionCallID, so they take that table (an inference: §2.2 lists them as USHORT).
    PrimaryDeviceIDType: Ushort => E(&CONNID), PrimaryCallID: Uint,
    SecondaryDeviceIDType: Ushort => E(&CONNID), SecondaryCallID: Uint,
    NumParties: Ushort, NumQueued: Ushort, NumSkillGroups: Ushort, NumCTIClients: Ushort,
    CallType: Ushort => E(&CALL_TYPE), CalledPartyDisposition: Ushort => E(&CPD),
    NewConnectionDeviceIDType: Ushort => E(&CONNID), NewConnectionCallID: Uint,
    CampaignID: Uint, QueryRuleID: Uint,
    // A call leg's end-of-call record (Termination_Call_Detail, `cisco-records.md` §1; the OPC
    // trace's TCD record, `cisco-logs.md` §3.4): CallDisposition takes the §4.12 table.
    CallDisposition: Ushort => E(&CPD), PeripheralCallType: Ushort => E(&PERIPHERAL_CALL_TYPE),
    // Agent and system events (§2.2).
    SessionID: Uint, SkillGroupState: Ushort => E(&AGENT), StateDuration: Uint,
    AgentState: Ushort => E(&AGENT), EventReasonCode: Ushort, MRDID: Uint, NumTasks: Uint,
    AgentMode: Bool, MaxTaskLimit: Uint, ICMAgentID: Uint,
    AgentAvailabilityStatus: Uint => E(&AGENT_AVAILABILITY_STATUS), NumFltSkillGroups: Ushort,
    PGStatus: Uint => M(&PG_STATUS), ICMCentralControllerTime: Time,
    SystemEventID: Uint => E(&SYSTEM_EVENT_ID), SystemEventArg1: Uint, SystemEventArg2: Uint,
    SystemEventArg3: Uint, FailureCode: Ushort => E(&CONTROL_FAILURE_CODE), PeripheralErrorCode: Uint,
    ClientPort: Uint, Direction: Uint => E(&CALL_DIRECTION), RTPType: Ushort => E(&RTP_TYPE),
    BitRate: Uint, EchoCancellation: Bool, PacketSize: Uint, PayloadType: Ushort,
    Distribution: Ushort => E(&DISTRIBUTION), EventCode: Ushort => E(&GREETING_EVENT_CODE),
    // Requests and confirmations (§2.3).
    State: Ushort => E(&CLIENT_EVENT_REPORT_STATE), AgentWorkMode: Ushort => E(&AGENT_WORK_MODE),
    ForcedFlag: Uchar => E(&FORCED_FLAG), AgentServiceReq: Uint => M(&AGENT_SERVICE_REQ),
    CallVariableMask: Ushort, DeskSettingsMask: Uint, WrapupDataIncomingMode: Uint,
    WrapupDataOutgoingMode: Uint, LogoutNonActivityTime: Uint, QualityRecordingRate: Uint,
    RingNoAnswerTime: Uint, SilentMonitorWarningMessage: Uint, SilentMonitorAudibleIndication: Uint,
    SupervisorAssistCallMethod: Uint, EmergencyCallMethod: Uint, AutoRecordOnEmergency: Uint,
    RecordingMode: Uint, WorkModeTimer: Uint, RingNoAnswerDN: Uint, ServerMode: Ushort,
    RegisteredServiceID: Uint, ServerData: Uint,
    ActiveConnectionCallID: Uint, OtherConnectionCallID: Uint, HeldConnectionCallID: Uint,
    ActiveConnectionDeviceIDType: Ushort => E(&CONNID), OtherConnectionDeviceIDType: Ushort => E(&CONNID),
    HeldConnectionDeviceIDType: Ushort => E(&CONNID),
    CallPlacementType: Ushort => E(&CALL_PLACEMENT_TYPE), CallMannerType: Ushort => E(&CALL_MANNER_TYPE),
    AlertRings: Ushort, CallOption: Ushort, FacilityType: Ushort, AnsweringMachine: Ushort,
    ConsultType: Ushort => E(&CONSULT_TYPE), Priority: Bool, PostRoute: Bool, Reservation: Bool,
    AllocationState: Ushort, DestinationCountry: Ushort => E(&DESTINATION_COUNTRY),
    AnswerDetectMode: Ushort, AnswerDetectTime: Ushort, AnswerDetectControl1: Uint,
    AnswerDetectControl2: Uint, TypeOfDevice: Ushort => E(&TYPE_OF_DEVICE), ClassOfDevice: Ushort,
    NumLines: Ushort, MaxActiveCalls: Ushort, MaxHeldCalls: Ushort, MaxDevicesInConference: Ushort,
    MakeCallSetup: Uint, TransferConferenceSetup: Uint, CallEventsSupported: Uint,
    CallControlSupported: Uint, OtherFeaturesSupported: Uint, NumCallDevices: Ushort,
    SnapshotDeviceType: Ushort => E(&DEVID), NumCalls: Ushort, ToneDuration: Ushort,
    PauseDuration: Uint, AgentAction: Ushort => E(&AGENT_ACTION),
    MonitoredDeviceType: Ushort => E(&DEVID), AgentConnectionCallID: Uint,
    SupervisorConnectionCallID: Uint, AgentConnectionDeviceIDType: Ushort => E(&CONNID),
    SupervisorConnectionDeviceIDType: Ushort => E(&CONNID),
    SupervisoryAction: Ushort => E(&SUPERVISORY_ACTION), TeamID: Uint, NumberOfAgents: Ushort,
    ConfigOperation: Ushort => E(&CONFIG_OPERATION), SupervisorID: Uint, NumberOfAgentTeams: Ushort,
    SegmentNumber: Ushort, More: Ushort => E(&MORE),
    ConfigurationMask: Uint => M(&CONFIGURATION_MASK), ConfigType: Ushort => E(&CONFIG_TYPE),
    NumRecords: Ushort, ConfigParam: Ushort, Operation: Ushort => E(&TEAM_CONFIG_OPERATION),
    // Floating fields (§3), in tag order.
    ClientID: String, ClientPassword: Unspec, ClientSignature: String, AgentExtension: String,
    AgentID: String, AgentInstrument: String, Text: String, ANI: String, UserToUserInfo: Unspec,
    DNIS: String, DialedNumber: String, CallerEnteredDigits: String,
    CallVariable1: String, CallVariable2: String, CallVariable3: String, CallVariable4: String,
    CallVariable5: String, CallVariable6: String, CallVariable7: String, CallVariable8: String,
    CallVariable9: String, CallVariable10: String, CTIClientSignature: String,
    CTIClientTimestamp: Time, ConnectionDeviceID: String, AlertingDeviceID: String,
    CallingDeviceID: String, CalledDeviceID: String, LastRedirectDeviceID: String,
    AnsweringDeviceID: String, HoldingDeviceID: String, RetrievingDeviceID: String,
    ReleasingDeviceID: String, FailingDeviceID: String, PrimaryDeviceID: String,
    SecondaryDeviceID: String, ControllerDeviceID: String, AddedPartyDeviceID: String,
    ConnectedPartyCallID: Uint, ConnectedPartyDeviceType: Ushort => E(&DEVID),
    ConnectedPartyDeviceID: String, TransferringDeviceID: String, TransferredDeviceID: String,
    DivertingDeviceID: String, QueueDeviceID: String, CallWrapupData: String,
    NewConnectionDeviceID: String, TrunkUsedDeviceID: String, AgentPassword: String,
    ActiveConnectionDeviceID: String, FacilityCode: String, OtherConnectionDeviceID: String,
    HeldConnectionDeviceID: String, CallConnectionCallID: Uint,
    CallConnectionDeviceIDType: Ushort => E(&CONNID), CallConnectionDeviceID: String,
    CALL_DEVID_TYPE: Ushort => E(&DEVID), CALL_DEVID: String, CALL_DEV_CONN_STATE: Ushort => E(&LCS),
    OBJECT_NAME: String, DTMFString: String, POSITION_ID: String, SUPERVISOR_ID: String,
    RouterCallKeyDay: Uint, RouterCallKeyCallID: Uint, CallState: Ushort => E(&LCS),
    MonitoredDeviceID: String, AuthorizationCode: String, AccountCode: String,
    OriginatingDeviceID: String, ORIGINATING_LINE_ID: String, ClientAddress: String,
    NamedVariable: EccVariable, NamedArray: EccVariable, CALL_CONTROL_TABLE: String,
    SUPERVISOR_INSTRUMENT: String, ATC_AGENT_ID: String, AgentFlags: Ushort,
    ATC_AGENT_STATE: Ushort => E(&AGENT), ATC_STATE_DURATION: Uint,
    AgentConnectionDeviceID: String, SupervisorConnectionDeviceID: String,
    DefaultDevicePortAddress: String, SERVICE_NAME: String, CustomerPhoneNumber: String,
    CustomerAccountNumber: String, ApplicationPathID: Int, SCRIPT_SELECTOR: String,
    APPLICATION_STRING1: String, APPLICATION_STRING2: String, RouterCallKeySequenceNumber: Uint,
    TrunkNumber: Uint, TrunkGroupNumber: Uint, NextAgentState: Ushort => E(&AGENT),
    DEQUEUE_TYPE: String, SENDING_ADDRESS: Mixed, SENDING_PORT: Mixed, MaxQueued: Mixed,
    QUEUE_ID: String, CUSTOMER_ID: Mixed, SERVICE_SKILL_TARGET_ID: String,
    PERIPHERAL_NAME: String, Description: String, SERVICE_MEMBER_ID: String,
    SERVICE_MEMBER_PRIORITY: String, FirstName: String, LastName: String, SKILL_GROUP: String,
    AGENT_SKILL_TARGET_ID: String, SERVICE: String, Duration: Uint, Extension: String,
    SERVICE_LEVEL_THRESHOLD: String, SERVICE_LEVEL_TYPE: String, CONFIG_PARAM: String,
    SERVICE_CONFIG_KEY: Unspec, SKILL_GROUP_CONFIG_KEY: Unspec, AGENT_CONFIG_KEY: Unspec,
    DEVICE_CONFIG_KEY: Unspec, RecordType: Ushort => E(&RECORD_TYPE), PERIPHERAL_NUMBER: Mixed,
    AgentSkillTargetID: Mixed, NUM_SERVICE_MEMBERS: Mixed, SERVICE_MEMBER: Mixed,
    SERVICE_PRIORITY: Mixed, AgentType: Mixed, LoginID: String, NUM_SKILLS: Mixed,
    SkillGroupSkillTargetID: Mixed, SERVICE_ID: Uint, DeviceType: Ushort, ENABLE: String,
    DEVICEID: String, TIMEOUT: String, CURRENT_ROUTE: String, SecondaryConnectionCallID: Uint,
    PRIORITY_QUEUE_NUMBER: String, TeamName: String, MemberType: String, EventDeviceID: String,
    LOGIN_NAME: String, FltPeripheralID: Uint, CALL_TYPE_KEY_CONFIG: String, CALL_TYPE_ID: String,
    CUSTOMER_DEFINITION_ID: String, ENTERPRISE_NAME: String, OLD_PERIPHERAL_NUMBER: String,
    CUR_LOGIN_ID: String, ANI_II: String, MR_DOMAIN_ID: String, CTIOS_CIL_CLIENT_ID: String,
    SilentMonitorStatus: Ushort => E(&SILENT_MONITOR_STATUS), REQUESTING_DEVICE_ID: String,
    REQUESTING_DEVICE_ID_TYPE: String, PreCallInvokeID: Uint, ENTERPRISE_QUEUE_TIME: String,
    CallReferenceID: Unspec, MultilineAgentControl: Ushort, NETWORK_CONTROLLED: String,
    ClientAddressIPV6: String, SENDING_ADDRESS_IPV6: String, NumPeripherals: Ushort,
    COC_CONNECTION_CALL_ID: Uint, COC_CONNECTION_DEVICE_ID_TYPE: Ushort => E(&CONNID),
    COC_CONNECTION_DEVICE_ID: String, CallOriginatedFrom: Uchar, SET_APPDATA_CALLID: String,
    CLIENT_SHARE_KEY: String, AgentTeamName: String, OPTIONS: Mixed, FLT_MRD_ID: Mixed,
    MEDIA_CLASS_ID: Mixed, TASK_LIFE: Mixed, TASK_START_TIMEOUT: Mixed, MAX_TASK_DURATION: Mixed,
    INTERRUPTIBLE: Mixed, MAX_CALLS_IN_QUEUE: Mixed, MAX_CALLS_IN_QUEUE_PER_CALL_TYPE: Mixed,
    MAX_TIME_IN_QUEUE: Mixed, InternalAgentState: Mixed, SSO_ENABLED: Mixed, FLT_TASK_ID: Mixed,
    FLT_ICM_DISP: Mixed, FLT_APP_DISP: Mixed, NUM_MRDS: Mixed, FLT_AGENT_MRD_ID: Mixed,
    FLT_AGENT_MRD_STATE: Mixed, FLT_PRECISION_QUEUE_ID: Mixed, FLT_PRECISION_QUEUE_NAME: Mixed,
    MaxBeyondTaskLimit: Mixed, AGENT_DESK_SETTINGS_ID: Mixed, XFER_IN_WHILE_LOGGED_OUT: Mixed,
    PERIPHERAL_CONFIG_KEY: Mixed, AGENT_DESK_SETTINGS_CONFIG_KEY: Mixed, CONFIG_PERIPHERAL_ID: Mixed,
    DEFAULT_AGENT_DESK_SETTINGS_ID: Mixed, FLT_DESK_SETTINGS_MASK: Mixed,
    FLT_WRAP_UP_DATA_INCOMING_MODE: Mixed, FLT_WRAP_UP_DATA_OUTGOING_MODE: Mixed,
    FLT_LOGOUT_NON_ACTIVITY_TIME: Mixed, FLT_QUALITY_RECORDING_RATE: Mixed,
    FLT_RING_NO_ANSWER_TIME: Mixed, FLT_SILENT_MONITOR_WARNING_MESSAGE: Mixed,
    FLT_SILENT_MONITOR_AUDIBLE_INDICATION: Mixed, FLT_SUPERVISOR_ASSIST_CALL_METHOD: Mixed,
    FLT_EMERGENCY_CALL_METHOD: Mixed, FLT_AUTO_RECORD_ON_EMERGENCY: Mixed,
    FLT_RECORDING_MODE: Mixed, FLT_WORK_MODE_TIMER: Mixed, FLT_RING_NO_ANSWER_DN_ID: Mixed,
    FLT_DEFAULT_DEVICE_PORT_ADDRESS: Mixed, DESKTOP_CONNECTED_FLAG: Mixed,
    PLAY_TONE_DIRECTION: Mixed, INVOCATION_TYPE: Mixed, RECORDER_ADDRESS: Mixed,
    TERMINAL_NAME: Mixed, MEDIA_FORKING_DEVICE_NAME: Mixed, PROTOCOL_REFERENCE_GUID: Mixed,
    MEDIA_FORKING_CLUSTER_ID: Mixed, RECORDER_URI: Mixed, RECORDER_ERROR_MSG: Mixed,
    RECORDER_TYPE: Mixed, RECORDER_STATUS: Mixed, RECORDING_DEVICE_ID: Mixed, FLT_TERM_TYPE: Mixed,
    FLT_TERM_DEVICE_NAME: Mixed, FLT_TERM_TYPE_NAME: Mixed, FLT_NUM_INSTRUMENTS: Mixed,
    ACD_SHARED_LINE_USAGE: Mixed, PLAY_ZIP_TONE: Mixed, FLT_ENABLED_SERVICES: Mixed,
    NUM_OF_ENABLED_SERVICES: Mixed, CCAI_CONFIG_ID: Mixed, MEDIA_TYPE: Mixed, MEDIA_PROVIDER: Mixed,
    // QUERY_AGENT_STATISTICS_CONF and QUERY_SKILL_GROUP_STATISTICS_CONF counters (§2.3.2: names
    // in SCALA's order, nshimaza/uccertweb app/ctidriver/MessageType.scala).
    AvailTimeSession: Uint, LoggedOnTimeSession: Uint, NotReadyTimeSession: Uint,
    ICMAvailableTimeSession: Uint, RoutableTimeSession: Uint, AgentOutCallsSession: Uint,
    AgentOutCallsTalkTimeSession: Uint, AgentOutCallsTimeSession: Uint,
    AgentOutCallsHeldSession: Uint, AgentOutCallsHeldTimeSession: Uint, HandledCallsSession: Uint,
    HandledCallsTalkTimeSession: Uint, HandledCallsAfterCallTimeSession: Uint,
    HandledCallsTimeSession: Uint, IncomingCallsHeldSession: Uint,
    IncomingCallsHeldTimeSession: Uint, InternalCallsSession: Uint, InternalCallsTimeSession: Uint,
    InternalCallsRcvdSession: Uint, InternalCallsRcvdTimeSession: Uint,
    InternalCallsHeldSession: Uint, InternalCallsHeldTimeSession: Uint, AutoOutCallsSession: Uint,
    AutoOutCallsTalkTimeSession: Uint, AutoOutCallsTimeSession: Uint, AutoOutCallsHeldSession: Uint,
    AutoOutCallsHeldTimeSession: Uint, PreviewCallsSession: Uint, PreviewCallsTalkTimeSession: Uint,
    PreviewCallsTimeSession: Uint, PreviewCallsHeldSession: Uint, PreviewCallsHeldTimeSession: Uint,
    ReservationCallsSession: Uint, ReservationCallsTalkTimeSession: Uint,
    ReservationCallsTimeSession: Uint, ReservationCallsHeldSession: Uint,
    ReservationCallsHeldTimeSession: Uint, BargeInCallsSession: Uint, InterceptCallsSession: Uint,
    MonitorCallsSession: Uint, WhisperCallsSession: Uint, EmergencyCallsSession: Uint,
    AvailTimeToday: Uint, LoggedOnTimeToday: Uint, NotReadyTimeToday: Uint,
    ICMAvailableTimeToday: Uint, RoutableTimeToday: Uint, AgentOutCallsToday: Uint,
    AgentOutCallsTalkTimeToday: Uint, AgentOutCallsTimeToday: Uint, AgentOutCallsHeldToday: Uint,
    AgentOutCallsHeldTimeToday: Uint, HandledCallsToday: Uint, HandledCallsTalkTimeToday: Uint,
    HandledCallsAfterCallTimeToday: Uint, HandledCallsTimeToday: Uint, IncomingCallsHeldToday: Uint,
    IncomingCallsHeldTimeToday: Uint, InternalCallsToday: Uint, InternalCallsTimeToday: Uint,
    InternalCallsRcvdToday: Uint, InternalCallsRcvdTimeToday: Uint, InternalCallsHeldToday: Uint,
    InternalCallsHeldTimeToday: Uint, AutoOutCallsToday: Uint, AutoOutCallsTalkTimeToday: Uint,
    AutoOutCallsTimeToday: Uint, AutoOutCallsHeldToday: Uint, AutoOutCallsHeldTimeToday: Uint,
    PreviewCallsToday: Uint, PreviewCallsTalkTimeToday: Uint, PreviewCallsTimeToday: Uint,
    PreviewCallsHeldToday: Uint, PreviewCallsHeldTimeToday: Uint, ReservationCallsToday: Uint,
    ReservationCallsTalkTimeToday: Uint, ReservationCallsTimeToday: Uint,
    ReservationCallsHeldToday: Uint, ReservationCallsHeldTimeToday: Uint, BargeInCallsToday: Uint,
    InterceptCallsToday: Uint, MonitorCallsToday: Uint, WhisperCallsToday: Uint,
    EmergencyCallsToday: Uint,
    AgentsLoggedOn: Uint, AgentsAvail: Uint, AgentsNotReady: Uint, AgentsReady: Uint,
    AgentsTalkingIn: Uint, AgentsTalkingOut: Uint, AgentsTalkingOther: Uint,
    AgentsWorkNotReady: Uint, AgentsWorkReady: Uint, AgentsBusyOther: Uint, AgentsReserved: Uint,
    AgentsHold: Uint, AgentsICMAvailable: Uint, AgentsApplicationAvailable: Uint,
    AgentsTalkingAutoOut: Uint, AgentsTalkingPreview: Uint, AgentsTalkingReservation: Uint,
    RouterCallsQNow: Uint, LongestRouterCallQNow: Uint, CallsQNow: Uint, CallsQTimeNow: Uint,
    LongestCallQNow: Uint, AvailTimeTo5: Uint, LoggedOnTimeTo5: Uint, NotReadyTimeTo5: Uint,
    AgentOutCallsTo5: Uint, AgentOutCallsTalkTimeTo5: Uint, AgentOutCallsTimeTo5: Uint,
    AgentOutCallsHeldTo5: Uint, AgentOutCallsHeldTimeTo5: Uint, HandledCallsTo5: Uint,
    HandledCallsTalkTimeTo5: Uint, HandledCallsAfterCallTimeTo5: Uint, HandledCallsTimeTo5: Uint,
    IncomingCallsHeldTo5: Uint, IncomingCallsHeldTimeTo5: Uint, InternalCallsRcvdTo5: Uint,
    InternalCallsRcvdTimeTo5: Uint, InternalCallsHeldTo5: Uint, InternalCallsHeldTimeTo5: Uint,
    AutoOutCallsTo5: Uint, AutoOutCallsTalkTimeTo5: Uint, AutoOutCallsTimeTo5: Uint,
    AutoOutCallsHeldTo5: Uint, AutoOutCallsHeldTimeTo5: Uint, PreviewCallsTo5: Uint,
    PreviewCallsTalkTimeTo5: Uint, PreviewCallsTimeTo5: Uint, PreviewCallsHeldTo5: Uint,
    PreviewCallsHeldTimeTo5: Uint, ReservationCallsTo5: Uint, ReservationCallsTalkTimeTo5: Uint,
    ReservationCallsTimeTo5: Uint, ReservationCallsHeldTo5: Uint, ReservationCallsHeldTimeTo5: Uint,
    BargeInCallsTo5: Uint, InterceptCallsTo5: Uint, MonitorCallsTo5: Uint, WhisperCallsTo5: Uint,
    EmergencyCallsTo5: Uint, CallsQ5: Uint, CallsQTime5: Uint, LongestCallQ5: Uint,
    AvailTimeToHalf: Uint, LoggedOnTimeToHalf: Uint, NotReadyTimeToHalf: Uint,
    AgentOutCallsToHalf: Uint, AgentOutCallsTalkTimeToHalf: Uint, AgentOutCallsTimeToHalf: Uint,
    AgentOutCallsHeldToHalf: Uint, AgentOutCallsHeldTimeToHalf: Uint, HandledCallsToHalf: Uint,
    HandledCallsTalkTimeToHalf: Uint, HandledCallsAfterCallTimeToHalf: Uint,
    HandledCallsTimeToHalf: Uint, IncomingCallsHeldToHalf: Uint, IncomingCallsHeldTimeToHalf: Uint,
    InternalCallsRcvdToHalf: Uint, InternalCallsRcvdTimeToHalf: Uint, InternalCallsHeldToHalf: Uint,
    InternalCallsHeldTimeToHalf: Uint, AutoOutCallsToHalf: Uint, AutoOutCallsTalkTimeToHalf: Uint,
    AutoOutCallsTimeToHalf: Uint, AutoOutCallsHeldToHalf: Uint, AutoOutCallsHeldTimeToHalf: Uint,
    PreviewCallsToHalf: Uint, PreviewCallsTalkTimeToHalf: Uint, PreviewCallsTimeToHalf: Uint,
    PreviewCallsHeldToHalf: Uint, PreviewCallsHeldTimeToHalf: Uint, ReservationCallsToHalf: Uint,
    ReservationCallsTalkTimeToHalf: Uint, ReservationCallsTimeToHalf: Uint,
    ReservationCallsHeldToHalf: Uint, ReservationCallsHeldTimeToHalf: Uint,
    BargeInCallsToHalf: Uint, InterceptCallsToHalf: Uint, MonitorCallsToHalf: Uint,
    WhisperCallsToHalf: Uint, EmergencyCallsToHalf: Uint, CallsQHalf: Uint, CallsQTimeHalf: Uint,
    LongestCallQHalf: Uint, CallsQToday: Uint, CallsQTimeToday: Uint, LongestCallQToday: Uint,
    // Text dumps only: UCCX's summary of the ECC block (§1.3), the bytes of the NamedVariables.
    ExpandedCallContext: DumpSummary,
}

impl FieldId {
    /// The field's definition.
    #[must_use]
    pub fn def(self) -> &'static FieldDef {
        &FIELDS[self as usize]
    }

    /// The canonical name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The field with catalogue index `index`.
    #[must_use]
    pub fn from_index(index: usize) -> Option<FieldId> {
        FieldId::ALL.get(index).copied()
    }

    /// The field with canonical name `name` (exact spelling).
    #[must_use]
    pub fn lookup(name: &str) -> Option<FieldId> {
        by_name().get(name).copied()
    }
}

/// Every field by name, built on first use.
fn by_name() -> &'static FxHashMap<&'static str, FieldId> {
    static INDEX: OnceLock<FxHashMap<&'static str, FieldId>> = OnceLock::new();
    INDEX.get_or_init(|| FieldId::ALL.iter().map(|&f| (f.name(), f)).collect())
}

/// What a name written in a dump refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// A catalogued field.
    Field(FieldId),
    /// UCCX's `NumCSQs`, which is `NumFltSkillGroups` in AGENT_STATE_EVENT and `NumSkillGroups`
    /// elsewhere (reference §1.7).
    NumCsqs,
    /// An ECC variable (`BAResponse`, `user.layout`): its name is the name as written.
    Ecc,
    /// A name no source lists.
    Unknown,
}

impl Named {
    /// The catalogued field this name stands for in a message of type `message_type` (the ID).
    #[must_use]
    pub fn field(self, message_type: Option<u16>) -> Option<FieldId> {
        match self {
            Named::Field(f) => Some(f),
            Named::NumCsqs if message_type == Some(30) => Some(FieldId::NumFltSkillGroups),
            Named::NumCsqs => Some(FieldId::NumSkillGroups),
            Named::Ecc | Named::Unknown => None,
        }
    }
}

/// A name as written, resolved: `base` without any `[index]`, what it names, and the index.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The name as written without any `[index]` suffix.
    pub base: &'a str,
    /// What the base name refers to.
    pub named: Named,
    /// The index written in brackets (`ConnectedPartyCallID[1]`), if numeric.
    pub index: Option<u32>,
}

/// Resolves a field name as written: canonical names, UCCX names and typos, and ECC variables
/// (`BAResponse`, `user.layout`). An `[index]` suffix is split off.
#[must_use]
pub fn resolve(written: &str) -> Resolved<'_> {
    let (base, index) = split_index(written);
    let named = if let Some(f) = FieldId::lookup(base) {
        Named::Field(f)
    } else if let Some(f) = ALIASES
        .iter()
        .find(|(a, _)| *a == base)
        .and_then(|(_, c)| FieldId::lookup(c))
    {
        Named::Field(f)
    } else if base.eq_ignore_ascii_case("NumCSQs") {
        Named::NumCsqs
    } else if is_ecc_variable(base) {
        Named::Ecc
    } else if let Some(f) = crate::traces::DECODED
        .then(|| trace_spelling(base))
        .flatten()
    {
        Named::Field(f)
    } else {
        Named::Unknown
    };
    Resolved { base, named, index }
}

/// `Name[i]` → (`Name`, Some(i)) for a numeric index; a non-numeric index (`[i]` in the guides'
/// templates) is dropped from the name but not kept as a number.
fn split_index(written: &str) -> (&str, Option<u32>) {
    match written.strip_suffix(']').and_then(|s| s.rsplit_once('[')) {
        Some((base, idx)) if !base.is_empty() => (base, idx.parse().ok()),
        _ => (written, None),
    }
}

/// ECC variables UCCX outbound dumps print by name (reference §5 flows), and user variables
/// (`user.*`, any name with a dot).
#[must_use]
pub fn is_ecc_variable(name: &str) -> bool {
    const OUTBOUND: [&str; 7] = [
        "BACampaign",
        "BACampaignID",
        "BAStatus",
        "BAResponse",
        "BAAccountNumber",
        "BADialedListID",
        "BABuddyName",
    ];
    OUTBOUND.contains(&name)
        || (name.contains('.') && !name.starts_with('.') && !name.ends_with('.'))
}

/// A name as the Cisco traces write it (`cisco-logs.md`), in the builds that read traces (the
/// main WebAssembly module, which reads none, leaves it out): the guide's name in camelCase, as
/// Finesse prints every field (§1.2: `skillGroupState`, `agentExtension`) and the MIVR
/// high-level trace most (§2.2: `connectionCallID`), matched without regard to ASCII case; and
/// the MIVR spellings §2.2 lists beside the guide's names (`ani1`, `numNamedVars`,
/// `callVar1`…`callVar10`, `wrapupData`).
fn trace_spelling(written: &str) -> Option<FieldId> {
    if let Some(n) = written
        .strip_prefix("callVar")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        // §2.2: callVar1 … callVar10 are CallVariable1 … CallVariable10.
        return FieldId::lookup(&format!("CallVariable{n}"));
    }
    let canonical = match written {
        "ani1" => "ANI",
        "numNamedVars" => "NumNamedVariables",
        "numNamedArrays" => "NumNamedArrays",
        // §2.2 pairs `wrapupData` with the guide's WrapupData, the call's wrap-up data: the
        // catalogue's CallWrapupData (§3 tag 46). INFERENCE: no source prints the two together.
        "wrapupData" => "CallWrapupData",
        // Once per name a log writes: a scan of the catalogue is cheap enough.
        other => {
            return FieldId::ALL
                .iter()
                .copied()
                .find(|f| f.name().eq_ignore_ascii_case(other))
        }
    };
    FieldId::lookup(canonical)
}

/// Spellings in UCCX guides and dumps → canonical names (reference §1.7, and the flows: the
/// reservation flow prints `AlertingDevice` for the alerting device ID).
pub static ALIASES: &[(&str, &str)] = &[
    ("AddedDeviceID", "AddedPartyDeviceID"),
    ("AlertingDevice", "AlertingDeviceID"),
    ("ANI1", "ANI"),
    ("ApplicationID", "ServiceNumber"),
    ("CallID", "ConnectionCallID"),
    ("CCXStatus", "PGStatus"),
    ("CCXTime", "ICMCentralControllerTime"),
    ("CED", "CallerEnteredDigits"),
    ("ConnectedPartyDCallID", "ConnectedPartyCallID"),
    ("ConnectionDeviceType", "ConnectionDeviceIDType"),
    ("CSQID", "SkillGroupNumber"),
    ("CSQState", "SkillGroupState"),
    // The OPC trace's short names (`cisco-logs.md` §3.4).
    ("CallDisp", "CallDisposition"),
    ("PeriphCallType", "PeripheralCallType"),
    ("ExpandedCallContxt", "ExpandedCallContext"),
    ("HoldingingDeviceType", "HoldingDeviceType"),
    ("lineType", "LineType"),
    ("NewConnectionDeviceType", "NewConnectionDeviceIDType"),
    ("NumNamedVars", "NumNamedVariables"),
    ("UUI", "UserToUserInfo"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names_are_unique_and_aliases_point_at_them() {
        assert_eq!(by_name().len(), FIELDS.len(), "duplicate field name");
        for (i, &f) in FieldId::ALL.iter().enumerate() {
            assert_eq!(f as usize, i);
        }
        for (alias, canonical) in ALIASES {
            assert!(
                FieldId::lookup(canonical).is_some(),
                "{alias} → {canonical} is not a field"
            );
            assert!(
                FieldId::lookup(alias).is_none(),
                "{alias} is itself canonical"
            );
        }
    }

    #[test]
    fn resolves_uccx_names_typos_indices_and_ecc_variables() {
        let field = |w: &str, m| resolve(w).named.field(m).map(FieldId::name);
        assert_eq!(field("CallID", Some(9)), Some("ConnectionCallID"));
        assert_eq!(field("CSQState", Some(30)), Some("SkillGroupState"));
        assert_eq!(field("NumCSQs", Some(30)), Some("NumFltSkillGroups"));
        assert_eq!(field("numCSQs", Some(21)), Some("NumSkillGroups"));
        assert_eq!(
            field("HoldingingDeviceType", Some(11)),
            Some("HoldingDeviceType")
        );
        let party = resolve("ConnectedPartyDCallID[1]");
        assert_eq!(
            (party.named.field(None), party.index),
            (Some(FieldId::ConnectedPartyCallID), Some(1))
        );
        let template = resolve("ConnectedPartyDCallID[i]");
        assert_eq!(
            (template.named.field(None), template.index),
            (Some(FieldId::ConnectedPartyCallID), None)
        );
        assert_eq!(resolve("BAResponse").named, Named::Ecc);
        assert_eq!(resolve("user.layout").named, Named::Ecc);
        assert_eq!(resolve("NoSuchField").named, Named::Unknown);
        assert_eq!(resolve("[1]").named, Named::Unknown);
    }
}
