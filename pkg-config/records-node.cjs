// cti-outcome/records for Node (require): wasm-bindgen's `nodejs` glue loads the .wasm when
// first required, so no init is needed; `init` and `initSync` exist so that shared code runs
// unchanged.
'use strict';
const glue = require('./cti_outcome_records_node.cjs');

function decodeConnres(code, direction, cause) {
  return glue.decodeConnres(code, direction, cause);
}
function decodeRecords(input, options) {
  return glue.decodeRecords(input, options);
}
const { RecordLog } = glue;
const api = Object.freeze({ decodeConnres, decodeRecords, RecordLog });
const ready = Promise.resolve(api);

exports.decodeConnres = decodeConnres;
exports.decodeRecords = decodeRecords;
exports.RecordLog = RecordLog;
/** Already loaded in Node: resolves to the same API object every time. */
exports.init = function init() {
  return ready;
};
exports.initSync = function initSync() {
  return api;
};
exports.default = exports.init;
