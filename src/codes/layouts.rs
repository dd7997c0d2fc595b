//! Fixed parts of every message type with a layout (reference §2.2 and §2.3), field by field,
//! by protocol version where they differ (§2.3.1), with what the reference doubts about each.

use super::fields::FieldId as F;

/// How a value is written on the wire (reference §1.4). All numbers are big-endian.
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
    /// A fixed run of opaque bytes (a reserved UNSPEC in a fixed part), shown as hex.
    Bytes(u8),
    /// STRING: NUL-terminated inside its length (floating fields only).
    Str,
    /// UNSPEC: opaque bytes of any length, shown as hex (floating fields only).
    Unspec,
    /// NAMEDVAR (tag 82): NUL-terminated name, then NUL-terminated value.
    NamedVar,
    /// NAMEDARRAY (tag 83): 1-byte index, NUL-terminated name, NUL-terminated value.
    NamedArray,
    /// A tag whose type the reference does not settle: text when its data ends in NUL, a
    /// number when it has this many bytes (the type the sources that type it give), otherwise
    /// bytes shown as hex.
    Flex(u8),
}

impl Wire {
    /// Bytes of a fixed-size value; `None` for variable-size ones.
    #[must_use]
    #[inline]
    pub const fn size(self) -> Option<usize> {
        match self {
            Wire::U8 => Some(1),
            Wire::U16 | Wire::Bool => Some(2),
            Wire::U32 | Wire::I32 | Wire::Time => Some(4),
            Wire::Bytes(n) => Some(n as usize),
            Wire::Str | Wire::Unspec | Wire::NamedVar | Wire::NamedArray | Wire::Flex(_) => None,
        }
    }
}

/// One fixed part: its fields in order, and the protocol versions it applies to (inclusive).
#[derive(Debug)]
pub struct Variant {
    /// The lowest protocol version with this fixed part.
    pub from: u8,
    /// The highest protocol version with this fixed part.
    pub to: u8,
    /// The fields, in order.
    pub fields: &'static [(F, Wire)],
    /// Bytes of the fixed part.
    size: u16,
}

impl Variant {
    /// The fixed part `fields` for protocol versions `from` to `to`.
    #[must_use]
    pub const fn new(from: u8, to: u8, fields: &'static [(F, Wire)]) -> Variant {
        Variant {
            from,
            to,
            fields,
            size: fixed_size(fields),
        }
    }

    /// Bytes of the fixed part.
    #[must_use]
    #[inline]
    pub fn size(&self) -> usize {
        usize::from(self.size)
    }

    /// Whether `version` uses this fixed part.
    #[must_use]
    pub fn covers(&self, version: u8) -> bool {
        (self.from..=self.to).contains(&version)
    }
}

/// The fixed parts of one message type.
#[derive(Debug)]
pub struct Layout {
    /// The message type ID.
    pub id: u16,
    /// Its fixed parts, by version (one for most types), shortest first.
    pub variants: &'static [Variant],
    /// When the version is unknown, try the longest fixed part first and keep it only if the
    /// floating part then parses (reference §2.3.1's rule for IDs 4, 30, 37, 128); otherwise the
    /// shortest is tried first (SNAPSHOT_CALL_CONF, §2.3.1).
    pub longest_first: bool,
    /// What the reference doubts about this layout, if anything.
    pub doubt: Option<&'static str>,
}

/// Bytes of a fixed part.
///
/// # Panics
/// If the fields add up to 64 KiB or more (no table does: it would not fit a frame).
#[must_use]
pub const fn fixed_size(fields: &[(F, Wire)]) -> u16 {
    let mut size = 0;
    let mut i = 0;
    while i < fields.len() {
        size += match fields[i].1.size() {
            Some(n) => n,
            None => 0,
        };
        i += 1;
    }
    assert!(size < 1 << 16, "a fixed part fits a frame");
    #[allow(clippy::cast_possible_truncation)] // checked just above
    let size = size as u16;
    size
}

/// The layout of message type `id`, if the reference gives one.
#[must_use]
pub fn layout(id: u16) -> Option<&'static Layout> {
    static BY_ID: std::sync::OnceLock<Vec<Option<&'static Layout>>> = std::sync::OnceLock::new();
    let by_id = BY_ID.get_or_init(|| {
        let mut by_id = vec![None; usize::from(LAYOUTS[LAYOUTS.len() - 1].id) + 1];
        for layout in LAYOUTS {
            by_id[usize::from(layout.id)] = Some(layout);
        }
        by_id
    });
    by_id.get(usize::from(id)).copied().flatten()
}

