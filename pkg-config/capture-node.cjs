// cti-outcome/capture for Node (require): wasm-bindgen's `nodejs` glue loads the .wasm when
// first required, so no init is needed; `init` and `initSync` exist so that shared code runs
// unchanged.
'use strict';
const glue = require('./cti_outcome_capture_node.cjs');

function readCapture(bytes, options) {
  return glue.readCapture(bytes, options);
}
const api = Object.freeze({ readCapture });
const ready = Promise.resolve(api);

exports.readCapture = readCapture;
/** Already loaded in Node: resolves to the same API object every time. */
exports.init = function init() {
  return ready;
};
exports.initSync = function initSync() {
  return api;
};
exports.default = exports.init;
