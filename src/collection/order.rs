//! Which files of a collection are read, with which decoder, and in what order.

use std::cmp::Ordering;

use super::files::PlacedBy;
use super::Skipped;
use crate::binary::Options;
use crate::log::Log;
use crate::sniff::{sniff, Form, Format};
use crate::traces::Year;

/// Bytes of each file read to tell its form and its first time: the first 64 KiB (64 × 1024).
pub const HEAD_BYTES: usize = 64 * 1024;

/// How a collection is read.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlanOptions {
    /// The form of every file, when given (`--format`); told from each file's first bytes
    /// when not.
    pub format: Option<Format>,
    /// The frames' width and protocol version.
    pub frames: Options,
    /// The year of trace records written without one (MIVR).
    pub year: Option<Year>,
    /// Threads the joined log is decoded on when it is a text dump (0 or 1: one).
    #[cfg(not(target_arch = "wasm32"))]
    pub threads: usize,
}

/// A file of a collection to read, in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Its index among the files given to [`plan`].
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Its form.
    pub form: Form,
    /// The earliest start of a call among its first bytes, as written.
    pub time: Option<String>,
    /// What placed it.
    pub placed_by: PlacedBy,
}

/// What [`plan`] decided: the decoder, the files to read in their order, the files not read.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The format the joined log is read as (`None` when no file is a log).
    pub format: Option<Format>,
    /// The files to read, in order.
    pub files: Vec<Placed>,
    /// The files not read, and why.
    pub skipped: Vec<Skipped>,
}

/// A file's sort key: the earliest start of a call in its first bytes, then its name. Dated
/// times come before times of day (a rotated file whose date line is in an earlier file has
/// only times of day: it comes after the dated ones).
struct Candidate {
    placed: Placed,
    format: Format,
    /// Whether the time is of a day (no date), and its milliseconds.
    time: Option<(bool, i64)>,
}

/// Decides how a collection is read from each file's name and first [`HEAD_BYTES`] bytes
/// (fewer for a shorter file): files of no log form are skipped with the reason; the others
/// are read with one decoder (a trace's when any file is a trace, dumps pasted among them
/// read too), files it cannot read are skipped; the rest are ordered by the earliest start of a
/// call among their first bytes, then by name (numbers in names compared as numbers: `MIVR9`
/// before `MIVR10`); files without one come last, by name.
#[must_use]
pub fn plan(heads: &[(&str, &[u8])], options: &PlanOptions) -> Plan {
    let mut plan = Plan::default();
    let mut candidates = Vec::new();
    for (index, &(name, head)) in heads.iter().enumerate() {
        match candidate(index, name, head, options) {
            Ok(c) => candidates.push(c),
            Err(reason) => plan.skipped.push(Skipped {
                name: name.to_owned(),
                reason,
                error: false,
            }),
        }
    }
    plan.format = options.format.or_else(|| joined_format(&candidates));
    let Some(format) = plan.format else {
        return plan;
    };
    candidates.retain(|c| {
        let fits = fits(c.format, format);
        if !fits {
            plan.skipped.push(Skipped {
                name: c.placed.name.clone(),
                reason: format!(
                    "a {} file among {} files: open it by itself",
                    c.placed.form.as_str(),
                    format.as_str()
                ),
                error: false,
            });
        }
        fits
    });
    candidates.sort_by(|a, b| match (a.time, b.time) {
        (Some(x), Some(y)) => x
            .cmp(&y)
            .then_with(|| natural(&a.placed.name, &b.placed.name)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => natural(&a.placed.name, &b.placed.name),
    });
    let single = candidates.len() == 1;
    plan.files = candidates
        .into_iter()
        .map(|mut c| {
            if single {
                c.placed.placed_by = PlacedBy::Given;
            }
            c.placed
        })
        .collect();
    plan
}

/// A file to read, or why not.
fn candidate(
    index: usize,
    name: &str,
    head: &[u8],
    options: &PlanOptions,
) -> Result<Candidate, String> {
    let head = &head[..head.len().min(HEAD_BYTES)];
    let sniffed = sniff(head);
    let format = match (options.format, sniffed.form.format()) {
        _ if sniffed.form == Form::Empty => return Err("it is empty".to_owned()),
        (Some(format), _) | (None, Some(format)) => format,
        (None, None) => return Err(format!("not a CTI log: {}", sniffed.reason)),
    };
    let mut log = Log::new(Some(format), options.frames);
    if let Some(year) = options.year {
        log.set_year(year);
    }
    log.push(head);
    log.finish();
    let store = log.store();
    // A text that is no form of log is read as a dump when alone; in a collection, a file
    // whose first bytes hold no event and were told by nothing in them is no log.
    let told = sniffed.form != Form::Dump || crate::text::find(head, b"MsgType").is_some();
    if options.format.is_none() && store.is_empty() && !told {
        return Err(format!(
            "not a CTI log: no event in its first {} KiB ({})",
            HEAD_BYTES / 1024,
            sniffed.reason
        ));
    }
    if options.format.is_none()
        && store.is_empty()
        && matches!(format, Format::Binary | Format::Hex)
    {
        return Err(format!(
            "not a CTI log: no GED-188 frame in its first {} KiB ({})",
            HEAD_BYTES / 1024,
            sniffed.reason
        ));
    }
    // The earliest start of a call: what the package's call columns give too (`startMs`).
    let first = log
        .timeline()
        .calls
        .iter()
        .map(|call| store.event(call.start as usize))
        .filter_map(|e| e.time_ms().map(|(ms, of_day)| ((of_day, ms), e)))
        .min_by_key(|&(key, _)| key);
    Ok(Candidate {
        placed: Placed {
            index,
            name: name.to_owned(),
            form: sniffed.form,
            time: first
                .and_then(|(_, e)| e.time_text())
                .map(std::borrow::Cow::into_owned),
            placed_by: if first.is_some() {
                PlacedBy::Time
            } else {
                PlacedBy::Name
            },
        },
        format,
        time: first.map(|(key, _)| key),
    })
}

/// The format that reads every file it can: a trace's when any file is a trace (it reads the
/// dumps pasted among its lines too), else the first file's.
fn joined_format(candidates: &[Candidate]) -> Option<Format> {
    if candidates.iter().any(|c| c.format == Format::Trace) {
        return Some(Format::Trace);
    }
    candidates.first().map(|c| c.format)
}

/// Whether a file of `own` format is read by the decoder of `joined`.
fn fits(own: Format, joined: Format) -> bool {
    own == joined || (own == Format::Text && joined == Format::Trace)
}

/// Names compared with their runs of digits as numbers: `MIVR9.log` < `MIVR10.log`.
#[must_use]
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (da, ra) = digits(a);
                let (db, rb) = digits(b);
                let (ta, tb) = (trim_zeros(da), trim_zeros(db));
                let order = ta.len().cmp(&tb.len()).then(ta.cmp(tb));
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) if x != y => return x.cmp(y),
            _ => (a, b) = (&a[1..], &b[1..]),
        }
    }
}

fn digits(s: &[u8]) -> (&[u8], &[u8]) {
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    s.split_at(n)
}

fn trim_zeros(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&b| b == b'0').count();
    &s[n..]
}
