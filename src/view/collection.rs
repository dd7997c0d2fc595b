//! A collection's decode as JSON: the joined log's events, notes and diagnostics, each with the
//! file it is in and its position counted in that file, beside the table of files and the files
//! not read (`cti-outcome decode` of several files, a folder or an archive).

use serde::{Serialize, Serializer};
use ts_rs::TS;

use super::event::{frame_event, text_event, FrameEvent, TextEvent};
use super::{DiagnosticView, TextDiagnostic};
use crate::collection::{Collected, Files, Skipped};
use crate::store::{Form, Note, Store};

/// One thing of a collection's log (an event, a note, a diagnostic) with the file it is in;
/// its lines (text) or offset (frames) are counted in that file. A line two files share (a
/// record the rotation cut, joined again) is the earlier file's; an event that runs on into the
/// next file counts its `endLine` on from its first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct InFile<'a, T: TS> {
    /// The file's name, as in the collection's `files`.
    pub file: &'a str,
    /// The thing, its position in the file.
    #[serde(flatten)]
    #[ts(flatten)]
    pub item: T,
}

/// A collection decoded: `{ files, skipped, events, notes, diagnostics }`.
#[derive(Serialize, TS)]
#[ts(rename = "DecodedCollection")]
pub struct DecodedCollection<'a> {
    /// The files read, in the order they were joined.
    #[ts(as = "Files")]
    pub files: &'a Files,
    /// The files not read, and why.
    #[ts(as = "Vec<Skipped>")]
    pub skipped: &'a [Skipped],
    /// Every event, in the joined order (text events, or frames' with `offset` in their file).
    #[ts(as = "Vec<InFile<'static, TextEvent<'static>>>")]
    pub events: Located<'a>,
    /// Every line outside an event (text).
    #[ts(as = "Vec<InFile<'static, Note>>")]
    pub notes: Located<'a>,
    /// Everything wrong, in input order.
    #[ts(as = "Vec<InFile<'static, TextDiagnostic<'static>>>")]
    pub diagnostics: Located<'a>,
}

/// Which of a store's lists a [`Located`] serialises.
#[derive(Clone, Copy)]
enum List {
    Events,
    Notes,
    Diagnostics,
}

/// A store's list, each item with its file.
#[derive(Clone, Copy)]
pub struct Located<'a> {
    store: &'a Store,
    files: &'a Files,
    list: List,
}

/// A collection's decode, for JSON.
#[must_use]
pub fn decoded(collected: &Collected) -> DecodedCollection<'_> {
    let (store, files) = (collected.log.store(), &collected.files);
    let list = |list| Located { store, files, list };
    DecodedCollection {
        files,
        skipped: &collected.skipped,
        events: list(List::Events),
        notes: list(List::Notes),
        diagnostics: list(List::Diagnostics),
    }
}

impl<'a> Located<'a> {
    /// A store's diagnostics, each with its file (`cti-outcome timeline` of a collection).
    #[must_use]
    pub fn diagnostics(store: &'a Store, files: &'a Files) -> Located<'a> {
        Located {
            store,
            files,
            list: List::Diagnostics,
        }
    }

    /// The file of one-based joined line `line`, and the line in it.
    fn line(&self, line: u32) -> (&str, u32) {
        self.files
            .locate(line)
            .map_or(("", line), |at| (self.files.name(at.file), at.line))
    }

    /// The file of joined byte offset `offset`, and the offset in it.
    fn offset(&self, offset: u64) -> (&str, u64) {
        let after = self.files.0.partition_point(|f| f.offset <= offset);
        match after.checked_sub(1).map(|i| &self.files.0[i]) {
            Some(file) => (file.name.as_str(), offset - file.offset),
            None => ("", offset),
        }
    }
}

impl Serialize for Located<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let store = self.store;
        let text = store.form() == Form::Text;
        match self.list {
            List::Events => serializer.collect_seq(store.events().map(|e| {
                if text {
                    let mut item = text_event(e);
                    let (file, line) = self.line(item.line);
                    item.end_line = item.end_line - item.line + line;
                    item.line = line;
                    Event::Text(InFile { file, item })
                } else {
                    let mut item = frame_event(e);
                    let (file, offset) = self.offset(item.offset);
                    item.offset = offset;
                    Event::Frame(InFile { file, item })
                }
            })),
            List::Notes => serializer.collect_seq(store.notes().iter().map(|note| {
                let (file, line) = self.line(note.line);
                let item = Note {
                    line,
                    ..note.clone()
                };
                InFile { file, item }
            })),
            List::Diagnostics => serializer.collect_seq(store.diagnostics().iter().map(|d| {
                let mut item = DiagnosticView::from(d);
                let file = match &mut item {
                    DiagnosticView::Text(t) => {
                        let (file, line) = self.line(t.line);
                        t.line = line;
                        file
                    }
                    DiagnosticView::Byte(b) => {
                        let (file, offset) = self.offset(b.offset);
                        b.offset = offset;
                        file
                    }
                    DiagnosticView::Packet(_) | DiagnosticView::Row(_) => "",
                };
                With { file, item }
            })),
        }
    }
}

/// An event in its file, in its form's shape.
#[derive(Serialize)]
#[serde(untagged)]
enum Event<'a> {
    Text(InFile<'a, TextEvent<'a>>),
    Frame(InFile<'a, FrameEvent<'a>>),
}

/// [`InFile`] for what has no declaration of its own (a diagnostic in its form's shape).
#[derive(Serialize)]
struct With<'a, T> {
    file: &'a str,
    #[serde(flatten)]
    item: T,
}
