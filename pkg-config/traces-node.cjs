// cti-outcome/traces for Node (require): wasm-bindgen's `nodejs` glue loads the .wasm when first
// required, so no init is needed; `init` and `initSync` exist so that shared code runs unchanged.
'use strict';
const { makeApi } = require('./api.cjs');

const { decodeLog, decodeInput, openLog, wasmMemoryBytes, CtiLog } = makeApi(
  require('./cti_outcome_traces_node.cjs'),
  { traces: true },
);
const api = Object.freeze({ decodeLog, decodeInput, openLog, wasmMemoryBytes, CtiLog });
const ready = Promise.resolve(api);

for (const [name, value] of Object.entries(api)) exports[name] = value;
/** Already loaded in Node: resolves to the same API object every time. */
exports.init = function init() {
  return ready;
};
exports.initSync = function initSync() {
  return api;
};
exports.default = exports.init;
