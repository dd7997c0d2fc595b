//! Writing to standard output as pipelines expect: a reader that stops early (`| head`) ends
//! the command quietly with status 0; `--strict` turns error diagnostics into status 1.

use std::io::{self, Write};

use cti_outcome::{Diagnostic, Severity};
use serde::Serialize;

/// Ends the process quietly with status 0 when the reader of standard output has gone (a
/// broken pipe: `timeline --summary big.log | head -1`); otherwise the error in words.
pub fn closed(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("cannot write the output: {e}")
}

/// Writes `value` as JSON and a newline.
pub fn print_json<T: Serialize>(value: &T, pretty: bool) -> Result<(), String> {
    let mut out = io::stdout().lock();
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    };
    written.map_err(|e| closed(&e.into()))?;
    writeln!(out).map_err(|e| closed(&e))?;
    out.flush().map_err(|e| closed(&e))
}

/// Writes bytes as they are.
pub fn write_bytes(bytes: &[u8]) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).map_err(|e| closed(&e))?;
    out.flush().map_err(|e| closed(&e))
}

/// With `--strict`, an input with error diagnostics ends with status 1 (after the output,
/// which is written whole either way), the count said on stderr.
pub fn strict<'d>(on: bool, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) {
    if !on {
        return;
    }
    let errors = diagnostics
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    if errors > 0 {
        let _ = io::stdout().flush();
        let s = if errors == 1 { "" } else { "s" };
        eprintln!("cti-outcome: the input had {errors} error{s} (--strict)");
        std::process::exit(1);
    }
}
