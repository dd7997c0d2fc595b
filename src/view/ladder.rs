//! A call's ladder as plain text (`cti-outcome ladder`): the text the page's "Timeline as text"
//! exports, worked out the same way (`www/ladder-model.js`, `www/ladder-text.js`; the page
//! tests compare the two). Lanes are the parties as columns of `|`, each event a row with its
//! arrow (`-` and `>`/`<`) or mark (`o`), the values that explain it and the time since the row
//! before.

use std::fmt::Write as _;

use super::event::Field;
use super::timeline::Call;

/// Fields whose values say why an event happened; shown on its row (not when empty: an empty
/// `BAResponse` says nothing about a response).
const EXPLAINING: [&str; 4] = [
    "EventCause",
    "LocalConnectionState",
    "BAResponse",
    "AgentState",
];
/// Columns per lane.
const COL: usize = 12;
/// Width of the time column.
const TIME: usize = 16;

/// An event as the ladder reads it.
pub struct Step<'a> {
    /// Its index in the log.
    pub index: u32,
    /// Its type name.
    pub type_name: String,
    /// Its time as written.
    pub time: Option<String>,
    /// Text: its first and last line.
    pub lines: Option<(u32, u32)>,
    /// Captures: who sent it (`client`, `server`).
    pub from: Option<&'static str>,
    /// Its fields.
    pub fields: Vec<Field<'a>>,
}

/// A call of the ladder with its events, and how it is linked to the first (`None` for it).
pub struct Flow<'a> {
    /// The call.
    pub call: &'a Call,
    /// Its events, in order.
    pub steps: Vec<Step<'a>>,
    /// The kinds of link to the ladder's call (`consult, transfer`).
    pub link: Option<String>,
}

/// A party's lane: its id and label.
struct Lane {
    id: String,
    label: String,
}

fn field<'s>(e: &'s Step<'_>, name: &str) -> Option<&'s str> {
    let f = e.fields.iter().find(|f| f.name == name)?;
    (!f.raw.is_empty()).then_some(&*f.raw)
}

/// The parties, in lane order: callers, queues, agent devices, other devices, the server.
fn lanes(calls: &[&Call], steps: &[&Step<'_>]) -> Vec<Lane> {
    // A capture shows who sent each frame, server or client: those are its lanes (the parties'
    // lanes would stay empty, every arrow being between the two).
    if steps.iter().any(|e| e.from.is_some()) {
        let lane = |id: &str, label: &str| Lane {
            id: id.to_owned(),
            label: label.to_owned(),
        };
        return vec![lane("system", "CTI server"), lane("client", "CTI client")];
    }
    let mut out: Vec<Lane> = Vec::new();
    let mut devices: Vec<&str> = Vec::new();
    for d in calls.iter().flat_map(|c| &c.devices) {
        if !devices.contains(&d.as_str()) {
            devices.push(d);
        }
    }
    let mut add = |id: Option<&str>, label: String| {
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            if !out.iter().any(|l| l.id == id) {
                out.push(Lane {
                    id: id.to_owned(),
                    label,
                });
            }
        }
    };
    for c in calls {
        add(
            c.ani.as_deref(),
            format!("Caller {}", c.ani.as_deref().unwrap_or_default()),
        );
    }
    for e in steps {
        if let Some(v) = field(e, "CallingDeviceID").filter(|v| !devices.contains(v)) {
            add(Some(v), format!("Caller {v}"));
        }
    }
    for e in steps {
        for (name, what) in [("QueueDeviceID", "Queue"), ("CalledDeviceID", "Called")] {
            let Some(v) = field(e, name) else { continue };
            if !devices.contains(&v) && !calls.iter().any(|c| c.ani.as_deref() == Some(v)) {
                add(Some(v), format!("{what} {v}"));
            }
        }
    }
    for c in calls {
        add(
            c.dnis.as_deref(),
            format!("Queue {}", c.dnis.as_deref().unwrap_or_default()),
        );
    }
    for d in &devices {
        add(Some(d), format!("Device {d}"));
    }
    for e in steps {
        for f in e.fields.iter().filter(|f| f.name.ends_with("DeviceID")) {
            add(Some(&f.raw), format!("Device {}", f.raw));
        }
    }
    add(Some("system"), "CTI server".to_owned());
    out
}

/// The lanes an event goes between (the same lane twice for a mark).
fn ends<'s>(e: &'s Step<'_>, lanes: &[Lane]) -> (&'s str, &'s str) {
    if let Some(from) = e.from {
        return if from == "server" {
            ("system", "client")
        } else {
            ("client", "system")
        };
    }
    let known = |v: &str| lanes.iter().any(|l| l.id == v);
    let first = |names: &[&str]| names.iter().find_map(|n| field(e, n));
    let from = first(&[
        "CallingDeviceID",
        "TransferringDeviceID",
        "ControllerDeviceID",
    ]);
    let to = first(&[
        "AnsweringDeviceID",
        "AlertingDeviceID",
        "TransferredDeviceID",
        "AddedPartyDeviceID",
    ]);
    if let (Some(from), Some(to)) = (from, to) {
        if known(from) && known(to) {
            return (from, to);
        }
    }
    let one = e
        .fields
        .iter()
        .find(|f| f.name.ends_with("DeviceID") && known(&f.raw))
        .map_or("system", |f| &*f.raw);
    (one, one)
}

