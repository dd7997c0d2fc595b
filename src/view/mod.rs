//! Views: the only place the JSON shapes exist. Each is produced from the store (or the
//! timeline) when output is asked for, and serialised by serde; the TypeScript declarations of
//! the npm package are generated from these same types (ts-rs, see [`typescript`]).

pub mod agent_columns;
pub mod api;
pub mod calls;
pub mod capture;
pub mod cisco_records;
pub mod collection;
pub mod column_set;
pub mod columns;
pub mod dataset;
pub mod event;
pub mod ladder;
#[cfg(feature = "finesse")]
pub mod live;
pub mod record_columns;
pub mod records;
pub mod session;
pub mod timeline;
pub mod typescript;

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use ts_rs::TS;

use crate::diagnostic::{At, Diagnostic, DiagnosticCode, Severity};
use crate::store::{Form, Note, Store};

pub use event::{field, fields, frame_event, text_event, Field, FrameEvent, TextEvent, Value};

/// Something wrong in text input, at a one-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct TextDiagnostic<'a> {
    /// How bad it is.
    pub severity: Severity,
    /// What went wrong, as a stable code.
    pub code: DiagnosticCode,
    /// What went wrong, in words.
    pub message: &'a str,
    /// One-based line.
    pub line: u32,
    /// One-based column, counted in Unicode scalar values.
    pub column: u32,
}

/// Something wrong in binary input, at a zero-based byte offset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ByteDiagnostic<'a> {
    /// How bad it is.
    pub severity: Severity,
    /// What went wrong, as a stable code.
    pub code: DiagnosticCode,
    /// What went wrong, in words.
    pub message: &'a str,
    /// Zero-based byte offset.
    #[ts(type = "number")]
    pub offset: u64,
}

/// Something wrong in a packet capture, at a one-based packet number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct PacketDiagnostic<'a> {
    /// How bad it is.
    pub severity: Severity,
    /// What went wrong, as a stable code.
    pub code: DiagnosticCode,
    /// What went wrong, in words.
    pub message: &'a str,
    /// One-based packet number, as Wireshark counts them.
    pub packet: u32,
}

/// Something wrong in a call-record export, at a row and column.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct RowDiagnostic<'a> {
    /// How bad it is.
    pub severity: Severity,
    /// What went wrong, as a stable code.
    pub code: DiagnosticCode,
    /// What went wrong, in words.
    pub message: &'a str,
    /// One-based row as a spreadsheet numbers it: the header is row 1.
    pub row: u32,
    /// One-based column; absent when the whole row is meant.
    pub column: Option<u32>,
}

/// A diagnostic as its input form's JSON shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DiagnosticView<'a> {
    /// In text.
    Text(TextDiagnostic<'a>),
    /// In bytes.
    Byte(ByteDiagnostic<'a>),
    /// In a capture.
    Packet(PacketDiagnostic<'a>),
    /// In a call-record export.
    Row(RowDiagnostic<'a>),
}

impl<'a> From<&'a Diagnostic> for DiagnosticView<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        match d.at {
            At::Text { line, column } => DiagnosticView::Text(TextDiagnostic {
                severity: d.severity(),
                code: d.code,
                message: &d.message,
                line,
                column,
            }),
            At::Byte(offset) => DiagnosticView::Byte(ByteDiagnostic {
                severity: d.severity(),
                code: d.code,
                message: &d.message,
                offset,
            }),
            At::Packet(packet) => DiagnosticView::Packet(PacketDiagnostic {
                severity: d.severity(),
                code: d.code,
                message: &d.message,
                packet,
            }),
            At::Row { row, column } => DiagnosticView::Row(RowDiagnostic {
                severity: d.severity(),
                code: d.code,
                message: &d.message,
                row,
                column: (column > 0).then_some(column),
            }),
        }
    }
}

pub use crate::binary::Framing;

/// A decoded text dump: `{ events, notes, diagnostics }`.
#[derive(Serialize, TS)]
#[ts(rename = "DecodedText")]
pub struct DecodedText<'a> {
    /// Every event, in input order.
    #[ts(as = "Vec<TextEvent<'static>>")]
    pub events: Events<'a>,
    /// Every line outside an event, in input order.
    #[ts(as = "Vec<Note>")]
    pub notes: &'a [Note],
    /// Everything wrong, in input order.
    #[ts(as = "Vec<TextDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
}

