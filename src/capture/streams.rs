//! TCP reassembly: each direction of a connection back into its byte stream, by sequence number.
//!
//! Segments are placed by their sequence number relative to the SYN (or, for a connection
//! captured mid-stream, to the lowest sequence number seen), so out-of-order segments fall into
//! place; bytes already placed (retransmissions, overlaps) are dropped once; bytes never captured
//! (lost packets, a snap length that cut a packet) split the stream into chunks, each decoded on
//! its own, and are reported as a gap.

use super::tcp::Segment;

/// A segment's place in its direction's stream.
#[derive(Clone, Copy, Debug)]
struct Placed<'a> {
    /// Offset of its first byte in the stream.
    start: u64,
    packet: u32,
    time_ns: i64,
    payload: &'a [u8],
    /// Bytes on the wire after `payload` that were not captured.
    missing: u32,
}

/// A run of the stream with no bytes missing.
#[derive(Clone, Debug, Default)]
pub struct Chunk {
    /// Offset of the chunk's first byte in the stream.
    pub start: u64,
    /// The bytes.
    pub data: Vec<u8>,
    /// Where each packet's bytes begin in `data`: (offset in `data`, packet, time in ns).
    pub pieces: Vec<(u64, u32, i64)>,
}

impl Chunk {
    /// The packet (and its time) that carried the byte at `offset` of `data`.
    #[must_use]
    pub fn packet_at(&self, offset: u64) -> (u32, i64) {
        let i = self
            .pieces
            .partition_point(|p| p.0 <= offset)
            .saturating_sub(1);
        self.pieces.get(i).map_or((0, i64::MIN), |p| (p.1, p.2))
    }
}

/// Bytes that no packet of the capture carried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The packet before the gap (0 when the gap is at the start).
    pub after: u32,
    /// The packet after it (0 when the stream ends with the gap).
    pub before: u32,
    /// How many bytes are missing (when known).
    pub bytes: u64,
}

/// One direction of a connection, reassembled.
#[derive(Clone, Debug, Default)]
pub struct Stream {
    /// The runs of bytes, in stream order.
    pub chunks: Vec<Chunk>,
    /// Where bytes are missing.
    pub gaps: Vec<Gap>,
    /// Segments whose every byte was already placed (retransmissions).
    pub duplicates: u32,
    /// Bytes carried (each byte once).
    pub bytes: u64,
    /// Whether the capture shows where the stream began (its SYN).
    pub from_start: bool,
}

/// Reassembles the segments of one direction (in capture order).
#[must_use]
pub fn reassemble(segments: &[Segment<'_>]) -> Stream {
    let syn = segments
        .iter()
        .find(|s| s.syn)
        .map(|s| s.seq.wrapping_add(1));
    let data: Vec<&Segment<'_>> = segments
        .iter()
        .filter(|s| !s.payload.is_empty() || s.missing > 0)
        .collect();
    let Some(first) = data.first() else {
        return Stream {
            from_start: syn.is_some(),
            ..Stream::default()
        };
    };
    let origin = syn.unwrap_or(first.seq);
    // Relative to the origin, read as signed so that a segment sent before the first one
    // captured (reordered) lands before it.
    #[allow(clippy::cast_possible_wrap)]
    let rel = |seq: u32| i64::from(seq.wrapping_sub(origin) as i32);
    let low = data.iter().map(|s| rel(s.seq)).min().unwrap_or(0).min(0);
    let mut placed: Vec<Placed<'_>> = data
        .iter()
        .map(|s| Placed {
            start: (rel(s.seq) - low).unsigned_abs(),
            packet: s.packet,
            time_ns: s.time_ns,
            payload: s.payload,
            missing: s.missing,
        })
        .collect();
    placed.sort_by_key(|p| (p.start, p.packet));
    let mut stream = Stream {
        from_start: syn.is_some(),
        ..Stream::default()
    };
    join(&placed, &mut stream);
    stream
}

/// Lays placed segments end to end into chunks, noting gaps and duplicates.
fn join(placed: &[Placed<'_>], stream: &mut Stream) {
    let mut chunk = Chunk::default();
    let mut at = 0u64; // the next stream offset expected
    let mut last_packet = 0u32;
    for p in placed {
        let end = p.start + p.payload.len() as u64;
        if p.start > at {
            stream.gaps.push(Gap {
                after: last_packet,
                before: p.packet,
                bytes: p.start - at,
            });
            split(stream, &mut chunk, p.start);
            at = p.start;
        }
        if end <= at && p.missing == 0 {
            stream.duplicates += 1;
            continue;
        }
        if end > at {
            let skip = crate::store::index(at - p.start);
            chunk.pieces.push((at - chunk.start, p.packet, p.time_ns));
            chunk.data.extend_from_slice(&p.payload[skip..]);
            stream.bytes += end - at;
            at = end;
        }
        last_packet = p.packet;
        if p.missing > 0 {
            // The snap length cut this packet: what follows its captured bytes is unknown.
            stream.gaps.push(Gap {
                after: p.packet,
                before: 0,
                bytes: u64::from(p.missing),
            });
            at = at.max(end + u64::from(p.missing));
            split(stream, &mut chunk, at);
        }
    }
    if !chunk.data.is_empty() {
        stream.chunks.push(chunk);
    }
}

/// Ends the current chunk (if it holds bytes) and starts the next at stream offset `start`.
fn split(stream: &mut Stream, chunk: &mut Chunk, start: u64) {
    if !chunk.data.is_empty() {
        stream.chunks.push(std::mem::take(chunk));
    }
    *chunk = Chunk {
        start,
        ..Chunk::default()
    };
}
