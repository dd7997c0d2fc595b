//! The command-line tool run as a user runs it: its output, and files to give it.

use std::process::{Command, Output};

/// `cti-outcome ARGS` run from the project's directory, to its end.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cti-outcome"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Standard output as JSON, after checking the command succeeded.
pub fn stdout_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A file of `bytes` in the temporary directory, named for this test process and `name`.
pub fn tempfile(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("cti-outcome-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}
