//! Frames that arrive already cut, each with where it came from: the frames of a packet
//! capture, in time order across connections and directions.
//!
//! Each connection keeps its own framing (width and protocol version, learned from its
//! OPEN_REQ), shared by both directions. An event's position is its packet number, its
//! connection and direction, and its byte offset in that direction's stream; its time is the
//! packet's.

use serde::Serialize;

use super::{FrameDecoder, Framing, Options};
use crate::diagnostic::At;
use crate::store::{flag, Form, Store, NO_TIME};

/// One frame of a capture, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FrameRow {
    /// Offset of the frame in the buffer of frames.
    pub at: u64,
    /// Length of the frame in bytes, header included.
    pub len: u32,
    /// One-based number of the packet that completed the frame.
    pub packet: u32,
    /// That packet's time: milliseconds since 1970-01-01 UTC ([`i64::MIN`] when none).
    pub time_ms: i64,
    /// Zero-based index of the connection.
    pub connection: u32,
    /// Sent by the CTI Server (else by the client).
    pub from_server: bool,
    /// Byte offset of the frame in its direction's stream.
    pub stream_offset: u64,
}

impl FrameRow {
    /// Numbers per row in [`to_numbers`](Self::to_numbers).
    pub const NUMBERS: usize = 7;

    /// The row as numbers (how rows cross from one WebAssembly module to another): offset,
    /// length, packet, time (NaN for none), connection, from the server (0/1), stream offset.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // offsets and times stay below 2^53
    pub fn to_numbers(&self) -> [f64; Self::NUMBERS] {
        let time = if self.time_ms == i64::MIN {
            f64::NAN
        } else {
            self.time_ms as f64
        };
        [
            self.at as f64,
            f64::from(self.len),
            f64::from(self.packet),
            time,
            f64::from(self.connection),
            f64::from(u8::from(self.from_server)),
            self.stream_offset as f64,
        ]
    }

    /// A row from [`to_numbers`](Self::to_numbers)' numbers (out-of-range numbers saturate).
    #[must_use]
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn from_numbers(n: &[f64; Self::NUMBERS]) -> FrameRow {
        FrameRow {
            at: n[0] as u64,
            len: n[1] as u32,
            packet: n[2] as u32,
            time_ms: if n[3].is_nan() { i64::MIN } else { n[3] as i64 },
            connection: n[4] as u32,
            from_server: n[5] != 0.0,
            stream_offset: n[6] as u64,
        }
    }
}

/// Decodes the frames `rows` point at in `frames` into a store of [`Form::Capture`], with each
/// connection's framing (by connection index).
#[must_use]
pub fn decode_rows(frames: &[u8], rows: &[FrameRow], options: Options) -> (Store, Vec<Framing>) {
    let mut store = Store::new(Form::Capture);
    store.bytes.reserve(frames.len());
    let mut decoders: Vec<FrameDecoder> = Vec::new();
    for row in rows {
        let c = row.connection as usize;
        if decoders.len() <= c {
            decoders.resize_with(c + 1, || FrameDecoder::new(options));
        }
        let start = crate::store::index(row.at);
        let Some(frame) = frames.get(start..start + row.len as usize) else {
            continue;
        };
        let (events, diagnostics) = (store.len(), store.diagnostics.len());
        decoders[c].take_whole(&mut store, frame, row.stream_offset);
        let e = &mut store.events;
        for i in events..e.len() {
            e.line[i] = row.packet;
            e.end_line[i] = row.connection;
            e.time[i] = if row.time_ms == i64::MIN {
                NO_TIME
            } else {
                row.time_ms
            };
            if row.from_server {
                e.flags[i] |= flag::FROM_SERVER;
            }
        }
        for d in &mut store.diagnostics[diagnostics..] {
            d.at = At::Packet(row.packet);
        }
    }
    let framing = decoders.iter().map(FrameDecoder::framing).collect();
    (store, framing)
}
