// @ts-check
// The timeline of a call as a ladder (see ladder-model.js for what it shows): a lane per party,
// one row per event with an arrow (or a mark) in its call's colour, the message type and the
// values that explain it, its time and the delta from the row before; the calls linked to it
// drawn in the same flow with a legend; the agents' state bands underneath, scaled to time. It
// takes the width its pane has and scrolls inside it when the lanes need more; every label stays
// inside the drawing, a long one cut with an ellipsis and whole in its tooltip.
import { el, svg } from './dom.js';
import { ladderModel, span, timeMs } from './ladder-model.js';

const LEFT = 150;
const ROW = 40;
const TOP = 70;
const MIN_LANE = 120;
const MAX_LANE = 190;
/** Average width of a character of the 12 px labels (px), for fitting text. */
const CHAR = 6.6;

/** `text` cut to `px` pixels, with an ellipsis. */
function fit(text, px) {
  const n = Math.floor(px / CHAR);
  return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1))}…`;
}

/** A text element that cannot leave [min, max]: cut to fit, whole in its <title>. */
function label(x, y, text, { min = 0, max, anchor = 'start', cls }) {
  const room = anchor === 'middle' ? 2 * Math.min(x - min, max - x) : anchor === 'end' ? x - min : max - x;
  const shown = fit(text, room);
  const t = svg('text', { x, y, class: cls, 'text-anchor': anchor }, shown);
  if (shown !== text) t.append(svg('title', {}, text));
  return t;
}

/**
 * Draws the ladder of `flows` ([{ call, events, link? }], the selected call first) into `host`:
 * an <svg> with one focusable group per event (role listitem, named by type and time).
 * `onPick(index)` is called when an event is chosen. Returns the <svg>.
 */
export function drawLadder(host, flows, { notes = [], agents = [], selected = null, relative = false, title = '' }, onPick) {
  const m = ladderModel(flows, notes, { relative });
  const call = flows[0].call;
  const lane = Math.max(MIN_LANE, Math.min(MAX_LANE, ((host.clientWidth || 800) - LEFT - 8) / m.lanes.length));
  const bands = agents.filter((a) => call.agents.includes(a.key));
  const legendRows = flows.length > 1 ? 1 : 0;
  const top = TOP + legendRows * 20;
  const width = Math.ceil(LEFT + m.lanes.length * lane);
  const height = top + m.rows.length * ROW + 24 + bands.length * 26;
  const x = (id) => LEFT + m.lanes.findIndex((l) => l.id === id) * lane + lane / 2;
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'list', 'aria-label': `Timeline of call ${call.key}`, class: 'ladder-svg',
  });
  root.append(svg('title', {}, title), svg('rect', { x: 0, y: 0, width, height, class: 'bg' }));
  root.append(label(8, 18, title, { max: width - 8, cls: 'title' }));
  if (legendRows) root.append(legend(m.legend, width));
  m.lanes.forEach((p) => {
    const cx = x(p.id);
    root.append(label(cx, top - 22, p.label, { min: cx - lane / 2 + 2, max: cx + lane / 2 - 2, anchor: 'middle', cls: `lane-label ${p.role}` }));
    root.append(svg('line', { x1: cx, y1: top - 14, x2: cx, y2: top + m.rows.length * ROW, class: 'lane' }));
  });
  root.append(svg('text', { x: 8, y: top - 22, class: 'axis' }, m.timed ? (relative ? 'from the first event' : 'time of day') : 'order'));
  m.rows.forEach((r, i) => {
    const y = top + i * ROW + ROW / 2;
    if (r.note) root.append(label(LEFT, y + 4, r.note.text, { max: width - 4, cls: 'note' }));
    else root.append(row(r, y, { x, width, selected, multi: flows.length > 1, key: flows[r.flow].call.key }, onPick));
  });
  drawBands(root, bands, call, top + m.rows.length * ROW + 24, width);
  host.replaceChildren(root);
  return root;
}

function legend(entries, width) {
  const g = svg('g', { class: 'legend', 'aria-label': 'Calls in this flow' });
  let at = 8;
  for (const l of entries) {
    const text = `call ${l.key}${l.link ? ` (${l.link})` : ' (this call)'}: ${l.outcome}`;
    g.append(svg('rect', { x: at, y: 30, width: 10, height: 10, class: `swatch flow-${l.flow % 6}` }));
    g.append(label(at + 14, 39, text, { max: width - 4, cls: 'legend-label' }));
    at += 24 + text.length * CHAR;
  }
  return g;
}

function row(r, y, { x, width, selected, multi, key }, onPick) {
  const e = r.event;
  const g = svg('g', {
    class: `event flow-${r.flow % 6}${e.index === selected ? ' selected' : ''}`, tabindex: 0, role: 'listitem',
    'data-index': e.index, 'aria-label': `${e.type} at ${r.time}${multi ? ` (call ${key})` : ''}`,
  });
  g.append(svg('rect', { x: 0, y: y - ROW / 2 + 1, width, height: ROW - 2, class: 'hit' }));
  g.append(svg('text', { x: 8, y: y - 2, class: 'axis' }, r.time));
  if (r.delta !== undefined) g.append(svg('text', { x: 8, y: y + 12, class: 'delta' }, `Δ ${span(r.delta)}`));
  const [a, b] = [x(r.from), x(r.to)];
  if (a === b) {
    g.append(svg('circle', { cx: a, cy: y, r: 5, class: `mark ${r.kind}` }));
  } else {
    const dir = b > a ? -1 : 1;
    g.append(svg('line', { x1: a, y1: y, x2: b, y2: y, class: `arrow ${r.kind}` }));
    g.append(svg('path', { d: `M${b},${y} l${dir * 8},-5 l0,10 z`, class: `head ${r.kind}` }));
  }
  // The label goes on the side of the arrow's start with more room, and stays inside the drawing.
  const text = `${r.type}${multi ? ` [${key}]` : ''}`;
  const longest = Math.max(text.length, r.values.join(' · ').length) * CHAR;
  const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
  const right = width - 4 - (lo + 8);
  const left = (a === b ? lo - 8 : hi - 8) - LEFT;
  const leftSide = longest > right && left > right;
  const at = leftSide ? (a === b ? lo - 8 : hi - 8) : lo + 8;
  const opts = leftSide ? { min: LEFT, max: width - 4, anchor: 'end' } : { min: LEFT, max: width - 4 };
  g.append(label(at, y - 6, text, { ...opts, cls: 'event-label' }));
  if (r.values.length) g.append(label(at, y + 14, r.values.join(' · '), { ...opts, cls: 'event-values' }));
  g.addEventListener('click', () => onPick(e.index));
  g.addEventListener('keydown', (k) => {
    if (k.key === 'Enter') onPick(e.index);
  });
  return g;
}

/**
 * Each agent's states during the call, as bands scaled to time (to the call's start and end;
 * to event order when the log has no times).
 */
function drawBands(root, bands, call, top, width) {
  const first = call.events[0];
  const last = call.events.at(-1);
  const [t0, t1] = [timeMs(call.start.time), timeMs(call.end?.time)];
  const timed = t0 !== undefined && t1 !== undefined && t1 > t0;
  const share = (p) => {
    const t = timeMs(p.time);
    const f = timed && t !== undefined ? (t - t0) / (t1 - t0) : (p.event - first) / Math.max(1, last - first);
    return Math.min(1, Math.max(0, f));
  };
  const at = (p) => LEFT + share(p) * (width - LEFT - 8);
  let y = top;
  for (const a of bands) {
    root.append(label(8, y + 4, a.agentId ?? a.key, { max: LEFT - 4, cls: 'axis' }));
    const inCall = a.segments.filter((s) => s.start.event <= last && (s.end?.event ?? Infinity) >= first);
    for (const s of inCall) {
      const x0 = at(s.start);
      const x1 = s.end ? at(s.end) : width - 8;
      const name = s.state.symbol ?? String(s.state.value);
      root.append(svg('rect', { x: x0, y: y - 10, width: Math.max(2, x1 - x0 - 1), height: 18, class: `band state-${name.toLowerCase()}` }, svg('title', {}, name)));
      root.append(label(x0 + 3, y + 4, name, { max: x1 - 2, cls: 'band-label' }));
    }
    if (!inCall.length) root.append(svg('text', { x: LEFT, y: y + 4, class: 'note' }, 'no state change during this call'));
    y += 26;
  }
}

/** One button per call linked to `call`, listing every link to it with the rule that made it. */
export function linkButtons(call, onOpen) {
  const byCall = new Map();
  for (const l of call.links) byCall.set(l.call, [...(byCall.get(l.call) ?? []), l]);
  return [...byCall].map(([key, links]) => {
    const kinds = links.map((l) => `${l.kind.replace('_', ' ')} (${l.rule})`).join(', ');
    const b = el('button', { type: 'button', title: links.map((l) => l.basis).join('; ') }, `call ${key}: ${kinds}`);
    b.addEventListener('click', () => onOpen(key));
    return b;
  });
}
