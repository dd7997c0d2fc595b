//! The tables of `cti-outcome export` (schema version [`SCHEMA_VERSION`]): one input's calls,
//! call-record legs, agent states and (optionally) events as Arrow columns, split by day and
//! written as Parquet parts of a Hive-partitioned dataset (`calls/date=2026-03-02/part-….parquet`).
//!
//! Times are Parquet timestamps in milliseconds, UTC: a log's times with a zone are converted,
//! times without one are taken as UTC (the rule of every view, `src/time.rs`); a time of day with
//! no date has no timestamp and its row goes to the `__HIVE_DEFAULT_PARTITION__` day (NULL to
//! DuckDB and Spark).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    Int64Builder, ListBuilder, MapBuilder, StringBuilder, StructBuilder,
    TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use rustc_hash::FxHashMap;

/// The dataset's schema version, in every file's key-value metadata
/// (`cti_outcome.schema_version`) and in the manifest. Raised when a column changes.
pub const SCHEMA_VERSION: u32 = 1;

/// The partition of rows without a date (Hive's name for NULL).
pub const NO_DATE: &str = "__HIVE_DEFAULT_PARTITION__";

/// A column's type.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Text.
    Text,
    /// A whole number.
    Int,
    /// A timestamp (ms, UTC).
    Time,
    /// A list of text.
    Texts,
    /// A list of (file, line) pairs.
    Places,
    /// A map of text to text.
    Map,
}

/// A cell.
#[derive(Clone, Debug)]
pub enum Cell {
    /// Text, or NULL.
    Text(Option<String>),
    /// A whole number, or NULL.
    Int(Option<i64>),
    /// A timestamp (ms since 1970-01-01 UTC), or NULL.
    Time(Option<i64>),
    /// A list of text.
    Texts(Vec<String>),
    /// (file, line) pairs.
    Places(Vec<(String, Option<i64>)>),
    /// Name, value pairs.
    Map(Vec<(String, String)>),
}

/// A table's columns: name, type, whether it may be NULL.
pub type Columns = &'static [(&'static str, Kind, bool)];

/// `calls`: one row per call.
pub const CALLS: Columns = &[
    ("source_file", Kind::Text, false),
    ("call_key", Kind::Text, false),
    ("start", Kind::Time, true),
    ("end", Kind::Time, true),
    ("duration_ms", Kind::Int, true),
    ("direction", Kind::Text, false),
    ("call_type", Kind::Text, true),
    ("agents", Kind::Texts, false),
    ("devices", Kind::Texts, false),
    ("skill_group", Kind::Text, true),
    ("outcome", Kind::Text, false),
    ("rule", Kind::Text, false),
    ("reason", Kind::Text, false),
    ("evidence", Kind::Places, false),
    ("links", Kind::Texts, false),
];

/// `legs`: one row per row of a call-record export.
pub const LEGS: Columns = &[
    ("source_file", Kind::Text, false),
    ("call_key", Kind::Text, false),
    ("row", Kind::Int, false),
    ("line", Kind::Int, false),
    ("family", Kind::Text, false),
    ("start", Kind::Time, true),
    ("end", Kind::Time, true),
    ("code", Kind::Int, true),
    ("meaning", Kind::Text, true),
    ("outcome", Kind::Text, true),
    ("agent", Kind::Text, true),
];

/// `agent_states`: one row per span an agent spent in one state.
pub const AGENT_STATES: Columns = &[
    ("source_file", Kind::Text, false),
    ("agent", Kind::Text, false),
    ("state", Kind::Text, false),
    ("reason_code", Kind::Int, true),
    ("start", Kind::Time, true),
    ("end", Kind::Time, true),
    ("duration_ms", Kind::Int, true),
];

/// `events` (`--events`): one row per event, its fields as a map.
pub const EVENTS: Columns = &[
    ("source_file", Kind::Text, false),
    ("line", Kind::Int, true),
    ("time", Kind::Time, true),
    ("type", Kind::Text, false),
    ("fields", Kind::Map, false),
];

/// The tables, by name.
pub const TABLES: [(&str, Columns); 4] = [
    ("calls", CALLS),
    ("legs", LEGS),
    ("agent_states", AGENT_STATES),
    ("events", EVENTS),
];

/// One table's rows of one input, by day (`YYYY-MM-DD`, or [`NO_DATE`]).
#[derive(Default)]
pub struct Rows {
    by_day: FxHashMap<String, Vec<Vec<Cell>>>,
}

impl Rows {
    /// Adds a row to the day of `ms` (a timestamp, or none).
    pub fn push(&mut self, ms: Option<i64>, row: Vec<Cell>) {
        self.by_day.entry(day(ms)).or_default().push(row);
    }

    /// Rows in all.
    pub fn len(&self) -> usize {
        self.by_day.values().map(Vec::len).sum()
    }
}

/// The day of a timestamp (ms since 1970-01-01 UTC).
#[must_use]
pub fn day(ms: Option<i64>) -> String {
    let Some(ms) = ms else {
        return NO_DATE.to_owned();
    };
    // Howard Hinnant's civil_from_days.
    let z = ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn field(name: &str, kind: Kind, nullable: bool) -> Field {
    let text = || Arc::new(Field::new("item", DataType::Utf8, true));
    let data = match kind {
        Kind::Text => DataType::Utf8,
        Kind::Int => DataType::Int64,
        Kind::Time => DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
        Kind::Texts => DataType::List(text()),
        Kind::Places => DataType::List(Arc::new(Field::new(
            "item",
            DataType::Struct(place_fields()),
            true,
        ))),
        Kind::Map => DataType::Map(
            Arc::new(Field::new(
                "entries",
                DataType::Struct(Fields::from(vec![
                    Field::new("keys", DataType::Utf8, false),
                    Field::new("values", DataType::Utf8, true),
                ])),
                false,
            )),
            false,
        ),
    };
    Field::new(name, data, nullable)
}

fn place_fields() -> Fields {
    Fields::from(vec![
        Field::new("file", DataType::Utf8, true),
        Field::new("line", DataType::Int64, true),
    ])
}

/// A table's Arrow schema.
#[must_use]
pub fn schema(columns: Columns) -> Arc<Schema> {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|&(name, kind, nullable)| field(name, kind, nullable))
            .collect::<Vec<_>>(),
    ))
}

