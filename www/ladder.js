// The timeline of one call as a ladder: a lane per party (caller, queue, each agent device,
// system), one row per event in order with a mark (or an arrow between the parties it names),
// the log's step notes as annotations, and the agents' state bands underneath. Rows carry the
// event's time when the log has timestamps, its order otherwise.
import { el, svg } from './dom.js';

const LANE = 150;
const ROW = 34;
const LEFT = 130;
const TOP = 56;

/** Parties of a call, in lane order. */
function lanes(call, events) {
  const out = [];
  const add = (id, label, role) => {
    if (id && !out.some((l) => l.id === id)) out.push({ id, label, role });
  };
  add(call.ani, `Caller ${call.ani}`, 'caller');
  for (const e of events) {
    const calling = field(e, 'CallingDeviceID');
    if (calling && !call.devices.includes(calling)) add(calling, `Caller ${calling}`, 'caller');
  }
  for (const e of events) {
    for (const name of ['QueueDeviceID', 'CalledDeviceID']) {
      const v = field(e, name);
      if (v && !call.devices.includes(v) && v !== call.ani) add(v, `${name === 'QueueDeviceID' ? 'Queue' : 'Called'} ${v}`, 'queue');
    }
  }
  if (call.dnis) add(call.dnis, `Queue ${call.dnis}`, 'queue');
  for (const d of call.devices) add(d, `Device ${d}`, 'agent');
  for (const e of events) for (const f of e.fields) if (/DeviceID$/.test(f.name) && f.raw) add(f.raw, `Device ${f.raw}`, 'other');
  add('system', 'CTI server', 'system');
  // A capture shows who sent each frame: the client application's lane faces the server's.
  if (events.some((e) => e.from)) add('client', 'CTI client', 'client');
  return out;
}

const field = (e, name) => e.fields.find((f) => f.name === name)?.raw || undefined;

/** Which lanes an event concerns: from, to (to may equal from). */
function ends(e, laneIds) {
  if (e.from) return e.from === 'server' ? ['system', 'client'] : ['client', 'system'];
  const named = e.fields.filter((f) => /DeviceID$/.test(f.name) && laneIds.includes(f.raw)).map((f) => f.raw);
  const from = field(e, 'CallingDeviceID') ?? field(e, 'TransferringDeviceID') ?? field(e, 'ControllerDeviceID');
  const to = field(e, 'AnsweringDeviceID') ?? field(e, 'AlertingDeviceID') ?? field(e, 'TransferredDeviceID') ?? field(e, 'AddedPartyDeviceID');
  if (from && to && laneIds.includes(from) && laneIds.includes(to)) return [from, to];
  const one = named[0] ?? 'system';
  return [one, one];
}

/**
 * Draws the ladder into `host`: an <svg> with one focusable group per event (role listitem,
 * named by type and time). `onPick(index)` is called when an event is chosen.
 */