/// Milliseconds of a time as written (since 1970 with a date at its start, since midnight
/// without): its first `HH:MM:SS[.mmm]`.
fn time_ms(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| -> Option<i64> {
        let s = b.get(at..at + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0, |v, d| v * 10 + i64::from(d - b'0')))
    };
    let at = (0..b.len()).find(|&i| {
        digits(i, 2).is_some()
            && b.get(i + 2) == Some(&b':')
            && digits(i + 3, 2).is_some()
            && b.get(i + 5) == Some(&b':')
            && digits(i + 6, 2).is_some()
    })?;
    let (hours, minutes, seconds) = (digits(at, 2)?, digits(at + 3, 2)?, digits(at + 6, 2)?);
    let mut ms = 0;
    if matches!(b.get(at + 8), Some(b'.' | b',')) {
        let n = (0..3)
            .take_while(|&k| b.get(at + 9 + k).is_some_and(u8::is_ascii_digit))
            .count();
        if n > 0 {
            ms = digits(at + 9, n)? * 10_i64.pow(u32::try_from(3 - n).unwrap_or(0));
        }
    }
    let day = match (digits(0, 4), b.get(4), digits(5, 2), b.get(7), digits(8, 2)) {
        (Some(y), Some(b'-'), Some(mo), Some(b'-'), Some(d)) => {
            crate::time::days_from_civil(y, mo, d) * 86_400_000
        }
        _ => 0,
    };
    Some(day + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms)
}

