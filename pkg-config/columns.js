// @ts-check
// Column batches ↔ plain objects, for api.js: the events and the call list that cross the wasm
// boundary as columns (typed arrays and one string table) built into objects shaped like the
// CLI's JSON, and events given as objects packed into strings and numbers for the wasm side.

/**
 * @typedef {import('./api.js').EventsInput} EventsInput
 * @typedef {import('./cti_outcome.js').DecodedText} DecodedText
 * @typedef {import('./cti_outcome.js').DecodedFrames} DecodedFrames
 */

import { DIRECTIONS, KINDS, OUTCOMES } from './lists.js';
import { stringTable } from './strings.js';

/** Fields `from..to` of a column batch, as objects shaped like the CLI's JSON. The common
 * shapes are written as literals, which engines build far faster than objects grown key by key;
 * the keys keep the JSON's order either way. */
function buildFields(c, table, from, to) {
  const fields = new Array(to - from);
  for (let f = from, k = 0; f < to; f += 1, k += 1) {
    const kind = c.kind[f];
    const rawAt = c.raw[f];
    const number = c.number[f];
    const name = table[c.name[f]];
    const raw = rawAt < 0 ? String(number) : table[rawAt];
    const kindName = KINDS[kind];
    const value = kind === 0 || kind === 4 ? number : kind === 1 ? raw : null;
    const symbolAt = c.symbol[f];
    const meaningAt = c.meaning[f];
    /** @type {Record<string, unknown>} */
    let field;
    if (c.fieldLabel[f] < 0 && c.index[f] < 0 && c.tag[f] < 0) {
      if (symbolAt < 0 && meaningAt < 0) field = { name, raw, kind: kindName, value };
      else if (symbolAt >= 0 && meaningAt >= 0) {
        field = { name, raw, kind: kindName, value, symbol: table[symbolAt], meaning: table[meaningAt] };
      } else if (meaningAt >= 0) field = { name, raw, kind: kindName, value, meaning: table[meaningAt] };
      else field = { name, raw, kind: kindName, value, symbol: table[symbolAt] };
    } else {
      field = { name };
      if (c.fieldLabel[f] >= 0) field.label = table[c.fieldLabel[f]];
      if (c.index[f] >= 0) field.index = c.index[f];
      if (c.tag[f] >= 0) field.tag = c.tag[f];
      field.raw = raw;
      field.kind = kindName;
      field.value = value;
      if (symbolAt >= 0) field.symbol = table[symbolAt];
      if (meaningAt >= 0) field.meaning = table[meaningAt];
    }
    if (c.unknown[f] === 1) field.unknown = true;
    fields[k] = field;
  }
  return fields;
}

/** A column batch of events as objects: text events or frame events, by the batch's form.
 * @internal */
export function buildEvents(c) {
  const table = stringTable(c);
  const text = c.form === 'text';
  const n = c.eventType.length;
  const events = new Array(n);
  let from = 0;
  for (let e = 0; e < n; e += 1) {
    const to = c.fieldEnd[e];
    const typeId = c.typeId[e];
    const type = table[c.eventType[e]];
    const id = typeId < 0 ? null : typeId;
    const fields = buildFields(c, table, from, to);
    /** @type {Record<string, unknown>} */
    let event;
    if (text && c.label[e] < 0 && c.truncated[e] !== 1) {
      event = c.time[e] >= 0
        ? { type, typeId: id, line: c.position[e], endLine: c.extent[e], time: table[c.time[e]], fields }
        : { type, typeId: id, line: c.position[e], endLine: c.extent[e], fields };
      events[e] = event;
      from = to;
      continue;
    }
    event = { type, typeId: id };
    if (text) {
      event.line = c.position[e];
      event.endLine = c.extent[e];
      if (c.time[e] >= 0) event.time = table[c.time[e]];
      if (c.label[e] >= 0) event.label = table[c.label[e]];
    } else {
      event.offset = c.position[e];
      event.length = c.extent[e];
      if (c.capture?.length) {
        const at = 4 * e;
        event.packet = c.capture[at];
        event.connection = c.capture[at + 1];
        event.from = c.capture[at + 2] ? 'server' : 'client';
        if (!Number.isNaN(c.capture[at + 3])) event.time = new Date(c.capture[at + 3]).toISOString();
      }
    }
    if (c.truncated[e] === 1) event.truncated = true;
    if (!text && c.doubt[e] >= 0) event.doubt = table[c.doubt[e]];
    event.fields = fields;
    events[e] = event;
    from = to;
  }
  return events;
}

