//! The Cisco CTI Server binary protocol (GED-188): frames into the store, and events back to
//! frames.
//!
//! A frame is an 8-byte header (MessageLength without the header, MessageType; big-endian),
//! the message type's fixed part (reference §2.2, §2.3; by protocol version, §2.3.1) and
//! floating fields: tag, length, data, with 1-byte or 2-byte tags and lengths depending on the
//! protocol version (§1.3). Offsets in diagnostics and events are zero-based bytes into the input.

mod check;
mod choose;
mod encode;
mod hex;
mod rows;
mod stream;

pub use encode::{encode, EncodeIssue, Encoded};
pub use hex::decode_hex;
pub use rows::{decode_rows, FrameRow};
pub use stream::FrameDecoder;

use crate::options::{self, settable, Expected, Given};
use crate::store::{Form, Store};

/// The largest frame, header included (reference §1.5, V24): 12,500 bytes.
pub const MAX_FRAME: usize = 12_500;
/// The largest MessageLength: [`MAX_FRAME`] less the 8-byte header.
pub const MAX_BODY: usize = MAX_FRAME - 8;

/// Bytes per floating-field tag and per length: `1` or `2` in options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// 1-byte tag, 1-byte length (UCCE to v19, UCCX to v17).
    One,
    /// 2-byte tag, 2-byte length (UCCE v20 on).
    Two,
}

impl Width {
    /// The `width` option: 1 or 2.
    ///
    /// # Errors
    /// For anything else.
    pub fn given<G: Given>(given: &G) -> Result<Option<Width>, Expected> {
        match options::whole(given, 1.0, 2.0) {
            Some(1.0) => Ok(Some(Width::One)),
            Some(_) => Ok(Some(Width::Two)),
            None => Err("1 or 2"),
        }
    }

    /// 1 or 2.
    #[must_use]
    pub fn bytes(self) -> u8 {
        match self {
            Width::One => 1,
            Width::Two => 2,
        }
    }
}

/// How frames are read or written (`FrameOptions` in the package).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ts_rs::TS)]
#[ts(rename = "FrameOptions", optional_fields)]
pub struct Options {
    /// Bytes of a floating field's tag and length: 1 (protocol versions up to 19) or 2 (20 and
    /// later). Told from the version or the frames when not given.
    #[ts(optional, type = "1 | 2")]
    pub width: Option<Width>,
    /// The protocol version the frames were written with (it chooses between fixed-part
    /// layouts that changed); told from OPEN_REQ when not given, or left unknown.
    pub version: Option<u32>,
}

settable!(Options {
    width: Width::given,
    version: version,
});

/// The `version` option: a protocol version, 0 to 255.
///
/// # Errors
/// For anything else.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked: 0 to 255
pub fn version<G: Given>(given: &G) -> Result<Option<u32>, Expected> {
    options::whole(given, 0.0, 255.0)
        .map(|v| Some(v as u32))
        .ok_or("a protocol version from 0 to 255")
}

/// Which floating-field width binary input was decoded with, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Framing {
    /// 1 or 2 bytes per tag and length; null while no frame has told.
    #[ts(type = "1 | 2 | null")]
    pub width: Option<u8>,
    /// The protocol version the layouts were chosen for, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub version: Option<u32>,
    /// How the width (and version) were chosen, in words.
    pub basis: String,
}

/// Decodes a whole binary input into a store, with how its framing was chosen.
#[must_use]
pub fn decode(bytes: &[u8], options: Options) -> (Store, Framing) {
    let mut store = Store::new(Form::Frames);
    store.bytes.reserve(bytes.len());
    let mut decoder = FrameDecoder::new(options);
    decoder.push(&mut store, bytes);
    decoder.finish(&mut store);
    (store, decoder.framing())
}
