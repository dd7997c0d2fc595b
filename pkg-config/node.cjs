// cti-outcome for Node (require): wasm-bindgen's `nodejs` glue, which loads the .wasm
// synchronously when first required, so no init is needed. `init` and `initSync` exist so that
// code shared with the browser runs unchanged.
'use strict';
const { makeApi } = require('./api.cjs');

const api = Object.freeze(makeApi(require('./cti_outcome_node.cjs')));
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
