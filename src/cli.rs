//! Argument handling for the `cti-outcome` command. Bad arguments or unreadable input print one
//! line to stderr and exit with status 2.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use lexopt::prelude::*;
use serde::Serialize;

const USAGE: &str = "\
usage: cti-outcome decode [--pretty] FILE|-
       cti-outcome timeline [--summary] [--pretty] FILE|-
       cti-outcome connres CODE --direction inbound|outbound [--cause N] [--pretty]
       cti-outcome --version

decode   decodes a CTI text dump into { events, notes, diagnostics } JSON
timeline groups the events into calls and agents: { calls, agents } JSON, or with
         --summary one line per call (call, type, agents, outcome, reason)
connres  explains a CONNRES end-of-call code (and the Q.850 cause behind code 5)";

pub fn main() -> ExitCode {
    match run(std::env::args_os().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cti-outcome: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<OsString>) -> Result<(), String> {
    let mut parser = lexopt::Parser::from_args(args);
    match parser.next().map_err(|e| e.to_string())? {
        Some(Value(cmd)) if cmd == "decode" => decode(&mut parser),
        Some(Value(cmd)) if cmd == "timeline" => timeline(&mut parser),
        Some(Value(cmd)) if cmd == "connres" => connres(&mut parser),
        Some(Long("version")) => {
            println!("cti-outcome {}", cti_outcome::VERSION);
            Ok(())
        }
        Some(Long("help") | Short('h')) => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unexpected {}; try --help", describe(other))),
        None => Err("missing command (decode, timeline or connres); try --help".to_owned()),
    }
}

fn decode(parser: &mut lexopt::Parser) -> Result<(), String> {
    let (mut file, mut pretty) = (None, false);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("pretty") => pretty = true,
            Value(v) if file.is_none() => file = Some(v),
            other => return Err(format!("decode: unexpected {}", describe(other))),
        }
    }
    let bytes = read_input("decode", file)?;
    print_json(&cti_outcome::decode_log_bytes(&bytes), pretty)
}

fn timeline(parser: &mut lexopt::Parser) -> Result<(), String> {
    let (mut file, mut pretty, mut summary) = (None, false, false);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("pretty") => pretty = true,
            Long("summary") => summary = true,
            Value(v) if file.is_none() => file = Some(v),
            other => return Err(format!("timeline: unexpected {}", describe(other))),
        }
    }
    let bytes = read_input("timeline", file)?;
    let decoded = cti_outcome::decode_log_bytes(&bytes);
    let timeline = cti_outcome::build_timeline(&decoded.events);
    if !summary {
        return print_json(&timeline, pretty);
    }
    let mut out = io::stdout().lock();
    for call in &timeline.calls {
        let call_type = call.call_type.as_ref().map_or_else(
            || "-".to_owned(),
            |t| t.symbol.map_or_else(|| t.value.to_string(), str::to_owned),
        );
        let agents = if call.agents.is_empty() {
            "-".to_owned()
        } else {
            call.agents.join(",")
        };
        let mut reason = call.outcome.reason.clone();
        if let Some(missing) = &call.outcome.missing {
            reason = format!("{reason}; {missing}");
        }
        writeln!(
            out,
            "{:<12} {:<28} {:<12} {:<12} {reason}",
            call.key,
            call_type,
            agents,
            call.outcome.kind.as_str()
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The bytes of FILE, or of standard input for `-`.
fn read_input(command: &str, file: Option<OsString>) -> Result<Vec<u8>, String> {
    let file = file.ok_or(format!("{command}: missing FILE (or - for standard input)"))?;
    if file == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.to_string_lossy()))
    }
}

fn connres(parser: &mut lexopt::Parser) -> Result<(), String> {
    let (mut code, mut direction, mut cause, mut pretty) = (None, None, None, false);
    loop {
        if code.is_none() {
            if let Some(text) = negative_number(parser) {
                code = Some(number("code", &text)?);
                continue;
            }
        }
        let Some(arg) = parser.next().map_err(|e| e.to_string())? else {
            break;
        };
        match arg {
            Long("direction") => direction = Some(string(parser.value())?),
            Long("cause") => cause = Some(number("cause", &string(parser.value())?)?),
            Long("pretty") => pretty = true,
            Value(v) if code.is_none() => code = Some(number("code", &v.to_string_lossy())?),
            other => return Err(format!("connres: unexpected {}", describe(other))),
        }
    }
    let code = code.ok_or("connres: missing CODE (0-14)")?;
    let direction = direction.ok_or("connres: missing --direction inbound|outbound")?;
    let decoded = cti_outcome::decode_connres_checked(code, &direction, cause)
        .map_err(|e| format!("connres: {e}"))?;
    print_json(&decoded, pretty)
}

/// A negative number where an option could start (`connres -1 …`), so that it is rejected as a
/// code, not as an unknown option.
fn negative_number(parser: &mut lexopt::Parser) -> Option<String> {
    let mut raw = parser.try_raw_args()?;
    let text = raw.peek()?.to_str()?.to_owned();
    let number = text
        .strip_prefix('-')?
        .starts_with(|c: char| c.is_ascii_digit() || c == '.');
    number.then(|| {
        raw.next();
        text
    })
}

fn string(value: Result<OsString, lexopt::Error>) -> Result<String, String> {
    value
        .map_err(|e| e.to_string())?
        .into_string()
        .map_err(|v| format!("not UTF-8: {}", v.to_string_lossy()))
}

/// Text → number for the checks `decode_connres_checked` makes; text that is no number at all
/// gets the same kind of message.
fn number(argument: &str, text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .map_err(|_| format!("connres: `{argument}` must be a whole number, got {text:?}"))
}

fn describe(arg: lexopt::Arg<'_>) -> String {
    match arg {
        Short(c) => format!("option -{c}"),
        Long(l) => format!("option --{l}"),
        Value(v) => format!("argument {:?}", v.to_string_lossy()),
    }
}

fn print_json<T: Serialize>(value: &T, pretty: bool) -> Result<(), String> {
    let mut out = io::stdout().lock();
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    };
    written.map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())
}
