//! Writes the TypeScript declarations of every shape the JavaScript package hands out or takes
//! (`cargo run --example typescript > dist/types.d.ts`); `make package` puts them into the
//! package's `cti_outcome.d.ts`.

fn main() {
    print!(
        "// Generated from the Rust types by `cargo run --example typescript`; do not edit.\n\n{}",
        cti_outcome::view::typescript::declarations()
    );
}
