//! Files, folders and archives on disk turned into a collection's members, and read as one
//! log (the command-line tool's input).
//!
//! Archives are `.zip`, `.tar`, and either gzip-compressed (`.gz`, `.tar.gz`, `.tgz`), told by
//! their magic numbers, not their names; an archive inside an archive is opened too (a zip of
//! `.gz` files, a `.tar.gz` inside a zip), one level deep. Nothing is held whole in memory: a
//! member is read from its archive when its turn comes, and what must be read again in
//! another order (a tar that was gzip-compressed, an archive inside a zip) is first written
//! out to an unnamed temporary file.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

use super::{plan, Collected, Collection, PlanOptions, Skipped, HEAD_BYTES};
use crate::log::Log;

/// Bytes read from a member at a time.
const CHUNK: usize = 1 << 20;

/// Where a member's bytes are.
#[derive(Clone)]
enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// `len` bytes at `start` of a file (a tar entry).
    Range { file: Spool, start: u64, len: u64 },
    /// Entry `index` of a zip archive.
    Zip { archive: Spool, index: usize },
    /// What is gzip-compressed in another source.
    Gzip(Box<Source>),
}

/// A file an archive is read from again and again: on disk, or a temporary copy.
#[derive(Clone)]
enum Spool {
    Path(PathBuf),
    Temp(Arc<File>),
}

impl Spool {
    fn open(&self) -> io::Result<File> {
        match self {
            Spool::Path(path) => File::open(path),
            Spool::Temp(file) => {
                let mut file = file.try_clone()?;
                file.seek(SeekFrom::Start(0))?;
                Ok(file)
            }
        }
    }
}

impl Source {
    /// Calls `f` with a reader of the source's bytes from the start. (A zip entry borrows its
    /// archive, so the reader is lent, not returned.)
    fn read_with<T>(&self, f: &mut dyn FnMut(&mut dyn Read) -> io::Result<T>) -> io::Result<T> {
        match self {
            Source::Path(path) => f(&mut File::open(path)?),
            Source::Range { file, start, len } => {
                let mut file = file.open()?;
                file.seek(SeekFrom::Start(*start))?;
                f(&mut file.take(*len))
            }
            Source::Zip { archive, index } => {
                let mut zip = zip::ZipArchive::new(BufReader::new(archive.open()?))
                    .map_err(io::Error::other)?;
                let mut entry = zip.by_index(*index).map_err(io::Error::other)?;
                f(&mut entry)
            }
            Source::Gzip(inner) => {
                inner.read_with(&mut |r| f(&mut MultiGzDecoder::new(BufReader::new(r))))
            }
        }
    }
}

/// A file of a collection, before it is read.
#[derive(Clone)]
pub struct Member {
    /// Its name: the path as given, `archive.zip/dir/entry.log` inside an archive.
    pub name: String,
    source: Source,
}

impl Member {
    /// Calls `f` with a reader of the member's bytes.
    ///
    /// # Errors
    /// When the file or the archive entry cannot be opened, or `f` fails.
    pub fn read_with<T>(&self, mut f: impl FnMut(&mut dyn Read) -> io::Result<T>) -> io::Result<T> {
        self.source.read_with(&mut f)
    }

    /// The member's bytes, whole: a file on disk read into a buffer of its size at once (not
    /// grown step by step through a reader), an archive entry as it inflates.
    ///
    /// # Errors
    /// When the file or the archive entry cannot be read.
    pub fn read_all(&self) -> io::Result<Vec<u8>> {
        match &self.source {
            Source::Path(path) => std::fs::read(path),
            Source::Range { len, .. } => {
                let mut bytes = Vec::with_capacity(usize::try_from(*len).unwrap_or(0));
                self.read_with(|r| r.read_to_end(&mut bytes))?;
                Ok(bytes)
            }
            _ => self.read_with(|r| {
                let mut bytes = Vec::new();
                r.read_to_end(&mut bytes).map(|_| bytes)
            }),
        }
    }
}

/// Files, folders and archives expanded into members, and what was not taken.
#[derive(Default)]
pub struct Expanded {
    /// The members, in the order found (folders by name).
    pub members: Vec<Member>,
    /// What is no member, and why (an unreadable path, a corrupt or encrypted entry, an
    /// archive nested two deep).
    pub skipped: Vec<Skipped>,
}

