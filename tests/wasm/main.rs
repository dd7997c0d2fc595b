//! The wasm API, in Node (`wasm-pack test --node`) and in a real browser
//! (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`): one suite, two runtimes.
#![cfg(target_arch = "wasm32")]

mod api;
mod live;
