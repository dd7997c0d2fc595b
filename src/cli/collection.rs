//! `decode` and `timeline` of several files, a folder or an archive: one log, its files joined
//! in the order of their content's time (src/collection).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use cti_outcome::binary::Options;
use cti_outcome::collection::{archive, Collected, PlanOptions};
use cti_outcome::traces::Year;

use super::Input;

/// Whether the input is a collection: more than one FILE, a folder, or an archive (told by its
/// first bytes: zip, gzip, tar).
pub(super) fn is_collection(file: Option<&OsString>, more: &[OsString]) -> bool {
    let Some(file) = file.filter(|f| *f != "-") else {
        return false;
    };
    if !more.is_empty() || Path::new(file).is_dir() {
        return true;
    }
    let mut head = [0u8; 262];
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let head = &head[..read];
    head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"PK\x05\x06")
        || head.starts_with(b"\x1F\x8B")
        || head.get(257..262) == Some(b"ustar")
}

/// Reads the collection, telling on stderr what was read, in what order, and what not.
pub(super) fn read(input: Input, frames: Options, year: Option<Year>) -> Result<Collected, String> {
    let threads = input.threads();
    let paths: Vec<PathBuf> = input
        .file
        .into_iter()
        .chain(input.more)
        .map(PathBuf::from)
        .collect();
    for path in &paths {
        if !path.exists() {
            return Err(format!(
                "cannot read {}: no such file or folder",
                path.display()
            ));
        }
    }
    let options = PlanOptions {
        format: input.format,
        frames,
        year,
        threads,
    };
    let collected = archive::read(archive::expand(&paths), &options);
    for skipped in &collected.skipped {
        let what = if skipped.error {
            "could not read"
        } else {
            "skipped"
        };
        eprintln!("cti-outcome: {what} {}: {}", skipped.name, skipped.reason);
    }
    let files = &collected.files.0;
    let (Some(first), Some(last)) = (files.first(), files.last()) else {
        return Ok(collected);
    };
    let format = collected.log.format().map_or("nothing", |f| f.as_str());
    let order = match files.iter().filter(|f| f.time.is_none()).count() {
        0 => "in the order of their first call's time".to_owned(),
        n if n == files.len() => "by name (no call with a time in their first 64 KiB)".to_owned(),
        n => format!("in the order of their first call's time; {n} without one last, by name"),
    };
    if files.len() == 1 {
        eprintln!("cti-outcome: read 1 file as a {format} log: {}", first.name);
    } else {
        eprintln!(
            "cti-outcome: read {} files as one {format} log, {order}: {} … {}",
            files.len(),
            first.name,
            last.name
        );
    }
    Ok(collected)
}

/// Fails (exit status 2) when no file of the collection was a log, after the JSON (whose
/// `skipped` says why for each) has been written.
pub(super) fn none_read(command: &str, collected: &Collected) -> Result<(), String> {
    if !collected.files.is_empty() {
        return Ok(());
    }
    let n = collected.skipped.len();
    let files = if n == 1 { "file" } else { "files" };
    Err(format!(
        "{command}: no CTI log among the {n} {files} found (each is listed above with the reason)"
    ))
}
