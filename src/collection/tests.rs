use super::*;
use crate::sniff::Format;

const MIVR: &[u8] = include_bytes!("../../tests/fixtures/traces/mivr-consult-transfer.log");

fn read(parts: &[(&str, &[u8])]) -> Collected {
    let plan = plan(parts, &PlanOptions::default());
    let mut collection = Collection::new(Log::new(plan.format, crate::binary::Options::default()));
    for placed in &plan.files {
        collection.begin(placed);
        collection.push(parts[placed.index].1);
    }
    collection.finish(plan.skipped)
}

#[test]
fn a_log_cut_anywhere_reads_as_the_log() {
    let whole = read(&[("MIVR.log", MIVR)]);
    assert_eq!(whole.log.format(), Some(Format::Trace));
    let count = whole.log.store().len();
    assert!(count > 5);
    for cut in [
        line_after(1000),
        MIVR.len() / 2,
        line_after(MIVR.len() - 300),
    ] {
        let (a, b) = MIVR.split_at(cut);
        let split = read(&[("MIVR002.log", b), ("MIVR001.log", a)]);
        assert_eq!(split.log.store().len(), count, "cut at {cut}");
        assert_eq!(
            split.log.timeline().call_count(),
            whole.log.timeline().call_count()
        );
    }
}

/// The offset just after the newline at or after `at`.
fn line_after(at: usize) -> usize {
    at + MIVR[at..].iter().position(|&b| b == b'\n').unwrap() + 1
}