/// Decoded frames: `{ events, diagnostics, framing }`.
#[derive(Serialize, TS)]
#[ts(rename = "DecodedFrames")]
pub struct DecodedFrames<'a> {
    /// Every frame's event, in input order.
    #[ts(as = "Vec<FrameEvent<'static>>")]
    pub events: Events<'a>,
    /// Everything wrong, in input order.
    #[ts(as = "Vec<ByteDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
    /// The floating-field width and protocol version used, and why.
    pub framing: Framing,
}

/// A store's events, serialised one at a time in its form's shape.
#[derive(Clone, Copy)]
pub struct Events<'a> {
    store: &'a Store,
    range: (usize, usize),
}

impl<'a> Events<'a> {
    /// Events `start..end` of `store` (clamped).
    #[must_use]
    pub fn new(store: &'a Store, start: usize, end: usize) -> Events<'a> {
        let end = end.min(store.len());
        Events {
            store,
            range: (start.min(end), end),
        }
    }
}

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (start, end) = self.range;
        let mut seq = serializer.serialize_seq(Some(end - start))?;
        for i in start..end {
            let e = self.store.event(i);
            match self.store.form() {
                Form::Text => seq.serialize_element(&text_event(e))?,
                Form::Frames | Form::Capture => seq.serialize_element(&frame_event(e))?,
            }
        }
        seq.end()
    }
}

/// Diagnostics in their form's shape.
#[derive(Clone, Copy)]
pub struct Diagnostics<'a>(pub &'a [Diagnostic]);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(DiagnosticView::from))
    }
}

/// What a log holds besides its events and calls.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "LogSummary")]
pub struct Summary<'a> {
    /// The input form, once told (null before any input).
    pub format: Option<crate::sniff::Format>,
    /// For frames: the floating-field width and protocol version, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub framing: Option<Framing>,
    /// Events decoded so far.
    pub event_count: u32,
    /// Calls worked out so far.
    pub call_count: u32,
    /// Agents seen so far.
    pub agent_count: u32,
    /// Whether the input has ended.
    pub finished: bool,
    /// Text: the encoding it was read in.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub encoding: Option<crate::text::encoding::Encoding>,
    /// Lines outside events (text input).
    #[ts(as = "Vec<Note>")]
    pub notes: &'a [Note],
    /// Everything wrong, in input order.
    #[ts(type = "Array<TextDiagnostic> | Array<ByteDiagnostic>")]
    pub diagnostics: Diagnostics<'a>,
}

/// The summary of a log.
#[must_use]
pub fn summary(log: &crate::log::Log) -> Summary<'_> {
    let store = log.store();
    let t = log.timeline();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Summary {
        format: log.format(),
        framing: log.framing(),
        event_count: count(store.len()),
        call_count: count(if t.is_finished() { t.call_count() } else { 0 }),
        agent_count: count(t.agent_count()),
        finished: log.is_finished(),
        encoding: log.encoding(),
        notes: store.notes(),
        diagnostics: Diagnostics(store.diagnostics()),
    }
}

/// The whole of a frames store as JSON, with the framing it was read with.
#[must_use]
pub fn decoded_frames(store: &Store, framing: Framing) -> DecodedFrames<'_> {
    DecodedFrames {
        events: Events::new(store, 0, usize::MAX),
        diagnostics: Diagnostics(store.diagnostics()),
        framing,
    }
}

/// The whole of a text store as JSON.
#[must_use]
pub fn decoded_text(store: &Store) -> DecodedText<'_> {
    DecodedText {
        events: Events::new(store, 0, usize::MAX),
        notes: store.notes(),
        diagnostics: Diagnostics(store.diagnostics()),
    }
}
