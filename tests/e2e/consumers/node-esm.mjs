// Node ESM consumer of the packed tarball: import, decode, build a timeline, no init needed.
import init, * as cti from 'cti-outcome';
import { encodeEvents } from 'cti-outcome/encode';
import { decodeConnres, decodeRecords, RecordLog } from 'cti-outcome/records';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const log = cti.decodeLog(readFileSync(new URL('./sample.txt', import.meta.url), 'utf8'));
assert.equal(log.events.length, 9);
assert.equal(log.diagnostics.length, 0);
const [call] = cti.buildTimeline(log).calls;
assert.equal(call.key, '1001');
assert.equal(call.outcome.kind, 'answered');

assert.equal(decodeConnres(5, 'inbound', 17).cause.name, 'User busy');
assert.equal(cti.decodeConnres, undefined, 'CONNRES codes are the records entry\'s');
const records = decodeRecords('StatisticsPartAID;bOutbound;CONNRES\r\n7;1;3\r\n7;1;1\r\n');
assert.deepEqual(records.calls.map((c) => [c.key, c.outcome.kind, c.legs.map((l) => records.codes[l.connres].symbol)]),
  [['7', 'answered', ['BUSY', 'OK']]]);
const kept = new RecordLog(new TextEncoder().encode('ID,CONNRES\n1,2\n'), { direction: 'outbound' });
assert.equal(kept.callColumns().key.length, 1);
assert.equal(kept.call(0).outcome.kind, 'no_answer');
kept.free();

const frames = encodeEvents(log, { width: 2 });
const streamed = new cti.FrameDecoder({ width: 2 });
const first = streamed.push(frames.subarray(0, 10));
const rest = streamed.push(frames.subarray(10));
assert.equal(first.events.length + rest.events.length, 9);
assert.equal(streamed.finish().diagnostics.length, 0);

const opened = cti.openLog(readFileSync(new URL('./sample.txt', import.meta.url)));
assert.deepEqual(opened.timeline(), cti.buildTimeline(log));
assert.deepEqual(opened.events(0, 100), log.events);
assert.deepEqual(opened.call(0), cti.buildTimeline(log).calls[0]);
assert.deepEqual(opened.calls().map((c) => [c.key, c.outcome.kind, c.outcome.rule]), [['1001', 'answered', 'answered']]);
assert.deepEqual([...opened.searchCalls('answered')], [0]);
assert.ok(cti.wasmMemoryBytes() > 0);
// A refused call throws an Error with its details: the same shape from every entry.
assert.throws(() => opened.call(7), { name: 'Error', code: 'no-such-call', argument: 'index' });
assert.throws(() => cti.openLog('', { width: 3 }), { code: 'bad-argument', argument: 'width', message: /`width` must be 1 or 2/ });
assert.throws(() => kept.call(0), Error);
assert.throws(() => decodeRecords('ID,CONNRES\n', { columns: { result: 'x' } }), { code: 'bad-argument', argument: 'columns' });
opened.free();

// init is harmless in Node and always the same instance; require() shares it.
const api = await init();
assert.equal(api, await cti.init());
assert.equal(init(), init());
assert.equal(api.decodeLog, cti.decodeLog);
assert.equal(createRequire(import.meta.url)('cti-outcome').decodeLog, cti.decodeLog);
assert.equal(cti.version(), JSON.parse(readFileSync(new URL('./node_modules/cti-outcome/package.json', import.meta.url))).version);
console.log(`node-esm: ok (${call.key} ${call.outcome.kind}, ${frames.length} bytes of frames)`);
