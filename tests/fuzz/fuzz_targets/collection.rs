//! Collections (`cti_outcome::collection`): random bytes named as an archive (`.zip`, `.tar`,
//! `.tar.gz`, `.gz`) are expanded and read without a panic, every member either read or
//! skipped with a reason; and random bytes cut at random points into files fed in order are
//! the same log as the bytes fed whole, every event's line found in a file that has it; and
//! random bytes decoded as a dump on several threads, in slices of random sizes fed in chunks of
//! random sizes, are the same store as one decode (events, fields, notes, diagnostics, line
//! marks), with the same calls.
#![no_main]

use std::io::Write;

use cti_outcome::binary::Options;
use cti_outcome::collection::{archive, Collection, Placed, PlacedBy, PlanOptions};
use cti_outcome::log::Log;
use cti_outcome::sniff::{Form, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    match how % 3 {
        0 => archived(how / 3, rest),
        1 => cut(how / 3, rest),
        _ => sliced(how / 3, rest),
    }
});

/// The bytes as a file named as an archive: expanded and read.
fn archived(how: u8, bytes: &[u8]) {
    let name = [".zip", ".tar", ".tar.gz", ".gz"][usize::from(how >> 1) % 4];
    let mut file = tempfile(name);
    file.1.write_all(bytes).unwrap();
    let expanded = archive::expand(&[file.0.clone()]);
    let members = expanded.members.len();
    let skipped = expanded.skipped.len();
    let collected = archive::read(expanded, &PlanOptions::default());
    assert!(collected.files.len() <= members);
    assert!(collected.skipped.len() >= skipped);
    assert!(collected.skipped.iter().all(|s| !s.reason.is_empty() && !s.name.is_empty()));
    let _ = std::fs::remove_file(&file.0);
}

fn tempfile(suffix: &str) -> (std::path::PathBuf, std::fs::File) {
    let path = std::env::temp_dir().join(format!("cti-outcome-fuzz-{}{suffix}", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    (path, file)
}

/// The bytes cut at the points the first byte's bits give, fed as files in order.
fn cut(how: u8, bytes: &[u8]) {
    let format = [Format::Text, Format::Trace, Format::Binary][usize::from(how >> 1) % 3];
    let whole = Log::open(bytes, Some(format), Options::default());
    let mut collection = Collection::new(Log::new(Some(format), Options::default()));
    let mut from = 0;
    let step = usize::from(how >> 3).max(1) * 7;
    let mut n = 0;
    while from < bytes.len() || n == 0 {
        let to = (from + step + n * 13 % 29).min(bytes.len());
        // A later file's byte-order mark is left out: cut elsewhere.
        if from > 0 && bytes[from..].starts_with(b"\xEF\xBB\xBF") {
            return;
        }
        collection.begin(&Placed {
            index: n,
            name: format!("part-{n}"),
            form: Form::Dump,
            time: None,
            placed_by: PlacedBy::Given,
        });
        collection.push(&bytes[from..to]);
        from = to;
        n += 1;
    }
    let joined = collection.finish(Vec::new());
    let (a, b) = (whole.store(), joined.log.store());
    assert_eq!(a.len(), b.len());
    assert_eq!(a.diagnostics().len(), b.diagnostics().len());
    for i in 0..a.len() {
        assert_eq!(a.event(i).lines(), b.event(i).lines());
        assert_eq!(a.event(i).time_ms(), b.event(i).time_ms());
    }
    if b.form() == cti_outcome::store::Form::Text {
        for e in b.events() {
            let at = joined.files.locate(e.lines().0).expect("every event's line is in a file");
            let file = &joined.files.0[at.file];
            assert!(at.line >= 1 && at.line <= file.lines.max(1), "{at:?} of {file:?}");
        }
    }
    assert_eq!(
        joined.log.timeline().call_count(),
        whole.timeline().call_count()
    );
}

/// The bytes decoded as a dump on threads, in slices and chunks the first byte's bits size.
fn sliced(how: u8, bytes: &[u8]) {
    use cti_outcome::store::Store;
    use cti_outcome::text::slices::Parallel;
    // UTF-16 is turned into UTF-8 first, and decoded on one thread.
    if cti_outcome::text::encoding::sniff(bytes).is_utf16() {
        return;
    }
    let threads = 1 + usize::from(how & 3);
    let slice = 1 + usize::from(how >> 2) * 37;
    let chunk = 1 + usize::from(how >> 4) * 11;
    let mut store = Store::new(cti_outcome::store::Form::Text);
    let mut parallel = Parallel::sliced(threads, slice);
    for part in bytes.chunks(chunk) {
        parallel.push(&mut store, part);
    }
    parallel.finish(&mut store);
    let mut whole = cti_outcome::text::decode(bytes);
    assert_eq!(shown(&mut store, bytes), shown(&mut whole, bytes));
}

/// Everything a store shows of a text input: events, notes and diagnostics as JSON, where its
/// noted lines start, and its calls.
fn shown(store: &mut cti_outcome::store::Store, bytes: &[u8]) -> String {
    let lines = u32::try_from(bytes.iter().filter(|&&b| b == b'\n').count()).unwrap() + 1;
    let marks: Vec<_> = (1..=lines).step_by(256).map(|l| store.line_start(l)).collect();
    let decoded = serde_json::to_string(&cti_outcome::view::decoded_text(store)).unwrap();
    let timeline = cti_outcome::timeline::build(store);
    let calls = serde_json::to_string(&cti_outcome::view::timeline::timeline(store, &timeline)).unwrap();
    format!("{decoded}\n{calls}\n{marks:?}")
}
