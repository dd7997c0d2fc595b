//! Field names: canonical names, wire types, coded tables, and the spellings dumps use.
//!
//! Canonical names are the UCCE CTI Server names (reference `cti-protocol.md` §2.2 fixed parts,
//! §3 floating fields). UCCX guides rename some fields and its example dumps carry typos (§1.7);
//! those spellings are [`ALIASES`] of the canonical name.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cti::{
    AGENT_STATE, CALLED_PARTY_DISPOSITION, CALL_TYPE, CONNECTION_DEVICE_ID_TYPE, DEVICE_ID_TYPE,
    EVENT_CAUSE, LINE_TYPE, LOCAL_CONNECTION_STATE, PERIPHERAL_TYPE, STATUS, SYSTEM_EVENT_ID,
};
use super::CodeTable;

/// How a field's value is carried (reference §1.4).
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
    /// An ECC (expanded call context) variable, printed by name in dumps.
    EccVariable,
    /// A dump's summary line with no wire field of its own (`ExpandedCallContxt: <TotalBytes: N>`).
    DumpSummary,
}

impl FieldType {
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

/// A known field: its canonical name, type, and the table that explains its values.
#[derive(Debug)]
pub struct FieldDef {
    /// The canonical name.
    pub name: &'static str,
    /// How the value is carried.
    pub ty: FieldType,
    /// The table of the field's coded values, if it is coded.
    pub codes: Option<&'static CodeTable>,
}

/// What a name written in a dump refers to.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The name as written without any `[index]` suffix.
    pub base: &'a str,
    /// The field's definition, `None` for a name no source lists. An ECC variable's definition
    /// has an empty name: its name is `base`.
    pub def: Option<&'static FieldDef>,
    /// The index written in brackets (`ConnectedPartyCallID[1]`), if numeric.
    pub index: Option<u32>,
}

/// Resolves a field name as written in a message of type `message_type` (a canonical message
/// name such as `AGENT_STATE_EVENT`): canonical names, UCCX names and typos, and ECC variables
/// (`BAResponse`, `user.layout`). An `[index]` suffix is split off.
#[must_use]
pub fn resolve<'a>(written: &'a str, message_type: &str) -> Resolved<'a> {
    let (base, index) = split_index(written);
    let def = lookup(base)
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(a, _)| *a == base)
                .and_then(|(_, c)| lookup(c))
        })
        .or_else(|| per_message_alias(base, message_type).and_then(lookup))
        .or_else(|| is_ecc_variable(base).then_some(&ECC_VARIABLE));
    Resolved { base, def, index }
}

/// The definition of a canonical field name.
#[must_use]
pub fn lookup(name: &str) -> Option<&'static FieldDef> {
    by_name().get(name).copied()
}

/// Every definition by name, built on first use (a hash lookup is several times faster than a
/// binary search of ~200 names, and decoding looks up every field).
fn by_name() -> &'static HashMap<&'static str, &'static FieldDef> {
    static INDEX: OnceLock<HashMap<&'static str, &'static FieldDef>> = OnceLock::new();
    INDEX.get_or_init(|| FIELDS.iter().map(|d| (d.name, d)).collect())
}

/// `Name[i]` → (`Name`, Some(i)) for a numeric index; a non-numeric index (`[i]` in the guides'
/// templates) is dropped from the name but not kept as a number.
fn split_index(written: &str) -> (&str, Option<u32>) {
    match written.strip_suffix(']').and_then(|s| s.rsplit_once('[')) {
        Some((base, idx)) if !base.is_empty() => (base, idx.parse().ok()),
        _ => (written, None),
    }
}

/// UCCX's name for the skill-group count depends on the message (reference §1.7): in
/// AGENT_STATE_EVENT it is NumFltSkillGroups, in CALL_QUEUED/DEQUEUED_EVENT NumSkillGroups.
fn per_message_alias(base: &str, message_type: &str) -> Option<&'static str> {
    if !base.eq_ignore_ascii_case("NumCSQs") {
        return None;
    }
    Some(if message_type == "AGENT_STATE_EVENT" {
        "NumFltSkillGroups"
    } else {
        "NumSkillGroups"
    })
}

