//! Argument handling for the `cti-outcome` command. Bad arguments or unreadable input print one
//! line to stderr and exit with status 2.

use std::ffi::OsString;
use std::io::{self, Read};
use std::process::ExitCode;

mod collection;
#[cfg(feature = "export")]
mod export;
#[cfg(feature = "export")]
mod export_rows;
mod generator;
mod help;
mod ladder;
mod output;
#[cfg(feature = "export")]
mod parquet;
mod records;
mod summary;
mod timeline;

use output::print_json;

use cti_outcome::binary::{self, Options, Width};
use cti_outcome::capture;
use cti_outcome::codes::connres;
use cti_outcome::generate;
use cti_outcome::log::Log;
use cti_outcome::sniff::{sniff, Form as SniffedForm, Format};
use cti_outcome::store::Form;
use cti_outcome::traces::Year;
use cti_outcome::view;
use lexopt::prelude::*;

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
    // `CMD --help` (or `-h`) anywhere before a `--`, and `help CMD`: that command's help.
    let first = args.first().map(|a| a.to_string_lossy().into_owned());
    let asks = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--help" || a == "-h");
    let asked = match first.as_deref() {
        Some("help") => Some(args.get(1).map(|a| a.to_string_lossy().into_owned())),
        Some(name) if asks && !name.starts_with('-') => Some(Some(name.to_owned())),
        _ => None,
    };
    if let Some(name) = asked {
        let text = match name {
            Some(name) => help::one(&name).ok_or(format!(
                "no command {name:?}; the commands are {}",
                help::names()
            ))?,
            None => help::all(),
        };
        return output::write_bytes(format!("{text}\n").as_bytes());
    }
    let mut parser = lexopt::Parser::from_args(args);
    match parser.next().map_err(|e| e.to_string())? {
        Some(Value(cmd)) if cmd == "decode" => decode(&mut parser),
        Some(Value(cmd)) if cmd == "timeline" => timeline::timeline(&mut parser),
        Some(Value(cmd)) if cmd == "summary" => summary::summary(&mut parser),
        Some(Value(cmd)) if cmd == "ladder" => ladder::ladder(&mut parser),
        #[cfg(feature = "export")]
        Some(Value(cmd)) if cmd == "export" => export::export(&mut parser),
        Some(Value(cmd)) if cmd == "encode" => encode(&mut parser),
        Some(Value(cmd)) if cmd == "connres" => connres(&mut parser),
        Some(Value(cmd)) if cmd == "records" => records::records(&mut parser),
        Some(Value(cmd)) if cmd == "generate" => generator::generate(&mut parser),
        Some(Long("version")) => {
            output::write_bytes(format!("cti-outcome {}\n", cti_outcome::VERSION).as_bytes())
        }
        Some(Long("help") | Short('h')) => {
            output::write_bytes(format!("{}\n", help::all()).as_bytes())
        }
        Some(other) => Err(format!(
            "unexpected {}; try --help",
            Owned::from(other).describe()
        )),
        None => Err(format!("missing command ({}); try --help", help::names())),
    }
}

/// What `decode` and `timeline` read: FILE, its form, the floating-field width and the
/// protocol version.
#[derive(Default)]
struct Input {
    file: Option<OsString>,
    /// Further FILEs: with them (or a folder, or an archive) the input is a collection.
    more: Vec<OsString>,
    format: Option<Format>,
    width: Option<Width>,
    version: Option<u32>,
    /// `--port`: more ports taken for the CTI Server's in a capture.
    ports: Vec<u16>,
    /// `--year`: the year of trace records written without one (MIVR).
    year: Option<i32>,
    /// `--strict`: error diagnostics end the command with status 1.
    strict: bool,
    /// `--threads`: threads a text dump is decoded on (by default, one per core).
    threads: Option<usize>,
}

/// What `decode` and `timeline` read: one file, or a collection of files.
enum Decoded {
    One(Log, Option<Captured>),
    Collection(cti_outcome::collection::Collected),
}

/// A capture's connections and framing, when the input was one.
struct Captured {
    capture: capture::Capture,
    framing: Vec<binary::Framing>,
}

