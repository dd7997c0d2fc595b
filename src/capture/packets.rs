//! Packets out of a pcap or pcapng file (read with `pcap-parser`): number, time, link type and
//! the bytes captured.
//!
//! pcap: both byte orders, micro- and nanosecond timestamps. pcapng: several sections and
//! interfaces, enhanced and simple packet blocks, each interface's timestamp resolution and
//! offset; other blocks are skipped. A block that does not parse ends the reading with a
//! diagnostic naming the packet after the last one read; every packet before it is kept.

use pcap_parser::pcapng::Block;
use pcap_parser::{PcapBlockOwned, PcapError, PcapNGSlice};

use crate::diagnostic::{Diagnostic, DiagnosticCode};

/// One captured packet.
#[derive(Clone, Copy, Debug)]
pub struct Packet<'a> {
    /// One-based packet number, as Wireshark counts them.
    pub number: u32,
    /// Nanoseconds since 1970-01-01 UTC.
    pub time_ns: i64,
    /// The link type (LINKTYPE_* number of the tcpdump.org list).
    pub link: u32,
    /// The bytes captured.
    pub data: &'a [u8],
    /// The packet's length on the wire, in bytes.
    pub wire_len: u32,
}

/// A pcapng interface: link type, units per second and offset of its timestamps.
#[derive(Clone, Copy)]
struct Interface {
    link: u32,
    per_second: u64,
    offset_s: i64,
}

/// Reads every packet of a pcap (`ng` false) or pcapng capture.
pub fn read<'a>(bytes: &'a [u8], ng: bool, diagnostics: &mut Vec<Diagnostic>) -> Vec<Packet<'a>> {
    let mut packets = Vec::new();
    let result = if ng {
        read_ng(bytes, &mut packets)
    } else {
        read_legacy(bytes, &mut packets)
    };
    if let Err(problem) = result {
        let next = u32::try_from(packets.len() + 1).unwrap_or(u32::MAX);
        diagnostics.push(Diagnostic::packet(
            DiagnosticCode::CaptureBroken,
            next,
            &format!(
                "{problem}; the {} packets before it are kept",
                packets.len()
            ),
        ));
    }
    packets
}

/// Why a capture could not be read on.
fn problem(e: &pcap_parser::nom::Err<PcapError<&[u8]>>) -> String {
    match e {
        pcap_parser::nom::Err::Incomplete(_)
        | pcap_parser::nom::Err::Error(PcapError::Incomplete(_)) => {
            "the file ends inside a block (a capture cut short)".to_owned()
        }
        pcap_parser::nom::Err::Error(e) | pcap_parser::nom::Err::Failure(e) => {
            format!("a block that does not parse ({e})")
        }
    }
}

fn read_legacy<'a>(bytes: &'a [u8], packets: &mut Vec<Packet<'a>>) -> Result<(), String> {
    let (mut rest, header) = pcap_parser::parse_pcap_header(bytes).map_err(|e| problem(&e))?;
    let link = u32::try_from(header.network.0).unwrap_or(u32::MAX);
    let unit = if header.is_nanosecond_precision() {
        1
    } else {
        1_000
    };
    // `LegacyPcapSlice` reads records little-endian only; the header says the byte order.
    let frame = if header.is_bigendian() {
        pcap_parser::pcap::parse_pcap_frame_be
    } else {
        pcap_parser::pcap::parse_pcap_frame
    };
    while !rest.is_empty() {
        let (next, b) = frame(rest).map_err(|e| problem(&e))?;
        rest = next;
        packets.push(Packet {
            number: next_number(packets),
            time_ns: i64::from(b.ts_sec) * 1_000_000_000 + i64::from(b.ts_usec) * unit,
            link,
            data: &b.data[..(b.caplen as usize).min(b.data.len())],
            wire_len: b.origlen,
        });
    }
    Ok(())
}

