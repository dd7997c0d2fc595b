// Node CommonJS consumer of the packed tarball.
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { decodeInput, decodeFrames, buildTimeline, TimelineBuilder } = require('cti-outcome');
const { encodeEvents } = require('cti-outcome/encode');

const decoded = decodeInput(readFileSync(`${__dirname}/sample.txt`));
assert.equal(decoded.format, 'text');
const builder = new TimelineBuilder();
builder.push(decoded.events.slice(0, 4));
builder.push(decoded.events.slice(4));
assert.equal(builder.length, 9);
assert.deepEqual(builder.snapshot(), buildTimeline(decoded));
assert.deepEqual(decodeFrames(encodeEvents(decoded, { width: 1 }), { width: 1 }).events.length, 9);
console.log('node-cjs: ok');
