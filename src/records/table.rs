//! An export's header and rows: cells unquoted (RFC 4180, by the `csv` crate) into one arena of
//! text, rows as spans of it. The separator (comma, semicolon or tab) is told from the header
//! line; the encoding (UTF-8 with or without a byte-order mark, UTF-16 with one) from the first
//! bytes.

use super::{family, Family, RecordOptions, Role};
use crate::diagnostic::{quoted, Diagnostic, DiagnosticCode};
use crate::text::encoding::{self, Encoding};

/// Rows and cells of an export.
#[derive(Debug, Default)]
pub struct Table {
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
    /// The separator: `,`, `;` or a tab.
    pub separator: u8,
    /// Column names: the header's, then `column N` for cells past the header's end.
    pub columns: Vec<String>,
    /// Columns the header names.
    pub header_len: usize,
    /// The table the export was saved from, told from its header.
    pub family: Family,
    /// The header's names that told the family.
    pub told_by: Vec<String>,
    /// Each role's column (an index into `columns`).
    roles: Vec<Option<u32>>,
    /// Every cell's text, one after the other.
    cells: String,
    /// Where each cell ends in `cells` (bytes).
    ends: Vec<usize>,
    /// The data rows.
    rows: Vec<Row>,
    /// What was wrong, by row and column.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Copy, Debug)]
struct Row {
    /// The row's first cell (an index into `ends`).
    first: u32,
    /// Cells in the row.
    len: u32,
    /// One-based line where the row starts.
    line: u32,
}

impl Table {
    /// Data rows (the header not counted).
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no data row.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The column that holds `role`, if any.
    #[must_use]
    pub fn column_of(&self, role: Role) -> Option<usize> {
        self.roles
            .get(role.index())
            .copied()
            .flatten()
            .map(|c| c as usize)
    }

    /// The role column `column` holds, if any.
    #[must_use]
    pub fn role_of(&self, column: usize) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| self.column_of(*r) == Some(column))
    }

    /// Row `row`'s cell in `column` as written (unquoted), or `None` past the row's end.
    #[must_use]
    pub fn raw(&self, row: usize, column: usize) -> Option<&str> {
        let r = self.rows[row];
        if column >= r.len as usize {
            return None;
        }
        let i = r.first as usize + column;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.cells[start..self.ends[i]])
    }

    /// Row `row`'s value in `column`, trimmed: `None` when the cell is missing, empty or `NULL`.
    #[must_use]
    pub fn value(&self, row: usize, column: usize) -> Option<&str> {
        let v = self.raw(row, column)?.trim();
        (!v.is_empty() && !v.eq_ignore_ascii_case("NULL")).then_some(v)
    }

    /// Row `row`'s value for `role`.
    #[must_use]
    pub fn role_value(&self, row: usize, role: Role) -> Option<&str> {
        self.value(row, self.column_of(role)?)
    }

    /// Cells in row `row`.
    #[must_use]
    pub fn cells_in(&self, row: usize) -> usize {
        self.rows[row].len as usize
    }

    /// Row `row`'s number as a spreadsheet shows it: the header is row 1, so data row 0 is 2.
    #[must_use]
    pub fn row_number(row: usize) -> u32 {
        u32::try_from(row).map_or(u32::MAX, |r| r.saturating_add(2))
    }

    /// Whether this is a Unified CCX ContactQueueDetail export: sessionID and a `disposition`
    /// column, no contactDisposition.
    #[must_use]
    pub fn is_queue_detail(&self) -> bool {
        self.family == Family::UccxCcd
            && self.column_of(Role::Disposition).is_none()
            && self.column_of(Role::QueueDisposition).is_some()
    }

    /// The one-based line where row `row` starts.
    #[must_use]
    pub fn line(&self, row: usize) -> u32 {
        self.rows[row].line
    }
}

/// The separator of a header line: the most frequent of tab, semicolon and comma outside quotes
/// (a tie goes to that order; a line with none is one column, read as comma-separated).
#[must_use]
pub fn separator_of(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b'\t' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| counts[i]).unwrap_or(2);
    if counts[best] == 0 {
        b','
    } else {
        [b'\t', b';', b','][best]
    }
}

