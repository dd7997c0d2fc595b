//! A collection of log files opened as one log: rotated files (`MIVR001.log` … `MIVR047.log`),
//! a folder of them, or what an archive holds ([`archive`], native only).
//!
//! Files are put in the order of their content's time, not of their names ([`plan`]): each
//! file's first 64 KiB are decoded and the earliest start of a call among them places the file.
//! The files are then fed, one after the other, into one [`Log`] ([`Collection`]): a record
//! that a rotation cut is joined again (the next file continues the line), a call that spans
//! two files is one call, and the [`Files`] table turns the joined log's lines back into each
//! file's own (`file`, `line`).
//!
//! Files that are no log (a README, a core dump, an image), or a log of a form the others
//! cannot be read with (frames among text), are [`Skipped`] with the reason; so are archive
//! entries that could not be read, named by their path in the archive.

#[cfg(feature = "archives")]
pub mod archive;
mod files;
mod order;

pub use files::{FileSpan, Files, Located, PlacedBy};
pub use order::{plan, Placed, Plan, PlanOptions, HEAD_BYTES};

use serde::Serialize;
use ts_rs::TS;

use crate::log::Log;

/// A file of a collection that is not read, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    /// The file's name: its path as given, or `archive.zip/dir/entry.log` inside an archive.
    pub name: String,
    /// Why it is not read, in words.
    pub reason: String,
    /// Whether the file could not be read at all (a corrupt or encrypted archive entry, an
    /// unreadable file) rather than being no log; part of it may have been read before the
    /// fault, and is kept.
    pub error: bool,
}

/// The files of a collection being fed into one [`Log`], in their order.
pub struct Collection {
    log: Log,
    files: Vec<FileSpan>,
    /// Newlines fed so far.
    newlines: u64,
    /// Bytes fed so far.
    bytes: u64,
    /// Whether the bytes fed last ended with a newline (or nothing was fed yet).
    at_line_start: bool,
    /// Whether the file begun last has had no byte yet (a later file's byte-order mark is left
    /// out: it would be text in the middle of the joined log).
    fresh: bool,
}

impl Collection {
    /// A collection fed into `log` (a new log, its form told or given).
    #[must_use]
    pub fn new(log: Log) -> Collection {
        Collection {
            log,
            files: Vec::new(),
            newlines: 0,
            bytes: 0,
            at_line_start: true,
            fresh: false,
        }
    }

    /// Starts the next file: what [`push`](Self::push) feeds from now on is its.
    pub fn begin(&mut self, placed: &Placed) {
        self.close_last();
        self.files.push(FileSpan {
            name: placed.name.clone(),
            form: placed.form,
            first_line: u32::try_from(self.newlines + 1).unwrap_or(u32::MAX),
            lines: 0,
            joined: !self.at_line_start,
            offset: self.bytes,
            bytes: 0,
            time: placed.time.clone(),
            placed_by: placed.placed_by,
        });
        self.fresh = true;
    }

    /// Feeds bytes of the file begun last.
    pub fn push(&mut self, chunk: &[u8]) {
        let Some(file) = self.files.last_mut() else {
            return;
        };
        let mut chunk = chunk;
        if self.fresh && !chunk.is_empty() {
            self.fresh = false;
            if self.bytes > 0 {
                chunk = chunk.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(chunk);
            }
        }
        if chunk.is_empty() {
            return;
        }
        let newlines = memchr::memchr_iter(b'\n', chunk).count();
        self.newlines += newlines as u64;
        file.lines = file
            .lines
            .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        file.bytes += chunk.len() as u64;
        self.bytes += chunk.len() as u64;
        self.at_line_start = chunk.last() == Some(&b'\n');
        self.log.push(chunk);
    }

    /// The last file's lines: a last line without a newline counts too.
    fn close_last(&mut self) {
        if let Some(file) = self.files.last_mut() {
            if file.bytes > 0 && !self.at_line_start {
                file.lines = file.lines.saturating_add(1);
            }
        }
    }

    /// Ends the last file and the log; `skipped` are the files not read.
    #[must_use]
    pub fn finish(mut self, skipped: Vec<Skipped>) -> Collected {
        self.close_last();
        self.log.finish();
        Collected {
            log: self.log,
            files: Files(self.files),
            skipped,
        }
    }

    /// The log being fed.
    #[must_use]
    pub fn log(&self) -> &Log {
        &self.log
    }
}

/// A collection, read: one log, the table of its files, and the files not read.
pub struct Collected {
    /// The joined log, finished.
    pub log: Log,
    /// The files read, in the order they were fed.
    pub files: Files,
    /// The files not read, and why.
    pub skipped: Vec<Skipped>,
}

#[cfg(test)]
mod tests;