use Wire::{Bool, Time, I32, U16, U32};

const INV: (F, Wire) = (F::InvokeID, U32);
const MON: (F, Wire) = (F::MonitorID, U32);
const PER: (F, Wire) = (F::PeripheralID, U32);
const PT: (F, Wire) = (F::PeripheralType, U16);
const CDT: (F, Wire) = (F::ConnectionDeviceIDType, U16);
const CID: (F, Wire) = (F::ConnectionCallID, U32);
const LH: (F, Wire) = (F::LineHandle, U16);
const LT: (F, Wire) = (F::LineType, U16);
const SVCN: (F, Wire) = (F::ServiceNumber, U32);
const SVCID: (F, Wire) = (F::ServiceID, U32);
const SGN: (F, Wire) = (F::SkillGroupNumber, U32);
const SGID: (F, Wire) = (F::SkillGroupID, U32);
const SGP: (F, Wire) = (F::SkillGroupPriority, U16);
const LCS: (F, Wire) = (F::LocalConnectionState, U16);
const EC: (F, Wire) = (F::EventCause, U16);
const NNV: (F, Wire) = (F::NumNamedVariables, U16);
const NNA: (F, Wire) = (F::NumNamedArrays, U16);
const NCID: (F, Wire) = (F::NewConnectionCallID, U32);
const NCDT: (F, Wire) = (F::NewConnectionDeviceIDType, U16);
const ACID: (F, Wire) = (F::ActiveConnectionCallID, U32);
const ACDT: (F, Wire) = (F::ActiveConnectionDeviceIDType, U16);
const HCID: (F, Wire) = (F::HeldConnectionCallID, U32);
const HCDT: (F, Wire) = (F::HeldConnectionDeviceIDType, U16);
const MONID: (F, Wire) = (F::MonitorID, U32);
const SESSION: (F, Wire) = (F::SessionID, U32);
const TEAM: (F, Wire) = (F::TeamID, U32);
const DEPT: (F, Wire) = (F::DepartmentID, I32);
const PRIO: (F, Wire) = (F::Priority, Bool);
const POST: (F, Wire) = (F::PostRoute, Bool);
const STATUS: (F, Wire) = (F::Status, U32);
const RECORDS: (F, Wire) = (F::NumRecords, U16);
const fn dt(f: F) -> (F, Wire) {
    (f, U16)
}

// The six call options of the call-control requests (§2.3 "Opt6"): CallPlacementType,
// CallMannerType, AlertRings, CallOption, FacilityType, AnsweringMachine.
const PLACE: (F, Wire) = (F::CallPlacementType, U16);
const MANNER: (F, Wire) = (F::CallMannerType, U16);
const RINGS: (F, Wire) = (F::AlertRings, U16);
const OPTION: (F, Wire) = (F::CallOption, U16);
const FACILITY: (F, Wire) = (F::FacilityType, U16);
const MACHINE: (F, Wire) = (F::AnsweringMachine, U16);

/// A layout that is the same in every version.
macro_rules! one {
    ($id:literal, [$($f:expr),* $(,)?]) => { one!($id, None, [$($f),*]) };
    ($id:literal, $doubt:expr, [$($f:expr),* $(,)?]) => {
        Layout { id: $id, variants: &[Variant::new(0, 255, &[$($f),*])], longest_first: false, doubt: $doubt }
    };
}

pub(crate) const INVOKE_ONLY: &[(F, Wire)] = &[INV];
/// A confirmation that carries only its InvokeID.
macro_rules! conf {
    ($id:literal) => {
        conf!($id, None)
    };
    ($id:literal, $doubt:expr) => {
        Layout {
            id: $id,
            variants: &[Variant::new(0, 255, $crate::codes::layouts::INVOKE_ONLY)],
            longest_first: false,
            doubt: $doubt,
        }
    };
}

const SCALA_ONLY: Option<&str> =
    Some("single source (SCALA, never run against a server): UNCERTAIN, reference §2.3");
