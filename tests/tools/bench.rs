//! Native throughput for `make bench` (`cargo run --release --example bench-native`): a plain
//! harness rather than criterion, because what matters here are ratios against baselines
//! measured in the same run, and one JSON summary (`BENCH_SUMMARY`) for `dist/bench/summary.json`.
//!
//! Inputs come from the log generator (the command-line tool's `generate`, seed 1): a text log of
//! about `BENCH_MB` megabytes (10^6 bytes; default 20) and the same events as GED-188 frames.
//! Each figure is the best of several runs.

// Throughput arithmetic: byte and event counts far below 2^52, times in seconds.
#![allow(clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use cti_outcome::binary::{self, Options, Width};
use cti_outcome::generate::{
    self, calls_for, traces, write_frames, write_text, Options as Generate,
};

#[allow(clippy::too_many_lines)] // one run: its inputs, its table of rates and its summary, in order
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
    let capture = pcap_of(&frames);
    let capture_options = cti_outcome::capture::CaptureOptions::default();
    let (from_capture, _, _) = cti_outcome::capture::decode(&capture, &capture_options);
    assert_eq!(
        from_capture.len(),
        binary::decode(&frames, two).0.len(),
        "the capture holds every frame"
    );
    let captured = best(|| cti_outcome::capture::decode(&capture, &capture_options));
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
        (
            "capture (pcap) to frames in the store",
            mb_s(capture.len(), captured),
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
    let trace_rates = trace_rates();
    let live = live_costs();
    live.print();
    // Collections and threads are measured on at least 100 MB (a 20 MB log is five slices).
    let collections = if bytes >= COLLECTION_BYTES {
        collection_costs(&text)
    } else {
        let calls = calls_for(COLLECTION_BYTES, Generate::default(), |e| {
            write_text(e).len()
        });
        collection_costs(&write_text(&generate::generate(Generate {
            calls,
            ..Generate::default()
        })))
    };
    let text_mb_s = mb_s(text.len(), text_decode);
    let export_mb_s = export_rate(text.len(), text_mb_s);
    let export_memory = export_memory(&text);
    if let Ok(path) = std::env::var("BENCH_SUMMARY") {
        let mut summary = serde_json::json!({
            "finesse_native_mb_s": round(trace_rates[0]),
            "mivr_native_mb_s": round(trace_rates[1]),
            "dumplog_native_mb_s": round(trace_rates[2]),
            "text_native_mb_s": round(text_mb_s),
            "binary_native_mb_s": round(mb_s(frames.len(), binary)),
            "binary_detected_native_mb_s": round(mb_s(frames.len(), detected)),
            "timeline_native_events_s": round(timeline_events_s),
            "capture_native_mb_s": round(mb_s(capture.len(), captured)),
            "native_events": store.len(),
            "collection_zip_vs_single_native": round(collections.zip_vs_single),
            "native_memory_per_input_byte": round(collections.held_per_byte),
            "collection_parallel_speedup_native": round2(collections.zip_speedup),
            "log_parallel_speedup_native": round2(collections.single_speedup),
            "native_cores": collections.cores,
            "export_native_mb_s": round(export_mb_s),
            "export_vs_text_decode_native": round(export_mb_s / text_mb_s),
            "export_peak_rss_per_input_byte": round(export_memory.0),
            "export_rss_vs_summary": round(export_memory.1),
        });
        live.add_to(&mut summary);
        write_summary(&path, &summary, &capture);
    }
}

