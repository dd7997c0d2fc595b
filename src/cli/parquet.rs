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
    Int64Builder, ListBuilder, MapBuilder, MapFieldNames, StringBuilder, StructBuilder,
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

/// The name of a day (days since 1970-01-01; none for rows without a date): `YYYY-MM-DD`, or
/// [`NO_DATE`].
#[must_use]
pub fn day_name(day: Option<i64>) -> String {
    let Some(day) = day else {
        return NO_DATE.to_owned();
    };
    // Howard Hinnant's civil_from_days.
    let z = day + 719_468;
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

/// Rows appended to one part before they go to its writer as a batch.
const BATCH_ROWS: usize = 8192;

/// Rows in a Parquet row group: what a writer holds (encoded) before it writes them out, and
/// what engines read (and prune by statistics) at a time.
const ROW_GROUP_ROWS: usize = 65_536;

/// One table of one input being written: a part per day (`NAME/date=DAY/part-ID.parquet`),
/// each with its writer and the column builders of its next batch. Rows go out in batches of
/// [`BATCH_ROWS`] and row groups of [`ROW_GROUP_ROWS`], so a table never holds more than that
/// per day, however many rows it gets.
pub struct Table<'o> {
    out: &'o Path,
    name: &'static str,
    columns: Columns,
    schema: Arc<Schema>,
    id: &'o str,
    days: FxHashMap<Option<i64>, Part>,
}

/// A day's part being written.
struct Part {
    path: PathBuf,
    partial: PathBuf,
    writer: ArrowWriter<std::fs::File>,
    row: Row,
}

/// The builders of a batch, and where the next cell goes.
pub struct Row {
    builders: Vec<Builder>,
    at: usize,
    rows: usize,
}

/// A column's builder.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Time(TimestampMillisecondBuilder),
    Texts(ListBuilder<StringBuilder>),
    Places(ListBuilder<StructBuilder>),
    Map(MapBuilder<StringBuilder, StringBuilder>),
}

impl Builder {
    fn of(kind: Kind) -> Builder {
        match kind {
            Kind::Text => Builder::Text(StringBuilder::new()),
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::Time => Builder::Time(TimestampMillisecondBuilder::new().with_timezone("UTC")),
            Kind::Texts => Builder::Texts(ListBuilder::new(StringBuilder::new())),
            Kind::Places => Builder::Places(ListBuilder::new(StructBuilder::from_fields(
                place_fields(),
                0,
            ))),
            Kind::Map => Builder::Map(MapBuilder::new(
                Some(MapFieldNames {
                    entry: "entries".to_owned(),
                    key: "keys".to_owned(),
                    value: "values".to_owned(),
                }),
                StringBuilder::new(),
                StringBuilder::new(),
            )),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Time(b) => Arc::new(b.finish()),
            Builder::Texts(b) => Arc::new(b.finish()),
            Builder::Places(b) => Arc::new(b.finish()),
            Builder::Map(b) => Arc::new(b.finish()),
        }
    }
}

impl Row {
    fn new(columns: Columns) -> Row {
        Row {
            builders: columns.iter().map(|&(_, k, _)| Builder::of(k)).collect(),
            at: 0,
            rows: 0,
        }
    }

    /// The next column's builder.
    fn next(&mut self) -> &mut Builder {
        self.at += 1;
        &mut self.builders[self.at - 1]
    }

    /// A text cell (NULL for none).
    pub fn text(&mut self, value: Option<&str>) -> &mut Row {
        match self.next() {
            Builder::Text(b) => b.append_option(value),
            _ => unreachable!("a text cell in a column of another type"),
        }
        self
    }

    /// A whole number (NULL for none).
    pub fn int(&mut self, value: Option<i64>) -> &mut Row {
        match self.next() {
            Builder::Int(b) => b.append_option(value),
            _ => unreachable!("a number in a column of another type"),
        }
        self
    }

    /// A timestamp (ms since 1970-01-01 UTC; NULL for none).
    pub fn time(&mut self, ms: Option<i64>) -> &mut Row {
        match self.next() {
            Builder::Time(b) => b.append_option(ms),
            _ => unreachable!("a timestamp in a column of another type"),
        }
        self
    }

