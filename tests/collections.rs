//! Collections (`src/collection`): rotated files, folders and archives read as one log. The
//! fixtures (`tests/fixtures/collections/make.py`) are the MIVR trace fixture cut into three
//! rotated files whose numbers wrapped round, with a README, a core file and a PNG beside them,
//! zipped as RTMT does, tarred, gzip-compressed, and damaged; generated logs of every text form
//! are cut at random places into files with shuffled names.
#![cfg(all(feature = "archives", not(target_arch = "wasm32")))]

use std::path::{Path, PathBuf};

use cti_outcome::binary::Options;
use cti_outcome::collection::{archive, plan, Collected, Collection, PlanOptions};
use cti_outcome::generate::{self, traces, traces::Trace};
use cti_outcome::log::Log;
use cti_outcome::traces::Year;
use cti_outcome::view;
use proptest::prelude::*;

const YEAR: Year = Year {
    year: 2026,
    month: None,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/collections/{name}"))
}

fn options() -> PlanOptions {
    PlanOptions {
        year: Some(YEAR),
        ..PlanOptions::default()
    }
}

fn open(path: &Path) -> Collected {
    archive::read(archive::expand(&[path.to_owned()]), &options())
}

/// The log itself, read whole.
fn whole() -> Log {
    let text = std::fs::read(fixture("../traces/mivr-consult-transfer.log")).unwrap();
    let mut log = Log::new(None, Options::default());
    log.set_year(YEAR);
    log.push(&text);
    log.finish();
    log
}

fn calls(log: &Log) -> String {
    serde_json::to_string(&view::timeline::timeline(log.store(), log.timeline())).unwrap()
}

fn events(log: &Log) -> String {
    serde_json::to_string(&view::decoded_text(log.store())).unwrap()
}

fn skipped(collected: &Collected) -> Vec<(String, String)> {
    let mut all: Vec<_> = collected
        .skipped
        .iter()
        .map(|s| {
            let name = s.name.rsplit('/').next().unwrap().to_owned();
            (name, s.reason.clone())
        })
        .collect();
    all.sort();
    all
}

#[test]
fn every_form_of_the_collection_gives_the_log_itself() {
    let whole = whole();
    for name in [
        "rotated",
        "rtmt-mivr.zip",
        "mivr.tar",
        "mivr.tar.gz",
        "mivr-gz.zip",
    ] {
        let collected = open(&fixture(name));
        same(&events(&collected.log), &events(&whole)).expect(name);
        same(&calls(&collected.log), &calls(&whole)).expect(name);
        let files: Vec<_> = collected
            .files
            .0
            .iter()
            .map(|f| f.name.rsplit('/').next().unwrap())
            .collect();
        // By name the last part (MIVR001, after the numbers wrapped) would come first.
        let logs = ["MIVR046.log", "MIVR047.log", "MIVR001.log"];
        let gz = logs.map(|l| format!("{l}.gz"));
        if name == "mivr-gz.zip" {
            assert_eq!(files, gz, "{name}: in time order");
        } else {
            assert_eq!(files, logs, "{name}: in time order");
            assert_eq!(
                skipped(&collected),
                [
                    ("README.txt".to_owned(), "not a CTI log: no event in its first 64 KiB (no other form was recognised)".to_owned()),
                    ("core.4711".to_owned(), "not a CTI log: no GED-188 frame in its first 64 KiB (it has control bytes no text has)".to_owned()),
                    ("screenshot.png".to_owned(), "not a CTI log: a PNG image".to_owned()),
                ]
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>(),
                "{name}: what is no log is listed with the reason"
            );
        }
        assert!(
            collected.files.0[2].joined,
            "{name}: the record the rotation cut is joined"
        );
    }
}