export function drawLadder(host, call, events, notes, agents, selectedEvent, onPick) {
  const parties = lanes(call, events);
  const ids = parties.map((p) => p.id);
  const stepNotes = notes.filter((n) => n.kind === 'step' && events.length &&
    n.line >= (events[0].line ?? Infinity) && n.line <= (events.at(-1).endLine ?? -Infinity));
  const rows = [];
  for (const e of events) {
    for (const n of stepNotes.filter((n) => n.line < e.line && !rows.some((r) => r.note === n))) rows.push({ note: n });
    rows.push({ event: e });
  }
  const bands = agents.filter((a) => call.agents.includes(a.key));
  const width = LEFT + parties.length * LANE;
  const height = TOP + rows.length * ROW + 20 + bands.length * 26;
  const x = (id) => LEFT + ids.indexOf(id) * LANE + LANE / 2;
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'list', 'aria-label': `Timeline of call ${call.key}`, class: 'ladder-svg',
  });
  root.append(svg('rect', { x: 0, y: 0, width, height, class: 'bg' }));
  parties.forEach((p) => {
    root.append(svg('text', { x: x(p.id), y: 20, class: `lane-label ${p.role}`, 'text-anchor': 'middle' }, p.label));
    root.append(svg('line', { x1: x(p.id), y1: 30, x2: x(p.id), y2: TOP + rows.length * ROW, class: 'lane' }));
  });
  root.append(svg('text', { x: 8, y: 20, class: 'axis' }, events.some((e) => e.time) ? 'time' : 'order'));
  rows.forEach((r, i) => {
    const y = TOP + i * ROW + ROW / 2;
    if (r.note) {
      root.append(svg('text', { x: LEFT, y: y + 4, class: 'note' }, r.note.text));
      return;
    }
    const e = r.event;
    const [from, to] = ends(e, ids);
    const label = e.time ? e.time.replace(/^.*T/, '').replace('Z', '') : `#${e.index + 1}`;
    const g = svg('g', {
      class: `event${e.index === selectedEvent ? ' selected' : ''}`, tabindex: 0, role: 'listitem',
      'data-index': e.index, 'aria-label': `${e.type} at ${label}`,
    });
    g.append(svg('rect', { x: 0, y: y - ROW / 2 + 2, width, height: ROW - 4, class: 'hit' }));
    g.append(svg('text', { x: 8, y: y + 4, class: 'axis' }, label));
    if (from === to) {
      g.append(svg('circle', { cx: x(from), cy: y, r: 5, class: `mark ${kind(e)}` }));
    } else {
      const dir = x(to) > x(from) ? -1 : 1;
      g.append(svg('line', { x1: x(from), y1: y, x2: x(to), y2: y, class: `arrow ${kind(e)}` }));
      g.append(svg('path', { d: `M${x(to)},${y} l${dir * 8},-5 l0,10 z`, class: `head ${kind(e)}` }));
    }
    const textX = Math.min(x(from), x(to)) + 8;
    g.append(svg('text', { x: textX, y: y - 6, class: 'event-label' }, e.type.replace(/_EVENT$/, '')));
    g.addEventListener('click', () => onPick(e.index));
    g.addEventListener('keydown', (k) => {
      if (k.key === 'Enter') onPick(e.index);
    });
    root.append(g);
  });
  let y = TOP + rows.length * ROW + 20;
  for (const a of bands) {
    const inCall = a.segments.filter((s) => s.start.event <= call.events.at(-1) && (s.end?.event ?? Infinity) >= call.events[0]);
    root.append(svg('text', { x: 8, y: y + 4, class: 'axis' }, a.agentId ?? a.key));
    inCall.forEach((s, i) => {
      const w = (width - LEFT) / Math.max(1, inCall.length);
      root.append(svg('rect', { x: LEFT + i * w, y: y - 10, width: w - 2, height: 18, class: `band state-${(s.state.symbol ?? 'x').toLowerCase()}` }));
      root.append(svg('text', { x: LEFT + i * w + 4, y: y + 4, class: 'band-label' }, s.state.symbol ?? String(s.state.value)));
    });
    y += 26;
  }
  host.replaceChildren(root);
  return root;
}

function kind(e) {
  if (/CLEARED|END_CALL|FAILED/.test(e.type)) return 'end';
  if (/ESTABLISHED|CONNECTED/.test(e.type)) return 'answer';
  if (/DELIVERED|QUEUED|BEGIN|ORIGINATED/.test(e.type)) return 'offer';
  return 'other';
}

/** Buttons for the calls linked to `call`. */
export function linkButtons(call, onOpen) {
  return call.links.map((l) => {
    const b = el('button', { type: 'button', title: `${l.basis} (rule ${l.rule})` }, `${l.kind.replace('_', ' ')}: call ${l.call}`);
    b.addEventListener('click', () => onOpen(l.call));
    return b;
  });
}
