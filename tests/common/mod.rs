//! Helpers the integration tests share: the bundled logs, their timelines as views, and the
//! (key, outcome, rule) of a decoded call-record export's calls.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use cti_outcome::timeline;
use cti_outcome::view::timeline::{timeline as view, Call, TimelineView as Timeline};

pub mod cli;

/// Every text log the project bundles: the reference pages, the seed and the synthetic flows
/// (the generator's, `src/generate/flows/`).
pub fn flows() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["tests/fixtures/logs", "src/generate/flows"]
        .iter()
        .flat_map(|dir| fs::read_dir(root.join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

pub fn text(name: &str) -> Vec<u8> {
    let path = flows()
        .into_iter()
        .find(|p| p.file_stem().unwrap() == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    fs::read(path).unwrap()
}

pub fn timeline_of(text: &[u8]) -> Timeline {
    let mut store = cti_outcome::text::decode(text);
    let t = timeline::build(&mut store);
    view(&store, &t)
}

/// The timeline of a bundled flow, or of `finesse/<file>` (a Finesse notification fixture,
/// read as the product reads it: told by sniffing, through the trace decoder).
pub fn timeline(name: &str) -> Timeline {
    if let Some(file) = name.strip_prefix("finesse/") {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bytes = fs::read(root.join("tests/fixtures/finesse").join(file)).unwrap();
        let log =
            cti_outcome::log::Log::open(&bytes, None, cti_outcome::binary::Options::default());
        return view(log.store(), log.timeline());
    }
    timeline_of(&text(name))
}

pub fn call<'t>(timeline: &'t Timeline, key: &str) -> &'t Call {
    timeline
        .calls
        .iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| {
            panic!(
                "no call {key} in {:?}",
                timeline.calls.iter().map(|c| &c.key).collect::<Vec<_>>()
            )
        })
}

/// (key, outcome kind, rule) of every call of a decoded call-record export (its JSON).
pub fn record_outcomes(decoded: &serde_json::Value) -> Vec<(String, String, String)> {
    decoded["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
            (
                s(&c["key"]),
                s(&c["outcome"]["kind"]),
                s(&c["outcome"]["rule"]),
            )
        })
        .collect()
}