/// One column of `rows` (cells at `i`) as an Arrow array.
fn column(rows: &[Vec<Cell>], i: usize, kind: Kind) -> ArrayRef {
    let cells = rows.iter().map(|r| &r[i]);
    match kind {
        Kind::Text => {
            let mut b = StringBuilder::new();
            cells.for_each(|c| b.append_option(text(c)));
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::new();
            cells.for_each(|c| b.append_option(int(c)));
            Arc::new(b.finish())
        }
        Kind::Time => {
            let mut b = TimestampMillisecondBuilder::new().with_timezone("UTC");
            cells.for_each(|c| b.append_option(int(c)));
            Arc::new(b.finish())
        }
        Kind::Texts => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for c in cells {
                if let Cell::Texts(list) = c {
                    for t in list {
                        b.values().append_value(t);
                    }
                }
                b.append(true);
            }
            Arc::new(b.finish())
        }
        Kind::Places => places(cells),
        Kind::Map => {
            let mut b = MapBuilder::new(None, StringBuilder::new(), StringBuilder::new());
            for c in cells {
                if let Cell::Map(pairs) = c {
                    for (k, v) in pairs {
                        b.keys().append_value(k);
                        b.values().append_value(v);
                    }
                }
                // A map builder only fails on keys and values of unequal counts, which the
                // loop above cannot make.
                b.append(true).unwrap_or_default();
            }
            Arc::new(b.finish())
        }
    }
}

fn places<'a>(cells: impl Iterator<Item = &'a Cell>) -> ArrayRef {
    let mut b = ListBuilder::new(StructBuilder::from_fields(place_fields(), 0));
    for c in cells {
        if let Cell::Places(list) = c {
            for (file, line) in list {
                let s = b.values();
                if let Some(f) = s.field_builder::<StringBuilder>(0) {
                    f.append_value(file);
                }
                if let Some(l) = s.field_builder::<Int64Builder>(1) {
                    l.append_option(*line);
                }
                s.append(true);
            }
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

fn text(c: &Cell) -> Option<&str> {
    match c {
        Cell::Text(t) => t.as_deref(),
        _ => None,
    }
}

fn int(c: &Cell) -> Option<i64> {
    match c {
        Cell::Int(n) | Cell::Time(n) => *n,
        _ => None,
    }
}

/// Writes `rows` of table `name` as one part per day under `out`, named `part-{id}.parquet`;
/// returns the parts' paths, relative to `out`.
///
/// # Errors
/// When a folder or file cannot be written.
pub fn write(
    out: &Path,
    name: &str,
    columns: Columns,
    rows: Rows,
    id: &str,
) -> Result<Vec<String>, String> {
    let schema = schema(columns);
    let mut written = Vec::new();
    let mut days: Vec<(String, Vec<Vec<Cell>>)> = rows.by_day.into_iter().collect();
    days.sort_by(|a, b| a.0.cmp(&b.0));
    for (day, rows) in days {
        let dir: PathBuf = [name, &format!("date={day}")].iter().collect();
        std::fs::create_dir_all(out.join(&dir))
            .map_err(|e| format!("{}: {e}", out.join(&dir).display()))?;
        let path = dir.join(format!("part-{id}.parquet"));
        let arrays: Vec<ArrayRef> = columns
            .iter()
            .enumerate()
            .map(|(i, &(_, kind, _))| column(&rows, i, kind))
            .collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|e| e.to_string())?;
        write_file(&out.join(&path), &schema, &batch)?;
        written.push(path.to_string_lossy().replace('\\', "/"));
    }
    Ok(written)
}

fn write_file(path: &Path, schema: &Arc<Schema>, batch: &RecordBatch) -> Result<(), String> {
    let failed = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    // Statistics per column chunk (what engines prune files and row groups by), not per page;
    // Snappy, the codec DuckDB and Spark write by default.
    let props = WriterProperties::builder()
        .set_statistics_enabled(parquet::file::properties::EnabledStatistics::Chunk)
        .set_compression(parquet::basic::Compression::SNAPPY)
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "cti_outcome.schema_version".to_owned(),
            SCHEMA_VERSION.to_string(),
        )]))
        .build();
    // Written beside its place and renamed into it: a reader never sees half a file.
    let partial = path.with_extension("parquet.partial");
    let file = std::fs::File::create(&partial).map_err(|e| failed(&e))?;
    let mut writer =
        ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(|e| failed(&e))?;
    writer.write(batch).map_err(|e| failed(&e))?;
    writer.close().map_err(|e| failed(&e))?;
    std::fs::rename(&partial, path).map_err(|e| failed(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_timestamps() {
        assert_eq!(day(Some(1_714_550_400_000)), "2024-05-01");
        assert_eq!(day(Some(0)), "1970-01-01");
        assert_eq!(day(Some(-1)), "1969-12-31");
        assert_eq!(day(None), NO_DATE);
    }
}
