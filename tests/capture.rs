//! Captures of real TCP sessions: a client and a CTI Server stand-in exchange frames (written
//! by the project's encoder) over loopback while Debian's `tcpdump` writes the capture; Debian's
//! Wireshark tools (`editcap`, `mergecap`) reorder, duplicate and drop packets, and `tshark`
//! follows the streams the decoder must reassemble.
//!
//! These tools come from `make toolchain`. Without them the tests say so and fail under `CI`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use cti_outcome::binary::{self, Width};
use cti_outcome::capture::{self, CaptureOptions};
use cti_outcome::{At, DiagnosticCode};

const OPEN: &[u8] = b"MsgType: OPEN_REQ\n  InvokeID: 1\n  VersionNumber: 24\n  IdleTimeout: 60\n  ClientID: capture-test\n";
const FLOW: &[u8] = include_bytes!("../src/generate/flows/consult-transfer.txt");
/// The agent desktop asks for the hold the flow's CALL_HELD_EVENT reports (GED-188's
/// HOLD_CALL_REQ and its CONF; `cti-protocol.md` §4): the client's request is a step of call
/// 1010, so its ladder has an arrow from the client as well as the server's.
const HOLD: &[u8] = b"MsgType: HOLD_CALL_REQ\n  InvokeID: 2\n  PeripheralID: 5000\n  ConnectionCallID: 1010\n  ConnectionDeviceIDType: CONNECTION_ID_STATIC\n  Reservation: 0\n  ConnectionDeviceID: 2006\n  AgentInstrument: 2006\n";
const HELD: &[u8] = b"MsgType: HOLD_CALL_CONF\n  InvokeID: 2\n";
/// The server's frames before the client's hold request: BEGIN_CALL and CALL_ESTABLISHED.
const BEFORE_HOLD: usize = 2;

/// Frames, one after another.
type Frames = Vec<Vec<u8>>;

/// The frames each side sends, in the order the session sends them: the client's, the
/// server's (the CONF right after the request, then the rest of the flow), and all of them in
/// the order they cross the wire.
fn conversation() -> (Frames, Frames, Frames) {
    let client = [frames(OPEN), frames(HOLD)].concat();
    let mut server = frames(FLOW);
    server.insert(BEFORE_HOLD, frames(HELD).remove(0));
    let mut wire = vec![client[0].clone()];
    wire.extend_from_slice(&server[..BEFORE_HOLD]);
    wire.push(client[1].clone());
    wire.extend_from_slice(&server[BEFORE_HOLD..]);
    (client, server, wire)
}

/// The frames a text log encodes to (width 2, protocol version 24).
fn frames(text: &[u8]) -> Vec<Vec<u8>> {
    let store = cti_outcome::text::decode(text);
    let encoded = binary::encode(&store, Width::Two, Some(24));
    let (frames, _) = binary::decode(&encoded.bytes, binary::Options::default());
    let mut out = Vec::new();
    for e in frames.events() {
        let at = usize::try_from(e.offset()).unwrap();
        out.push(encoded.bytes[at..at + e.length() as usize].to_vec());
    }
    out
}