/// `cti-outcome export` (the release build the Makefile makes first) of about `bytes` of text
/// logs, as eight files of their own seeds in a folder, on all cores: MB/s, best of five runs
/// (each into a new dataset: a second run into the same one would find them exported).
fn export_rate(bytes: usize, text_mb_s: f64) -> f64 {
    let cli = std::path::Path::new("target/release/cti-outcome");
    assert!(
        cli.exists(),
        "the export benchmark runs target/release/cti-outcome: build it first (make bench does)"
    );
    let dir = std::env::temp_dir().join(format!("cti-outcome-export-{}", std::process::id()));
    let logs = dir.join("logs");
    std::fs::create_dir_all(&logs).expect("temporary folder");
    let per_file = calls_for(bytes / 8, Generate::default(), |e| write_text(e).len());
    let mut total = 0;
    for seed in 1..=8 {
        let text = write_text(&generate::generate(Generate {
            calls: per_file,
            seed,
            ..Generate::default()
        }));
        total += text.len();
        std::fs::write(logs.join(format!("ctisvr-{seed}.log")), text).expect("log written");
    }
    let mut runs = Vec::new();
    for run in 0..5 {
        let out = dir.join(format!("dataset-{run}"));
        let t = Instant::now();
        let status = std::process::Command::new(cli)
            .args(["export", "--out"])
            .arg(&out)
            .arg(&logs)
            .stderr(std::process::Stdio::null())
            .status()
            .expect("cti-outcome export runs");
        runs.push(t.elapsed());
        assert!(status.success(), "cti-outcome export failed");
    }
    let _ = std::fs::remove_dir_all(&dir);
    let best = runs.into_iter().min().unwrap_or_default();
    let rate = total as f64 / 1e6 / best.as_secs_f64();
    println!(
        "{:<46} {:>8.1} MB/s ({:.2} of the text decode rate, target ≥ 0.5)",
        "export: text logs to Parquet (all cores)",
        rate,
        rate / text_mb_s
    );
    rate
}

