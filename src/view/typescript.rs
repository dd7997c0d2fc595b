//! TypeScript declarations of every shape the JavaScript package hands out or takes, generated
//! from the Rust types with ts-rs (chosen over tsify and specta because it needs no wasm-bindgen
//! coupling: the shapes are plain serde views, and ts-rs reads their serde attributes and doc
//! comments as they are). The package's `cti_outcome.d.ts` carries them (see `pkg-config/`).

use std::fmt::Write as _;

use ts_rs::{Config, TS};

use super::api::CallRow;
use super::calls::CallColumns;
use super::columns::EventColumns;
use super::event::{Field, FrameEvent, TextEvent};
use super::records::{
    CodeCount, DecodedRecords, OutcomeCount, RecordCall, RecordColumn, RecordEvidence, RecordLeg,
    RecordOutcomeView, RecordsSummary,
};
use super::session::{Exchange, Notice, Session};
use super::timeline::{
    Agent, Call, Coded, Durations, Evidence, Link, Outcome, Point, Segment, TimelineView, Variable,
};
use super::{
    ByteDiagnostic, DecodedFrames, DecodedText, Framing, PacketDiagnostic, RowDiagnostic, Summary,
    TextDiagnostic,
};
use crate::binary::EncodeIssue;
use crate::codes::connres::{Connres, Direction};
use crate::codes::q850::Cause;
use crate::diagnostic::{DiagnosticCode, Severity};
use crate::outcome::OutcomeKind;
use crate::sniff::Format;
use crate::store::{Note, NoteKind};
use crate::timeline::{CallDirection, LinkKind, LINK_RULES, RULES};

/// The live view's declarations (`cti-outcome/live`).
#[cfg(feature = "finesse")]
fn live(out: &mut String, cfg: &Config) {
    for decl in [
        crate::timeline::Phase::decl(cfg),
        super::live::CallChange::decl(cfg),
        super::live::LivePush::decl(cfg),
        crate::live::LiveOptions::decl(cfg),
    ] {
        let _ = writeln!(out, "export {}\n", decl.trim_end());
    }
}

/// Every declaration, as one TypeScript module body (`export type …` each).
#[must_use]
pub fn declarations() -> String {
    let cfg = Config::default();
    let mut out = String::new();
    macro_rules! declare {
        ($($t:ty),* $(,)?) => {
            $(
                let _ = writeln!(out, "export {}\n", <$t>::decl(&cfg).trim_end());
            )*
        };
    }
    declare!(
        Format,
        crate::sniff::Form,
        crate::sniff::Sniffed,
        crate::text::encoding::Encoding,
        crate::binary::Options,
        crate::log::LogOptions,
        Severity,
        DiagnosticCode,
        TextDiagnostic<'static>,
        ByteDiagnostic<'static>,
        PacketDiagnostic<'static>,
        crate::capture::Connection,
        super::capture::DecodedCapture<'static>,
        crate::capture::CaptureOptions,
        super::capture::CaptureHead<'static>,
        super::capture::FrameColumns,
        Framing,
        NoteKind,
        Note,
        Field<'static>,
        TextEvent<'static>,
        FrameEvent<'static>,
        DecodedText<'static>,
        DecodedFrames<'static>,
        Summary<'static>,
        EventColumns,
        CallColumns,
        super::agent_columns::AgentColumns,
        CallRow,
        TimelineView,
        Call,
        Coded,
        Variable,
        Point,
        Durations,
        Link,
        LinkKind,
        Outcome,
        Evidence,
        Agent,
        Segment,
        CallDirection,
        OutcomeKind,
        Connres,
        Direction,
        Cause,
        EncodeIssue,
        Session,
        Exchange,
        Notice,
        RowDiagnostic<'static>,
        crate::records::RecordOptions,
        crate::records::Role,
        crate::records::RecordRule,
        super::records::RecordsExport<'static>,
        DecodedRecords<'static>,
        RecordColumn<'static>,
        RecordCall<'static>,
        RecordOutcomeView<'static>,
        RecordEvidence<'static>,
        RecordLeg<'static>,
        crate::records::Family,
        super::cisco_records::CiscoLeg<'static>,
        super::cisco_records::LegCode,
        super::cisco_records::LegSeconds,
        RecordsSummary<'static>,
        super::record_columns::RecordsHead<'static>,
        OutcomeCount,
        CodeCount<'static>,
        crate::collection::FileSpan,
        crate::collection::PlacedBy,
        crate::collection::Skipped,
        crate::error::ErrorCode,
        crate::error::ErrorDetails,
    );
    #[cfg(feature = "finesse")]
    live(&mut out, &cfg);
    rules(&mut out);
    out
}

