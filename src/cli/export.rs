//! `cti-outcome export`: inputs (files, folders, archives; logs, captures and call-record
//! exports) into a Parquet dataset for DuckDB and Spark: `OUT/calls/date=…/part-….parquet`,
//! `legs`, `agent_states` and with `--events` `events` (src/cli/parquet.rs has the schema).
//!
//! Each input is decoded on its own, on all cores; its parts are named by its content hash
//! (xxh3-128), and `OUT/_manifest.json` lists what was exported, so that a second run over the
//! same inputs plus new ones writes only the new ones. An input that cannot be read or holds
//! nothing to read is reported with its name, the others are exported, and the status is 1.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use cti_outcome::collection::archive::{self, Member};
use lexopt::prelude::*;
use serde::{Deserialize, Serialize};

use super::export_rows::{self, Tables};
use super::parquet;

/// What `export` was asked.
struct Asked {
    inputs: Vec<PathBuf>,
    out: PathBuf,
    events: bool,
    year: Option<i32>,
    jobs: usize,
}

/// The dataset's record of what it holds: per input content hash, its name and parts.
#[derive(Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    schema_version: u32,
    inputs: BTreeMap<String, Exported>,
}

/// One exported input.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Exported {
    name: String,
    calls: u64,
    parts: Vec<String>,
}

/// What became of one input.
enum Done {
    Written(String, Exported),
    Known,
    Failed(String),
}

/// Runs `export`.
pub fn export(parser: &mut lexopt::Parser) -> Result<(), String> {
    let asked = arguments(parser)?;
    let manifest_path = asked.out.join("_manifest.json");
    let mut manifest = read_manifest(&manifest_path)?;
    let expanded = archive::expand(&asked.inputs);
    let out_dir = asked
        .out
        .canonicalize()
        .unwrap_or_else(|_| asked.out.clone());
    let members: Vec<&Member> = expanded
        .members
        .iter()
        .filter(|m| {
            !Path::new(&m.name)
                .canonicalize()
                .is_ok_and(|p| p.starts_with(&out_dir))
        })
        .collect();
    let results = run(&asked, &members, &manifest);
    let mut failed: Vec<String> = expanded
        .skipped
        .iter()
        .filter(|s| s.error)
        .map(|s| format!("{}: {}", s.name, s.reason))
        .collect();
    let (mut written, mut known, mut calls) = (0usize, 0usize, 0u64);
    for done in results {
        match done {
            Done::Written(hash, e) => {
                written += 1;
                calls += e.calls;
                manifest.inputs.insert(hash, e);
            }
            Done::Known => known += 1,
            Done::Failed(why) => failed.push(why),
        }
    }
    manifest.schema_version = parquet::SCHEMA_VERSION;
    write_manifest(&manifest_path, &manifest)?;
    for why in &failed {
        eprintln!("cti-outcome: export: {why}");
    }
    eprintln!(
        "cti-outcome: export: {written} inputs written ({calls} calls), {known} already in {}, {} not exported",
        asked.out.display(),
        failed.len()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        std::process::exit(1)
    }
}

fn arguments(parser: &mut lexopt::Parser) -> Result<Asked, String> {
    let mut asked = Asked {
        inputs: Vec::new(),
        out: PathBuf::from("cti-outcome-dataset"),
        events: false,
        year: None,
        jobs: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("out") => asked.out = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("events") => asked.events = true,
            Long("year") => {
                let text = super::string(parser.value())?;
                let year = text.parse().map_err(|_| {
                    format!("export: --year must be a year such as 2026, got {text:?}")
                })?;
                asked.year = Some(year);
            }
            Long("jobs") => asked.jobs = super::count("--jobs", parser)?.max(1),
            Value(v) => asked.inputs.push(PathBuf::from(v)),
            other => {
                return Err(format!(
                    "export: unexpected {}",
                    super::Owned::from(other).describe()
                ))
            }
        }
    }
    if asked.inputs.is_empty() {
        return Err("export: missing INPUT (files, folders or archives)".to_owned());
    }
    Ok(asked)
}

/// Exports `members` on `asked.jobs` threads; results in the members' order.
fn run(asked: &Asked, members: &[&Member], manifest: &Manifest) -> Vec<Done> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Done>>> = Mutex::new((0..members.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..asked.jobs.min(members.len()).max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(member) = members.get(i) else { break };
                let done = one(asked, member, manifest);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(done);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// Exports one input.
fn one(asked: &Asked, member: &Member, manifest: &Manifest) -> Done {
    let name = member.name.clone();
    let bytes = match member.read_all() {
        Ok(b) => b,
        Err(e) => return Done::Failed(format!("{name}: it could not be read: {e}")),
    };
    let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes));
    if manifest.inputs.contains_key(&hash) {
        return Done::Known;
    }
    let mut tables = Tables::new(&asked.out, &hash);
    let calls = match export_rows::write(&name, &bytes, asked.year, asked.events, &mut tables) {
        Ok(calls) => calls,
        Err(why) => {
            tables.abandon();
            return Done::Failed(format!("{name}: {why}"));
        }
    };
    match tables.finish() {
        Ok(parts) => Done::Written(hash, Exported { name, calls, parts }),
        Err(why) => Done::Failed(format!("{name}: {why}")),
    }
}

fn read_manifest(path: &Path) -> Result<Manifest, String> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
                format!(
                    "export: {}: not a manifest this tool wrote: {e}",
                    path.display()
                )
            })?;
            if manifest.schema_version != parquet::SCHEMA_VERSION {
                return Err(format!(
                    "export: {} holds schema version {}, this tool writes {}: export into a new folder",
                    path.display(),
                    manifest.schema_version,
                    parquet::SCHEMA_VERSION
                ));
            }
            Ok(manifest)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
        Err(e) => Err(format!("export: {}: {e}", path.display())),
    }
}

fn write_manifest(path: &Path, manifest: &Manifest) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("export: {}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(manifest).map_err(|e| e.to_string())?;
    let partial = path.with_extension("json.partial");
    std::fs::write(&partial, text).map_err(|e| format!("export: {}: {e}", partial.display()))?;
    std::fs::rename(&partial, path).map_err(|e| format!("export: {}: {e}", path.display()))
}
