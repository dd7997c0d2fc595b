// @ts-check
// What a ladder shows, worked out without the DOM (the SVG drawing and the text export both draw
// this): the lanes (parties) of one call and the calls linked to it, one row per event in log
// order with the lanes it goes between, the values that explain it, its time (absolute or from
// the first event) and the delta from the row before, and the log's step notes.

/** Fields whose values say why an event happened; shown on its arrow (an empty value is not
 * shown: `BAResponse` with nothing after it says nothing about a response). */
export const EXPLAINING = ['EventCause', 'LocalConnectionState', 'BAResponse', 'AgentState'];

const field = (e, name) => e.fields.find((f) => f.name === name)?.raw || undefined;

/** Parties of the calls, in lane order: callers, queues, agent devices, other devices, server. */
function lanes(calls, events) {
  // A capture shows who sent each frame, server or client: those are its lanes (the parties'
  // lanes would stay empty, every arrow being between the two).
  if (events.some((e) => e.from)) return [{ id: 'system', label: 'CTI server', role: 'system' }, { id: 'client', label: 'CTI client', role: 'client' }];
  const out = [];
  const devices = new Set(calls.flatMap((c) => c.devices));
  const add = (id, label, role) => {
    if (id && !out.some((l) => l.id === id)) out.push({ id, label, role });
  };
  for (const c of calls) add(c.ani, `Caller ${c.ani}`, 'caller');
  for (const e of events) {
    const calling = field(e, 'CallingDeviceID');
    if (calling && !devices.has(calling)) add(calling, `Caller ${calling}`, 'caller');
  }
  for (const e of events) {
    for (const name of ['QueueDeviceID', 'CalledDeviceID']) {
      const v = field(e, name);
      if (v && !devices.has(v) && !calls.some((c) => c.ani === v)) add(v, `${name === 'QueueDeviceID' ? 'Queue' : 'Called'} ${v}`, 'queue');
    }
  }
  for (const c of calls) if (c.dnis) add(c.dnis, `Queue ${c.dnis}`, 'queue');
  for (const d of devices) add(d, `Device ${d}`, 'agent');
  for (const e of events) for (const f of e.fields) if (/DeviceID$/.test(f.name) && f.raw) add(f.raw, `Device ${f.raw}`, 'other');
  add('system', 'CTI server', 'system');
  return out;
}

/** Which lanes an event concerns: from, to (to may equal from). */
function ends(e, ids) {
  if (e.from) return e.from === 'server' ? ['system', 'client'] : ['client', 'system'];
  const named = e.fields.filter((f) => /DeviceID$/.test(f.name) && ids.includes(f.raw)).map((f) => f.raw);
  const from = field(e, 'CallingDeviceID') ?? field(e, 'TransferringDeviceID') ?? field(e, 'ControllerDeviceID');
  const to = field(e, 'AnsweringDeviceID') ?? field(e, 'AlertingDeviceID') ?? field(e, 'TransferredDeviceID') ?? field(e, 'AddedPartyDeviceID');
  if (from && to && ids.includes(from) && ids.includes(to)) return [from, to];
  const one = named[0] ?? 'system';
  return [one, one];
}

/** What kind of step an event is, for its mark. */
export function kind(e) {
  if (/CLEARED|END_CALL|FAILED/.test(e.type)) return 'end';
  if (/ESTABLISHED|CONNECTED/.test(e.type)) return 'answer';
  if (/DELIVERED|QUEUED|BEGIN|ORIGINATED/.test(e.type)) return 'offer';
  return 'other';
}

/** Milliseconds of an event's time (since 1970 with a date, since midnight without), or undefined. */
export function timeMs(text) {
  const t = /(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?/.exec(text ?? '');
  if (!t) return undefined;
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const day = d ? Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) : 0;
  return day + ((Number(t[1]) * 60 + Number(t[2])) * 60 + Number(t[3])) * 1000 + Number((t[4] ?? '0').padEnd(3, '0'));
}

/** A time of day as the ladder writes it: HH:MM:SS.mmm. */
function clock(ms) {
  const d = new Date(ms);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** Milliseconds as the ladder writes a span: 1.250 s, 12.0 s, 3 min 05 s. */
export function span(ms) {
  if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 3 : 1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * The ladder of `flows` ([{ call, events }], the call first, then the calls linked to it; each
 * event with its log `index`): lanes, and rows of events (merged in log order, each once, with
 * the flow it belongs to) and the step `notes` between them. `relative` writes times from the
 * first event instead of the time of day.
 */
export function ladderModel(flows, notes = [], { relative = false } = {}) {
  const seen = new Set();
  const merged = [];
  flows.forEach((f, flow) => {
    for (const e of f.events) {
      if (!seen.has(e.index)) {
        seen.add(e.index);
        merged.push({ e, flow });
      }
    }
  });
  merged.sort((a, b) => a.e.index - b.e.index);
  const events = merged.map((m) => m.e);
  const parties = lanes(flows.map((f) => f.call), events);
  const ids = parties.map((p) => p.id);
  const stepNotes = notes.filter((n) => n.kind === 'step' && events.length && events[0].line !== undefined &&
    n.line >= events[0].line && n.line <= events.at(-1).endLine);
  const first = events.map((e) => timeMs(e.time)).find((t) => t !== undefined);
  let previous;
  const rows = [];
  for (const { e, flow } of merged) {
    for (const n of stepNotes.filter((n) => n.line < e.line && !rows.some((r) => r.note === n))) rows.push({ note: n });
    const ms = timeMs(e.time);
    const [from, to] = ends(e, ids);
    const values = EXPLAINING.map((name) => e.fields.find((f) => f.name === name))
      .filter((f) => f !== undefined && f.raw !== '').map((f) => `${f.name} ${f.symbol ?? f.raw}`);
    rows.push({
      event: e, flow, from, to, kind: kind(e),
      type: e.type.replace(/_EVENT$/, ''),
      values,
      time: ms === undefined ? `#${e.index + 1}` : relative ? `+${span(ms - first)}` : clock(ms),
      delta: ms !== undefined && previous !== undefined ? ms - previous : undefined,
    });
    if (ms !== undefined) previous = ms;
  }
  const legend = flows.map((f, i) => ({ flow: i, key: f.call.key, outcome: f.call.outcome.kind, link: f.link }));
  return { lanes: parties, rows, legend, timed: first !== undefined };
}
