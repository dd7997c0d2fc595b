// Types of the loading every entry shares (loader.js): where `init` reads a module from.

/** Where `init` can load the `.wasm` from: a URL, a Request or Response, bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` takes (in a Worker): bytes or a `WebAssembly.Module`, bare or as `{ module }`. */
export type InitSyncInput = BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module };