#[test]
fn a_call_spanning_files_is_one_call_and_positions_say_which_file() {
    let collected = open(&fixture("rotated"));
    let store = collected.log.store();
    let timeline = view::timeline::timeline(store, collected.log.timeline());
    let keys: Vec<_> = timeline.calls.iter().map(|c| c.key.clone()).collect();
    assert_eq!(keys, ["1010", "1011"], "each call once");
    let json: serde_json::Value =
        serde_json::to_value(view::collection::decoded(&collected)).unwrap();
    let mut files_of_call = std::collections::BTreeSet::new();
    for (i, event) in json["events"].as_array().unwrap().iter().enumerate() {
        let file = event["file"].as_str().unwrap();
        let line = usize::try_from(event["line"].as_u64().unwrap()).unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        let at = text.lines().nth(line - 1).unwrap();
        let written = store.event(i).time_text().unwrap().into_owned();
        assert!(
            at.contains(&written),
            "event {i} at {file}:{line} is `{at}`"
        );
        files_of_call.insert(file.to_owned());
    }
    assert_eq!(
        files_of_call.len(),
        3,
        "the calls' events are in all three files"
    );
    for d in json["diagnostics"].as_array().unwrap() {
        assert!(d["file"].as_str().unwrap().contains("/MIVR"), "{d}");
    }
}

#[test]
fn a_bad_archive_entry_is_named_and_the_rest_opens() {
    for (name, reason) in [
        (
            "encrypted.zip",
            "an encrypted zip entry: unpack it with its password first",
        ),
        ("corrupt.zip", "it could not be read"),
    ] {
        let collected = open(&fixture(name));
        let bad: Vec<_> = collected.skipped.iter().filter(|s| s.error).collect();
        assert_eq!(bad.len(), 1, "{name}: {bad:?}");
        assert!(
            bad[0].name.ends_with(".zip/uccx/MIVR/MIVR047.log"),
            "{name}: {}",
            bad[0].name
        );
        assert!(
            bad[0].reason.starts_with(reason),
            "{name}: {}",
            bad[0].reason
        );
        assert_eq!(
            collected.files.len(),
            2,
            "{name}: the other two logs are read"
        );
        assert!(collected.log.timeline().call_count() > 0, "{name}");
    }
    let deep = open(&fixture("too-deep.zip"));
    assert!(deep.files.is_empty());
    assert_eq!(deep.skipped.len(), 1);
    assert!(deep.skipped[0]
        .reason
        .contains("inside an archive inside an archive"));
}

#[test]
fn a_folder_without_logs_says_why_for_each_file() {
    let dir = tempdir();
    std::fs::write(dir.join("notes.txt"), "nothing to see\n").unwrap();
    std::fs::write(dir.join("empty.log"), "").unwrap();
    let collected = open(&dir);
    assert!(collected.files.is_empty());
    assert_eq!(
        skipped(&collected),
        [
            ("empty.log".to_owned(), "it is empty".to_owned()),
            (
                "notes.txt".to_owned(),
                "not a CTI log: no event in its first 64 KiB (no other form was recognised)"
                    .to_owned()
            ),
        ]
    );
}

fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "cti-outcome-collections-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads parts given in memory as a collection.
fn read_parts(parts: &[(String, Vec<u8>)]) -> Collected {
    let heads: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let plan = plan(&heads, &options());
    let mut log = Log::new(plan.format, Options::default());
    log.set_year(YEAR);
    let mut collection = Collection::new(log);
    for placed in &plan.files {
        collection.begin(placed);
        for chunk in parts[placed.index].1.chunks(4096) {
            collection.push(chunk);
        }
    }
    collection.finish(plan.skipped)
}

fn generated(trace: Option<Trace>, seed: u64) -> Vec<u8> {
    let events = generate::generate(generate::Options {
        calls: 60,
        seed,
        agents: 5,
        ..generate::Options::default()
    });
    match trace {
        Some(trace) => traces::write(&events, trace).into_bytes(),
        None => generate::write_text(&events).into_bytes(),
    }
}

/// Offsets of the starts of lines that begin a record: a digit first (a sequence number, a
/// time), and not a MIVR frame dump's row (`0010: 00 01 …`).
fn record_starts(log: &[u8]) -> Vec<usize> {
    let row = |l: &[u8]| {
        l.len() > 9
            && &l[4..6] == b": "
            && l[6..8].iter().all(u8::is_ascii_hexdigit)
            && l[8] == b' '
    };
    let mut starts = vec![];
    let mut at = 0;
    while let Some(n) = log[at..].iter().position(|&b| b == b'\n') {
        at += n + 1;
        if log.get(at).is_some_and(u8::is_ascii_digit) && !row(&log[at..]) {
            starts.push(at);
        }
    }
    starts
}

