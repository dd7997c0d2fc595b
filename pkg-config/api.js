// The package's API over wasm-bindgen's glue, shared by every entry point (browsers, bundlers,
// Workers and Node). Large results cross the boundary as columns (typed arrays and one string
// table) and are built into plain objects here, which is several times faster than parsing
// the same objects as JSON; small ones arrive as objects already.

const KINDS = ['number', 'text', 'empty', 'na', 'bytes'];
const DIRECTIONS = ['inbound', 'outbound', 'internal', 'unknown'];
const OUTCOMES = ['answered', 'abandoned', 'no_answer', 'busy', 'rejected', 'skipped', 'failed',
  'blocked', 'transferred', 'conferenced', 'still_active', 'legacy', 'unknown'];

/** The strings of a column batch: `strings` cut at `stringEnds`. */
function stringTable(c) {
  const ends = c.stringEnds;
  const table = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i += 1) {
    table[i] = c.strings.slice(start, ends[i]);
    start = ends[i];
  }
  return table;
}

/** Fields `from..to` of a column batch, as objects shaped like the CLI's JSON. */
function buildFields(c, table, from, to) {
  const fields = new Array(to - from);
  for (let f = from, k = 0; f < to; f += 1, k += 1) {
    const kind = c.kind[f];
    const rawAt = c.raw[f];
    const number = c.number[f];
    const raw = rawAt < 0 ? String(number) : table[rawAt];
    const field = { name: table[c.name[f]] };
    if (c.fieldLabel[f] >= 0) field.label = table[c.fieldLabel[f]];
    if (c.index[f] >= 0) field.index = c.index[f];
    if (c.tag[f] >= 0) field.tag = c.tag[f];
    field.raw = raw;
    field.kind = KINDS[kind];
    field.value = kind === 0 || kind === 4 ? number : kind === 1 ? raw : null;
    if (c.symbol[f] >= 0) field.symbol = table[c.symbol[f]];
    if (c.meaning[f] >= 0) field.meaning = table[c.meaning[f]];
    if (c.unknown[f] === 1) field.unknown = true;
    fields[k] = field;
  }
  return fields;
}

/** A column batch of events as objects: text events or frame events, by the batch's form. */
export function buildEvents(c) {
  const table = stringTable(c);
  const text = c.form === 'text';
  const n = c.eventType.length;
  const events = new Array(n);
  let from = 0;
  for (let e = 0; e < n; e += 1) {
    const to = c.fieldEnd[e];
    const typeId = c.typeId[e];
    const event = { type: table[c.eventType[e]], typeId: typeId < 0 ? null : typeId };
    if (text) {
      event.line = c.position[e];
      event.endLine = c.extent[e];
      if (c.time[e] >= 0) event.time = table[c.time[e]];
      if (c.label[e] >= 0) event.label = table[c.label[e]];
    } else {
      event.offset = c.position[e];
      event.length = c.extent[e];
    }
    if (c.truncated[e] === 1) event.truncated = true;
    event.fields = buildFields(c, table, from, to);
    events[e] = event;
    from = to;
  }
  return events;
}

/** The call list columns with their strings resolved: what a list of calls needs. */
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
      outcome: OUTCOMES[c.outcome[i]],
      reason: table[c.reason[i]],
      events: c.events[i],
    };
  }
  return calls;
}

const whole = (n) => (Number.isInteger(n) && n >= 0 && n < 2 ** 31 ? n : -1);

/** The text a field without `raw` stands for, from its `kind` and `value`. */
function rawOf(field) {
  const { value, kind } = field;
  if (typeof value === 'number') return kind === 'bytes' ? `<TotalBytes: ${value}>` : String(value);
  if (typeof value === 'string') return value;
  return kind === 'na' ? 'N/A' : '';
}

/**
 * Events (an array, or an object with an `events` array) packed for the wasm side: one string
 * of every piece, where each ends (UTF-16 offsets, -1 for absent), and the numbers.
 */
export function packEvents(events) {
  const list = Array.isArray(events) ? events : events?.events;
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

/** The package's functions and classes over `glue` (wasm-bindgen's generated module). */
export function makeApi(glue) {
  function decoded(input, options) {
    const log = new glue.CtiLog({ ...options, calls: false });
    try {
      log.push(input);
      log.finish();
      const summary = log.summary();
      const events = buildEvents(log.eventColumns(0, log.length));
      if (summary.format === 'text' || summary.format === null) {
        return { format: summary.format ?? 'text', events, notes: summary.notes, diagnostics: summary.diagnostics };
      }
      return { format: summary.format, events, diagnostics: summary.diagnostics, framing: summary.framing };
    } finally {
      log.free();
    }
  }
  const without = ({ format, ...rest }) => rest;
  const logOf = (events) => glue.logOfEvents(...packEvents(events));

  class CtiLog extends glue.CtiLog {
    /** Events `start` to `end` (exclusive; clamped) as objects. */
    events(start, end) {
      return buildEvents(this.eventColumns(start, end));
    }

    /** Every call as a list shows it (key, type, direction, agents, start, outcome, reason). */
    calls() {
      return callList(this.callColumns());
    }
  }

  class FrameDecoder {
    constructor(options) {
      this.log = new glue.CtiLog({ ...options, format: 'binary', calls: false });
      this.seen = 0;
      this.reported = 0;
    }

    step(push) {
      push();
      const summary = this.log.summary();
      const events = buildEvents(this.log.eventColumns(this.seen, this.log.length));
      const diagnostics = summary.diagnostics.slice(this.reported);
      this.seen = this.log.length;
      this.reported = summary.diagnostics.length;
      return { events, diagnostics, framing: summary.framing };
    }

    /** Decodes every complete frame in what has arrived so far. */
    push(chunk) {
      return this.step(() => this.log.push(chunk));
    }

    /** Ends the stream: bytes left over are reported. */
    finish() {
      return this.step(() => this.log.finish());
    }

    free() {
      this.log.free();
    }
  }

  class TimelineBuilder {
    constructor() {
      this.all = [];
    }

    push(events) {
      packEvents(events); // checks them before taking them
      this.all.push(...(Array.isArray(events) ? events : events.events));
    }

    snapshot() {
      return buildTimeline(this.all);
    }

    get length() {
      return this.all.length;
    }

    free() {
      this.all = [];
    }
  }

  function buildTimeline(events) {
    const log = logOf(events);
    try {
      return log.timeline();
    } finally {
      log.free();
    }
  }

  function openLog(input, options) {
    const log = new CtiLog(options);
    log.push(input);
    log.finish();
    return log;
  }

  return {
    decodeConnres: (code, direction, cause) => glue.decodeConnres(code, direction, cause),
    decodeLog: (input, options) => without(decoded(input, { ...options, format: 'text' })),
    decodeFrames: (bytes, options) => without(decoded(bytes, { ...options, format: 'binary' })),
    decodeInput: (input, options) => decoded(input, options),
    encodeEvents: (events, options) => glue.encodePacked(...packEvents(events), options),
    openLog,
    buildTimeline,
    version: () => glue.version(),
    CtiLog,
    FrameDecoder,
    TimelineBuilder,
  };
}
