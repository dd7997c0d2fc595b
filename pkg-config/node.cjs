// cti-outcome for Node (require): wasm-bindgen's `nodejs` glue, which loads the .wasm
// synchronously when first required, so no init is needed. `init` and `initSync` exist so that
// code shared with the browser runs unchanged.
'use strict';
const glue = require('./cti_outcome_node.cjs');

const api = Object.freeze({
  decodeConnres: glue.decodeConnres,
  decodeLog: glue.decodeLog,
  decodeFrames: glue.decodeFrames,
  decodeInput: glue.decodeInput,
  encodeEvents: glue.encodeEvents,
  openLog: glue.openLog,
  buildTimeline: glue.buildTimeline,
  version: glue.version,
  FrameDecoder: glue.FrameDecoder,
  CtiLog: glue.CtiLog,
  TimelineBuilder: glue.TimelineBuilder,
});
const ready = Promise.resolve(api);

exports.decodeConnres = api.decodeConnres;
exports.decodeLog = api.decodeLog;
exports.decodeFrames = api.decodeFrames;
exports.decodeInput = api.decodeInput;
exports.encodeEvents = api.encodeEvents;
exports.openLog = api.openLog;
exports.buildTimeline = api.buildTimeline;
exports.version = api.version;
exports.FrameDecoder = api.FrameDecoder;
exports.CtiLog = api.CtiLog;
exports.TimelineBuilder = api.TimelineBuilder;
/** Already loaded in Node: resolves to the same API object every time. */
exports.init = function init() {
  return ready;
};
exports.initSync = function initSync() {
  return api;
};
exports.default = exports.init;