/// The peak memory (resident set, bytes) of `cti-outcome export --jobs 1` of the benchmark's
/// text log as one file, per byte of it; and its ratio to that of `cti-outcome summary` of the
/// same file (decoding and calls alone, no rows): what the dataset's rows add, which streamed
/// row groups keep small whatever the file's size.
fn export_memory(text: &str) -> (f64, f64) {
    let cli = std::path::Path::new("target/release/cti-outcome");
    let dir = std::env::temp_dir().join(format!("cti-outcome-rss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let log = dir.join("ctisvr.log");
    std::fs::write(&log, text).expect("log written");
    let out = dir.join("dataset");
    let export = peak_rss(
        std::process::Command::new(cli)
            .args(["export", "--jobs", "1", "--out"])
            .arg(&out)
            .arg(&log),
    );
    let summary = peak_rss(std::process::Command::new(cli).arg("summary").arg(&log));
    let _ = std::fs::remove_dir_all(&dir);
    let per_byte = export as f64 / text.len() as f64;
    println!(
        "{:<46} {:>8.2} bytes per input byte ({:.2} of `summary`'s: decoding and calls alone)",
        "export: peak memory (one file, one job)",
        per_byte,
        export as f64 / summary as f64
    );
    (per_byte, export as f64 / summary as f64)
}

/// Runs `command` (its output discarded) and waits for it: its peak resident set (bytes), as
/// `getrusage(RUSAGE_CHILDREN)` tells a fresh Python process whose one child it is (the
/// standard library's `resource` module; the crate itself forbids `unsafe`).
fn peak_rss(command: &std::process::Command) -> u64 {
    const REPORT: &str = "import resource, subprocess, sys\n\
        subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n\
        print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
    let out = std::process::Command::new("python3")
        .args(["-c", REPORT])
        .arg(command.get_program())
        .args(command.get_args())
        .output()
        .expect("python3 runs (the benchmark measures a child's peak memory with it)");
    assert!(out.status.success(), "the measured command succeeded");
    let kib: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a size in KiB");
    // Linux reports kibibytes.
    kib * 1024
}

/// The summary, and the capture for the browser's figure (tests/e2e/bench/bench.js reads
/// data/capture.pcap).
fn write_summary(path: &str, summary: &serde_json::Value, capture: &[u8]) {
    std::fs::write(path, format!("{summary:#}\n")).expect("summary written");
    let data = std::path::Path::new(path).with_file_name("data");
    std::fs::create_dir_all(&data).expect("data directory");
    std::fs::write(data.join("capture.pcap"), capture).expect("capture written");
    println!("summary: {path}");
}

/// The log as 16 rotated files in a deflated zip, opened as a collection, against the log
/// itself (both with their calls): the time ratio; both again on every core against one
/// thread; and the bytes a decoded log holds (store and timeline) per byte of input.
fn collection_costs(text: &str) -> Collections {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("cti-outcome-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let path = dir.join("rotated.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("zip"));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let bytes = text.as_bytes();
    let mut from = 0;
    for k in 1..=16 {
        let mut to = (k * bytes.len() / 16).max(from);
        // Cut before a line that starts an event (a rotation at a record boundary).
        while to < bytes.len() && !bytes[to..].starts_with(b"20") {
            to += memchr::memchr(b'\n', &bytes[to..]).map_or(bytes.len() - to, |n| n + 1);
        }
        zip.start_file(format!("log{k:02}.txt"), deflated)
            .expect("entry");
        zip.write_all(&bytes[from..to]).expect("entry written");
        from = to;
    }
    zip.finish().expect("zip finished");
    let options = cti_outcome::collection::PlanOptions::default();
    let single = best(|| cti_outcome::log::Log::open(bytes, None, Options::default()));
    let joined = best(|| {
        let expanded = cti_outcome::collection::archive::expand(std::slice::from_ref(&path));
        cti_outcome::collection::archive::read(expanded, &options)
    });
    // The same on every core: the zip, and the log itself.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let on_cores = cti_outcome::collection::PlanOptions {
        threads: cores,
        ..options
    };
    let joined_on_cores = best(|| {
        let expanded = cti_outcome::collection::archive::expand(std::slice::from_ref(&path));
        cti_outcome::collection::archive::read(expanded, &on_cores)
    });
    let single_on_cores = best(|| {
        let mut log = cti_outcome::log::Log::new(None, Options::default());
        log.set_threads(cores);
        log.push(bytes);
        log.finish();
        log
    });
    let log = cti_outcome::log::Log::open(bytes, None, Options::default());
    let held = log.store().heap_bytes() + log.timeline().heap_bytes();
    let _ = std::fs::remove_dir_all(&dir);
    let ms = |t: Duration| t.as_secs_f64() * 1e3;
    let costs = Collections {
        zip_vs_single: joined.as_secs_f64() / single.as_secs_f64(),
        held_per_byte: held as f64 / bytes.len() as f64,
        zip_speedup: joined.as_secs_f64() / joined_on_cores.as_secs_f64(),
        single_speedup: single.as_secs_f64() / single_on_cores.as_secs_f64(),
        cores,
    };
    println!(
        "{:<46} {:>8.2} × the log itself ({:.0} vs {:.0} ms)",
        "16 rotated files in a zip, as one log",
        costs.zip_vs_single,
        ms(joined),
        ms(single)
    );
    println!(
        "{:<46} {:>8.2} × as fast on {cores} threads ({:.0} ms); the log itself {:.2} × ({:.0} ms)",
        "  … decoded on every core",
        costs.zip_speedup,
        ms(joined_on_cores),
        costs.single_speedup,
        ms(single_on_cores)
    );
    println!(
        "{:<46} {:>8.2} bytes per input byte",
        "decoded log held (store and calls)", costs.held_per_byte
    );
    costs
}

/// What reading a log as a collection costs natively.
struct Collections {
    /// The zip of 16 rotated files read as one log, over the log itself read (one thread).
    zip_vs_single: f64,
    /// Bytes the decoded log holds (store and timeline) per input byte.
    held_per_byte: f64,
    /// Speedups on every core over one thread: the zip, and the log itself.
    zip_speedup: f64,
    single_speedup: f64,
    cores: usize,
}

/// What a live desktop pays per pushed event.
struct Live {
    /// Microseconds per event over [`LIVE_WINDOW`] events pushed once 1,000 calls were seen,
    /// and once 100,000 were.
    at_1k: f64,
    at_100k: f64,
    /// Megabytes the live view holds at the end (keeping ended calls for an hour), the most it
    /// held, and the events pushed.
    held_mb: f64,
    most_mb: f64,
    events: usize,
}

impl Live {
    /// The live keys of the summary (native figures; the browser's are `tests/e2e/bench`'s).
    fn add_to(&self, summary: &mut serde_json::Value) {
        let keys = [
            ("live_native_us_per_event_at_1k_calls", round(self.at_1k)),
            (
                "live_native_us_per_event_at_100k_calls",
                round(self.at_100k),
            ),
            (
                "live_native_ratio_100k_to_1k",
                round(self.at_100k / self.at_1k),
            ),
            ("live_native_mb_held", round(self.held_mb)),
            ("live_native_most_mb_held", round(self.most_mb)),
            ("live_native_events", self.events as f64),
        ];
        for (key, value) in keys {
            summary[key] = serde_json::json!(value);
        }
    }

    fn print(&self) {
        println!(
            "{:<46} {:>8.2} µs/event at 1k calls, {:.2} at 100k ({:.2}×); {:.1} MB held after {} events (at most {:.1})",
            "live pushes, one frame at a time",
            self.at_1k,
            self.at_100k,
            self.at_100k / self.at_1k,
            self.held_mb,
            self.events,
            self.most_mb
        );
    }
}

/// Events each live figure is timed over (a window spans the tidies a desktop's view makes).
const LIVE_WINDOW: usize = 100_000;

/// Bytes of the generated log the collection and thread figures are measured on, at least.
const COLLECTION_BYTES: usize = 100_000_000;

/// Writes the frames and the times the live figures push, for the browser's figures
/// (`data/live.bin`, and `data/live-times.f64`: one little-endian f64 of milliseconds per frame).
fn write_live_data(frames: &[u8], times: &[i64]) {
    let Ok(path) = std::env::var("BENCH_SUMMARY") else {
        return;
    };
    let data = std::path::Path::new(&path).with_file_name("data");
    std::fs::create_dir_all(&data).expect("data directory");
    std::fs::write(data.join("live.bin"), frames).expect("live frames written");
    #[allow(clippy::cast_precision_loss)] // milliseconds far below 2^52
    let bytes: Vec<u8> = times
        .iter()
        .flat_map(|&t| (t as f64).to_le_bytes())
        .collect();
    std::fs::write(data.join("live-times.f64"), bytes).expect("live times written");
}

/// Frames of a generated log pushed one at a time into a live view (`cti_outcome::live`) that
/// keeps ended calls for an hour, each push at its event's generated time (frames carry none),
/// until 1,000,000 events and 100,000 calls were pushed.
fn live_costs() -> Live {
    let events = generate::generate(Generate {
        calls: 160_000,
        ..Generate::default()
    });
    let frames = write_frames(&events, Width::Two);
    let times: Vec<i64> = events
        .iter()
        .take(1_000_000)
        .map(generate::Generated::time_ms)
        .collect();
    let mut live = cti_outcome::live::Live::with(cti_outcome::live::LiveOptions {
        format: Some(cti_outcome::sniff::Format::Binary),
        keep_ended_ms: Some(3_600_000.0),
    });
    let (mut at, mut pushed, mut calls, mut most) = (0usize, 0usize, 0usize, 0usize);
    let mut windows: Vec<(usize, Instant, Option<Duration>)> = vec![];
    while at + 8 <= frames.len() && pushed < 1_000_000 {
        let length = u32::from_be_bytes(frames[at..at + 4].try_into().expect("4 bytes")) as usize;
        let end = (at + 8 + length).min(frames.len());
        let now = times.get(pushed).copied();
        // Calls seen: the BEGIN_CALL_EVENTs (message type 23) pushed.
        calls += usize::from(frames[at + 4..at + 8] == 23u32.to_be_bytes());
        black_box(live.push_at(&frames[at..end], now));
        at = end;
        pushed += 1;
        if (calls >= 1_000 && windows.is_empty()) || (calls >= 100_000 && windows.len() == 1) {
            windows.push((pushed, Instant::now(), None));
        }
        for w in &mut windows {
            if w.2.is_none() && pushed == w.0 + LIVE_WINDOW {
                w.2 = Some(w.1.elapsed());
            }
        }
        if pushed % 10_000 == 0 {
            most = most.max(live.heap_bytes());
        }
    }
    let us = |i: usize| {
        windows
            .get(i)
            .and_then(|w| w.2)
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1e6 / LIVE_WINDOW as f64)
    };
    write_live_data(&frames[..at], &times[..pushed]);
    Live {
        at_1k: us(0),
        at_100k: us(1),
        held_mb: live.heap_bytes() as f64 / 1e6,
        most_mb: most as f64 / 1e6,
        events: pushed,
    }
}