/// Whether the real tools are here; says so loudly when not, and fails under CI.
fn tools() -> bool {
    let missing: Vec<&str> = ["tcpdump", "editcap", "mergecap", "tshark"]
        .into_iter()
        .filter(|t| Command::new(t).arg("--version").output().is_err())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let say = format!(
        "CAPTURE TESTS NOT RUN: {} missing (make toolchain installs them)",
        missing.join(", ")
    );
    assert!(std::env::var_os("CI").is_none(), "{say}");
    eprintln!("{say}");
    false
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("cti-outcome-capture-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Starts tcpdump on loopback for `port`, writing `file`; waits until it listens.
fn tcpdump(port: u16, file: &Path, extra: &[&str]) -> Child {
    let mut child = Command::new("tcpdump")
        .args(["-i", "lo", "-U", "-w"])
        .arg(file)
        .args(extra)
        .arg(format!("tcp port {port}"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("tcpdump starts");
    let mut err = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains("listening on") {
        assert_eq!(err.read(&mut byte).unwrap(), 1, "tcpdump stopped: {seen:?}");
        seen.push(byte[0]);
    }
    // tcpdump says it listens a moment before packets reach it.
    std::thread::sleep(Duration::from_millis(700));
    child
}

fn stop(mut child: Child) {
    std::thread::sleep(Duration::from_millis(300));
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
}

/// A session: the client sends OPEN_REQ, the server the flow's events; after the call is
/// answered the client asks for the hold and the server confirms it before its next event.
/// Each server frame is written in two pieces (so frames span segments); returns the bytes
/// each side sent.
fn session(listener: &TcpListener) -> (Vec<u8>, Vec<u8>) {
    let port = listener.local_addr().unwrap().port();
    let (client_frames, server_frames, _) = conversation();
    let (sent_c, sent_s) = (client_frames.concat(), server_frames.concat());
    let server = std::thread::scope(|scope| {
        let server = scope.spawn(|| {
            let (mut s, _) = listener.accept().unwrap();
            s.set_nodelay(true).unwrap();
            let mut got = vec![0u8; client_frames[0].len()];
            s.read_exact(&mut got).unwrap();
            for (i, f) in server_frames.iter().enumerate() {
                if i == BEFORE_HOLD {
                    let mut hold = vec![0u8; client_frames[1].len()];
                    s.read_exact(&mut hold).unwrap();
                    got.extend(hold);
                }
                let half = f.len() / 2;
                s.write_all(&f[..half]).unwrap();
                std::thread::sleep(Duration::from_millis(3));
                s.write_all(&f[half..]).unwrap();
                std::thread::sleep(Duration::from_millis(3));
            }
            got
        });
        let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
        c.set_nodelay(true).unwrap();
        c.write_all(&client_frames[0]).unwrap();
        let answered: usize = server_frames[..BEFORE_HOLD].iter().map(Vec::len).sum();
        let mut got = vec![0u8; sent_s.len()];
        c.read_exact(&mut got[..answered]).unwrap();
        c.write_all(&client_frames[1]).unwrap();
        c.read_exact(&mut got[answered..]).unwrap();
        assert_eq!(got, sent_s);
        server.join().unwrap()
    });
    assert_eq!(server, sent_c);
    (sent_c, sent_s)
}

/// The frames of a capture, per direction (client's, server's), end to end.
fn streams(file: &Path, ports: &[u16]) -> ([Vec<u8>; 2], capture::Capture) {
    let bytes = std::fs::read(file).unwrap();
    let options = CaptureOptions {
        ports: ports.to_vec(),
        ..CaptureOptions::default()
    };
    let c = capture::read(&bytes, &options);
    let mut out = [Vec::new(), Vec::new()];
    for r in &c.rows {
        let at = usize::try_from(r.at).unwrap();
        out[usize::from(r.from_server)].extend_from_slice(&c.frames[at..at + r.len as usize]);
    }
    (out, c)
}

fn run(tool: &str, args: &[&str]) {
    let out = Command::new(tool).args(args).output().unwrap();
    assert!(out.status.success(), "{tool} {args:?}: {out:?}");
}

#[test]
fn real_loopback_sessions_decode_to_the_frames_sent() {
    if !tools() {
        return;
    }
    let d = dir();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let pcap = d.join("session.pcap");
    let dump = tcpdump(port, &pcap, &["--time-stamp-precision=nano"]);
    let (sent_c, sent_s) = session(&listener);
    stop(dump);
    let pcapng = d.join("session.pcapng");
    run(
        "editcap",
        &[
            "-F",
            "pcapng",
            pcap.to_str().unwrap(),
            pcapng.to_str().unwrap(),
        ],
    );
    // How the bundled sample (tests/fixtures/captures/) was recorded.
    if let Some(to) = std::env::var_os("CTI_OUTCOME_RECORD_SAMPLE") {
        std::fs::copy(&pcapng, &to).unwrap();
        std::fs::write(
            Path::new(&to).with_extension("frames"),
            conversation().2.concat(),
        )
        .unwrap();
    }

    for file in [&pcap, &pcapng] {
        // Found by what the bytes are (the port is no CTI port), and by --port.
        for ports in [&[][..], &[port][..]] {
            let ([c, s], capture) = streams(file, ports);
            assert_eq!((c, s), (sent_c.clone(), sent_s.clone()), "{file:?}");
            assert_eq!(capture.connections.len(), 1);
            assert!(capture.connections[0].cti, "{:?}", capture.connections[0]);
            assert!(capture.diagnostics.is_empty(), "{:?}", capture.diagnostics);
        }
    }
    // tshark's reassembly of the same streams.
    let follow = Command::new("tshark")
        .args(["-r", pcap.to_str().unwrap(), "-q", "-z", "follow,tcp,raw,0"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&follow.stdout);
    let (mut c, mut s) = (String::new(), String::new());
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && l.chars().all(|ch| ch.is_ascii_hexdigit() || ch == '\t'))
    {
        if let Some(rest) = line.strip_prefix('\t') {
            s.push_str(rest);
        } else {
            c.push_str(line);
        }
    }
    assert_eq!(c, hex(&sent_c), "tshark's client stream");
    assert_eq!(s, hex(&sent_s), "tshark's server stream");

    // The timeline of the capture: the flow's calls, with the packets' times.
    let bytes = std::fs::read(&pcap).unwrap();
    let (mut store, _, _) = capture::decode(&bytes, &CaptureOptions::default());
    let t = cti_outcome::timeline::build(&mut store);
    let view = cti_outcome::view::timeline::timeline(&store, &t);
    let keys: Vec<&str> = view.calls.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["1010", "1011"]);
    assert!(
        store.event(0).time_ms().is_some(),
        "events have the packets' times"
    );
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[test]
fn reordered_duplicated_and_dropped_packets() {
    if !tools() {
        return;
    }
    let tmp = dir();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let pcap = tmp.join("edit.pcap");
    let dump = tcpdump(port, &pcap, &[]);
    let (sent_c, sent_s) = session(&listener);
    stop(dump);
    let path = |name: &str| tmp.join(name).to_str().unwrap().to_owned();
    let src = pcap.to_str().unwrap();

    // Duplicated: every packet twice (a retransmission of each).
    run("mergecap", &["-w", &path("dup.pcap"), src, src]);
    let ([c, s], capture) = streams(&tmp.join("dup.pcap"), &[]);
    assert_eq!(
        (c, s),
        (sent_c.clone(), sent_s.clone()),
        "duplicates dropped once"
    );
    assert!(capture.diagnostics.is_empty(), "{:?}", capture.diagnostics);

    // Reordered: packets 10–14 moved to the end of the file.
    run("editcap", &["-r", src, &path("mid.pcap"), "10-14"]);
    run("editcap", &[src, &path("rest.pcap"), "10-14"]);
    run(
        "mergecap",
        &[
            "-a",
            "-w",
            &path("reordered.pcap"),
            &path("rest.pcap"),
            &path("mid.pcap"),
        ],
    );
    let ([c, s], _) = streams(&tmp.join("reordered.pcap"), &[]);
    assert_eq!(
        (c, s),
        (sent_c.clone(), sent_s.clone()),
        "reordered by sequence number"
    );

    // Dropped: packet 12 deleted. Its bytes are a gap, said with packet numbers; the frames
    // before and after it are kept.
    run("editcap", &[src, &path("dropped.pcap"), "12"]);
    let ([_, s], capture) = streams(&tmp.join("dropped.pcap"), &[]);
    let gap = capture
        .diagnostics
        .iter()
        .find(|x| x.code == DiagnosticCode::CaptureGap)
        .expect("a capture-gap diagnostic");
    // Packet 12 is gone: the gap lies between the data packets around it (acknowledgements
    // of the other direction fall between them).
    assert!(
        matches!(gap.at, At::Packet(n) if (12..=14).contains(&n))
            && gap.message.contains("missing between packets"),
        "{}",
        gap.message
    );
    assert!(
        s.len() < sent_s.len() && s.len() > sent_s.len() / 2,
        "most frames kept"
    );
}

#[test]
fn bad_captures_say_what_is_wrong_and_keep_what_is_readable() {
    // A pcap header (little-endian, microseconds, Ethernet) and one record claiming more bytes
    // than the file has: cut short.
    let mut file = vec![0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0];
    file.extend_from_slice(&[0; 8]);
    file.extend_from_slice(&65535u32.to_le_bytes());
    file.extend_from_slice(&1u32.to_le_bytes());
    file.extend_from_slice(&[0; 8]);
    file.extend_from_slice(&100u32.to_le_bytes());
    file.extend_from_slice(&100u32.to_le_bytes());
    file.extend_from_slice(&[0; 10]);
    let c = capture::read(&file, &CaptureOptions::default());
    assert_eq!(c.format, "pcap");
    let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&DiagnosticCode::CaptureBroken), "{codes:?}");
    assert!(
        codes.contains(&DiagnosticCode::CaptureContents),
        "{codes:?}"
    );
    // An absurd pcapng block length.
    let mut ng = vec![0x0A, 0x0D, 0x0D, 0x0A];
    ng.extend_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    ng.extend_from_slice(&[0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0]);
    let c = capture::read(&ng, &CaptureOptions::default());
    assert_eq!(c.format, "pcapng");
    assert!(c
        .diagnostics
        .iter()
        .any(|d| d.code == DiagnosticCode::CaptureBroken));
    // Found by the capture fuzz target: a section header, then a process-information block
    // (type 0x80000001) 8 bytes long, which pcap-parser 0.17 cannot be given (it subtracts 12).
    let mut short = vec![
        0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0,
    ];
    short.extend_from_slice(&[0xFF; 8]);
    short.extend_from_slice(&28u32.to_le_bytes());
    short.extend_from_slice(&[1, 0, 0, 0x80, 8, 0, 0, 0, 0, 0, 0, 0]);
    let c = capture::read(&short, &CaptureOptions::default());
    let broken = c
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::CaptureBroken)
        .expect("the short block is reported");
    assert!(
        broken
            .message
            .contains("the block at byte 28 says it is 8 bytes long"),
        "{}",
        broken.message
    );
    let crash = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/captures/fuzz-short-block.bin"),
    )
    .unwrap();
    let mut fuzzed = vec![0x0A, 0x0D, 0x0D, 0x0A];
    fuzzed.extend_from_slice(&crash);
    let _ = capture::read(&fuzzed, &CaptureOptions::default());
}