/// What an input's first bytes say it holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Container {
    Zip,
    Tar,
    Gzip,
}

fn container(head: &[u8]) -> Option<Container> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Some(Container::Zip)
    } else if head.starts_with(b"\x1F\x8B") {
        Some(Container::Gzip)
    } else if head.get(257..262) == Some(b"ustar") {
        Some(Container::Tar)
    } else {
        None
    }
}

/// Expands paths (files, folders, archives) into a collection's members.
#[must_use]
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut out = Expanded::default();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        if path.is_dir() {
            walk(path, &mut out);
        } else {
            take(name, Source::Path(path.clone()), 0, &mut out);
        }
    }
    out
}

/// A folder's files, by name, and its folders' in turn.
fn walk(dir: &Path, out: &mut Expanded) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(read) => read.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.skipped.push(unreadable(&dir.to_string_lossy(), &e));
            return;
        }
    };
    entries.sort_by(|a, b| super::order::natural(&a.to_string_lossy(), &b.to_string_lossy()));
    for path in entries {
        let link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
        if path.is_dir() && !link {
            walk(&path, out);
        } else if path.is_file() {
            let name = path.to_string_lossy().into_owned();
            take(name, Source::Path(path), 0, out);
        }
    }
}

fn unreadable(name: &str, e: &io::Error) -> Skipped {
    Skipped {
        name: name.to_owned(),
        reason: format!("it could not be read: {e}"),
        error: true,
    }
}

/// Takes a source as a member, or as the archive it is (opened when `depth` allows).
fn take(name: String, source: Source, depth: u8, out: &mut Expanded) {
    let head = match head_of(&source, 512) {
        Ok(head) => head,
        Err(e) => return out.skipped.push(unreadable(&name, &e)),
    };
    let Some(kind) = container(&head) else {
        return out.members.push(Member { name, source });
    };
    if kind == Container::Gzip {
        // Compression is no level: what is inside takes the gzip file's place.
        return take(name, Source::Gzip(Box::new(source)), depth, out);
    }
    if depth > 1 {
        return out.skipped.push(Skipped {
            name,
            reason: "an archive inside an archive inside an archive: unpack it first".to_owned(),
            error: false,
        });
    }
    let spool = match &source {
        Source::Path(path) => Ok(Spool::Path(path.clone())),
        _ => spool(&source),
    };
    match spool {
        Ok(spool) if kind == Container::Zip => open_zip(&name, &spool, depth, out),
        Ok(spool) => open_tar(&name, &spool, depth, out),
        Err(e) => out.skipped.push(unreadable(&name, &e)),
    }
}

/// The first `n` bytes of a source (fewer when it is shorter).
fn head_of(source: &Source, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    match source.read_with(&mut |r| r.take(n as u64).read_to_end(&mut head)) {
        Ok(_) => Ok(head),
        // What was read before a fault (a damaged entry) still tells the form; the fault is
        // said when the member is read.
        Err(_) if !head.is_empty() => Ok(head),
        Err(e) => Err(e),
    }
}

/// A source written out to an unnamed temporary file (deleted when the last reader is done).
fn spool(source: &Source) -> io::Result<Spool> {
    let mut file = tempfile::tempfile()?;
    source.read_with(&mut |r| io::copy(r, &mut file))?;
    Ok(Spool::Temp(Arc::new(file)))
}