/// Each Cisco trace grammar (Finesse, MIVR, dumplog) decoded into the store: a generated log of
/// about `TRACE_MB` megabytes (default 100) each, CTI records a fifth of its lines; MB/s. The
/// logs are written next to the summary for the browser's figures (`data/<grammar>.log`).
fn trace_rates() -> [f64; 3] {
    use cti_outcome::log::Log;
    use cti_outcome::sniff::Format;
    let mb: f64 = std::env::var("TRACE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // megabytes
    let bytes = (mb * 1e6) as usize;
    let data = std::env::var("BENCH_SUMMARY")
        .ok()
        .map(|p| std::path::Path::new(&p).with_file_name("data"));
    let mut rates = [0.0; 3];
    for (i, (trace, name)) in [
        (traces::Trace::Finesse, "finesse"),
        (traces::Trace::Mivr, "mivr"),
        (traces::Trace::Dumplog, "dumplog"),
    ]
    .into_iter()
    .enumerate()
    {
        let calls = calls_for(bytes, Generate::default(), |e| {
            traces::write(e, trace).len()
        });
        let events = generate::generate(Generate {
            calls,
            ..Generate::default()
        });
        let log = traces::write(&events, trace);
        let decode = || {
            let mut log_of = Log::new(Some(Format::Trace), Options::default());
            log_of.set_timeline(false);
            log_of.push(log.as_bytes());
            log_of.finish();
            assert!(
                log_of.store().diagnostics().is_empty() || i == 1,
                "{name}: clean"
            );
            log_of
        };
        let events_decoded = decode().store().len();
        let t = best(decode);
        rates[i] = log.len() as f64 / 1e6 / t.as_secs_f64();
        println!(
            "{:<46} {:>8.0} MB/s ({:.1} MB, {events_decoded} events)",
            format!("{name} trace decode into the store"),
            rates[i],
            log.len() as f64 / 1e6
        );
        if let Some(dir) = &data {
            std::fs::create_dir_all(dir).expect("data directory");
            std::fs::write(dir.join(format!("{name}.log")), &log).expect("trace written");
        }
    }
    rates
}

/// The best time of several runs; `run` may return its own measured duration.
/// The frames as the server's side of one TCP connection in a pcap file (Ethernet, IPv4, TCP
/// from port 42027; segments of 1,448 bytes, 1 ms apart): what tcpdump writes for a session.
fn pcap_of(stream: &[u8]) -> Vec<u8> {
    const SEGMENT: usize = 1448;
    let mut out = Vec::with_capacity(stream.len() + stream.len() / SEGMENT * 70 + 24);
    // Global header: magic, version 2.4, zone, accuracy, snap length, link type 1 (Ethernet).
    out.extend_from_slice(&0xA1B2_C3D4u32.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&4u16.to_le_bytes());
    for word in [0u32, 0, 65_535, 1] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    for (i, chunk) in stream.chunks(SEGMENT).enumerate() {
        let length = 14 + 20 + 20 + chunk.len();
        let n = u32::try_from(i).expect("segments");
        for word in [1_700_000_000 + n / 1000, (n % 1000) * 1000] {
            out.extend_from_slice(&word.to_le_bytes());
        }
        let length32 = u32::try_from(length).expect("packet length");
        out.extend_from_slice(&length32.to_le_bytes());
        out.extend_from_slice(&length32.to_le_bytes());
        // Ethernet: destination, source, IPv4.
        out.extend_from_slice(&[2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00]);
        // IPv4: version 4, header 20 bytes, total length, TTL 64, TCP, 10.0.0.1 → 10.0.0.2.
        let total = u16::try_from(20 + 20 + chunk.len()).expect("IP length");
        out.extend_from_slice(&[0x45, 0]);
        out.extend_from_slice(&total.to_be_bytes());
        out.extend_from_slice(&[0, 0, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
        // TCP: 42027 → 50000, sequence number, ack, header 20 bytes, PSH|ACK, window.
        let seq = u32::try_from(i * SEGMENT)
            .expect("sequence number")
            .wrapping_add(1);
        out.extend_from_slice(&42_027u16.to_be_bytes());
        out.extend_from_slice(&50_000u16.to_be_bytes());
        out.extend_from_slice(&seq.to_be_bytes());
        out.extend_from_slice(&[0, 0, 0, 1, 0x50, 0x18, 0xFF, 0xFF, 0, 0, 0, 0]);
        out.extend_from_slice(chunk);
    }
    out
}

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

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
