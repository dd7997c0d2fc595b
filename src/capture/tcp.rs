//! TCP segments out of captured packets (sliced with `etherparse`): Ethernet with 802.1Q tags,
//! Linux cooked capture (SLL, SLL2), raw IPv4/IPv6 and BSD loopback; IPv4 and IPv6.

use std::net::{IpAddr, SocketAddr};

use etherparse::{EtherType, LaxNetSlice, LaxSlicedPacket, TransportSlice};

use super::packets::Packet;

/// A TCP segment: where it went, its sequence number and flags, and its payload.
#[derive(Clone, Copy, Debug)]
pub struct Segment<'a> {
    /// The packet it came in (one-based).
    pub packet: u32,
    /// Nanoseconds since 1970 ([`i64::MIN`] when the capture gives no time).
    pub time_ns: i64,
    /// Sender.
    pub from: SocketAddr,
    /// Receiver.
    pub to: SocketAddr,
    /// Sequence number of the first payload byte (of the SYN itself when `syn`).
    pub seq: u32,
    /// SYN set.
    pub syn: bool,
    /// ACK set (with SYN: the server's answer).
    pub ack: bool,
    /// FIN or RST set.
    pub end: bool,
    /// The payload bytes captured.
    pub payload: &'a [u8],
    /// Payload bytes that were on the wire but not captured (snap length).
    pub missing: u32,
}

/// What a packet is, when it is not a TCP segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotTcp {
    /// A link type this reader does not take.
    Link(u32),
    /// Not IP, or IP that does not carry TCP.
    Other,
}

/// The TCP segment a packet carries.
///
/// # Errors
/// [`NotTcp`] says why a packet is no TCP segment: a link type this reader does not take, or
/// anything that is not TCP over IP.
pub fn segment<'a>(p: &Packet<'a>) -> Result<Segment<'a>, NotTcp> {
    let sliced = slice(p.link, p.data).ok_or(NotTcp::Link(p.link))?;
    let (from, to, incomplete) = match &sliced.net {
        Some(LaxNetSlice::Ipv4(ip)) => {
            let h = ip.header();
            let ends = (IpAddr::from(h.source()), IpAddr::from(h.destination()));
            (ends.0, ends.1, ip.payload().incomplete)
        }
        Some(LaxNetSlice::Ipv6(ip)) => {
            let h = ip.header();
            let ends = (IpAddr::from(h.source()), IpAddr::from(h.destination()));
            (ends.0, ends.1, ip.payload().incomplete)
        }
        _ => return Err(NotTcp::Other),
    };
    let Some(TransportSlice::Tcp(tcp)) = &sliced.transport else {
        return Err(NotTcp::Other);
    };
    let captured = u32::try_from(p.data.len()).unwrap_or(u32::MAX);
    let missing = if incomplete {
        p.wire_len.saturating_sub(captured)
    } else {
        0
    };
    Ok(Segment {
        packet: p.number,
        time_ns: p.time_ns,
        from: SocketAddr::new(from, tcp.source_port()),
        to: SocketAddr::new(to, tcp.destination_port()),
        seq: tcp.sequence_number(),
        syn: tcp.syn(),
        ack: tcp.ack(),
        end: tcp.fin() || tcp.rst(),
        payload: tcp.payload(),
        missing,
    })
}

/// Slices a packet of link type `link` (tcpdump.org's LINKTYPE_* numbers).
fn slice(link: u32, data: &[u8]) -> Option<LaxSlicedPacket<'_>> {
    match link {
        // Ethernet (VLAN tags included).
        1 => LaxSlicedPacket::from_ethernet(data).ok(),
        // BSD loopback: a 4-byte address family in host order (NULL) or network order (LOOP).
        0 | 108 => LaxSlicedPacket::from_ip(data.get(4..)?).ok(),
        // Raw IP (LINKTYPE_RAW, and the DLT_RAW values 12 and 14), IPv4, IPv6.
        12 | 14 | 101 | 228 | 229 => LaxSlicedPacket::from_ip(data).ok(),
        // Linux cooked capture v1: the protocol type is at bytes 14–15 of a 16-byte header.
        113 => {
            let ty = u16::from_be_bytes([*data.get(14)?, *data.get(15)?]);
            Some(LaxSlicedPacket::from_ether_type(
                EtherType(ty),
                data.get(16..)?,
            ))
        }
        // Linux cooked capture v2: the protocol type is at bytes 0–1 of a 20-byte header.
        276 => {
            let ty = u16::from_be_bytes([*data.first()?, *data.get(1)?]);
            Some(LaxSlicedPacket::from_ether_type(
                EtherType(ty),
                data.get(20..)?,
            ))
        }
        _ => None,
    }
}