const UCCX_ONLY: Option<&str> =
    Some("UCCX guide's layout; no UCCE layout was read: UNCERTAIN for UCCE, reference §2.3.5");

const CALL_DELIVERED: &[(F, Wire)] = &[
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
    dt(F::AlertingDeviceType),
    dt(F::CallingDeviceType),
    dt(F::CalledDeviceType),
    dt(F::LastRedirectDeviceType),
    LCS,
    EC,
    NNV,
    NNA,
];
const CALL_ESTABLISHED: &[(F, Wire)] = &[
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
    dt(F::AnsweringDeviceType),
    dt(F::CallingDeviceType),
    dt(F::CalledDeviceType),
    dt(F::LastRedirectDeviceType),
    LCS,
    EC,
];
const AGENT_STATE: &[(F, Wire)] = &[
    MON,
    PER,
    SESSION,
    PT,
    dt(F::SkillGroupState),
    (F::StateDuration, U32),
    SGN,
    SGID,
    SGP,
    dt(F::AgentState),
    dt(F::EventReasonCode),
    (F::MRDID, U32),
    (F::NumTasks, U32),
    dt(F::AgentMode),
    (F::MaxTaskLimit, U32),
    (F::ICMAgentID, U32),
    (F::AgentAvailabilityStatus, U32),
    dt(F::NumFltSkillGroups),
];
const AGENT_STATE_V20: &[(F, Wire)] = &[
    MON,
    PER,
    SESSION,
    PT,
    dt(F::SkillGroupState),
    (F::StateDuration, U32),
    SGN,
    SGID,
    SGP,
    dt(F::AgentState),
    dt(F::EventReasonCode),
    (F::MRDID, U32),
    (F::NumTasks, U32),
    dt(F::AgentMode),
    (F::MaxTaskLimit, U32),
    (F::ICMAgentID, U32),
    (F::AgentAvailabilityStatus, U32),
    dt(F::NumFltSkillGroups),
    DEPT,
];
const OPEN_CONF: &[(F, Wire)] = &[
    INV,
    (F::ServicesGranted, U32),
    MON,
    (F::PGStatus, U32),
    (F::ICMCentralControllerTime, Time),
    (F::PeripheralOnline, Bool),
    PT,
    dt(F::AgentState),
];
const OPEN_CONF_V20: &[(F, Wire)] = &[
    INV,
    (F::ServicesGranted, U32),
    MON,
    (F::PGStatus, U32),
    (F::ICMCentralControllerTime, Time),
    (F::PeripheralOnline, Bool),
    PT,
    dt(F::AgentState),
    DEPT,
];
const OPEN_CONF_V24: &[(F, Wire)] = &[
    INV,
    (F::ServicesGranted, U32),
    MON,
    (F::PGStatus, U32),
    (F::ICMCentralControllerTime, Time),
    (F::PeripheralOnline, Bool),
    PT,
    dt(F::AgentState),
    DEPT,
    dt(F::SessionType),
];
const QUERY_AGENT_STATE_CONF: &[(F, Wire)] = &[
    INV,
    dt(F::AgentState),
    dt(F::NumSkillGroups),
    (F::MRDID, I32),
    (F::NumTasks, U32),
    dt(F::AgentMode),
    (F::MaxTaskLimit, U32),
    (F::ICMAgentID, I32),
    (F::AgentAvailabilityStatus, U32),
];
const QUERY_AGENT_STATE_CONF_V20: &[(F, Wire)] = &[
    INV,
    dt(F::AgentState),
    dt(F::NumSkillGroups),
    (F::MRDID, I32),
    (F::NumTasks, U32),
    dt(F::AgentMode),
    (F::MaxTaskLimit, U32),
    (F::ICMAgentID, I32),
    (F::AgentAvailabilityStatus, U32),
    DEPT,
];
const MAKE_CALL_V13: &[(F, Wire)] = &[
    INV, PER, PLACE, MANNER, RINGS, OPTION, FACILITY, MACHINE, PRIO, POST, NNV, NNA,
];
const MAKE_CALL: &[(F, Wire)] = &[
    INV, PER, PLACE, MANNER, RINGS, OPTION, FACILITY, MACHINE, PRIO, POST, NNV, NNA, SGN,
];
const SNAPSHOT_CALL_CONF: &[(F, Wire)] = &[
    INV,
    dt(F::CallType),
    dt(F::NumCTIClients),
    dt(F::NumCallDevices),
    NNV,
    NNA,
    dt(F::CalledPartyDisposition),
];
const SNAPSHOT_CALL_CONF_UCCX: &[(F, Wire)] = &[
    INV,
    dt(F::CallType),
    dt(F::NumCTIClients),
    dt(F::NumCallDevices),
    NNV,
    NNA,
    dt(F::CalledPartyDisposition),
    (F::Reserved, I32),
];
const TEAM_CONFIG_EVENT: &[(F, Wire)] = &[PER, TEAM, dt(F::NumberOfAgents), dt(F::ConfigOperation)];
const TEAM_CONFIG_EVENT_V24: &[(F, Wire)] = &[
    PER,
    TEAM,
    dt(F::NumberOfAgents),
    dt(F::ConfigOperation),
    DEPT,
];
const COUNTERS_113: &[(F, Wire)] = &counters::<86>(F::AvailTimeSession, F::EmergencyCallsToday);
const COUNTERS_115: &[(F, Wire)] = &counters_115();

