//! The Cisco CTI Server binary protocol (GED-188): frames in, the same events as the text
//! decoder out; and events back to frames.
//!
//! A frame is an 8-byte header (MessageLength without the header, MessageType; big-endian),
//! the message type's fixed part (reference §2.2) and floating fields: tag, length, data, with
//! 1-byte or 2-byte tags and lengths depending on the protocol version (§1.3). Offsets in
//! diagnostics and events are zero-based bytes into the input.

mod encode;
mod frame;
mod hex;
pub mod layout;
mod stream;

pub use encode::{encode_events, EncodeIssue, Encoded};
pub use hex::decode_hex;
pub use stream::FrameDecoder;

use crate::event::Decoded;

/// The largest frame, header included (reference §1.5, V24): 12,500 bytes.
pub const MAX_FRAME: usize = 12_500;
/// The largest MessageLength: [`MAX_FRAME`] less the 8-byte header.
pub const MAX_BODY: usize = MAX_FRAME - 8;

/// Bytes per floating-field tag and per length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// 1-byte tag, 1-byte length (UCCE to v17, UCCX to v17).
    One,
    /// 2-byte tag, 2-byte length (UCCE v24 on).
    Two,
}

impl Width {
    /// 1 or 2.
    #[must_use]
    pub fn bytes(self) -> u8 {
        match self {
            Width::One => 1,
            Width::Two => 2,
        }
    }

    /// The width of 1 or 2 bytes.
    #[must_use]
    pub fn from_bytes(n: u8) -> Option<Width> {
        match n {
            1 => Some(Width::One),
            2 => Some(Width::Two),
            _ => None,
        }
    }
}

/// How to decode binary input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The floating-field width; `None` learns it from OPEN_REQ or from the frames themselves.
    pub width: Option<Width>,
}

/// Decodes a whole binary input: `{ events, diagnostics, framing }` (`notes` stays empty).
#[must_use]
pub fn decode_frames(bytes: &[u8], options: Options) -> Decoded {
    let mut decoder = FrameDecoder::new(options);
    let mut out = decoder.push(bytes);
    let rest = decoder.finish();
    out.events.extend(rest.events);
    out.diagnostics.extend(rest.diagnostics);
    out.framing = Some(decoder.framing());
    out
}
