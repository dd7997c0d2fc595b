//! What each command takes and does: `cti-outcome --help` lists them all, `cti-outcome CMD
//! --help` (or `cti-outcome help CMD`) one.

use std::fmt::Write as _;

/// A command: its usage lines and what it does.
struct Command {
    name: &'static str,
    usage: &'static [&'static str],
    about: &'static str,
}

const COMMON: &str = "[--format auto|text|trace|binary|hex] [--width 1|2] [--protocol-version N] [--port P]… [--year Y] [--threads N] [--strict]";

const COMMANDS: &[Command] = &[
    Command {
        name: "decode",
        usage: &["decode [--format …] [--width 1|2] [--protocol-version N] [--port P]… [--year Y] [--threads N] [--strict] [--pretty] FILE…|-"],
        about: "decodes a CTI text dump, a Cisco server trace (a Finesse webservices log, a Unified
CCX Engine MIVR log with ICD_CTI tracing, UCCE dumplog output of ctisvr, a PIM or the
OPC), binary GED-188 frames or a hex dump of them into { events, notes, diagnostics,
framing? } JSON, or a pcap/pcapng capture of CTI Server connections into { format,
packets, connections, events, diagnostics, framing } (the server's port: 42027, 43027,
42030, 43030, any --port, or any port whose bytes are frames); says on stderr which
form it read and why. MIVR records carry no year: --year gives it, else the file's
modification time does. Several FILEs, a folder or an archive (zip, tar, gzip, and
one archive inside another) are one log: their files joined in the order of their
first call's time, a record a rotation cut joined again; the JSON adds { files,
skipped } and each event, note and diagnostic names its file, its line counted there;
stderr lists each file that is no log, or could not be read, with the reason. A text
dump is decoded on --threads N threads (by default one per core), in slices cut where a
`MsgType:` line begins: the output is the same as on one",
    },
    Command {
        name: "timeline",
        usage: &["timeline [--format …] [--width 1|2] [--protocol-version N] [--port P]… [--year Y] [--threads N] [--strict] [--output json|ndjson|csv|text] [--summary] [--pretty] FILE…|-"],
        about: "groups the events into calls and agents: { calls, agents, session?, diagnostics }
JSON, each piece of evidence with its place in the input (line and endLine, with file
for a collection; offset for frames; packet for captures); --output ndjson one call per
line; csv a row per call (call, type, direction, agents, start, outcome, rule, reason);
text (or --summary) a table with a header, a line per call and the totals per outcome.
Reads what decode reads",
    },
    Command {
        name: "summary",
        usage: &["summary [--format …] [--width 1|2] [--year Y] [--threads N] [--strict] [--output text|json|csv] FILE…|-"],
        about: "counts the calls of a log (or of several files, a folder or an archive) or of a
call-record export by outcome: a table with a header, each outcome's calls and share,
and the total (--output json or csv for machines)",
    },
    Command {
        name: "ladder",
        usage: &["ladder [--relative] [--format …] [--year Y] [--threads N] CALL FILE…|-"],
        about: "draws one call (its key, as timeline --summary lists them) and the calls linked to it
as a text ladder: the parties as columns, each event a row with its arrow, the values
that explain it and the time since the row before (--relative: times from the first
event); the same text the page's \"Timeline as text\" exports",
    },
    Command {
        name: "encode",
        usage: &["encode --width 1|2 [--protocol-version N] [--hex] FILE.json|-"],
        about: "writes events (an array, or decode's output) as GED-188 frames: raw bytes, or hex",
    },
    Command {
        name: "connres",
        usage: &["connres CODE --direction inbound|outbound [--cause N] [--pretty]"],
        about: "explains a CONNRES end-of-call code (and the Q.850 cause behind code 5)",
    },
    Command {
        name: "records",
        usage: &["records [--column ROLE=NAME]… [--direction inbound|outbound] [--strict] [--summary [--output text|json]] [--pretty] FILE|- [QUEUE-FILE]"],
        about: "reads a call-record export (CSV, semicolon- or tab-separated, with a header row) into
{ format, encoding, separator, columns, rows, codes, family, readAs, clock, calls,
diagnostics }. The header tells the family: jtel's statistics (rows sharing a call id are
one call, each leg's CONNRES explained), UCCE Termination_Call_Detail (legs by
RouterCallKeyDay + RouterCallKey in RouterCallKeySequenceNumber order, the last leg's
CallDisposition) or Unified CCX ContactCallDetail (legs by sessionID in sessionSeqNum
order, contactDisposition and the transfer, redirect and conference flags); QUEUE-FILE is
a ContactQueueDetail export joined to a ContactCallDetail one (either order). Each call's
outcome comes with its evidence; --summary prints the table `summary` prints (a header,
calls per outcome, the total) and rows per CONNRES code, --output json the same as JSON.
Columns are found by name, ASCII case ignored; --column ROLE=NAME names another (jtel:
connres, direction, cause, call, start, connect, end, queue, callerHangup; UCCE: callDay,
call, sequence, disposition, dispositionFlag, callType, newTransaction, peripheral,
peripheralCall, agent, skillGroup, callGuid, start, connect, end, written, duration, ring,
delay, talk, hold, work, localQueue; UCCX: call, sequence, disposition, callType, start,
end, transfer, redirect, conference, originatorType, originator, destinationType,
destination, application, queueDisposition); --direction is the direction of jtel rows
that give none. An export with no CONNRES column, or a Cisco one without its key columns,
is refused (status 2)",
    },
    Command {
        name: "generate",
        usage: &[
            "generate [--calls N | --mb M] [--seed S] [--agents A] [--start TIME] [--format text|binary|hex|finesse|mivr|dumplog] [--width 1|2]",
            "generate --every-type [--protocol-version N] [--format binary|hex]",
        ],
        about: "writes a realistic log of N calls (or about M megabytes, 10^6 bytes) of mixed kinds,
the same for the same seed: text (default), GED-188 frames, their hex dump, or a Cisco
trace (finesse, mivr, dumplog: CTI records a fifth of the lines), starting at TIME
(2026-03-02T08:00:00Z; by default 2024-05-01T08:00:00Z); with --every-type, one frame of
every message type with a layout, as a session of protocol version N (default 24) writes
them",
    },
    Command {
        name: "export",
        usage: &["export [--out DIR] [--events] [--year Y] [--jobs N] INPUT…"],
        about: "writes every INPUT (files, folders, zip/tar/gzip archives; CTI logs, Cisco traces,
frames, captures, call-record exports) into a Parquet dataset for DuckDB and Spark in DIR
(default cti-outcome-dataset): calls/date=YYYY-MM-DD/part-HASH.parquet, and likewise
legs (call-record exports), agent_states and, with --events, events; schema version 1 in
every file's metadata (cti_outcome.schema_version) and in DIR/_manifest.json. Each input
is read on its own, N at a time (default: every core); HASH is its content hash, and the
manifest lists what was exported: a second run writes only inputs not exported before.
Times are UTC timestamps (a log's times without a zone are taken as UTC); rows without a
date go to date=__HIVE_DEFAULT_PARTITION__. An input that cannot be read or holds no
events is named on stderr and the others are exported; the status is then 1",
    },
];

