//! `cti-outcome generate`: a realistic log of any size, or one frame of every message type.

use cti_outcome::binary::Width;
use cti_outcome::generate::{self, traces};
use lexopt::prelude::*;

use super::{count, output, string, width, Owned};

/// What `generate` writes.
#[derive(Clone, Copy)]
enum Written {
    Text,
    Binary,
    Hex,
    Trace(traces::Trace),
}

pub fn generate(parser: &mut lexopt::Parser) -> Result<(), String> {
    let mut options = generate::Options::default();
    let (mut megabytes, mut format, mut frame_width) = (None, Written::Text, Width::Two);
    let (mut every_type, mut version) = (false, 24);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("every-type") => every_type = true,
            Long("protocol-version") => {
                version = u32::try_from(count("--protocol-version", parser)?)
                    .map_err(|_| "--protocol-version is too large".to_owned())?;
            }
            Long("calls") => options.calls = count("--calls", parser)?,
            Long("mb") => megabytes = Some(count("--mb", parser)?),
            Long("seed") => options.seed = count("--seed", parser)? as u64,
            Long("agents") => options.agents = count("--agents", parser)?,
            Long("start") => {
                let text = string(parser.value())?;
                options.start_ms = match cti_outcome::time::parse(text.as_bytes()) {
                    Some(cti_outcome::time::Stamp::Absolute(ms)) => ms,
                    _ => {
                        return Err(format!(
                            "--start must be a date and time such as 2026-03-02T08:00:00Z, got {text:?}"
                        ))
                    }
                };
            }
            Long("format") => {
                format = match string(parser.value())?.as_str() {
                    "text" => Written::Text,
                    "binary" => Written::Binary,
                    "hex" => Written::Hex,
                    "finesse" => Written::Trace(traces::Trace::Finesse),
                    "mivr" => Written::Trace(traces::Trace::Mivr),
                    "dumplog" => Written::Trace(traces::Trace::Dumplog),
                    other => {
                        return Err(format!(
                    "--format must be text, binary, hex, finesse, mivr or dumplog, got {other:?}"
                ))
                    }
                }
            }
            Long("width") => frame_width = width(&string(parser.value())?)?,
            other => {
                return Err(format!(
                    "generate: unexpected {}",
                    Owned::from(other).describe()
                ))
            }
        }
    }
    let write = |events: &[generate::Generated]| -> Vec<u8> {
        match format {
            Written::Text => generate::write_text(events).into_bytes(),
            Written::Binary => generate::write_frames(events, frame_width),
            Written::Hex => {
                generate::write_hex(&generate::write_frames(events, frame_width)).into_bytes()
            }
            Written::Trace(trace) => traces::write(events, trace).into_bytes(),
        }
    };
    let out = if every_type {
        let frames = generate::every_type(version);
        match format {
            Written::Hex => generate::write_hex(&frames).into_bytes(),
            Written::Binary => frames,
            _ => return Err("generate --every-type writes frames: --format binary or hex".into()),
        }
    } else {
        if let Some(mb) = megabytes {
            options.calls = generate::calls_for(mb * 1_000_000, options, |e| write(e).len());
        }
        write(&generate::generate(options))
    };
    output::write_bytes(&out)
}
