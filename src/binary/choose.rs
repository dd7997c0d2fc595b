//! Which floating-field width and which fixed-part variant a frame is read with, and why.
//!
//! The width comes from the options, else from the protocol version (options, or OPEN_REQ's
//! VersionNumber: 1-byte tags and lengths up to version 19, 2-byte from 20, reference §1.3),
//! else from the first frame whose floating part parses exactly in one width only. The fixed
//! part of the types that grew over the versions (§2.3.1) is the variant for the version when
//! it is known; otherwise the variants are tried in the reference's order and the first that
//! leaves a floating part that parses exactly is taken.

use super::Framing;
use crate::codes::layouts::{self, Layout};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::store::frame::{Shape, HEADER};

use super::check::exact;
use super::{Options, Width};

/// What a stream has taught about its framing so far.
#[derive(Clone, Debug, Default)]
pub(crate) struct Learned {
    /// The width set by the options or a version, and why.
    fixed: Option<(u8, String)>,
    /// The width detection settled on, and why.
    detected: Option<(u8, String)>,
    /// The protocol version (options or OPEN_REQ), and why.
    version: Option<(u32, String)>,
    /// The versions a frame's fixed part showed when no version was given (the first of the
    /// types that changed to parse with one variant only), and why.
    inferred: Option<(u8, u8, String)>,
}

impl Learned {
    pub fn new(options: Options) -> Learned {
        let mut learned = Learned::default();
        if let Some(v) = options.version {
            learned.version = Some((v, format!("protocol version {v}, as the options say")));
            learned.fixed = Some((width_of(v), format!(
                "{}-byte tags and lengths for protocol version {v}, as the options say (reference §1.3)",
                width_of(v)
            )));
        }
        if let Some(w) = options.width {
            learned.fixed = Some((
                w.bytes(),
                format!("{}-byte tags and lengths, as the options say", w.bytes()),
            ));
        }
        learned
    }

    /// The width in use, if known.
    pub fn width(&self) -> Option<u8> {
        self.fixed
            .as_ref()
            .or(self.detected.as_ref())
            .map(|(w, _)| *w)
    }

    /// The protocol version, if known.
    pub fn version(&self) -> Option<u32> {
        self.version.as_ref().map(|(v, _)| *v)
    }

    /// Learns the version from an OPEN_REQ's VersionNumber, unless the options set one.
    pub fn open_req(&mut self, version: u32, offset: u64) {
        if self.version.is_some() {
            return;
        }
        self.version = Some((
            version,
            format!("OPEN_REQ at byte {offset} asks for protocol version {version}"),
        ));
        if self.fixed.is_none() {
            let w = width_of(version);
            let doubt = if (18..=23).contains(&version) {
                "; the switch at version 20 rests on one implementation, UNCERTAIN"
            } else {
                ""
            };
            self.fixed = Some((w, format!(
                "{w}-byte tags and lengths: OPEN_REQ at byte {offset} asks for protocol version {version} (reference §1.3{doubt})"
            )));
        }
    }

    /// What the stream's framing is, in words.
    pub fn framing(&self) -> Framing {
        let width = self.fixed.as_ref().or(self.detected.as_ref());
        let mut basis = match width {
            Some((_, basis)) => basis.clone(),
            None => "no frame so far had floating fields that tell the width".to_owned(),
        };
        if let Some((_, why)) = &self.version {
            if crate::text::find(basis.as_bytes(), b"protocol version").is_none() {
                basis = format!("{basis}; {why}");
            }
        } else if let Some((_, _, why)) = &self.inferred {
            basis = format!("{basis}; {why}");
        }
        Framing {
            width: width.map(|(w, _)| *w),
            version: self.version(),
            basis,
        }
    }

