//! Writes the TypeScript declarations of every shape the JavaScript package hands out or takes
//! (`cargo run --example typescript > dist/types.d.ts`); `make package` puts them into the
//! package's `cti_outcome.d.ts`; with `--lists`, the JavaScript lists of the enumerations whose
//! numbers the columns carry (the package's `lists.js`).

fn main() {
    if std::env::args().any(|a| a == "--lists") {
        print!(
            "// Generated from the Rust enums by `cargo run --example typescript -- --lists`; do not edit.\n\n{}",
            cti_outcome::view::typescript::lists()
        );
        return;
    }
    print!(
        "// Generated from the Rust types by `cargo run --example typescript`; do not edit.\n\n{}",
        cti_outcome::view::typescript::declarations()
    );
}