const STATUS: &str =
    "exit status: 0 done (also when a reader of the output, such as `head`, stops early);
1 the input had errors (diagnostics of severity error), only with --strict; 2 a bad
argument, an unreadable file, or an input with nothing to read";

/// Every command's usage and what it does.
pub fn all() -> String {
    let mut out = String::from("usage: ");
    for (i, command) in COMMANDS.iter().enumerate() {
        for (j, line) in command.usage.iter().enumerate() {
            if i + j > 0 {
                out.push_str("       ");
            }
            let _ = writeln!(out, "cti-outcome {line}");
        }
    }
    out.push_str(
        "       cti-outcome help COMMAND | COMMAND --help\n       cti-outcome --version\n",
    );
    for command in COMMANDS {
        let about = command.about.replace('\n', "\n         ");
        let _ = write!(out, "\n{:<8} {about}", command.name);
    }
    let _ = write!(out, "\n\n{STATUS}");
    out
}

/// One command's usage and what it does; `None` for no such command.
pub fn one(name: &str) -> Option<String> {
    let command = COMMANDS.iter().find(|c| c.name == name)?;
    let mut out = String::new();
    for (j, line) in command.usage.iter().enumerate() {
        let lead = if j == 0 { "usage: " } else { "       " };
        let _ = writeln!(out, "{lead}cti-outcome {line}");
    }
    let _ = write!(out, "\n{}\n", command.about);
    if matches!(name, "decode" | "timeline" | "summary") {
        let _ = write!(out, "\noptions of what is read: {COMMON}\n");
    }
    let _ = write!(out, "\n{STATUS}");
    Some(out)
}

/// The command names, for messages.
pub fn names() -> String {
    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    names.join(", ")
}
