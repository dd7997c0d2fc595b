//! # cti-outcome
//!
//! Tells what happened to a contact-centre call and why it ended: decodes CTI Server events
//! (Cisco's GED-188 protocol, as the textual dumps Cisco's guides print) and CONNRES end-of-call
//! result codes into one typed event model, with every coded value explained in words.
//!
//! The decoders are pure Rust and know nothing of WebAssembly: `codes` holds the tables of facts,
//! `event` the one model every decoder produces, `text` the dump decoder. The wasm boundary
//! (`src/wasm.rs`, compiled for `wasm32` only) and the command-line tool are two faces on the
//! same core and serialise the same JSON.
//!
//! ```
//! let decoded = cti_outcome::decode_log("MsgType: CALL_CLEARED_EVENT\n  EventCause: CEC_NONE\n");
//! let cause = &decoded.events[0].fields[0];
//! assert_eq!((cause.number(), cause.symbol), (Some(0xFFFF), Some("CEC_NONE")));
//!
//! let connres = cti_outcome::decode_connres(5, cti_outcome::Direction::Outbound, Some(17));
//! assert_eq!(connres.outcome, cti_outcome::OutcomeKind::Busy);
//! ```

pub mod binary;
pub mod codes;
pub mod event;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod input;
pub mod outcome;
pub mod store;
pub mod text;
pub mod timeline;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use codes::connres::{decode as decode_connres, decode_checked as decode_connres_checked};
pub use codes::connres::{ArgumentError, Connres, Direction};
pub use event::{
    Decoded, Diagnostic, DiagnosticCode, Event, Field, FrameSpan, Framing, Note, NoteKind,
    Severity, Value,
};
pub use outcome::OutcomeKind;
pub use text::{decode_log, decode_log_bytes};
pub use timeline::{build_timeline, Timeline, TimelineBuilder};

/// This library's version (the crate's, and the npm package's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