    /// A list of text.
    pub fn texts<'a>(&mut self, values: impl IntoIterator<Item = &'a str>) -> &mut Row {
        match self.next() {
            Builder::Texts(b) => {
                for v in values {
                    b.values().append_value(v);
                }
                b.append(true);
            }
            _ => unreachable!("a list in a column of another type"),
        }
        self
    }

    /// A list of (file, line) pairs.
    pub fn places(&mut self, file: &str, lines: impl IntoIterator<Item = Option<i64>>) -> &mut Row {
        match self.next() {
            Builder::Places(b) => {
                for line in lines {
                    let s = b.values();
                    if let Some(f) = s.field_builder::<StringBuilder>(0) {
                        f.append_value(file);
                    }
                    if let Some(l) = s.field_builder::<Int64Builder>(1) {
                        l.append_option(line);
                    }
                    s.append(true);
                }
                b.append(true);
            }
            _ => unreachable!("places in a column of another type"),
        }
        self
    }

    /// A map of text to text.
    pub fn map<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> &mut Row {
        match self.next() {
            Builder::Map(b) => {
                for (k, v) in pairs {
                    b.keys().append_value(k);
                    b.values().append_value(v);
                }
                // A map builder only fails on keys and values of unequal counts, which the
                // loop above cannot make.
                b.append(true).unwrap_or_default();
            }
            _ => unreachable!("a map in a column of another type"),
        }
        self
    }
}

impl<'o> Table<'o> {
    /// Table `name` (one of [`TABLES`]) of the input whose parts are named `part-{id}`.
    pub fn new(out: &'o Path, (name, columns): (&'static str, Columns), id: &'o str) -> Self {
        Table {
            out,
            name,
            columns,
            schema: schema(columns),
            id,
            days: FxHashMap::default(),
        }
    }

    /// Appends a row to the day of `ms` (a timestamp, or none): `cells` fills every column, in
    /// order.
    ///
    /// # Errors
    /// When the day's part cannot be made or written.
    pub fn push(&mut self, ms: Option<i64>, cells: impl FnOnce(&mut Row)) -> Result<(), String> {
        let day = ms.map(|ms| ms.div_euclid(86_400_000));
        let part = match self.days.entry(day) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let dir: PathBuf = [self.name, &format!("date={}", day_name(day))]
                    .iter()
                    .collect();
                v.insert(Part::create(
                    self.out,
                    &dir,
                    self.id,
                    &self.schema,
                    self.columns,
                )?)
            }
        };
        part.row.at = 0;
        cells(&mut part.row);
        debug_assert_eq!(part.row.at, self.columns.len(), "a row fills every column");
        part.row.rows += 1;
        if part.row.rows == BATCH_ROWS {
            part.flush(&self.schema)?;
        }
        Ok(())
    }

    /// Closes every part and moves it into place; the parts' paths, relative to the output
    /// folder, by day.
    ///
    /// # Errors
    /// When a part cannot be written.
    pub fn finish(self) -> Result<Vec<String>, String> {
        let mut days: Vec<_> = self.days.into_iter().collect();
        days.sort_by_key(|(day, _)| *day);
        let mut written = Vec::new();
        for (_, mut part) in days {
            part.flush(&self.schema)?;
            let failed = |e: &dyn std::fmt::Display| format!("{}: {e}", part.path.display());
            part.writer.close().map_err(|e| failed(&e))?;
            std::fs::rename(&part.partial, self.out.join(&part.path)).map_err(|e| failed(&e))?;
            written.push(part.path.to_string_lossy().replace('\\', "/"));
        }
        Ok(written)
    }

    /// Removes the parts begun (after an error elsewhere: no half input in the dataset).
    pub fn abandon(self) {
        for part in self.days.into_values() {
            drop(part.writer);
            let _ = std::fs::remove_file(&part.partial);
        }
    }
}

