//! Native throughput: `cargo run --release --example bench-native` (or `make bench`, which also runs the browser
//! benchmark). A plain harness rather than criterion: what matters here are ratios against
//! baselines measured in the same run, and one JSON summary for `dist/bench/summary.json`.
//!
//! Inputs come from the generator (`cti_outcome::generate`, seed 1): a text log of about
//! `BENCH_MB` megabytes (10^6 bytes; default 20) and the same events as GED-188 frames in both
//! widths. Each figure is the best of several runs.

// Throughput arithmetic: byte and event counts far below 2^52, times in seconds.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use cti_outcome::binary::{decode_frames, Options, Width};
use cti_outcome::generate::{calls_for, generate, write_frames, write_text, Options as Generate};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mb: f64 = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    let calls = calls_for((mb * 1e6) as usize, Generate::default(), |e| {
        write_text(e).len()
    });
    let events = generate(Generate {
        calls,
        ..Generate::default()
    });
    let text = write_text(&events);
    let frames2 = write_frames(&events, Width::Two);
    let frames1 = write_frames(&events, Width::One);
    let json =
        serde_json::to_string(&cti_outcome::decode_log(&text).events).expect("events serialise");
    let n = events.len() as f64;
    println!(
        "inputs: {} events; text {:.1} MB, frames {:.1} MB (2-byte) / {:.1} MB (1-byte), events as JSON {:.1} MB",
        events.len(),
        text.len() as f64 / 1e6,
        frames2.len() as f64 / 1e6,
        frames1.len() as f64 / 1e6,
        json.len() as f64 / 1e6
    );

    let scan = best(|| memchr::memchr_iter(b'\n', text.as_bytes()).count());
    let json_parse = best(|| serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON"));
    let text_decode = best(|| cti_outcome::decode_log(&text));
    let decoded = cti_outcome::decode_log(&text);
    let timeline = best(|| cti_outcome::build_timeline(&decoded.events));
    let binary2 = best(|| {
        decode_frames(
            &frames2,
            Options {
                width: Some(Width::Two),
            },
        )
    });
    let binary1 = best(|| {
        decode_frames(
            &frames1,
            Options {
                width: Some(Width::One),
            },
        )
    });
    let detected = best(|| decode_frames(&frames2, Options::default()));
    let to_json = best(|| serde_json::to_string(&decoded.events).expect("events serialise"));

    let mb_s = |bytes: usize, t: Duration| bytes as f64 / 1e6 / t.as_secs_f64();
    let ev_s = |t: Duration| n / t.as_secs_f64();
    let rows = [
        (
            "baseline: count lines (memchr)",
            mb_s(text.len(), scan),
            None,
        ),
        (
            "baseline: serde_json parse of the events",
            mb_s(json.len(), json_parse),
            None,
        ),
        (
            "text decode",
            mb_s(text.len(), text_decode),
            Some(ev_s(text_decode)),
        ),
        (
            "binary decode, 2-byte fields",
            mb_s(frames2.len(), binary2),
            Some(ev_s(binary2)),
        ),
        (
            "binary decode, 1-byte fields",
            mb_s(frames1.len(), binary1),
            Some(ev_s(binary1)),
        ),
        (
            "binary decode, width detected",
            mb_s(frames2.len(), detected),
            Some(ev_s(detected)),
        ),
        ("timeline build (from events)", 0.0, Some(ev_s(timeline))),
        (
            "events to JSON (serde_json)",
            mb_s(json.len(), to_json),
            Some(ev_s(to_json)),
        ),
    ];
    for (name, mbs, evs) in rows {
        let rate = if mbs > 0.0 {
            format!("{mbs:8.0} MB/s")
        } else {
            " ".repeat(13)
        };
        let events_rate = evs
            .map(|e| format!("{:6.2} M events/s", e / 1e6))
            .unwrap_or_default();
        println!("{name:42} {rate}  {events_rate}");
    }
    let text_vs_json = json_parse.as_secs_f64() / text_decode.as_secs_f64();
    println!(
        "ratios: text decode is {:.2}x the speed of serde_json parsing the same events as JSON; binary (2-byte) decode {:.2}x text decode per event",
        text_vs_json,
        text_decode.as_secs_f64() / binary2.as_secs_f64()
    );
    let summary = format!(
        "{{\"binary_native_mb_s\":{:.0},\"binary_native_events_s\":{:.0},\"text_native_mb_s\":{:.0},\"text_native_events_s\":{:.0},\"timeline_native_events_s\":{:.0},\"json_parse_native_mb_s\":{:.0},\"input_mb\":{:.1}}}",
        mb_s(frames2.len(), binary2),
        ev_s(binary2),
        mb_s(text.len(), text_decode),
        ev_s(text_decode),
        ev_s(timeline),
        mb_s(json.len(), json_parse),
        text.len() as f64 / 1e6
    );
    if let Ok(path) = std::env::var("BENCH_SUMMARY") {
        std::fs::write(&path, summary + "\n").expect("summary written");
        println!("summary: {path}");
    }
}

/// The best time of `f` over at least 5 runs and 2 seconds.
fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    let started = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < 5 || started.elapsed() < Duration::from_secs(2) {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}
