//! The table of a collection's files: where each begins in the joined log, and the way back
//! from a joined line to a file's own.

use serde::Serialize;
use ts_rs::TS;

use crate::sniff::Form;

/// One file of a collection as it was fed into the joined log.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields)]
pub struct FileSpan {
    /// The file's name: its path as given, or `archive.zip/dir/entry.log` inside an archive.
    pub name: String,
    /// Its form, told from its first bytes.
    pub form: Form,
    /// One-based line of the joined log its first byte is on.
    pub first_line: u32,
    /// Lines it has (a last line without a newline counts).
    pub lines: u32,
    /// Whether its first line continues the previous file's last (that file ended without a
    /// newline: a record the rotation cut, joined again). The joined line is the previous
    /// file's.
    pub joined: bool,
    /// Zero-based byte offset of its first byte in the joined input.
    #[ts(type = "number")]
    pub offset: u64,
    /// Bytes it has (a later file's UTF-8 byte-order mark left out).
    #[ts(type = "number")]
    pub bytes: u64,
    /// The earliest start of a call among its first 64 KiB, as written; what placed it.
    pub time: Option<String>,
    /// What placed it among the others.
    pub placed_by: PlacedBy,
}

/// What put a file where it is in a collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PlacedBy {
    /// The earliest start of a call among its first 64 KiB (files with the same time by name).
    Time,
    /// Its name, among the files whose first 64 KiB hold no call with a time (after those
    /// that do).
    Name,
    /// Its position in the input, as given (a single file, or times that are not comparable).
    Given,
}

/// A collection's files in the order they were fed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[ts(as = "Vec<FileSpan>")]
pub struct Files(pub Vec<FileSpan>);

/// A joined log's line in a collection's file: the file's index in [`Files`] and the line
/// counted from that file's first (one-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    /// Index of the file in [`Files`].
    pub file: usize,
    /// One-based line in the file.
    pub line: u32,
}

impl Files {
    /// The file holding one-based line `line` of the joined log, and that line in it; a line
    /// two files share (a record the rotation cut) is the earlier file's. `None` when there
    /// are no files, or `line` is 0.
    #[must_use]
    pub fn locate(&self, line: u32) -> Option<Located> {
        if line == 0 {
            return None;
        }
        // The last file starting at or before `line`; a shared line is its previous file's.
        let after = self.0.partition_point(|f| f.first_line <= line);
        let mut file = after.checked_sub(1)?;
        while file > 0 && self.0[file].joined && self.0[file].first_line == line {
            file -= 1;
        }
        Some(Located {
            file,
            line: line - self.0[file].first_line + 1,
        })
    }

    /// The file's name at index `file`.
    #[must_use]
    pub fn name(&self, file: usize) -> &str {
        self.0.get(file).map_or("", |f| f.name.as_str())
    }

    /// How many files were read.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no file was read.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(first_line: u32, lines: u32, joined: bool) -> FileSpan {
        FileSpan {
            name: format!("f{first_line}"),
            form: Form::Mivr,
            first_line,
            lines,
            joined,
            offset: 0,
            bytes: 1,
            time: None,
            placed_by: PlacedBy::Time,
        }
    }

    #[test]
    fn lines_are_found_in_their_files_and_a_shared_line_is_the_earlier_files() {
        // f1: lines 1-3; f4: 4-5 ending without a newline; f5 continues line 5.
        let files = Files(vec![span(1, 3, false), span(4, 2, false), span(5, 3, true)]);
        let at = |line| files.locate(line).map(|l| (l.file, l.line));
        assert_eq!(at(0), None);
        assert_eq!(at(1), Some((0, 1)));
        assert_eq!(at(3), Some((0, 3)));
        assert_eq!(at(4), Some((1, 1)));
        assert_eq!(at(5), Some((1, 2)), "the joined line is where it starts");
        assert_eq!(at(6), Some((2, 2)));
        assert_eq!(Files::default().locate(1), None);
    }
}