/// Fails with where two JSON texts first differ.
fn same(a: &str, b: &str) -> Result<(), TestCaseError> {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    if a.len() == b.len() && at == a.len() {
        return Ok(());
    }
    let from = at.saturating_sub(200);
    Err(TestCaseError::fail(format!(
        "differ at byte {at}:\n  {}\n  {}",
        &a[from..(at + 200).min(a.len())],
        &b[from..(at + 200).min(b.len())]
    )))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_log_cut_into_rotated_files_with_shuffled_names_reads_as_itself(
        form in 0usize..4,
        seed in 1u64..1000,
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 1..6),
        names in proptest::collection::vec(any::<u32>(), 8),
    ) {
        let trace = [None, Some(Trace::Mivr), Some(Trace::Finesse), Some(Trace::Dumplog)][form];
        let log = generated(trace, seed);
        let starts = record_starts(&log);
        // Cuts at record starts at least 40 records apart, so that each file's first time is
        // its own (files whose first events share a time are put by name).
        let starts = &starts[40..];
        let mut cuts: Vec<usize> = picks.iter().map(|p| starts[p.index(starts.len())]).collect();
        cuts.sort_unstable();
        cuts.dedup_by(|b, a| starts.iter().filter(|&&s| s > *a && s <= *b).count() < 40);
        let mut parts = vec![];
        let mut from = 0;
        for &cut in cuts.iter().chain([&log.len()]) {
            if cut > from {
                parts.push(log[from..cut].to_vec());
                from = cut;
            }
        }
        let mut named: Vec<(String, Vec<u8>)> = parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| (format!("log-{:08x}.txt", names[i % names.len()].wrapping_add(u32::try_from(i).unwrap())), p))
            .collect();
        named.reverse();
        let joined = read_parts(&named);
        let mut alone = Log::new(None, Options::default());
        alone.set_year(YEAR);
        alone.push(&log);
        alone.finish();
        same(&events(&joined.log), &events(&alone))?;
        same(&calls(&joined.log), &calls(&alone))?;
        prop_assert_eq!(joined.files.len(), named.len());
        let lines: u32 = joined.files.0.iter().map(|f| f.lines).sum();
        prop_assert_eq!(lines as usize, memchr::memchr_iter(b'\n', &log).count());
    }
}

/// A generated MIVR log cut at record starts into 16 rotated files with shuffled names.
fn rotated(log: &[u8]) -> Vec<(String, Vec<u8>)> {
    let starts = record_starts(log);
    let mut files = Vec::new();
    let mut from = 0;
    for k in 1..=16 {
        let to = if k == 16 {
            log.len()
        } else {
            starts[k * starts.len() / 16]
        };
        // Names in an order of their own: by name, the parts would be shuffled.
        files.push((
            format!("MIVR{:03}.log", (k * 7) % 16 + 1),
            log[from..to].to_vec(),
        ));
        from = to;
    }
    files
}

#[test]
fn a_generated_log_as_16_rotated_files_zipped_and_tar_gzipped_is_the_log() {
    use std::io::Write;
    let log = generated(Some(Trace::Mivr), 11);
    let files = rotated(&log);
    let dir = tempdir();
    let zip_path = dir.join("rtmt.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in &files {
        zip.start_file(format!("Cisco/UCCX/MIVR/{name}"), deflated)
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    let tgz_path = dir.join("mivr.tgz");
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&tgz_path).unwrap(),
        flate2::Compression::fast(),
    );
    let mut tar = tar::Builder::new(gz);
    for (name, bytes) in &files {
        let mut header = tar::Header::new_ustar();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, name, bytes.as_slice())
            .unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let mut alone = Log::new(None, Options::default());
    alone.set_year(YEAR);
    alone.push(&log);
    alone.finish();
    for path in [zip_path, tgz_path] {
        let collected = open(&path);
        assert_eq!(collected.files.len(), 16, "{}", path.display());
        same(&events(&collected.log), &events(&alone)).unwrap();
        same(&calls(&collected.log), &calls(&alone)).unwrap();
        let first = &collected.files.0[0];
        assert!(first.name.ends_with("MIVR008.log"), "{}", first.name);
    }
}
