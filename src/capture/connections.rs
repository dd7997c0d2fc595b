//! A capture's TCP connections: which end is the CTI Server, both streams reassembled, and the
//! frames found in them as rows in time order.

use std::net::SocketAddr;

use rustc_hash::FxHashMap;

use super::packets::Packet;
use super::streams::{reassemble, Chunk, Stream};
use super::tcp::{segment, NotTcp, Segment};
use super::{Capture, CaptureOptions, Connection};
use crate::binary::{FrameDecoder, FrameRow, Options, Width};
use crate::diagnostic::{At, Diagnostic, DiagnosticCode};
use crate::store::{Form, Store};

/// The CTI Server's ports by default (reference §1.1, §6): UCCE side A 42027 and side B 43027
/// (UCCX: 42027), and the secure 42030 / 43030 of one sample configuration (UNCERTAIN there).
pub const CTI_PORTS: &[u16] = &[42027, 43027, 42030, 43030];

/// One connection's segments, by direction.
struct Segments<'a> {
    /// The two ends, in the order first seen.
    ends: [SocketAddr; 2],
    /// Segments sent by `ends[0]`, and by `ends[1]`.
    sent: [Vec<Segment<'a>>; 2],
}

/// Finds the connections of `packets`, and fills `capture` with their frames.
pub(super) fn find(packets: &[Packet<'_>], options: &CaptureOptions, capture: &mut Capture) {
    let mut by_ends: FxHashMap<(SocketAddr, SocketAddr), usize> = FxHashMap::default();
    let mut all: Vec<Segments<'_>> = Vec::new();
    let mut other = 0u32;
    let mut links: Vec<u32> = Vec::new();
    for p in packets {
        let s = match segment(p) {
            Ok(s) => s,
            Err(NotTcp::Link(link)) => {
                if !links.contains(&link) {
                    links.push(link);
                }
                continue;
            }
            Err(NotTcp::Other) => {
                other += 1;
                continue;
            }
        };
        let key = if s.from <= s.to {
            (s.from, s.to)
        } else {
            (s.to, s.from)
        };
        let i = *by_ends.entry(key).or_insert_with(|| {
            all.push(Segments {
                ends: [s.from, s.to],
                sent: [Vec::new(), Vec::new()],
            });
            all.len() - 1
        });
        let side = usize::from(all[i].ends[0] != s.from);
        all[i].sent[side].push(s);
    }
    let mut rows: Vec<(i64, FrameRow)> = Vec::new();
    for segments in &all {
        let c = u32::try_from(capture.connections.len()).unwrap_or(u32::MAX);
        let connection = one(segments, c, options, capture, &mut rows);
        capture.connections.push(connection);
    }
    rows.sort_by_key(|(t, r)| (*t, r.packet, r.from_server, r.stream_offset));
    capture.rows = rows.into_iter().map(|(_, r)| r).collect();
    say_what_else(packets.len(), other, &links, capture);
}

/// Reassembles one connection and, when it is CTI, adds its frames.
fn one(
    segments: &Segments<'_>,
    c: u32,
    options: &CaptureOptions,
    capture: &mut Capture,
    rows: &mut Vec<(i64, FrameRow)>,
) -> Connection {
    let server = server_side(segments, &options.ports);
    let client = 1 - server;
    let streams = [
        reassemble(&segments.sent[client]),
        reassemble(&segments.sent[server]),
    ];
    let port_says = CTI_PORTS.contains(&segments.ends[server].port())
        || options.ports.contains(&segments.ends[server].port());
    // The client's OPEN_REQ tells the version; the server's frames are read with it.
    let mut found = Found::default();
    let mut framing = options.frames;
    for (from_server, stream) in [(false, &streams[0]), (true, &streams[1])] {
        let learned = frames(stream, framing, from_server, c, &mut found);
        if !from_server {
            framing = Options {
                width: framing.width.or(learned.width.and_then(Width::from_bytes)),
                version: framing.version.or(learned.version),
            };
        }
    }
    let bytes = [streams[0].bytes, streams[1].bytes];
    let total = bytes[0] + bytes[1];
    let cti = port_says || (!found.rows.is_empty() && found.buffer.len() as u64 * 2 >= total);
    let frames = u32::try_from(found.rows.len()).unwrap_or(u32::MAX);
    let what = if cti {
        let how = if port_says {
            "on a CTI Server port"
        } else {
            "its bytes are frames of this protocol"
        };
        gaps(&streams, c, &mut capture.diagnostics);
        capture.diagnostics.append(&mut found.diagnostics);
        let base = capture.frames.len() as u64;
        capture.frames.append(&mut found.buffer);
        rows.extend(found.rows.into_iter().map(|(t, mut row)| {
            row.at += base;
            (t, row)
        }));
        format!(
            "CTI ({how}): {frames} frames; {} bytes client → server, {} bytes server → client",
            bytes[0], bytes[1]
        )
    } else {
        format!("not CTI: {frames} frames of this protocol in its {total} bytes")
    };
    let packets = segments.sent[0].len() + segments.sent[1].len();
    Connection {
        client: segments.ends[client].to_string(),
        server: segments.ends[server].to_string(),
        packets: u32::try_from(packets).unwrap_or(u32::MAX),
        bytes,
        frames,
        cti,
        found: what,
    }
}

/// The frames found in one connection's streams, before it is known to be CTI.
#[derive(Default)]
struct Found {
    /// The frames, end to end.
    buffer: Vec<u8>,
    /// (time in ns, row) per frame; `at` is into `buffer`.
    rows: Vec<(i64, FrameRow)>,
    diagnostics: Vec<Diagnostic>,
}

/// Which end (0 or 1) is the CTI Server: the one on a CTI port; else the one a SYN without
/// ACK went to; else the one with the lower port.
fn server_side(segments: &Segments<'_>, ports: &[u16]) -> usize {
    let on_port = |e: &SocketAddr| CTI_PORTS.contains(&e.port()) || ports.contains(&e.port());
    if let Some(i) = segments.ends.iter().position(on_port) {
        return i;
    }
    let opened_by = |side: usize| segments.sent[side].iter().any(|s| s.syn && !s.ack);
    match (opened_by(0), opened_by(1)) {
        (true, false) => 1,
        (false, true) => 0,
        _ => usize::from(segments.ends[1].port() < segments.ends[0].port()),
    }
}

/// Finds the frames of one direction's stream, chunk by chunk; returns the framing learned.
fn frames(
    stream: &Stream,
    options: Options,
    from_server: bool,
    c: u32,
    found: &mut Found,
) -> crate::binary::Framing {
    let mut decoder = FrameDecoder::new(options);
    for chunk in &stream.chunks {
        let mut scratch = Store::new(Form::Frames);
        decoder = FrameDecoder::new(options_of(&decoder, options));
        decoder.push(&mut scratch, &chunk.data);
        decoder.finish(&mut scratch);
        for e in scratch.events() {
            let (offset, len) = (e.offset(), e.length());
            let (packet, time_ns) = chunk.packet_at(offset + u64::from(len.max(1)) - 1);
            let start = crate::store::index(offset);
            found.rows.push((
                time_ns,
                FrameRow {
                    at: found.buffer.len() as u64,
                    len,
                    packet,
                    time_ms: if time_ns == i64::MIN {
                        i64::MIN
                    } else {
                        time_ns.div_euclid(1_000_000)
                    },
                    connection: c,
                    from_server,
                    stream_offset: chunk.start + offset,
                },
            ));
            found
                .buffer
                .extend_from_slice(&chunk.data[start..start + len as usize]);
        }
        framing_problems(&scratch, chunk, (c, from_server), &mut found.diagnostics);
    }
    decoder.framing()
}

/// The options a chunk after a gap is read with: what the chunks before it learned.
fn options_of(decoder: &FrameDecoder, options: Options) -> Options {
    let learned = decoder.framing();
    Options {
        width: options.width.or(learned.width.and_then(Width::from_bytes)),
        version: options.version.or(learned.version),
    }
}

/// Where a stream's bytes are no frames (skipped, cut short), by packet.
fn framing_problems(
    scratch: &Store,
    chunk: &Chunk,
    (c, from_server): (u32, bool),
    out: &mut Vec<Diagnostic>,
) {
    for d in scratch.diagnostics() {
        let framing = matches!(
            d.code,
            DiagnosticCode::SkippedBytes
                | DiagnosticCode::LengthOverMaximum
                | DiagnosticCode::TruncatedFrame
        );
        let At::Byte(offset) = d.at else { continue };
        if framing {
            let (packet, _) = chunk.packet_at(offset);
            out.push(Diagnostic {
                code: d.code,
                message: format!(
                    "{} ({}, stream byte {})",
                    d.message,
                    direction(c, from_server),
                    chunk.start + offset
                ),
                at: At::Packet(packet),
            });
        }
    }
}

/// "connection 1, client → server", one-based.
fn direction(c: u32, from_server: bool) -> String {
    let way = if from_server {
        "server → client"
    } else {
        "client → server"
    };
    format!("connection {}, {way}", c + 1)
}

/// A diagnostic for each gap in a CTI connection's streams.
fn gaps(streams: &[Stream; 2], c: u32, out: &mut Vec<Diagnostic>) {
    for (from_server, stream) in [(false, &streams[0]), (true, &streams[1])] {
        for g in &stream.gaps {
            let (at, place) = match (g.after, g.before) {
                (0, b) => (b, format!("before packet {b}")),
                (a, 0) => (a, format!("after packet {a}")),
                (a, b) => (b, format!("between packets {a} and {b}")),
            };
            out.push(Diagnostic::packet(
                DiagnosticCode::CaptureGap,
                at,
                &format!(
                    "{} bytes missing {place} ({}); decoding resumes at the next frame",
                    g.bytes,
                    direction(c, from_server)
                ),
            ));
        }
    }
}

/// Says what the capture holds when it is not (only) CTI connections.
fn say_what_else(packets: usize, other: u32, links: &[u32], capture: &mut Capture) {
    let tcp = capture.connections.len();
    let cti = capture.connections.iter().filter(|c| c.cti).count();
    if cti > 0 && links.is_empty() {
        return;
    }
    let mut what = vec![format!(
        "{packets} packets: {tcp} TCP connections, {cti} of them CTI"
    )];
    if other > 0 {
        what.push(format!("{other} packets that are not TCP"));
    }
    if !links.is_empty() {
        let list: Vec<String> = links.iter().map(u32::to_string).collect();
        what.push(format!(
            "packets of link types this reader does not take ({})",
            list.join(", ")
        ));
    }
    if cti == 0 && tcp > 0 {
        let ports: Vec<String> = CTI_PORTS.iter().map(u16::to_string).collect();
        what.push(format!(
            "no connection is on a CTI Server port ({}) or carries frames of this protocol; name the port with --port (JS: `ports`)",
            ports.join(", ")
        ));
    }
    capture.diagnostics.push(Diagnostic::packet(
        DiagnosticCode::CaptureContents,
        1,
        &what.join("; "),
    ));
}