/// The rule unions and the capture's frames type.
fn rules(out: &mut String) {
    let union = |rules: &[(&str, &str)]| {
        let names: Vec<String> = rules
            .iter()
            .map(|(rule, _)| format!("\"{rule}\""))
            .collect();
        names.join(" | ")
    };
    let _ = writeln!(
        out,
        "/** The outcome derivation rules, in the order they are tried. */\nexport type OutcomeRule = {};",
        union(RULES)
    );
    let _ = writeln!(
        out,
        "/** A capture read down to its CTI frames (`readCapture`), in time order; \
         `logOfFrames(frames, rows)` decodes them. */\nexport type CaptureFrames = CaptureHead & FrameColumns;\n"
    );
    let _ = writeln!(
        out,
        "/** The rules that link calls. */\nexport type LinkRule = {};",
        union(LINK_RULES)
    );
}

/// Each form `sniff` names and the format a log reads it as (`Form::format`), for collections.
fn form_formats() -> String {
    let pairs: Vec<String> = <crate::sniff::Form as strum::VariantArray>::VARIANTS
        .iter()
        .filter_map(|f| Some(format!("'{}': '{}'", f.as_str(), f.format()?.as_str())))
        .collect();
    format!(
        "/**\n * The format a log reads each form `sniff` names as (forms not listed are no log).\n */\nexport const FORM_FORMATS = Object.freeze(/** @type {{const}} */ ({{ {} }}));\n",
        pairs.join(", ")
    )
}

/// Each form `sniff` names and the package entry that reads it whole (`Form::entry`).
fn form_entries() -> String {
    let pairs: Vec<String> = <crate::sniff::Form as strum::VariantArray>::VARIANTS
        .iter()
        .filter_map(|f| Some(format!("'{}': '{}'", f.as_str(), f.entry()?)))
        .collect();
    format!(
        "/**\n * The package entry that reads each form `sniff` names whole (`main` is `cti-outcome`).\n */\nexport const FORM_ENTRIES = Object.freeze(/** @type {{const}} */ ({{ {} }}));\n",
        pairs.join(", ")
    )
}

/// The lists that turn the columns' numbers into names, as a JavaScript module (`lists.js` in
/// the package, which `api.js` and the page import): generated, so that no list is written
/// twice.
#[must_use]
pub fn lists() -> String {
    let list = |name: &str, doc: &str, items: Vec<&str>| {
        let items: Vec<String> = items.iter().map(|i| format!("'{i}'")).collect();
        format!(
            "/**\n * {doc}\n */\nexport const {name} = Object.freeze(/** @type {{const}} */ ([{}]));\n",
            items.join(", ")
        )
    };
    [
        list(
            "OUTCOMES",
            "`OutcomeKind` by the number the call columns' `outcome` holds.",
            OutcomeKind::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        list(
            "DIRECTIONS",
            "`CallDirection` by the number the call columns' `direction` holds.",
            <CallDirection as strum::VariantArray>::VARIANTS
                .iter()
                .map(|d| d.as_str())
                .collect(),
        ),
        list(
            "KINDS",
            "A field value's `kind` by the number the event columns' `kind` holds.",
            crate::store::kind::NAMES.to_vec(),
        ),
        list(
            "TRACE_FORMS",
            "The forms `sniff` names that `cti-outcome/traces` reads (Cisco server traces).",
            <crate::sniff::Form as strum::VariantArray>::VARIANTS
                .iter()
                .filter(|f| f.format() == Some(crate::sniff::Format::Trace))
                .map(|f| f.as_str())
                .collect(),
        ),
        format!(
            "/**\n * Bytes of an input `sniff` reads (from its start).\n */\nexport const SNIFF_BYTES = {};\n",
            crate::sniff::HEAD_BYTES
        ),
        form_formats(),
        form_entries(),
    ]
    .join("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_names_are_the_json_names() {
        use super::super::event::Value;
        let values = [
            Value::Number(1),
            Value::Text("x".into()),
            Value::Empty(()),
            Value::Na(()),
            Value::Bytes(2),
        ];
        for (value, name) in values.iter().zip(crate::store::kind::NAMES) {
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(json["kind"], name);
        }
        assert!(lists().contains("['number', 'text', 'empty', 'na', 'bytes']"));
    }

    #[test]
    fn every_referenced_type_is_declared() {
        let text = declarations();
        let declared: Vec<&str> = text
            .match_indices("export type ")
            .map(|(i, _)| {
                let rest = &text[i + 12..];
                &rest[..rest.find([' ', '<']).unwrap_or(rest.len())]
            })
            .collect();
        // Outside comments, every capitalised word after a colon, a bar or in an Array<…> is a
        // type that must be declared.
        let mut code = String::new();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("/**") {
            code.push_str(&rest[..start]);
            rest = &rest[start + rest[start..].find("*/").unwrap() + 2..];
        }
        code.push_str(rest);
        let text = code;
        for word in text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        {
            let used_as_type = text.contains(&format!(": {word}"))
                || text.contains(&format!("<{word}>"))
                || text.contains(&format!("| {word}"));
            let builtin = [
                "Array",
                "Uint8Array",
                "Uint32Array",
                "Int32Array",
                "Float64Array",
                "Partial",
                "Record",
            ];
            if used_as_type && !builtin.contains(&word) {
                assert!(declared.contains(&word), "{word} is used but not declared");
            }
        }
    }
}
