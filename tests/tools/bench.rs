//! Native throughput for `make bench` (`cargo run --release --example bench-native`): a plain
//! harness rather than criterion, because what matters here are ratios against baselines
//! measured in the same run, and one JSON summary (`BENCH_SUMMARY`) for `dist/bench/summary.json`.
//!
//! Inputs come from the log generator (the command-line tool's `generate`, seed 1): a text log of
//! about `BENCH_MB` megabytes (10^6 bytes; default 20) and the same events as GED-188 frames.
//! Each figure is the best of several runs.

// Throughput arithmetic: byte and event counts far below 2^52, times in seconds.
#![allow(clippy::cast_precision_loss)]

#[path = "../../src/cli/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::hint::black_box;
use std::time::{Duration, Instant};

use cti_outcome::binary::{self, Options, Width};
use generate::{calls_for, write_frames, write_text, Options as Generate};

fn main() {
    let mb: f64 = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // megabytes, a few thousand
    let bytes = (mb * 1e6) as usize;
    let calls = calls_for(bytes, Generate::default(), |e| write_text(e).len());
    let events = generate::generate(Generate {
        calls,
        ..Generate::default()
    });
    let text = write_text(&events);
    let frames = write_frames(&events, Width::Two);
    let store = cti_outcome::text::decode(text.as_bytes());
    let n = store.len() as f64;
    let json = serde_json::to_string(&cti_outcome::view::decoded_text(&store)).expect("JSON");
    println!(
        "inputs: {} events; text {:.1} MB, frames {:.1} MB (2-byte), events as JSON {:.1} MB",
        store.len(),
        text.len() as f64 / 1e6,
        frames.len() as f64 / 1e6,
        json.len() as f64 / 1e6,
    );

    let scan = best(|| memchr::memchr_iter(b'\n', text.as_bytes()).count());
    let json_parse = best(|| serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON"));
    let text_decode = best(|| cti_outcome::text::decode(text.as_bytes()));
    let two = Options {
        width: Some(Width::Two),
        version: None,
    };
    let binary = best(|| binary::decode(&frames, two));
    let detected = best(|| binary::decode(&frames, Options::default()));
    let timeline = best(|| {
        let mut store = cti_outcome::text::decode(text.as_bytes());
        let t = Instant::now();
        let timeline = cti_outcome::timeline::build(&mut store);
        black_box(timeline);
        t.elapsed()
    });

    let mb_s = |bytes: usize, t: Duration| bytes as f64 / 1e6 / t.as_secs_f64();
    let rows = [
        ("baseline: count lines (memchr)", mb_s(text.len(), scan)),
        (
            "baseline: serde_json parse of the events",
            mb_s(json.len(), json_parse),
        ),
        ("text decode into the store", mb_s(text.len(), text_decode)),
        (
            "binary decode into the store, 2-byte fields",
            mb_s(frames.len(), binary),
        ),
        (
            "binary decode, width detected",
            mb_s(frames.len(), detected),
        ),
    ];
    for (name, rate) in rows {
        println!("{name:<46} {rate:>8.0} MB/s");
    }
    let timeline_events_s = n / timeline.as_secs_f64();
    println!(
        "{:<46} {:>8.2} M events/s",
        "timeline (calls, outcomes, agents)",
        timeline_events_s / 1e6
    );
    if let Ok(path) = std::env::var("BENCH_SUMMARY") {
        let summary = serde_json::json!({
            "text_native_mb_s": round(mb_s(text.len(), text_decode)),
            "binary_native_mb_s": round(mb_s(frames.len(), binary)),
            "binary_detected_native_mb_s": round(mb_s(frames.len(), detected)),
            "timeline_native_events_s": round(timeline_events_s),
            "native_events": store.len(),
        });
        std::fs::write(&path, format!("{summary:#}\n")).expect("summary written");
        println!("summary: {path}");
    }
}

/// The best time of several runs; `run` may return its own measured duration.
fn best<T: Timed>(mut run: impl FnMut() -> T) -> Duration {
    (0..7)
        .map(|_| {
            let start = Instant::now();
            let out = run();
            out.elapsed_since(start)
        })
        .min()
        .expect("runs")
}

trait Timed {
    fn elapsed_since(self, start: Instant) -> Duration;
}

impl<T> Timed for T {
    fn elapsed_since(self, start: Instant) -> Duration {
        let elapsed = start.elapsed();
        black_box(self);
        elapsed
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
