//! Which vendor's table an export is, told from its header: jtel's statistics tables
//! (`jtel-records.md`), UCCE's Termination_Call_Detail or Unified CCX's ContactCallDetail
//! (`cisco-records.md` §1.1, §2.1). Each family names the columns of a [`Role`] its own way.

use serde::Serialize;
use ts_rs::TS;

use super::Role;

/// The table an export was saved from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, TS, strum::IntoStaticStr)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
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
    /// The family as the JSON writes it (`ucce-tcd`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

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

/// A column a family's table names, and the role it has.
struct Column(Family, Role, &'static str);

use Family::{Jtel, UcceTcd as Tcd, UccxCcd as Ccd};

/// The columns whose names tell their family on their own (`RouterCallKey` does; `DateTime` or
/// `transfer` could be anyone's): what the input form detector looks for, and what tells the
/// families apart. A role's names are tried in the order of this list, then [`OTHER`]'s.
static TELLING: &[Column] = &[
    Column(Jtel, Role::Connres, "CONNRES"),
    Column(Jtel, Role::Direction, "bOutbound"),
    Column(Jtel, Role::Cause, "CauseCodesID"),
    Column(Jtel, Role::Call, "StatisticsPartAID"),
    Column(Jtel, Role::Start, "dtCallStart"),
    Column(Jtel, Role::Connect, "dtCallConnect"),
    Column(Jtel, Role::End, "dtCallEnd"),
    Column(Jtel, Role::Queue, "dtQueueStart"),
    Column(Jtel, Role::CallerHangup, "bCallerHangup"),
    Column(Tcd, Role::CallDay, "RouterCallKeyDay"),
    Column(Tcd, Role::Call, "RouterCallKey"),
    Column(Tcd, Role::Sequence, "RouterCallKeySequenceNumber"),
    Column(Tcd, Role::Disposition, "CallDisposition"),
    Column(Tcd, Role::DispositionFlag, "CallDispositionFlag"),
    Column(Tcd, Role::CallType, "PeripheralCallType"),
    Column(Tcd, Role::PeripheralCall, "PeripheralCallKey"),
    Column(Tcd, Role::Start, "StartDateTimeUTC"),
    Column(Ccd, Role::Call, "sessionID"),
    Column(Ccd, Role::Sequence, "sessionSeqNum"),
    Column(Ccd, Role::Disposition, "contactDisposition"),
    Column(Ccd, Role::Originator, "originatorDN"),
    Column(Ccd, Role::Destination, "destinationDN"),
];

/// The other columns the reader uses, by family.
static OTHER: &[Column] = &[
    Column(Jtel, Role::Call, "ID"),
    Column(Tcd, Role::NewTransaction, "NewTransaction"),
    Column(Tcd, Role::Peripheral, "PeripheralID"),
    Column(Tcd, Role::Agent, "AgentPeripheralNumber"),
    Column(Tcd, Role::SkillGroup, "SkillGroupSkillTargetID"),
    Column(Tcd, Role::CallGuid, "CallGUID"),
    Column(Tcd, Role::Connect, "AnsweredDateTimeUTC"),
    Column(Tcd, Role::End, "CallTerminatedDateTimeUTC"),
    Column(Tcd, Role::Written, "DateTime"),
    Column(Tcd, Role::Duration, "Duration"),
    Column(Tcd, Role::Ring, "RingTime"),
    Column(Tcd, Role::Delay, "DelayTime"),
    Column(Tcd, Role::Talk, "TalkTime"),
    Column(Tcd, Role::Hold, "HoldTime"),
    Column(Tcd, Role::Work, "WorkTime"),
    Column(Tcd, Role::LocalQueue, "LocalQTime"),
    Column(Ccd, Role::CallType, "contactType"),
    Column(Ccd, Role::Start, "startDateTime"),
    Column(Ccd, Role::End, "endDateTime"),
    Column(Ccd, Role::Transfer, "transfer"),
    Column(Ccd, Role::Redirect, "redirect"),
    Column(Ccd, Role::Conference, "conference"),
    Column(Ccd, Role::OriginatorType, "originatorType"),
    Column(Ccd, Role::DestinationType, "destinationType"),
    Column(Ccd, Role::Application, "applicationName"),
    Column(Ccd, Role::QueueDisposition, "disposition"),
];

impl Role {
    /// The column names `family`'s table uses for this role, tried in order (ASCII case
    /// ignored).
    pub fn names(self, family: Family) -> impl Iterator<Item = &'static str> {
        TELLING
            .iter()
            .chain(OTHER)
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
                TELLING
                    .iter()
                    .any(|c| c.0 == family && c.2.eq_ignore_ascii_case(h))
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
    TELLING.iter().any(|c| c.2.eq_ignore_ascii_case(name))
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
