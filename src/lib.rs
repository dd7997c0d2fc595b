//! # cti-outcome
//!
//! Tells what happened to a contact-centre call and why it ended: decodes CTI Server events
//! (Cisco's GED-188 protocol, as frames or as the textual dumps Cisco's guides print) and CONNRES
//! end-of-call result codes, correlates events into calls, and explains every coded value in
//! words.
//!
//! The data path runs one way: bytes → [`sniff`] (which form) → a decoder ([`text`],
//! [`traces`], [`binary`], [`capture`], [`records`]) → one columnar [`store`] → the
//! [`timeline`] (calls, agents, outcomes) → [`view`]s (JSON, TypeScript). `codes` holds the
//! tables of facts. The wasm boundary (`src/wasm.rs`, compiled for `wasm32` only) and
//! the command-line tool are two faces on the same core.
//!
//! ```
//! let store = cti_outcome::text::decode(b"MsgType: CALL_CLEARED_EVENT\n  EventCause: CEC_NONE\n");
//! let cause = store.event(0).number(cti_outcome::codes::fields::FieldId::EventCause);
//! assert_eq!(cause, Some(0xFFFF));
//!
//! let connres = cti_outcome::decode_connres(5, cti_outcome::Direction::Outbound, Some(17));
//! assert_eq!(connres.outcome, cti_outcome::OutcomeKind::Busy);
//! ```

pub mod binary;
pub mod capture;
pub mod codes;
pub mod collection;
pub mod diagnostic;
pub mod error;
#[cfg(feature = "finesse")]
pub mod finesse;
#[cfg(feature = "generate")]
pub mod generate;
#[cfg(feature = "finesse")]
pub mod live;
pub mod log;
pub mod options;
pub mod outcome;
pub mod records;
pub mod sniff;
pub mod store;
pub mod text;
pub mod time;
pub mod timeline;
pub mod traces;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use codes::connres::{decode as decode_connres, Connres, Direction};
pub use diagnostic::{At, Diagnostic, DiagnosticCode, Severity};
pub use error::ArgumentError;
pub use outcome::OutcomeKind;
pub use store::Store;

/// This library's version (the crate's, and the npm package's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