    /// The width and fixed-part variant to read a frame (header included, at `offset`) with,
    /// whether the frame parses exactly so, and any diagnostic the choice raises.
    pub fn choose(
        &mut self,
        frame: &[u8],
        id: Option<u16>,
        offset: u64,
    ) -> (Shape, bool, Option<Diagnostic>) {
        let layout = id.and_then(layouts::layout);
        let Some(layout) = layout else {
            let width = self.width().unwrap_or(1);
            return (
                Shape {
                    fixed: None,
                    size: 0,
                    variant: 0,
                    width,
                },
                true,
                None,
            );
        };
        if let Some(width) = self.width() {
            self.infer(layout, frame, width, offset);
            let (variant, exact) = self.variant(layout, frame, width);
            return (shape(layout, variant, width), exact, None);
        }
        let one = self.variant(layout, frame, 1);
        let two = self.variant(layout, frame, 2);
        let floating = frame.len() > HEADER + layout.variants[one.0].size();
        let (width, diagnostic) = match (one.1, two.1) {
            (true, false) | (false, true) => {
                let w = if one.1 { 1 } else { 2 };
                if floating {
                    self.detected = Some((w, format!(
                        "{w}-byte tags and lengths: the frame at byte {offset} parses exactly only with them"
                    )));
                }
                (w, None)
            }
            (true, true) if floating => {
                // Reference §1.3 (an inference): no tag 0 exists, so a first floating byte of
                // 0 points to 2-byte tags.
                let first = frame.get(HEADER + layout.variants[two.0].size()).copied();
                let w = if first == Some(0) { 2 } else { 1 };
                let d = Diagnostic::byte(
                    DiagnosticCode::AmbiguousWidth,
                    offset,
                    &format!("read with {w}-byte tags and lengths"),
                );
                (w, Some(d))
            }
            (true, true) => (1, None),
            (false, false) => (
                1,
                Some(Diagnostic::byte(
                    DiagnosticCode::NoWidthFits,
                    offset,
                    "read with 1-byte tags and lengths",
                )),
            ),
        };
        self.infer(layout, frame, width, offset);
        let (variant, exact) = if width == 1 { one } else { two };
        (shape(layout, variant, width), exact, diagnostic)
    }

    /// When the version is not known, a frame of a type whose fixed part changed tells the
    /// versions it was written with if exactly one variant parses it exactly.
    fn infer(&mut self, layout: &Layout, frame: &[u8], width: u8, offset: u64) {
        if self.version.is_some() || self.inferred.is_some() || layout.variants.len() < 2 {
            return;
        }
        let mut fitting = layout.variants.iter().filter(|v| {
            frame
                .get(HEADER + v.size()..)
                .is_some_and(|f| exact(f, width))
        });
        let (Some(only), None) = (fitting.next(), fitting.next()) else {
            return;
        };
        let name = crate::codes::message_types::name_of(layout.id).unwrap_or_default();
        let versions = match (only.from, only.to) {
            (0, to) => format!("up to {to}"),
            (from, 255) => format!("{from} or later"),
            (from, to) => format!("{from} to {to}"),
        };
        self.inferred = Some((only.from, only.to, format!(
            "protocol version {versions}, inferred: the {name} at byte {offset} parses exactly only with that version's fixed part ({} bytes, reference §2.3.1)",
            only.size()
        )));
    }

    /// The variant for the known version, or the first in the reference's order whose floating
    /// part parses exactly; and whether it does.
    fn variant(&self, layout: &Layout, frame: &[u8], width: u8) -> (usize, bool) {
        let fits = |i: usize| {
            frame
                .get(HEADER + layout.variants[i].size()..)
                .is_some_and(|f| exact(f, width))
        };
        let n = layout.variants.len();
        if n == 1 {
            return (0, fits(0));
        }
        let version = self.version().map(|v| u8::try_from(v).unwrap_or(u8::MAX));
        let inferred = self.inferred.as_ref().map(|&(from, to, _)| (from, to));
        let covers = |i: usize| {
            let v = &layout.variants[i];
            match (version, inferred) {
                (Some(version), _) => v.covers(version),
                (None, Some((from, to))) => v.from <= to && from <= v.to,
                (None, None) => true,
            }
        };
        let order = (0..n).map(|k| if layout.longest_first { n - 1 - k } else { k });
        for i in order {
            if covers(i) && fits(i) {
                return (i, true);
            }
        }
        ((0..n).find(|&i| covers(i)).unwrap_or(0), false)
    }
}

fn shape(layout: &Layout, variant: usize, width: u8) -> Shape {
    Shape {
        fixed: Some(layout.variants[variant].fields),
        size: layout.variants[variant].size(),
        variant: u8::try_from(variant).unwrap_or(0),
        width,
    }
}

/// The floating-field width of protocol version `v` (reference §1.3).
fn width_of(v: u32) -> u8 {
    if v >= 20 {
        2
    } else {
        1
    }
}

impl Width {
    /// The width of `bytes` (1 or 2).
    #[must_use]
    pub fn from_bytes(bytes: u8) -> Option<Width> {
        match bytes {
            1 => Some(Width::One),
            2 => Some(Width::Two),
            _ => None,
        }
    }
}