/// The longest prefix of a pcapng file whose blocks all have a total length of at least 12
/// bytes, a multiple of 4 (the format's rule for every block), and what is wrong after it. Checked
/// before pcap-parser reads the blocks: its 0.17 release subtracts 12 from a process-information
/// block's length without checking it, which panics in a build with overflow checks.
fn checked_blocks(bytes: &[u8]) -> (&[u8], Option<String>) {
    const SECTION: [u8; 4] = [0x0A, 0x0D, 0x0D, 0x0A];
    let (mut at, mut big_endian) = (0usize, false);
    while let Some(head) = bytes.get(at..at + 12) {
        if head[..4] == SECTION {
            big_endian = head[8..12] == [0x1A, 0x2B, 0x3C, 0x4D];
        }
        let word = [head[4], head[5], head[6], head[7]];
        let length = if big_endian {
            u32::from_be_bytes(word)
        } else {
            u32::from_le_bytes(word)
        };
        if length < 12 || length % 4 != 0 {
            let why = format!(
                "the block at byte {at} says it is {length} bytes long; a pcapng block is at least 12 bytes, a multiple of 4"
            );
            return (&bytes[..at], Some(why));
        }
        at = at.saturating_add(length as usize);
    }
    (bytes, None)
}

fn read_ng<'a>(bytes: &'a [u8], packets: &mut Vec<Packet<'a>>) -> Result<(), String> {
    let (bytes, broken) = checked_blocks(bytes);
    read_blocks(bytes, packets)?;
    broken.map_or(Ok(()), Err)
}

fn read_blocks<'a>(bytes: &'a [u8], packets: &mut Vec<Packet<'a>>) -> Result<(), String> {
    if bytes.is_empty() {
        return Ok(());
    }
    let slice = PcapNGSlice::from_slice(bytes).map_err(|e| problem(&e))?;
    let mut interfaces: Vec<Interface> = Vec::new();
    for block in slice {
        let PcapBlockOwned::NG(block) = block.map_err(|e| problem(&e))? else {
            continue;
        };
        match block {
            // A new section starts its own list of interfaces.
            Block::SectionHeader(_) => interfaces.clear(),
            Block::InterfaceDescription(idb) => interfaces.push(Interface {
                link: u32::try_from(idb.linktype.0).unwrap_or(u32::MAX),
                per_second: idb.ts_resolution().unwrap_or(1_000_000),
                offset_s: idb.ts_offset(),
            }),
            Block::EnhancedPacket(epb) => {
                let Some(&i) = interfaces.get(epb.if_id as usize) else {
                    return Err(format!(
                        "an enhanced packet block names interface {}, which no interface description block declared",
                        epb.if_id
                    ));
                };
                let ticks = (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low);
                packets.push(Packet {
                    number: next_number(packets),
                    time_ns: ns(ticks, i),
                    link: i.link,
                    data: &epb.data[..(epb.caplen as usize).min(epb.data.len())],
                    wire_len: epb.origlen,
                });
            }
            Block::SimplePacket(spb) => {
                // A simple packet block has no timestamp and belongs to the first interface.
                let Some(&i) = interfaces.first() else {
                    return Err(
                        "a simple packet block before any interface description block".into(),
                    );
                };
                packets.push(Packet {
                    number: next_number(packets),
                    time_ns: i64::MIN,
                    link: i.link,
                    data: &spb.data[..(spb.origlen as usize).min(spb.data.len())],
                    wire_len: spb.origlen,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

fn next_number(packets: &[Packet<'_>]) -> u32 {
    u32::try_from(packets.len() + 1).unwrap_or(u32::MAX)
}

/// Timestamp ticks of interface `i` as nanoseconds since 1970.
fn ns(ticks: u64, i: Interface) -> i64 {
    let per_second = u128::from(i.per_second.max(1));
    let ns = u128::from(ticks) * 1_000_000_000 / per_second;
    i64::try_from(ns)
        .unwrap_or(i64::MAX)
        .saturating_add(i.offset_s.saturating_mul(1_000_000_000))
}