/// InvokeID, PeripheralID, then the counters from `first` to `last` in catalogue order.
const fn counters<const N: usize>(first: F, last: F) -> [(F, Wire); N] {
    let mut out = [INV; N];
    out[1] = PER;
    let mut i = 2;
    let mut f = first as usize;
    while i < N {
        out[i] = (crate::codes::fields::FieldId::ALL[f], U32);
        f += 1;
        i += 1;
    }
    assert!(f - 1 == last as usize, "counter range and count disagree");
    out
}

/// QUERY_SKILL_GROUP_STATISTICS_CONF: four head fields and 145 counters in SCALA's order, whose
/// last 41 reuse the agent counters' "…Today" names (reference §2.3.2).
const fn counters_115() -> [(F, Wire); 149] {
    const TODAY: [F; 41] = [
        F::AvailTimeToday,
        F::LoggedOnTimeToday,
        F::NotReadyTimeToday,
        F::AgentOutCallsToday,
        F::AgentOutCallsTalkTimeToday,
        F::AgentOutCallsTimeToday,
        F::AgentOutCallsHeldToday,
        F::AgentOutCallsHeldTimeToday,
        F::HandledCallsToday,
        F::HandledCallsTalkTimeToday,
        F::HandledCallsAfterCallTimeToday,
        F::HandledCallsTimeToday,
        F::IncomingCallsHeldToday,
        F::IncomingCallsHeldTimeToday,
        F::InternalCallsRcvdToday,
        F::InternalCallsRcvdTimeToday,
        F::InternalCallsHeldToday,
        F::InternalCallsHeldTimeToday,
        F::AutoOutCallsToday,
        F::AutoOutCallsTalkTimeToday,
        F::AutoOutCallsTimeToday,
        F::AutoOutCallsHeldToday,
        F::AutoOutCallsHeldTimeToday,
        F::PreviewCallsToday,
        F::PreviewCallsTalkTimeToday,
        F::PreviewCallsTimeToday,
        F::PreviewCallsHeldToday,
        F::PreviewCallsHeldTimeToday,
        F::ReservationCallsToday,
        F::ReservationCallsTalkTimeToday,
        F::ReservationCallsTimeToday,
        F::ReservationCallsHeldToday,
        F::ReservationCallsHeldTimeToday,
        F::BargeInCallsToday,
        F::InterceptCallsToday,
        F::MonitorCallsToday,
        F::WhisperCallsToday,
        F::EmergencyCallsToday,
        F::CallsQToday,
        F::CallsQTimeToday,
        F::LongestCallQToday,
    ];
    let mut out = [INV; 149];
    out[1] = PER;
    out[2] = SGN;
    out[3] = SGID;
    let mut i = 4;
    let mut f = F::AgentsLoggedOn as usize;
    while f <= F::LongestCallQHalf as usize {
        out[i] = (crate::codes::fields::FieldId::ALL[f], U32);
        f += 1;
        i += 1;
    }
    let mut t = 0;
    while t < TODAY.len() {
        out[i] = (TODAY[t], U32);
        i += 1;
        t += 1;
    }
    assert!(i == 149, "145 counters");
    out
}

mod table;
pub use table::LAYOUTS;