/// The bundled sample (recorded by the test above on this project's machine, see
/// tests/fixtures/README.md) decodes without tools: the consult-transfer flow's calls, with the
/// client's OPEN_REQ and real packet times.
#[test]
fn the_bundled_capture_sample_decodes_to_its_calls() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/captures/consult-transfer.pcapng"),
    )
    .unwrap();
    let (mut store, framing, c) = capture::decode(&bytes, &CaptureOptions::default());
    assert_eq!((c.format, c.connections.len()), ("pcapng", 1));
    // Exactly the frames the test sent, in order; the wasm suites compare against the same file.
    let sent: Vec<u8> = conversation().2.concat();
    let fixture = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/captures/consult-transfer.frames"),
    )
    .unwrap();
    assert_eq!(
        fixture, sent,
        "consult-transfer.frames is what the session sent"
    );
    let read = capture::read(&bytes, &CaptureOptions::default());
    let in_time_order: Vec<u8> = read
        .rows
        .iter()
        .flat_map(|r| {
            let at = usize::try_from(r.at).unwrap();
            read.frames[at..at + r.len as usize].iter().copied()
        })
        .collect();
    assert_eq!(
        in_time_order, sent,
        "the capture holds exactly the frames sent, in the order they were sent"
    );
    assert!(c.connections[0].cti && store.diagnostics().is_empty());
    assert_eq!(framing[0].version, Some(24), "learned from the OPEN_REQ");
    let t = cti_outcome::timeline::build(&mut store);
    let view = cti_outcome::view::timeline::timeline(&store, &t);
    let outcomes: Vec<_> = view
        .calls
        .iter()
        .map(|c| (c.key.as_str(), c.outcome.kind))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("1010", cti_outcome::OutcomeKind::Transferred),
            ("1011", cti_outcome::OutcomeKind::Transferred)
        ]
    );
}