/// Reads an export's header and rows.
#[must_use]
pub fn read(bytes: &[u8], options: &RecordOptions) -> Table {
    let (encoding, text) = encoding::whole_utf8(bytes);
    // Cells are copied as bytes into one arena and checked as UTF-8 once, at the end, with each
    // cell's end on a character boundary; only an export with bytes that are not UTF-8 is read
    // again, cell by cell, to show them as U+FFFD.
    let mut table = rows(&text, true).unwrap_or_else(|| {
        let mut table = rows(&text, false).unwrap_or_default();
        table.diagnostics.push(Diagnostic::row(
            DiagnosticCode::InvalidUtf8,
            1,
            0,
            "cells with bytes that are no UTF-8 are shown with U+FFFD",
        ));
        table
    });
    table.encoding = encoding;
    table.find_roles(options);
    table
}

/// The header and rows of `text`; `None` when `checked_once` and a cell is not UTF-8.
fn rows(text: &[u8], checked_once: bool) -> Option<Table> {
    let separator = separator_of(text);
    let mut table = Table {
        separator,
        ..Table::default()
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut arena: Vec<u8> = Vec::new();
    // Lines are counted here from each record's byte offset: the reader's own count is one low
    // for every record after a CRLF (it ends a record at the `\r` and counts the `\n` later).
    let mut counted = (0usize, 1u32);
    // A reader of a byte slice has no I/O to fail, and a flexible one no field count to check.
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        let start = record
            .position()
            .map_or(0, |p| crate::store::index(p.byte()));
        let start = start + usize::from(text.get(start) == Some(&b'\n'));
        let (from, line) = counted;
        // Usually one line end since the last record: a plain count, not a search.
        #[allow(clippy::naive_bytecount)]
        let newlines = text[from.min(start)..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        counted = (start.max(from), line);
        if table.columns.is_empty() && table.header_len == 0 {
            table.columns = record
                .iter()
                .map(|c| String::from_utf8_lossy(c).trim().to_owned())
                .collect();
            table.header_len = table.columns.len();
            continue;
        }
        if table.rows.is_empty() {
            table.reserve(text.len() - start, record.as_slice().len() + record.len());
            arena.reserve(if checked_once { text.len() - start } else { 0 });
        }
        let first = u32::try_from(table.ends.len()).unwrap_or(u32::MAX);
        for cell in &record {
            if checked_once {
                arena.extend_from_slice(cell);
                table.ends.push(arena.len());
            } else {
                table.cells.push_str(&String::from_utf8_lossy(cell));
                table.ends.push(table.cells.len());
            }
        }
        let len = u32::try_from(record.len()).unwrap_or(u32::MAX);
        table.rows.push(Row { first, len, line });
        table.check_width(table.rows.len() - 1);
    }
    if checked_once {
        table.cells = String::from_utf8(arena).ok()?;
        // Bytes that are no UTF-8 in two cells can make a valid character once joined: each
        // cell must end on a character boundary too.
        if !table.ends.iter().all(|&e| table.cells.is_char_boundary(e)) {
            return None;
        }
    }
    Some(table)
}

impl Table {
    /// Room for the rows of `rest` bytes, guessed from the first row's `first` bytes.
    fn reserve(&mut self, rest: usize, first: usize) {
        let rows = rest / first.max(1) + 1;
        self.rows.reserve(rows + rows / 8);
        self.ends
            .reserve((rows + rows / 8).saturating_mul(self.header_len));
    }

    /// Reports a row whose cell count is not the header's, and names the cells past its end.
    fn check_width(&mut self, row: usize) {
        let cells = self.rows[row].len as usize;
        if cells == self.header_len {
            return;
        }
        let detail = if cells < self.header_len {
            format!(
                "{cells} cells where the header names {} columns; the missing cells are read as empty",
                self.header_len
            )
        } else {
            while self.columns.len() < cells {
                self.columns
                    .push(format!("column {}", self.columns.len() + 1));
            }
            format!(
                "{cells} cells where the header names {} columns; the cells past the header are kept as columns {}–{cells}",
                self.header_len,
                self.header_len + 1
            )
        };
        self.diagnostics.push(Diagnostic::row(
            DiagnosticCode::RaggedRow,
            Table::row_number(row),
            0,
            &detail,
        ));
    }

    /// Tells the family, then finds each role's column: the mapping's name, else the family's
    /// names, ASCII case ignored.
    fn find_roles(&mut self, options: &RecordOptions) {
        let (family, told_by) = family::detect(&self.columns[..self.header_len]);
        self.family = family;
        self.told_by = told_by.into_iter().map(str::to_owned).collect();
        self.roles = vec![None; Role::ALL.len()];
        let header = &self.columns[..self.header_len];
        let find = |name: &str| {
            header
                .iter()
                .position(|c| c.eq_ignore_ascii_case(name.trim()))
                .and_then(|i| u32::try_from(i).ok())
        };
        for role in Role::ALL {
            let mapped = options.columns.iter().rev().find(|(r, _)| *r == role);
            self.roles[role.index()] = match mapped {
                Some((_, name)) => {
                    let found = find(name);
                    if found.is_none() {
                        let detail = format!(
                            "the mapping {}={name} names no column; the header names {}",
                            role.key(),
                            self.header_list()
                        );
                        self.diagnostics.push(Diagnostic::row(
                            DiagnosticCode::UnknownColumn,
                            1,
                            0,
                            &detail,
                        ));
                    }
                    found
                }
                None => role.names(family).find_map(find),
            };
        }
        if family != Family::Jtel {
            self.require(family);
        } else if self.column_of(Role::Connres).is_none() && self.header_len > 0 {
            let detail = format!(
                "no column is named CONNRES; the header names {}. Name the column that holds the CONNRES codes with `--column connres=NAME` (in JavaScript, `{{ columns: {{ connres: 'NAME' }} }}`)",
                self.header_list()
            );
            self.diagnostics.push(Diagnostic::row(
                DiagnosticCode::NoConnresColumn,
                1,
                0,
                &detail,
            ));
        }
    }

    /// Names the columns a Cisco family's calls need that the header lacks, in one diagnostic.
    fn require(&mut self, family: Family) {
        let missing: Vec<String> = family
            .required()
            .iter()
            .filter(|r| self.column_of(**r).is_none())
            .map(|r| {
                let name = r.names(family).next().unwrap_or_default();
                format!("{name} (--column {}=NAME)", r.key())
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        let hint = if self.is_queue_detail() {
            ". It looks like a ContactQueueDetail export: give it together with its ContactCallDetail export"
        } else {
            ""
        };
        let detail = format!(
            "read as {} (its header names {}), but it has no {}: its legs cannot be made into calls without them{hint}. The header names {}",
            family.table(),
            self.told_by.join(", "),
            missing.join(", "),
            self.header_list()
        );
        self.diagnostics.push(Diagnostic::row(
            DiagnosticCode::MissingColumns,
            1,
            0,
            &detail,
        ));
    }

    /// The header's names, quoted and joined, for messages.
    fn header_list(&self) -> String {
        let names: Vec<String> = self.columns[..self.header_len]
            .iter()
            .map(|c| quoted(c))
            .collect();
        match names.len() {
            0 => "no column".to_owned(),
            1 => format!("one column, {}", names[0]),
            n => format!("{n} columns: {}", names.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_header_lines_most_frequent() {
        assert_eq!(separator_of(b"a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(separator_of(b"a;b;\"c,d,e\"\n"), b';');
        assert_eq!(separator_of(b"a\tb\tc;d\n"), b'\t');
        assert_eq!(separator_of(b"CONNRES\n1\n"), b',');
    }

    #[test]
    fn cells_are_unquoted_and_null_is_absent() {
        let t = read(
            b"ID,CONNRES,Note\n1,NULL,\"a, \"\"b\"\"\"\n2,,x\n",
            &RecordOptions::default(),
        );
        assert_eq!(t.len(), 2);
        assert_eq!(t.raw(0, 2), Some("a, \"b\""));
        assert_eq!(t.raw(0, 1), Some("NULL"));
        assert_eq!(t.value(0, 1), None);
        assert_eq!(t.value(1, 1), None);
        assert_eq!(t.column_of(Role::Connres), Some(1));
        assert_eq!(t.line(1), 3);
        // An SSMS export ends its lines with CRLF: the same lines.
        let crlf = read(b"ID;CONNRES\r\n1;0\r\n2;1\r\n", &RecordOptions::default());
        assert_eq!((crlf.line(0), crlf.line(1)), (2, 3));
    }

    #[test]
    fn bytes_that_are_no_utf8_are_replaced_per_cell_even_when_neighbours_join_into_a_character() {
        // 0xD5 ends one cell and 0x9A starts the next: together they are U+055A.
        let t = read(b"ID,CONNRES\n\xD5,\x9A\n", &RecordOptions::default());
        assert_eq!(
            (t.raw(0, 0), t.raw(0, 1)),
            (Some("\u{FFFD}"), Some("\u{FFFD}"))
        );
        assert_eq!(t.diagnostics[0].code, DiagnosticCode::InvalidUtf8);
    }
}