impl Input {
    /// Takes `--format`, `--width` and FILE; `Ok(false)` for an argument it does not know.
    fn take(&mut self, parser: &mut lexopt::Parser, arg: &Owned) -> Result<bool, String> {
        match arg {
            Owned::Long(l) if l == "format" => {
                let name = string(parser.value())?;
                self.format = match name.as_str() {
                    "auto" => None,
                    other => Some(Format::parse(other).ok_or(format!(
                        "--format must be auto, text, trace, binary or hex, got {other:?}"
                    ))?),
                };
            }
            Owned::Long(l) if l == "width" => self.width = Some(width(&string(parser.value())?)?),
            Owned::Long(l) if l == "protocol-version" => self.version = Some(version(parser)?),
            Owned::Long(l) if l == "year" => {
                let text = string(parser.value())?;
                self.year =
                    Some(text.parse().map_err(|_| {
                        format!("--year must be a year such as 2026, got {text:?}")
                    })?);
            }
            Owned::Long(l) if l == "strict" => self.strict = true,
            Owned::Long(l) if l == "threads" => {
                let text = string(parser.value())?;
                let n = text.parse().ok().filter(|&n| n > 0);
                self.threads = Some(n.ok_or(format!(
                    "--threads must be a number of threads (1 or more), got {text:?}"
                ))?);
            }
            Owned::Long(l) if l == "port" => {
                let text = string(parser.value())?;
                let port = text
                    .parse()
                    .map_err(|_| format!("--port must be a TCP port (0–65535), got {text:?}"))?;
                self.ports.push(port);
            }
            Owned::Value(v) if self.file.is_none() => self.file = Some(v.clone()),
            Owned::Value(v) if self.file.as_ref().is_some_and(|f| f != "-") && v != "-" => {
                self.more.push(v.clone());
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Threads a text dump is decoded on: `--threads`, else one per core.
    fn threads(&self) -> usize {
        self.threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        })
    }

    /// Reads and decodes the input, telling on stderr which form it was read as, and why.
    fn decode(self, command: &str) -> Result<Decoded, String> {
        let year = self
            .year
            .map(|year| Year { year, month: None })
            .or_else(|| self.file.as_ref().filter(|f| *f != "-").and_then(file_year));
        if collection::is_collection(self.file.as_ref(), &self.more) {
            let frames = Options {
                width: self.width,
                version: self.version,
            };
            return collection::read(self, frames, year).map(Decoded::Collection);
        }
        let (log, captured) = self.decode_one(command, year)?;
        Ok(Decoded::One(log, captured))
    }

    /// Reads and decodes one file (or standard input).
    fn decode_one(
        self,
        command: &str,
        year: Option<Year>,
    ) -> Result<(Log, Option<Captured>), String> {
        let threads = self.threads();
        let bytes = read_input(command, self.file)?;
        let options = Options {
            width: self.width,
            version: self.version,
        };
        let sniffed = self.format.is_none().then(|| sniff(&bytes));
        match sniffed.as_ref().map(|s| s.form) {
            Some(SniffedForm::Pcap | SniffedForm::Pcapng) => {
                let how = capture::CaptureOptions {
                    ports: self.ports,
                    frames: options,
                };
                let (store, framing, capture) = capture::decode(&bytes, &how);
                let cti = capture.connections.iter().filter(|c| c.cti).count();
                eprintln!(
                    "cti-outcome: read as a {} capture (detected): {} packets, {} TCP connections, {cti} CTI",
                    capture.format,
                    capture.packets,
                    capture.connections.len()
                );
                let captured = Captured { capture, framing };
                return Ok((Log::of_store(store), Some(captured)));
            }
            Some(SniffedForm::Records) => {
                return Err(format!(
                    "{command}: this is a call-record export (its header row names call-record columns such as CONNRES), not a CTI log: read it with `cti-outcome records FILE`"
                ));
            }
            _ => {}
        }
        let mut log = Log::new(self.format, options);
        if let Some(year) = year {
            log.set_year(year);
        }
        log.set_threads(threads);
        log.push(&bytes);
        log.finish();
        let encoding = log
            .encoding()
            .filter(|e| *e != cti_outcome::text::encoding::Encoding::Utf8)
            .map_or(String::new(), |e| format!(", {}", e.describe()));
        let what = match (&sniffed, log.format()) {
            (Some(s), _) => format!("{} (detected: {}{encoding})", form_name(s.form), s.reason),
            (None, Some(f)) => format!("{} (as asked{encoding})", f.as_str()),
            (None, None) => "nothing".to_owned(),
        };
        match log.framing() {
            Some(framing) => eprintln!("cti-outcome: read as {what}; {}", framing.basis),
            None => eprintln!("cti-outcome: read as {what}"),
        }
        Ok((log, None))
    }
}

/// A form's name as the command line says it (`finesse`, `flat-dump`).
fn form_name(form: SniffedForm) -> String {
    serde_json::to_value(form)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The year of a file's modification time, for trace records written without a year.
fn file_year(file: &OsString) -> Option<Year> {
    let modified = std::fs::metadata(file).ok()?.modified().ok()?;
    let seconds = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let days = i64::try_from(seconds / 86_400).ok()?;
    let (year, month, _) = cti_outcome::time::civil_from_days(days);
    Some(Year {
        year: i32::try_from(year).ok()?,
        month: u8::try_from(month).ok(),
    })
}

/// A command-line argument that no longer borrows the parser.
#[derive(PartialEq)]
enum Owned {
    Short(char),
    Long(String),
    Value(OsString),
}

impl From<lexopt::Arg<'_>> for Owned {
    fn from(arg: lexopt::Arg<'_>) -> Self {
        match arg {
            Short(c) => Owned::Short(c),
            Long(l) => Owned::Long(l.to_owned()),
            Value(v) => Owned::Value(v),
        }
    }
}

impl Owned {
    fn describe(&self) -> String {
        match self {
            Owned::Short(c) => format!("option -{c}"),
            Owned::Long(l) => format!("option --{l}"),
            Owned::Value(v) => format!("argument {:?}", v.to_string_lossy()),
        }
    }
}

fn width(text: &str) -> Result<Width, String> {
    text.parse::<u8>()
        .ok()
        .and_then(Width::from_bytes)
        .ok_or(format!("--width must be 1 or 2, got {text:?}"))
}

fn version(parser: &mut lexopt::Parser) -> Result<u32, String> {
    let text = string(parser.value())?;
    text.parse()
        .map_err(|_| format!("--protocol-version must be a whole number, got {text:?}"))
}

fn decode(parser: &mut lexopt::Parser) -> Result<(), String> {
    let mut input = Input::default();
    let mut pretty = false;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())?.map(Owned::from) {
        if arg == Owned::Long("pretty".into()) {
            pretty = true;
        } else if !input.take(parser, &arg)? {
            return Err(format!("decode: unexpected {}", arg.describe()));
        }
    }
    let strict = input.strict;
    let (log, captured) = match input.decode("decode")? {
        Decoded::One(log, captured) => (log, captured),
        Decoded::Collection(collected) => {
            print_json(&view::collection::decoded(&collected), pretty)?;
            collection::none_read("decode", &collected)?;
            return no_events(&collected.log, strict);
        }
    };
    let store = log.store();
    if let Some(c) = captured {
        print_json(
            &view::capture::decoded_capture(store, &c.capture, &c.framing),
            pretty,
        )?;
        return no_events(&log, strict);
    }
    match store.form() {
        Form::Text => print_json(&view::decoded_text(store), pretty),
        Form::Frames | Form::Capture => print_json(
            &view::decoded_frames(
                store,
                log.framing()
                    .unwrap_or_else(|| binary::FrameDecoder::new(Options::default()).framing()),
            ),
            pretty,
        ),
    }?;
    no_events(&log, strict)
}