/** The call list columns with their strings resolved: what a list of calls needs.
 * @internal */
export function callList(c) {
  const table = stringTable(c);
  const text = (at) => (at < 0 ? undefined : table[at]);
  const calls = new Array(c.key.length);
  for (let i = 0; i < calls.length; i += 1) {
    calls[i] = {
      index: i,
      key: table[c.key[i]],
      callId: c.callId[i],
      callType: text(c.callType[i]),
      direction: DIRECTIONS[c.direction[i]],
      agents: text(c.agents[i]) ?? '',
      startEvent: c.startEvent[i],
      startTime: text(c.startTime[i]),
      startMs: Number.isNaN(c.startMs[i]) ? undefined : c.startMs[i],
      durationMs: Number.isNaN(c.durationMs[i]) ? undefined : c.durationMs[i],
      outcome: { kind: OUTCOMES[c.outcome[i]], rule: table[c.rule[i]], reason: table[c.reason[i]], evidence: [] },
      events: c.events[i],
    };
  }
  return calls;
}

const whole = (n) => (Number.isInteger(n) && n >= 0 && n < 2 ** 31 ? n : -1);

/** The text a field without `raw` stands for, from its `kind` and `value`.
 * @internal */
export function rawOf(field) {
  const { value, kind } = field;
  if (typeof value === 'number') return kind === 'bytes' ? `<TotalBytes: ${value}>` : String(value);
  if (typeof value === 'string') return value;
  return kind === 'na' ? 'N/A' : '';
}

/**
 * Events (an array, or an object with an `events` array) packed for the wasm side: one string
 * of every piece, where each ends (UTF-16 offsets, -1 for absent), and the numbers.
 * @internal
 * @param {EventsInput} events
 * @returns {[string, Int32Array, Int32Array]}
 */
export function packEvents(events) {
  const list = Array.isArray(events) ? events : /** @type {DecodedText | DecodedFrames} */ (events)?.events;
  if (!Array.isArray(list)) throw new Error('`events` must be an array of events or a decodeLog result');
  const parts = [];
  const ends = [];
  const shape = [];
  let at = 0;
  const put = (text) => {
    if (text === undefined || text === null) {
      ends.push(-1);
      return;
    }
    const piece = String(text);
    parts.push(piece);
    at += piece.length;
    ends.push(at);
  };
  list.forEach((e, i) => {
    if (e === null || typeof e !== 'object' || typeof e.type !== 'string') {
      throw new Error(`\`events\`: event ${i} must be an object with a string \`type\``);
    }
    const fields = e.fields ?? [];
    if (!Array.isArray(fields)) throw new Error(`\`events\`: event ${i}'s \`fields\` must be an array`);
    shape.push(fields.length, whole(e.typeId), whole(e.line), whole(e.endLine ?? e.line), e.truncated ? 1 : 0);
    put(e.type);
    put(e.time);
    put(e.label);
    fields.forEach((f, k) => {
      if (f === null || typeof f !== 'object' || typeof f.name !== 'string') {
        throw new Error(`\`events\`: event ${i} field ${k} must be an object with a string \`name\``);
      }
      shape.push(whole(f.index), whole(f.tag));
      put(f.name);
      put(f.label);
      put(f.raw ?? rawOf(f));
    });
  });
  return [parts.join(''), Int32Array.from(ends), Int32Array.from(shape)];
}
