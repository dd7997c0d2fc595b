//! Packet captures (pcap, pcapng) of CTI Server connections: packets → TCP segments → each
//! connection's two byte streams → the frames in them, in time order, with the packet, time,
//! connection and direction of each.
//!
//! [`read`] stops at frames ([`FrameRow`]s over one buffer): the npm package reads captures in a
//! WebAssembly module of their own, and the main module decodes the frames
//! ([`crate::binary::decode_rows`]). [`decode`] does both, for the command-line tool and tests.

mod connections;
mod packets;
mod streams;
mod tcp;

use serde::Serialize;
use ts_rs::TS;

pub use connections::CTI_PORTS;
pub use packets::Packet;
pub use streams::{reassemble, Chunk, Gap, Stream};
pub use tcp::{segment, Segment};

use crate::binary::{decode_rows, FrameRow, Framing, Options};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::options::{self, settable, Expected, Given};
use crate::store::Store;

/// Which capture format a file is in, from its first four bytes (the magic numbers of pcap in
/// either byte order and precision, and of a pcapng section header block).
#[must_use]
pub fn format_of(bytes: &[u8]) -> Option<&'static str> {
    match bytes.get(..4)? {
        // Microseconds and nanoseconds, each in both byte orders.
        [0xD4, 0xC3, 0xB2, 0xA1]
        | [0xA1, 0xB2, 0xC3, 0xD4]
        | [0x4D, 0x3C, 0xB2, 0xA1]
        | [0xA1, 0xB2, 0x3C, 0x4D] => Some("pcap"),
        [0x0A, 0x0D, 0x0D, 0x0A] => Some("pcapng"),
        _ => None,
    }
}

/// A TCP connection of the capture, and what was found on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "CaptureConnection")]
pub struct Connection {
    /// The client's address and port (`10.0.0.5:51234`, `[::1]:51234`).
    pub client: String,
    /// The CTI Server's (or, on a connection that is not CTI, the other end's).
    pub server: String,
    /// Packets of the connection, both ways.
    pub packets: u32,
    /// Bytes carried client → server and server → client (each byte once).
    #[ts(type = "[number, number]")]
    pub bytes: [u64; 2],
    /// Frames found, both ways.
    pub frames: u32,
    /// Whether its frames are in the result.
    pub cti: bool,
    /// What was found on it, in words.
    pub found: String,
}

/// What a capture holds: its frames in time order, its connections and what was wrong.
#[derive(Clone, Debug, Default)]
pub struct Capture {
    /// `pcap` or `pcapng`.
    pub format: &'static str,
    /// Packets in the file.
    pub packets: u32,
    /// Every frame of the CTI connections, end to end.
    pub frames: Vec<u8>,
    /// One row per frame, in time order (then packet order).
    pub rows: Vec<FrameRow>,
    /// Every TCP connection seen, CTI or not.
    pub connections: Vec<Connection>,
    /// Problems with the file, its packets and streams (by packet number).
    pub diagnostics: Vec<Diagnostic>,
}

/// How to read a capture: framing as for frames, and more ports taken for the CTI Server's.
#[derive(Clone, Debug, Default, ts_rs::TS)]
pub struct CaptureOptions {
    /// Besides 42027, 43027, 42030 and 43030 ([`CTI_PORTS`]; a connection whose bytes are
    /// frames is taken too).
    #[ts(as = "Option<Vec<u16>>", optional)]
    pub ports: Vec<u16>,
    /// Framing for every connection (else learned per connection).
    #[ts(flatten)]
    pub frames: Options,
}

// `frames` is read as `FrameOptions` on its own (its fields are flattened into these).
settable!(CaptureOptions { ports: ports });

/// The `ports` option: TCP ports.
///
/// # Errors
/// For anything but an array of whole numbers from 0 to 65535.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked: 0 to 65535
fn ports<G: Given>(given: &G) -> Result<Vec<u16>, Expected> {
    let expected = "an array of TCP ports (0–65535)";
    let items = given.items().ok_or(expected)?;
    items
        .iter()
        .map(|port| options::whole(port, 0.0, 65535.0).map(|p| p as u16))
        .collect::<Option<_>>()
        .ok_or(expected)
}

/// Reads a capture's packets, reassembles its TCP connections and finds their frames.
#[must_use]
pub fn read(bytes: &[u8], options: &CaptureOptions) -> Capture {
    let Some(format) = format_of(bytes) else {
        return Capture::default();
    };
    let mut capture = Capture {
        format,
        ..Capture::default()
    };
    let packets = packets::read(bytes, format == "pcapng", &mut capture.diagnostics);
    capture.packets = u32::try_from(packets.len()).unwrap_or(u32::MAX);
    truncation(&packets, &mut capture.diagnostics);
    connections::find(&packets, options, &mut capture);
    capture
}

/// Says once how many packets the snap length cut, and where.
fn truncation(packets: &[Packet<'_>], diagnostics: &mut Vec<Diagnostic>) {
    let cut: Vec<&Packet<'_>> = packets
        .iter()
        .filter(|p| (p.data.len() as u64) < u64::from(p.wire_len))
        .collect();
    if let Some(first) = cut.first() {
        diagnostics.push(Diagnostic::packet(
            DiagnosticCode::PacketsTruncated,
            first.number,
            &format!(
                "{} of {} packets truncated at {} bytes (the capture's snap length); the bytes cut are reported as gaps",
                cut.len(),
                packets.len(),
                first.data.len()
            ),
        ));
    }
}

/// A capture decoded: its store, each connection's framing, and the capture itself (its
/// frames moved into the store).
#[must_use]
pub fn decode(bytes: &[u8], options: &CaptureOptions) -> (Store, Vec<Framing>, Capture) {
    let mut capture = read(bytes, options);
    let (mut store, framing) = decode_rows(&capture.frames, &capture.rows, options.frames);
    let mut diagnostics = std::mem::take(&mut capture.diagnostics);
    diagnostics.append(&mut store.diagnostics);
    store.diagnostics = diagnostics;
    capture.frames = Vec::new();
    (store, framing, capture)
}