impl Part {
    /// A new part at `dir/part-{id}.parquet` under `out`, written beside its place (renamed
    /// into it when finished: a reader never sees half a file).
    fn create(
        out: &Path,
        dir: &Path,
        id: &str,
        schema: &Arc<Schema>,
        columns: Columns,
    ) -> Result<Part, String> {
        std::fs::create_dir_all(out.join(dir))
            .map_err(|e| format!("{}: {e}", out.join(dir).display()))?;
        let path = dir.join(format!("part-{id}.parquet"));
        let partial = out.join(path.with_extension("parquet.partial"));
        let failed = |e: &dyn std::fmt::Display| format!("{}: {e}", partial.display());
        // Statistics per column chunk (what engines prune files and row groups by), not per
        // page; Snappy, the codec DuckDB and Spark write by default.
        let props = WriterProperties::builder()
            .set_statistics_enabled(parquet::file::properties::EnabledStatistics::Chunk)
            .set_compression(parquet::basic::Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "cti_outcome.schema_version".to_owned(),
                SCHEMA_VERSION.to_string(),
            )]))
            .build();
        let file = std::fs::File::create(&partial).map_err(|e| failed(&e))?;
        let writer =
            ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(|e| failed(&e))?;
        Ok(Part {
            path,
            partial,
            writer,
            row: Row::new(columns),
        })
    }

    /// Sends the batch's rows to the writer.
    fn flush(&mut self, schema: &Arc<Schema>) -> Result<(), String> {
        if self.row.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.row.builders.iter_mut().map(Builder::finish).collect();
        self.row.rows = 0;
        let failed = |e: &dyn std::fmt::Display| format!("{}: {e}", self.partial.display());
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(|e| failed(&e))?;
        self.writer.write(&batch).map_err(|e| failed(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_timestamps() {
        let day = |ms: Option<i64>| day_name(ms.map(|ms| ms.div_euclid(86_400_000)));
        assert_eq!(day(Some(1_714_550_400_000)), "2024-05-01");
        assert_eq!(day(Some(0)), "1970-01-01");
        assert_eq!(day(Some(-1)), "1969-12-31");
        assert_eq!(day(None), NO_DATE);
    }

    /// Rows go out as they come, in row groups: a table of more rows than a group holds is
    /// written as several, each read back whole, and an abandoned table leaves no file.
    #[test]
    fn rows_stream_into_row_groups() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let out = std::env::temp_dir().join(format!("cti-outcome-groups-{}", std::process::id()));
        let n = ROW_GROUP_ROWS * 3 + 5;
        let mut table = Table::new(&out, TABLES[2], "test");
        for i in 0..n {
            let i = i64::try_from(i).unwrap_or_default();
            let at = Some(1_714_550_400_000 + i);
            table
                .push(at, |r| {
                    r.text(Some("ctisvr.log"))
                        .text(Some("1001"))
                        .text(Some("AGENT_STATE_TALKING"))
                        .int(None)
                        .time(at)
                        .time(None)
                        .int(Some(i));
                })
                .expect("a row");
        }
        let parts = table.finish().expect("written");
        assert_eq!(parts, ["agent_states/date=2024-05-01/part-test.parquet"]);
        let file = std::fs::File::open(out.join(&parts[0])).expect("the part");
        let reader = SerializedFileReader::new(file).expect("a Parquet file");
        let groups = reader.metadata().row_groups();
        assert_eq!(groups.len(), 4);
        let rows: i64 = groups
            .iter()
            .map(parquet::file::metadata::RowGroupMetaData::num_rows)
            .sum();
        assert_eq!(usize::try_from(rows).ok(), Some(n));

        let mut abandoned = Table::new(&out, TABLES[0], "gone");
        abandoned
            .push(None, |r| {
                r.text(Some("x"))
                    .text(Some("1"))
                    .time(None)
                    .time(None)
                    .int(None);
                r.text(Some("unknown"))
                    .text(None)
                    .texts([])
                    .texts([])
                    .text(None);
                r.text(Some("unknown")).text(Some("r")).text(Some("why"));
                r.places("x", []).texts([]);
            })
            .expect("a row");
        abandoned.abandon();
        let left = out.join("calls").join(format!("date={NO_DATE}"));
        assert_eq!(std::fs::read_dir(&left).map(Iterator::count).ok(), Some(0));
        let _ = std::fs::remove_dir_all(&out);
    }
}