/// A time of day as the ladder writes it: HH:MM:SS.mmm.
fn clock(ms: i64) -> String {
    let of_day = ms.rem_euclid(86_400_000);
    let (s, milli) = (of_day / 1000, of_day % 1000);
    format!(
        "{:02}:{:02}:{:02}.{milli:03}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Milliseconds as the ladder writes a span: `1.250 s`, `12.0 s`, `3 min 05 s` (rounded as
/// JavaScript's `toFixed` and `Math.round` round, halves up).
#[must_use]
pub fn span(ms: i64) -> String {
    #[allow(clippy::cast_precision_loss)] // spans far below 2^53 ms
    let seconds = ms as f64 / 1000.0;
    if ms < 60_000 {
        let places = if ms < 10_000 { 3 } else { 1 };
        let scaled = seconds.abs() * f64::from(10_u32.pow(places));
        // An exact half is rounded up (away from zero), as toFixed does; the rest as Rust does.
        #[allow(clippy::float_cmp)] // an exact half, not a near one
        let half = scaled.fract() == 0.5;
        let text = if half {
            let n = scaled.ceil() / f64::from(10_u32.pow(places));
            format!("{}{n:.*}", if ms < 0 { "-" } else { "" }, places as usize)
        } else {
            format!("{seconds:.*}", places as usize)
        };
        return format!("{text} s");
    }
    #[allow(clippy::cast_possible_truncation)] // seconds of a log
    let s = (seconds + 0.5).floor() as i64;
    format!("{} min {:02} s", s.div_euclid(60), s.rem_euclid(60))
}

/// The lane's one-letter name (`A`…`Z`, then `L27`…).
fn lane_name(i: usize) -> String {
    u8::try_from(i).ok().filter(|&i| i < 26).map_or_else(
        || format!("L{}", i + 1),
        |i| char::from(b'A' + i).to_string(),
    )
}

/// One row of the lane grid: `|` on every lane, the arrow or mark between `from` and `to`.
fn grid(count: usize, between: Option<(usize, usize)>) -> String {
    let mut cells = vec![' '; count * COL];
    let centre = |i: usize| i * COL + COL / 2;
    for i in 0..count {
        cells[centre(i)] = '|';
    }
    if let Some((from, to)) = between {
        let (a, b) = (centre(from), centre(to));
        match a.cmp(&b) {
            std::cmp::Ordering::Equal => cells[a] = 'o',
            std::cmp::Ordering::Less => {
                cells[a + 1..b].fill('-');
                cells[b - 1] = '>';
            }
            std::cmp::Ordering::Greater => {
                cells[b + 1..a].fill('-');
                cells[b + 1] = '<';
            }
        }
    }
    cells.into_iter().collect()
}

/// The ladder of `flows` (the call first, then the calls linked to it) as text: a title line,
/// the lanes, the calls, then one row per event in log order (each once) with the log's step
/// notes between them. `relative` writes times from the first event.
#[must_use]
pub fn ladder_text(
    flows: &[Flow<'_>],
    notes: &[crate::store::Note],
    title: &str,
    relative: bool,
) -> String {
    let mut merged: Vec<(&Step<'_>, usize)> = Vec::new();
    for (flow, f) in flows.iter().enumerate() {
        for e in &f.steps {
            if !merged.iter().any(|(m, _)| m.index == e.index) {
                merged.push((e, flow));
            }
        }
    }
    merged.sort_by_key(|(e, _)| e.index);
    let steps: Vec<&Step<'_>> = merged.iter().map(|(e, _)| *e).collect();
    let calls: Vec<&Call> = flows.iter().map(|f| f.call).collect();
    let lanes = lanes(&calls, &steps);
    let lane_of = |id: &str| lanes.iter().position(|l| l.id == id);
    let span_of = (
        steps.first().and_then(|e| e.lines),
        steps.last().and_then(|e| e.lines),
    );
    let step_notes: Vec<&crate::store::Note> = match span_of {
        (Some((first, _)), Some((_, last))) => notes
            .iter()
            .filter(|n| n.kind == crate::store::NoteKind::Step && n.line >= first && n.line <= last)
            .collect(),
        _ => Vec::new(),
    };
    let first_ms = steps
        .iter()
        .find_map(|e| e.time.as_deref().and_then(time_ms));
    let multi = flows.len() > 1;
    let mut out = String::new();
    head(
        &mut out,
        flows,
        &lanes,
        title,
        match (first_ms, relative) {
            (Some(_), true) => "from start",
            (Some(_), false) => "time",
            (None, _) => "order",
        },
    );
    let (mut previous, mut placed) = (None, 0);
    for &(e, flow) in &merged {
        while let Some(n) = step_notes
            .get(placed)
            .filter(|n| e.lines.is_some_and(|(l, _)| n.line < l))
        {
            push_line(
                &mut out,
                &format!("{:TIME$}{}  -- {}", "", grid(lanes.len(), None), n.text),
            );
            placed += 1;
        }
        let ms = e.time.as_deref().and_then(time_ms);
        let (from, to) = ends(e, &lanes);
        let key = multi.then_some(flows[flow].call.key.as_str());
        let what = what(e, key, ms.zip(previous).map(|(ms, before)| ms - before));
        let time = match (ms, first_ms) {
            (Some(ms), Some(first)) if relative => format!("+{}", span(ms - first)),
            (Some(ms), _) => clock(ms),
            (None, _) => format!("#{}", e.index + 1),
        };
        let between = lane_of(from).zip(lane_of(to));
        push_line(
            &mut out,
            &format!("{time:<TIME$}{}  {what}", grid(lanes.len(), between)),
        );
        if ms.is_some() {
            previous = ms;
        }
    }
    out
}

/// What a row says of its event: its type (with its call's key when the ladder has several),
/// the values that explain it, and the time since the row before.
fn what(e: &Step<'_>, key: Option<&str>, delta: Option<i64>) -> String {
    let mut what = e
        .type_name
        .strip_suffix("_EVENT")
        .unwrap_or(&e.type_name)
        .to_owned();
    if let Some(key) = key {
        let _ = write!(what, " [{key}]");
    }
    for name in EXPLAINING {
        let found = e.fields.iter().find(|f| f.name == name);
        if let Some(f) = found.filter(|f| !f.raw.is_empty()) {
            let value = f.symbol.as_deref().unwrap_or(&f.raw);
            let _ = write!(what, "  {} {value}", f.name);
        }
    }
    if let Some(delta) = delta {
        let _ = write!(what, "  (+{})", span(delta));
    }
    what
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The title, the lanes, the calls (several), and the lanes' header row.
fn head(out: &mut String, flows: &[Flow<'_>], lanes: &[Lane], title: &str, time_head: &str) {
    let _ = write!(out, "{title}\n\nLanes:\n");
    for (i, l) in lanes.iter().enumerate() {
        let _ = writeln!(out, "  {:<3} {}", lane_name(i), l.label);
    }
    if flows.len() > 1 {
        out.push_str("Calls:\n");
        for f in flows {
            let link = f
                .link
                .as_ref()
                .map_or_else(|| " (this call)".to_owned(), |l| format!(" ({l})"));
            let _ = writeln!(
                out,
                "  {}{link}: {}",
                f.call.key,
                f.call.outcome.kind.as_str()
            );
        }
    }
    out.push('\n');
    let mut names = vec![' '; lanes.len() * COL];
    for i in 0..lanes.len() {
        for (k, c) in lane_name(i).chars().enumerate() {
            match names.get_mut(i * COL + COL / 2 + k) {
                Some(cell) => *cell = c,
                None => names.push(c),
            }
        }
    }
    push_line(
        out,
        &format!(
            "{time_head:<TIME$}{}",
            names.into_iter().collect::<String>()
        ),
    );
}