fn open_zip(name: &str, spool: &Spool, depth: u8, out: &mut Expanded) {
    let archive = spool
        .open()
        .and_then(|f| zip::ZipArchive::new(BufReader::new(f)).map_err(io::Error::other));
    let mut zip = match archive {
        Ok(zip) => zip,
        Err(e) => {
            return out.skipped.push(Skipped {
                name: name.to_owned(),
                reason: format!("a zip archive that could not be opened: {e}"),
                error: true,
            })
        }
    };
    for index in 0..zip.len() {
        let entry = match zip.by_index_raw(index) {
            Ok(entry) => entry,
            Err(e) => {
                out.skipped.push(Skipped {
                    name: format!("{name}/#{}", index + 1),
                    reason: format!("a zip entry that could not be read: {e}"),
                    error: true,
                });
                continue;
            }
        };
        let entry_name = entry.name().map_or_else(
            |_| String::from_utf8_lossy(entry.name_raw()).into_owned(),
            std::borrow::Cow::into_owned,
        );
        if entry.is_dir() {
            continue;
        }
        let full = format!("{name}/{entry_name}");
        if entry.encrypted() {
            out.skipped.push(Skipped {
                name: full,
                reason: "an encrypted zip entry: unpack it with its password first".to_owned(),
                error: true,
            });
            continue;
        }
        drop(entry);
        let source = Source::Zip {
            archive: spool.clone(),
            index,
        };
        take(full, source, depth + 1, out);
    }
}

fn open_tar(name: &str, spool: &Spool, depth: u8, out: &mut Expanded) {
    let file = match spool.open() {
        Ok(file) => file,
        Err(e) => return out.skipped.push(unreadable(name, &e)),
    };
    let mut tar = tar::Archive::new(file);
    let entries = match tar.entries() {
        Ok(entries) => entries,
        Err(e) => return out.skipped.push(unreadable(name, &e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.skipped.push(Skipped {
                    name: name.to_owned(),
                    reason: format!(
                        "a tar archive that breaks off after {} entries: {e}",
                        found.len()
                    ),
                    error: true,
                });
                break;
            }
        };
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let path = entry.path().map_or_else(
            |_| String::from_utf8_lossy(&entry.path_bytes()).into_owned(),
            |p| p.to_string_lossy().into_owned(),
        );
        found.push((path, entry.raw_file_position(), entry.size()));
    }
    for (path, start, len) in found {
        let source = Source::Range {
            file: spool.clone(),
            start,
            len,
        };
        take(format!("{name}/{path}"), source, depth + 1, out);
    }
}

/// Reads members as one log: planned from their first bytes, then fed in order. A member that
/// fails part way (a corrupt entry) keeps what was read of it and is named among the skipped.
#[must_use]
pub fn read(expanded: Expanded, options: &PlanOptions) -> Collected {
    let Expanded {
        members,
        mut skipped,
    } = expanded;
    let mut heads = Vec::with_capacity(members.len());
    let mut readable = Vec::with_capacity(members.len());
    for member in members {
        match head_of(&member.source, HEAD_BYTES) {
            Ok(head) => {
                heads.push(head);
                readable.push(member);
            }
            Err(e) => skipped.push(corrupt(&member.name, &e, 0)),
        }
    }
    let named: Vec<(&str, &[u8])> = readable
        .iter()
        .zip(&heads)
        .map(|(m, h)| (m.name.as_str(), h.as_slice()))
        .collect();
    let plan = plan(&named, options);
    skipped.extend(plan.skipped);
    let mut log = Log::new(plan.format, options.frames);
    if let Some(year) = options.year {
        log.set_year(year);
    }
    #[cfg(not(target_arch = "wasm32"))]
    log.set_threads(options.threads);
    let mut collection = Collection::new(log);
    let mut buf = vec![0; CHUNK];
    for placed in &plan.files {
        collection.begin(placed);
        let member = &readable[placed.index];
        if let Err((e, read)) = feed(member, &mut collection, &mut buf) {
            skipped.push(corrupt(&member.name, &e, read));
        }
    }
    collection.finish(skipped)
}

/// Feeds a member into the collection; on a fault, the error and the bytes fed before it.
fn feed(member: &Member, into: &mut Collection, buf: &mut [u8]) -> Result<(), (io::Error, u64)> {
    let mut read = 0u64;
    member
        .read_with(|reader| loop {
            match reader.read(buf) {
                Ok(0) => return Ok(()),
                Ok(n) => {
                    into.push(&buf[..n]);
                    read += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        })
        .map_err(|e| (e, read))
}

fn corrupt(name: &str, e: &io::Error, read: u64) -> Skipped {
    let reason = if read > 0 {
        format!("reading it failed after {read} bytes, which are kept: {e}")
    } else {
        format!("it could not be read: {e}")
    };
    Skipped {
        name: name.to_owned(),
        reason,
        error: true,
    }
}