/// Fails (exit status 2) with the reason when the input held no event at all, after the JSON
/// (whose diagnostics say the same) has been written; with `--strict`, ends with status 1 when
/// the input had errors.
fn no_events(log: &Log, strict: bool) -> Result<(), String> {
    if !log.store().is_empty() {
        output::strict(strict, log.store().diagnostics());
        return Ok(());
    }
    let why = log
        .store()
        .diagnostics()
        .iter()
        .rev()
        .find(|d| d.code == cti_outcome::DiagnosticCode::NoEvents)
        .map_or_else(|| "no events".to_owned(), |d| d.message.clone());
    Err(why)
}

fn encode(parser: &mut lexopt::Parser) -> Result<(), String> {
    let (mut file, mut width_bytes, mut hex, mut protocol) = (None, None, false, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("width") => width_bytes = Some(width(&string(parser.value())?)?),
            Long("protocol-version") => protocol = Some(version(parser)?),
            Long("hex") => hex = true,
            Value(v) if file.is_none() => file = Some(v),
            other => {
                return Err(format!(
                    "encode: unexpected {}",
                    Owned::from(other).describe()
                ))
            }
        }
    }
    let width = width_bytes.ok_or("encode: missing --width 1|2")?;
    let bytes = read_input("encode", file)?;
    let text = String::from_utf8(bytes).map_err(|_| "encode: the JSON is not UTF-8".to_owned())?;
    let store = cti_outcome::text::json::events(&text).map_err(|e| format!("encode: {e}"))?;
    let encoded = binary::encode(&store, width, protocol);
    for issue in &encoded.issues {
        let field = issue
            .field
            .as_deref()
            .map(|f| format!(" {f}"))
            .unwrap_or_default();
        eprintln!(
            "cti-outcome: event {}{field}: {}",
            issue.event, issue.message
        );
    }
    let out = if hex {
        generate::write_hex(&encoded.bytes).into_bytes()
    } else {
        encoded.bytes
    };
    output::write_bytes(&out)
}

/// A whole number argument.
fn count(name: &str, parser: &mut lexopt::Parser) -> Result<usize, String> {
    let text = string(parser.value())?;
    text.parse()
        .map_err(|_| format!("{name} must be a whole number, got {text:?}"))
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
            other => {
                return Err(format!(
                    "connres: unexpected {}",
                    Owned::from(other).describe()
                ))
            }
        }
    }
    let code = code.ok_or("connres: missing CODE (0-14)")?;
    let direction = direction.ok_or("connres: missing --direction inbound|outbound")?;
    let refused = |e: cti_outcome::ArgumentError| format!("connres: {e}");
    let code = connres::code_from_f64(code).map_err(refused)?;
    let direction = cti_outcome::Direction::parse(&direction).map_err(refused)?;
    let cause = cause
        .map(connres::cause_from_f64)
        .transpose()
        .map_err(refused)?;
    print_json(&cti_outcome::decode_connres(code, direction, cause), pretty)
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