/// ECC variables UCCX outbound dumps print by name (reference §5 flows), and user variables
/// (`user.*`, any name with a dot).
fn is_ecc_variable(name: &str) -> bool {
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

static ECC_VARIABLE: FieldDef = FieldDef {
    name: "",
    ty: FieldType::EccVariable,
    codes: None,
};

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
    ("ExpandedCallContxt", "ExpandedCallContext"),
    ("HoldingingDeviceType", "HoldingDeviceType"),
    ("lineType", "LineType"),
    ("NewConnectionDeviceType", "NewConnectionDeviceIDType"),
    ("NumNamedVars", "NumNamedVariables"),
    ("UUI", "UserToUserInfo"),
];

const fn f(name: &'static str, ty: FieldType, codes: Option<&'static CodeTable>) -> FieldDef {
    FieldDef { name, ty, codes }
}

use FieldType::{Bool, DumpSummary, String as Str, Time, Uchar, Uint, Unspec, Ushort};

const AGENT: Option<&CodeTable> = Some(&AGENT_STATE);
const DEVID: Option<&CodeTable> = Some(&DEVICE_ID_TYPE);
const CONNID: Option<&CodeTable> = Some(&CONNECTION_DEVICE_ID_TYPE);

/// Every known field. Fixed-part fields first (§2.2), then floating fields (§3).
pub static FIELDS: &[FieldDef] = &[
    // Session and fixed parts (§2.2).
    f("InvokeID", Uint, None),
    f("Status", Uint, Some(&STATUS)),
    f("VersionNumber", Uint, None),
    f("IdleTimeout", Uint, None),
    f("ServicesRequested", Uint, None),
    f("ServicesGranted", Uint, None),
    f("CallMsgMask", Uint, None),
    f("AgentStateMask", Uint, None),
    f("ConfigMsgMask", Uint, None),
    f("Reserved1", Uint, None),
    f("Reserved2", Uint, None),
    f("Reserved3", Uint, None),
    f("PeripheralOnline", Bool, None),
    f("MonitorID", Uint, None),
    f("PeripheralID", Uint, None),
    f("PeripheralType", Ushort, Some(&PERIPHERAL_TYPE)),
    f("ConnectionDeviceIDType", Ushort, CONNID),
    f("ConnectionCallID", Uint, None),
    f("LineHandle", Ushort, None),
    f("LineType", Ushort, Some(&LINE_TYPE)),
    f("ServiceNumber", Uint, None),
    f("ServiceID", Uint, None),
    f("SkillGroupNumber", Uint, None),
    f("SkillGroupID", Uint, None),
    f("SkillGroupPriority", Ushort, None),
    f("AlertingDeviceType", Ushort, DEVID),
    f("CallingDeviceType", Ushort, DEVID),
    f("CalledDeviceType", Ushort, DEVID),
    f("LastRedirectDeviceType", Ushort, DEVID),
    f("AnsweringDeviceType", Ushort, DEVID),
    f("HoldingDeviceType", Ushort, DEVID),
    f("RetrievingDeviceType", Ushort, DEVID),
    f("ReleasingDeviceType", Ushort, DEVID),
    f("FailingDeviceType", Ushort, DEVID),
    f("ControllerDeviceType", Ushort, DEVID),
    f("AddedPartyDeviceType", Ushort, DEVID),
    f("TransferringDeviceType", Ushort, DEVID),
    f("TransferredDeviceType", Ushort, DEVID),
    f("DivertingDeviceType", Ushort, DEVID),
    f("QueueDeviceType", Ushort, DEVID),
    f("TrunkUsedDeviceType", Ushort, DEVID),
    f("EventDeviceType", Ushort, DEVID),
    f(
        "LocalConnectionState",
        Ushort,
        Some(&LOCAL_CONNECTION_STATE),
    ),
    f("EventCause", Ushort, Some(&EVENT_CAUSE)),
    f("NumNamedVariables", Ushort, None),
    f("NumNamedArrays", Ushort, None),
    // Primary/Secondary pair with a call ID the way ConnectionDeviceIDType pairs with
    // ConnectionCallID, so they take that table (an inference: §2.2 lists them as USHORT).
    f("PrimaryDeviceIDType", Ushort, CONNID),
    f("PrimaryCallID", Uint, None),
    f("SecondaryDeviceIDType", Ushort, CONNID),
    f("SecondaryCallID", Uint, None),
    f("NumParties", Ushort, None),
    f("NumQueued", Ushort, None),
    f("NumSkillGroups", Ushort, None),
    f("NumCTIClients", Ushort, None),
    f("CallType", Ushort, Some(&CALL_TYPE)),
    f(
        "CalledPartyDisposition",
        Ushort,
        Some(&CALLED_PARTY_DISPOSITION),
    ),
    f("NewConnectionDeviceIDType", Ushort, CONNID),
    f("NewConnectionCallID", Uint, None),
    f("CampaignID", Uint, None),
    f("QueryRuleID", Uint, None),
    f("SessionID", Uint, None),
    f("SkillGroupState", Ushort, AGENT),
    f("StateDuration", Uint, None),
    f("AgentState", Ushort, AGENT),
    f("EventReasonCode", Ushort, None),
    f("MRDID", Uint, None),
    f("NumTasks", Uint, None),
    f("AgentMode", Bool, None),
    f("MaxTaskLimit", Uint, None),
    f("ICMAgentID", Uint, None),
    f("AgentAvailabilityStatus", Uint, None),
    f("NumFltSkillGroups", Ushort, None),
    f("PGStatus", Uint, None),
    f("ICMCentralControllerTime", Time, None),
    f("SystemEventID", Uint, Some(&SYSTEM_EVENT_ID)),
    f("SystemEventArg1", Uint, None),
    f("SystemEventArg2", Uint, None),
    f("SystemEventArg3", Uint, None),
    f("FailureCode", Ushort, None),
    f("PeripheralErrorCode", Uint, None),
    f("ClientPort", Uint, None),
    f("Direction", Uint, None),
    f("RTPType", Ushort, None),
    f("BitRate", Uint, None),
    f("EchoCancellation", Bool, None),
    f("PacketSize", Uint, None),
    f("PayloadType", Ushort, None),
    f("Distribution", Ushort, None),
    f("EventCode", Ushort, None),
    // Floating fields (§3), by tag.
    f("ClientID", Str, None),
    f("ClientPassword", Unspec, None),
    f("ClientSignature", Str, None),
    f("AgentExtension", Str, None),
    f("AgentID", Str, None),
    f("AgentInstrument", Str, None),
    f("Text", Str, None),
    f("ANI", Str, None),
    f("UserToUserInfo", Unspec, None),
    f("DNIS", Str, None),
    f("DialedNumber", Str, None),
    f("CallerEnteredDigits", Str, None),
    f("CallVariable1", Str, None),
    f("CallVariable2", Str, None),
    f("CallVariable3", Str, None),
    f("CallVariable4", Str, None),
    f("CallVariable5", Str, None),
    f("CallVariable6", Str, None),
    f("CallVariable7", Str, None),
    f("CallVariable8", Str, None),
    f("CallVariable9", Str, None),
    f("CallVariable10", Str, None),
    f("CTIClientSignature", Str, None),
    f("CTIClientTimestamp", Time, None),
    f("ConnectionDeviceID", Str, None),
    f("AlertingDeviceID", Str, None),
    f("CallingDeviceID", Str, None),
    f("CalledDeviceID", Str, None),
    f("LastRedirectDeviceID", Str, None),
    f("AnsweringDeviceID", Str, None),
    f("HoldingDeviceID", Str, None),
    f("RetrievingDeviceID", Str, None),
    f("ReleasingDeviceID", Str, None),
    f("FailingDeviceID", Str, None),
    f("PrimaryDeviceID", Str, None),
    f("SecondaryDeviceID", Str, None),
    f("ControllerDeviceID", Str, None),
    f("AddedPartyDeviceID", Str, None),
    f("ConnectedPartyCallID", Uint, None),
    f("ConnectedPartyDeviceType", Ushort, DEVID),
    f("ConnectedPartyDeviceID", Str, None),
    f("TransferringDeviceID", Str, None),
    f("TransferredDeviceID", Str, None),
    f("DivertingDeviceID", Str, None),
    f("QueueDeviceID", Str, None),
    f("CallWrapupData", Str, None),
    f("NewConnectionDeviceID", Str, None),
    f("TrunkUsedDeviceID", Str, None),
    f("SkillGroupSkillTargetID", Str, None),
    f("RouterCallKeyDay", Uint, None),
    f("RouterCallKeyCallID", Uint, None),
    f("RouterCallKeySequenceNumber", Uint, None),
    f("NamedVariable", FieldType::EccVariable, None),
    f("NamedArray", FieldType::EccVariable, None),
    f("CustomerPhoneNumber", Str, None),
    f("CustomerAccountNumber", Str, None),
    f("TrunkNumber", Uint, None),
    f("TrunkGroupNumber", Uint, None),
    f("NextAgentState", Ushort, AGENT),
    f("Duration", Uint, None),
    f("SecondaryConnectionCallID", Uint, None),
    f("EventDeviceID", Str, None),
    f("CallReferenceID", Unspec, None),
    f("CallOriginatedFrom", Uchar, None),
    // UCCX dumps' summary of the ECC block (§1.3): total bytes of the NamedVariable fields.
    f("ExpandedCallContext", DumpSummary, None),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names_are_unique_and_aliases_point_at_them() {
        assert_eq!(by_name().len(), FIELDS.len(), "duplicate field name");
        for (alias, canonical) in ALIASES {
            assert!(
                lookup(canonical).is_some(),
                "{alias} → {canonical} is not a field"
            );
            assert!(lookup(alias).is_none(), "{alias} is itself canonical");
        }
    }

    #[test]
    fn resolves_uccx_names_typos_indices_and_ecc_variables() {
        let name = |w, m| resolve(w, m).def.map(|d| d.name);
        assert_eq!(
            name("CallID", "CALL_DELIVERED_EVENT"),
            Some("ConnectionCallID")
        );
        assert_eq!(
            name("CSQState", "AGENT_STATE_EVENT"),
            Some("SkillGroupState")
        );
        assert_eq!(
            name("NumCSQs", "AGENT_STATE_EVENT"),
            Some("NumFltSkillGroups")
        );
        assert_eq!(name("numCSQs", "CALL_QUEUED_EVENT"), Some("NumSkillGroups"));
        assert_eq!(
            name("HoldingingDeviceType", "CALL_HELD_EVENT"),
            Some("HoldingDeviceType")
        );
        let party = resolve("ConnectedPartyDCallID[1]", "CALL_TRANSFERRED_EVENT");
        assert_eq!(
            (party.def.map(|d| d.name), party.index),
            (Some("ConnectedPartyCallID"), Some(1))
        );
        let template = resolve("ConnectedPartyDCallID[i]", "CALL_TRANSFERRED_EVENT");
        assert_eq!(
            (template.def.map(|d| d.name), template.index),
            (Some("ConnectedPartyCallID"), None)
        );
        assert_eq!(
            resolve("BAResponse", "X").def.map(|d| d.ty),
            Some(FieldType::EccVariable)
        );
        assert_eq!(
            resolve("user.layout", "X").def.map(|d| d.ty),
            Some(FieldType::EccVariable)
        );
        assert!(resolve("NoSuchField", "X").def.is_none());
        assert!(resolve("[1]", "X").def.is_none());
    }
}
