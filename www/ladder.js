// @ts-check
// The timeline of a call as a ladder (see ladder-model.js for what it shows): a lane per party,
// one row per event with an arrow (or a mark) in its call's colour, the message type and the
// values that explain it, its time and the delta from the row before; the calls linked to it
// drawn in the same flow with a legend; the agents' state bands underneath, scaled to time. It
// takes the width its pane has (the lanes share it) and scrolls inside it only when the lanes
// need more; every label stays inside the drawing, a long one cut with an ellipsis and whole in
// its tooltip. In a narrow pane it reads top to bottom instead: one row per event with its
// parties, its type and values on lines of their own, no lanes to cut off.
import { el, svg } from './dom.js';
import { ladderModel, span, timeMs } from './ladder-model.js';

const LEFT = 150;
const ROW = 40;
const TOP = 70;
const MIN_LANE = 120;
/** Below this pane width (px) the ladder is drawn as rows (see drawRows). */
const NARROW = 560;
const ROW_NARROW = 58;
/** Average width of a character of the 12 px labels (px), for placing text before it is drawn. */
const CHAR = 6.6;

/** Measures text in the drawing's font (a canvas's metrics: what the SVG will draw). */
const measure = (() => {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, px = 12, weight = 400) => {
    if (!ctx) return text.length * CHAR * (px / 12);
    ctx.font = `${weight} ${px}px system-ui, sans-serif`;
    return ctx.measureText(text).width;
  };
})();

/** `text` cut to `room` pixels at `px` size, with an ellipsis (the longest start that fits). */
function fit(text, room, px, weight) {
  if (measure(text, px, weight) <= room) return text;
  let [lo, hi] = [1, text.length - 1];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`, px, weight) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Font size (px) and weight of the label classes that differ from 12 px normal (style.css). */
const SIZE = { 'event-values': 11, delta: 11, 'band-label': 10 };
const WEIGHT = { title: 600, 'lane-label': 600 };

/** A text element that cannot leave [min, max]: cut to fit, whole in its <title>. */
function label(x, y, text, { min = 0, max, anchor = 'start', cls }) {
  const room = anchor === 'middle' ? 2 * Math.min(x - min, max - x) : anchor === 'end' ? x - min : max - x;
  const shown = fit(text, room, SIZE[cls] ?? 12, WEIGHT[cls?.split(' ')[0]] ?? 400);
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
  const pane = host.clientWidth || 800;
  if (pane < NARROW) return drawRows(host, m, flows, { agents, selected, relative, title, pane }, onPick);
  const lane = Math.max(MIN_LANE, (pane - LEFT - 8) / m.lanes.length);
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

/** The legend: the calls of the flow, on one line, or one per line (`stacked`). */
function legend(entries, width, stacked = false) {
  const g = svg('g', { class: 'legend', 'aria-label': 'Calls in this flow' });
  let at = 8;
  entries.forEach((l, i) => {
    const text = `call ${l.key}${l.link ? ` (${l.link})` : ' (this call)'}: ${l.outcome}`;
    const [x, y] = stacked ? [8, 30 + i * 18] : [at, 30];
    g.append(svg('rect', { x, y, width: 10, height: 10, class: `swatch flow-${l.flow % 6}` }));
    g.append(label(x + 14, y + 9, text, { max: width - 4, cls: 'legend-label' }));
    at += 24 + measure(text);
  });
  return g;
}

/**
 * The ladder in a narrow pane: the drawing as wide as the pane, one row per event from top to
 * bottom — its time and delta, then who sent it to whom (an arrow in its call's colour) and its
 * type, then the values that explain it — so nothing is cut off by lanes that do not fit.
 */
function drawRows(host, m, flows, { agents, selected, relative, title, pane }, onPick) {
  const call = flows[0].call;
  const width = Math.max(240, Math.floor(pane));
  const lanes = new Map(m.lanes.map((l) => [l.id, l.label]));
  const bands = agents.filter((a) => call.agents.includes(a.key));
  const legendRows = flows.length > 1 ? flows.length : 0;
  const top = 44 + legendRows * 18;
  const height = top + m.rows.length * ROW_NARROW + 24 + bands.length * 26;
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'list', 'aria-label': `Timeline of call ${call.key}`, class: 'ladder-svg rows',
  });
  root.append(svg('title', {}, title), svg('rect', { x: 0, y: 0, width, height, class: 'bg' }));
  root.append(label(8, 18, title, { max: width - 8, cls: 'title' }));
  if (legendRows) root.append(legend(m.legend, width, true));
  root.append(svg('text', { x: 8, y: top - 4, class: 'axis' }, m.timed ? (relative ? 'from the first event' : 'time of day') : 'order'));
  const multi = flows.length > 1;
  m.rows.forEach((r, i) => {
    const y = top + i * ROW_NARROW;
    if (r.note) {
      root.append(label(8, y + 20, r.note.text, { max: width - 4, cls: 'note' }));
      return;
    }
    const e = r.event;
    const key = flows[r.flow].call.key;
    const g = svg('g', {
      class: `event flow-${r.flow % 6}${e.index === selected ? ' selected' : ''}`, tabindex: 0, role: 'listitem',
      'data-index': e.index, 'aria-label': `${e.type} at ${r.time}${multi ? ` (call ${key})` : ''}`,
    });
    g.append(svg('rect', { x: 0, y: y + 1, width, height: ROW_NARROW - 2, class: 'hit' }));
    g.append(svg('text', { x: 8, y: y + 14, class: 'axis' }, r.time));
    if (r.delta !== undefined) g.append(label(width - 8, y + 14, `Δ ${span(r.delta)}`, { min: width / 2, max: width - 8, anchor: 'end', cls: 'delta' }));
    const parties = r.from === r.to ? `at ${lanes.get(r.from)}` : `${lanes.get(r.from)} → ${lanes.get(r.to)}`;
    if (r.from === r.to) g.append(svg('circle', { cx: 14, cy: y + 29, r: 5, class: `mark ${r.kind}` }));
    else {
      g.append(svg('line', { x1: 8, y1: y + 29, x2: 22, y2: y + 29, class: `arrow ${r.kind}` }));
      g.append(svg('path', { d: `M24,${y + 29} l-8,-5 l0,10 z`, class: `head ${r.kind}` }));
    }
    const text = `${r.type}${multi ? ` [${key}]` : ''} · ${parties}`;
    g.append(label(30, y + 33, text, { min: 30, max: width - 4, cls: 'event-label' }));
    if (r.values.length) g.append(label(30, y + 49, r.values.join(' · '), { min: 30, max: width - 4, cls: 'event-values' }));
    g.addEventListener('click', () => onPick(e.index));
    g.addEventListener('keydown', (k) => {
      if (k.key === 'Enter') onPick(e.index);
    });
    root.append(g);
  });
  drawBands(root, bands, call, top + m.rows.length * ROW_NARROW + 24, width);
  host.replaceChildren(root);
  return root;
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
  const longest = Math.max(measure(text), measure(r.values.join(' · '), 11));
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
