// cti-outcome/encode for Node (require): wasm-bindgen's `nodejs` glue loads the .wasm when first
// required, so no init is needed; `init` and `initSync` exist so that shared code runs unchanged.
'use strict';
const { packEvents } = require('./api.cjs');
const glue = require('./cti_outcome_encode_node.cjs');

function encodeEvents(events, options) {
  return glue.encodePacked(...packEvents(events), options);
}
const api = Object.freeze({ encodeEvents });
const ready = Promise.resolve(api);

exports.encodeEvents = encodeEvents;
/** Already loaded in Node: resolves to the same API object every time. */
exports.init = function init() {
  return ready;
};
exports.initSync = function initSync() {
  return api;
};
exports.default = exports.init;
