//! Which vendor's table an export is, told from its header: jtel's statistics tables
//! (`jtel-records.md`), UCCE's Termination_Call_Detail or Unified CCX's ContactCallDetail
//! (`cisco-records.md` §1.1, §2.1). Each family names the columns of a [`Role`] its own way.

use serde::Serialize;
use ts_rs::TS;

use super::Role;

/// The table an export was saved from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(rename = "RecordFamily")]
pub enum Family {
    /// jtel's statistics tables (CONNRES per leg, `jtel-records.md`).
    #[default]
    Jtel,
    /// UCCE/PCCE `Termination_Call_Detail`: one row per call leg, CallDisposition on the last
    /// (`cisco-records.md` §1).
    UcceTcd,
    /// Unified CCX `ContactCallDetail`: one row per contact leg, contactDisposition
    /// (`cisco-records.md` §2).
    UccxCcd,
}

impl Family {
    /// The table's name, for messages.
    #[must_use]
    pub fn table(self) -> &'static str {
        match self {
            Family::Jtel => "jtel call statistics",
            Family::UcceTcd => "UCCE Termination_Call_Detail",
            Family::UccxCcd => "Unified CCX ContactCallDetail",
        }
    }

    /// The roles a call cannot be made without: missing ones are named in one diagnostic.
    #[must_use]
    pub fn required(self) -> &'static [Role] {
        match self {
            Family::Jtel => &[Role::Connres],
            Family::UcceTcd => &[Role::CallDay, Role::Call, Role::Disposition],
            Family::UccxCcd => &[Role::Call, Role::Disposition],
        }
    }
}

/// A column a family's table names: its role, and whether the name tells the family on its own
/// (`RouterCallKey` does; `DateTime` or `transfer` could be anyone's).
struct Column(Family, Role, &'static str, bool);

use Family::{Jtel, UcceTcd as Tcd, UccxCcd as Ccd};

/// The columns the reader uses, by family, in the order a role's names are tried.
static COLUMNS: &[Column] = &[
    Column(Jtel, Role::Connres, "CONNRES", true),
    Column(Jtel, Role::Direction, "bOutbound", true),
    Column(Jtel, Role::Cause, "CauseCodesID", true),
    Column(Jtel, Role::Call, "StatisticsPartAID", true),
    Column(Jtel, Role::Call, "ID", false),
    Column(Jtel, Role::Start, "dtCallStart", true),
    Column(Jtel, Role::Connect, "dtCallConnect", true),
    Column(Jtel, Role::End, "dtCallEnd", true),
    Column(Jtel, Role::Queue, "dtQueueStart", true),
    Column(Jtel, Role::CallerHangup, "bCallerHangup", true),
    Column(Tcd, Role::CallDay, "RouterCallKeyDay", true),
    Column(Tcd, Role::Call, "RouterCallKey", true),
    Column(Tcd, Role::Sequence, "RouterCallKeySequenceNumber", true),
    Column(Tcd, Role::Disposition, "CallDisposition", true),
    Column(Tcd, Role::DispositionFlag, "CallDispositionFlag", true),
    Column(Tcd, Role::CallType, "PeripheralCallType", true),
    Column(Tcd, Role::NewTransaction, "NewTransaction", true),
    Column(Tcd, Role::Peripheral, "PeripheralID", true),
    Column(Tcd, Role::PeripheralCall, "PeripheralCallKey", true),
    Column(Tcd, Role::Agent, "AgentPeripheralNumber", true),
    Column(Tcd, Role::SkillGroup, "SkillGroupSkillTargetID", true),
    Column(Tcd, Role::CallGuid, "CallGUID", true),
    Column(Tcd, Role::Start, "StartDateTimeUTC", true),
    Column(Tcd, Role::Connect, "AnsweredDateTimeUTC", true),
    Column(Tcd, Role::End, "CallTerminatedDateTimeUTC", true),
    Column(Tcd, Role::Written, "DateTime", false),
    Column(Tcd, Role::Duration, "Duration", false),
    Column(Tcd, Role::Ring, "RingTime", true),
    Column(Tcd, Role::Delay, "DelayTime", true),
    Column(Tcd, Role::Talk, "TalkTime", true),
    Column(Tcd, Role::Hold, "HoldTime", true),
    Column(Tcd, Role::Work, "WorkTime", true),
    Column(Tcd, Role::LocalQueue, "LocalQTime", true),
    Column(Ccd, Role::Call, "sessionID", true),
    Column(Ccd, Role::Sequence, "sessionSeqNum", true),
    Column(Ccd, Role::Disposition, "contactDisposition", true),
    Column(Ccd, Role::CallType, "contactType", true),
    Column(Ccd, Role::Start, "startDateTime", false),
    Column(Ccd, Role::End, "endDateTime", false),
    Column(Ccd, Role::Transfer, "transfer", false),
    Column(Ccd, Role::Redirect, "redirect", false),
    Column(Ccd, Role::Conference, "conference", false),
    Column(Ccd, Role::OriginatorType, "originatorType", true),
    Column(Ccd, Role::Originator, "originatorDN", true),
    Column(Ccd, Role::DestinationType, "destinationType", true),
    Column(Ccd, Role::Destination, "destinationDN", true),
    Column(Ccd, Role::Application, "applicationName", true),
    Column(Ccd, Role::QueueDisposition, "disposition", false),
];

impl Role {
    /// The column names `family`'s table uses for this role, tried in order (ASCII case
    /// ignored).
    pub fn names(self, family: Family) -> impl Iterator<Item = &'static str> {
        COLUMNS
            .iter()
            .filter(move |c| c.0 == family && c.1 == self)
            .map(|c| c.2)
    }
}

/// The family a header is, and the names of it that told: the family with the most telling
/// columns (jtel's on a tie or when none tells).
#[must_use]
pub fn detect<'a>(header: &'a [String]) -> (Family, Vec<&'a str>) {
    let telling = |family: Family| -> Vec<&'a str> {
        header
            .iter()
            .filter(|h| {
                COLUMNS
                    .iter()
                    .any(|c| c.0 == family && c.3 && c.2.eq_ignore_ascii_case(h))
            })
            .map(String::as_str)
            .collect()
    };
    [Tcd, Ccd]
        .into_iter()
        .map(|f| (f, telling(f)))
        .chain([(Jtel, telling(Jtel))])
        .max_by_key(|(f, names)| (names.len(), *f == Jtel))
        .unwrap_or((Jtel, Vec::new()))
}

/// Whether `name` is a column that tells one of the families.
#[must_use]
pub fn tells(name: &str) -> bool {
    COLUMNS
        .iter()
        .any(|c| c.3 && c.2.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &str) -> Vec<String> {
        names.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn the_header_tells_the_family() {
        let tcd = header("RecoveryKey,DateTime,RouterCallKeyDay,RouterCallKey,CallDisposition");
        assert_eq!(
            detect(&tcd),
            (
                Family::UcceTcd,
                vec!["RouterCallKeyDay", "RouterCallKey", "CallDisposition"]
            )
        );
        let ccd = header("sessionid,sessionseqnum,contactdisposition,startdatetime");
        assert_eq!(detect(&ccd).0, Family::UccxCcd);
        assert_eq!(detect(&header("ID,CONNRES")).0, Family::Jtel);
        assert_eq!(detect(&header("a,b")), (Family::Jtel, vec![]));
    }
}
