//! A packet capture as JSON: `{ format, packets, connections, events, diagnostics, framing }`.

use serde::Serialize;
use ts_rs::TS;

use super::event::FrameEvent;
use super::{Diagnostics, Events, Framing, PacketDiagnostic};
use crate::capture::{Capture, Connection};
use crate::store::Store;

/// A decoded capture.
#[derive(Serialize, TS)]
#[ts(rename = "DecodedCapture")]
pub struct DecodedCapture<'a> {
    /// `pcap` or `pcapng`.
    #[ts(type = "\"pcap\" | \"pcapng\"")]
    pub format: &'static str,
    /// Packets in the file.
    pub packets: u32,
    /// Every TCP connection, CTI or not, and what was found on it.
    pub connections: &'a [Connection],
    /// Every frame of the CTI connections, in time order, with its packet, connection and
    /// direction.
    #[ts(as = "Vec<FrameEvent<'static>>")]
    pub events: Events<'a>,
    /// Everything wrong, by packet number.
    #[ts(as = "Vec<PacketDiagnostic<'static>>")]
    pub diagnostics: Diagnostics<'a>,
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
        format: capture.format,
        packets: capture.packets,
        connections: &capture.connections,
        events: Events::new(store, 0, usize::MAX),
        diagnostics: Diagnostics(store.diagnostics()),
        framing,
    }
}
