//! A packet capture as JSON: `{ format, packets, connections, events, diagnostics, framing }`.

use serde::Serialize;
use ts_rs::TS;

use super::column_set::column_set;
use super::event::FrameEvent;
use super::{Diagnostics, Events, Framing, PacketDiagnostic};
use crate::capture::{Capture, Connection};
use crate::store::Store;

/// A decoded capture: its head (format, packets, connections, diagnostics) with its events.
#[derive(Serialize, TS)]
#[ts(rename = "DecodedCapture")]
pub struct DecodedCapture<'a> {
    /// The file, its connections and what was wrong.
    #[serde(flatten)]
    #[ts(flatten)]
    pub head: CaptureHead<'a>,
    /// Every frame of the CTI connections, in time order, with its packet, connection and
    /// direction.
    #[ts(as = "Vec<FrameEvent<'static>>")]
    pub events: Events<'a>,
    /// Each connection's floating-field width and protocol version, and why.
    pub framing: &'a [Framing],
}

/// A capture and the store of its frames as JSON.
#[must_use]
pub fn decoded_capture<'a>(
    store: &'a Store,
    capture: &'a Capture,
    framing: &'a [Framing],
) -> DecodedCapture<'a> {
    DecodedCapture {
        head: CaptureHead {
            format: capture.format,
            packets: capture.packets,
            connections: &capture.connections,
            diagnostics: Diagnostics(store.diagnostics()),
        },
        events: Events::new(store, 0, usize::MAX),
        framing,
    }
}

/// What `readCapture` gives besides the frames (`CaptureFrames` is this and [`FrameColumns`]):
/// crosses as JSON.
#[derive(Serialize, TS)]
pub struct CaptureHead<'a> {
    /// `pcap` or `pcapng` (empty when the file is neither).
    #[ts(type = "\"pcap\" | \"pcapng\" | \"\"")]
    pub format: &'a str,
    /// Packets in the file.
    pub packets: u32,
    /// Every TCP connection, CTI or not, and what was found on it.
    pub connections: &'a [Connection],
    /// What was wrong with the file, its packets and streams, by packet number.
    #[ts(as = "Vec<PacketDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
}

column_set! {
    /// A capture's frames as columns.
    pub struct FrameColumns {
        /// Every frame of the CTI connections, end to end.
        frames as "frames": u8s,
        /// Seven numbers per frame: offset in `frames`, length, packet number (one-based), time
        /// (ms since 1970, NaN for none), connection (index into `connections`), from the
        /// server (0/1), offset in its direction's TCP stream.
        rows as "rows": f64s,
    }
}
