// @ts-check
// The agent timeline: one row per agent over the log's time, its states as bands scaled to time
// and its calls as bars coloured by outcome, drawn on a canvas from the Worker's typed-array
// columns (CtiLog.agentColumns). Only the rows and spans in view are drawn: a segment is found
// by binary search, and spans narrower than a pixel merge. Wheel or pinch zooms around the
// pointer, drag pans, the keyboard does both (+ − ← → ↑ ↓ 0); a click on a call opens it. Each
// frame's drawing time is kept, for the benchmark and the e2e suite.
import { OUTCOMES } from './call-table.js';
import { stringTable } from './pkg/strings.js';

const ROW = 24;
const LABEL = 150;
const AXIS = 24;
/** State colours by AgentState symbol (reference §4.4); any other state gets the muted colour. */
const STATES = {
  AGENT_STATE_AVAILABLE: '#16a34a', AGENT_STATE_TALKING: '#2563eb', AGENT_STATE_HOLD: '#7c3aed',
  AGENT_STATE_RESERVED: '#0891b2', AGENT_STATE_NOT_READY: '#d97706', AGENT_STATE_WORK_READY: '#ea580c',
  AGENT_STATE_WORK_NOT_READY: '#ea580c', AGENT_STATE_BUSY_OTHER: '#be185d', AGENT_STATE_ACTIVE: '#2563eb',
  AGENT_STATE_PAUSED: '#a16207', AGENT_STATE_LOGOUT: '#d1d5db', AGENT_STATE_LOGIN: '#9ca3af',
};

export class AgentTimeline {
  /**
   * `host` holds the canvas and scrolls vertically; `columns` are CtiLog.agentColumns();
   * `onCall(callIndex)` opens a call.
   */
  constructor(host, columns, onCall) {
    this.host = host;
    this.c = columns;
    this.onCall = onCall;
    this.frames = [];
    this.names = this.strings();
    this.rows = this.index();
    let [lo, hi] = [Infinity, -Infinity];
    for (const column of [columns.segmentStart, columns.callStart, columns.segmentEnd, columns.callEnd]) {
      for (const t of column) {
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    }
    this.full = Number.isFinite(lo) ? [lo, Math.max(hi, lo + 1000)] : [0, 1000];
    [this.t0, this.t1] = this.full;
    this.build();
    this.measure();
  }

  /** The string table as an array. */
  strings() {
    return stringTable(this.c);
  }

  /** Per agent: its segments and calls (indices into the columns), each in start order. */
  index() {
    const rows = Array.from(this.c.agent, (key) => ({ key: this.names[key], segments: [], calls: [] }));
    this.c.segmentAgent.forEach((a, i) => rows[a].segments.push(i));
    this.c.callAgent.forEach((a, i) => rows[a].calls.push(i));
    for (const r of rows) r.calls.sort((x, y) => this.c.callStart[x] - this.c.callStart[y]);
    return rows.sort((a, b) => a.key.localeCompare(b.key));
  }

  build() {
    this.spacer = document.createElement('div');
    this.spacer.className = 'agents-spacer';
    this.canvas = document.createElement('canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `Agent timeline: ${this.rows.length} agents; + and − zoom, arrows pan, 0 shows all; a click on a call opens it`);
    this.host.replaceChildren(this.canvas, this.spacer);
    this.spacer.style.height = `${this.rows.length * ROW + AXIS}px`; // CSSOM: allowed by the CSP
    this.host.onscroll = () => this.draw();
    this.canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      this.zoom(e.deltaY < 0 ? 0.8 : 1.25, this.timeAt(e.offsetX));
    }, { passive: false });
    this.pointers();
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    new ResizeObserver(() => this.draw()).observe(this.host);
  }

  /** Drag pans; two fingers pinch-zoom; a click on a call opens it. */
  pointers() {
    const down = new Map();
    let moved = false;
    this.canvas.addEventListener('pointerdown', (e) => {
      down.set(e.pointerId, e.offsetX);
      moved = false;
      this.canvas.setPointerCapture(e.pointerId);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!down.has(e.pointerId)) return;
      const before = [...down.values()];
      down.set(e.pointerId, e.offsetX);
      const after = [...down.values()];
      if (after.length === 2) {
        const [w0, w1] = [Math.abs(before[0] - before[1]), Math.abs(after[0] - after[1])];
        if (w0 > 0 && w1 > 0) this.zoom(w0 / w1, this.timeAt((after[0] + after[1]) / 2));
      } else {
        const dx = e.offsetX - before[0];
        if (Math.abs(dx) > 0) moved = true;
        this.pan(-dx * this.msPerPx());
      }
    });
    const up = (e) => {
      if (down.size === 1 && !moved) this.click(e.offsetX, e.offsetY);
      down.delete(e.pointerId);
    };
    this.canvas.addEventListener('pointerup', up);
    this.canvas.addEventListener('pointercancel', (e) => down.delete(e.pointerId));
  }

  key(e) {
    const step = (this.t1 - this.t0) / 5;
    const actions = {
      '+': () => this.zoom(0.5), '=': () => this.zoom(0.5), '-': () => this.zoom(2),
      ArrowLeft: () => this.pan(-step), ArrowRight: () => this.pan(step),
      ArrowUp: () => { this.host.scrollTop -= ROW * 3; }, ArrowDown: () => { this.host.scrollTop += ROW * 3; },
      0: () => { [this.t0, this.t1] = this.full; this.draw(); },
    };
    if (!actions[e.key]) return;
    e.preventDefault();
    actions[e.key]();
  }

  // Layout is read once per frame (`measure`): reading clientWidth per span costs more than
  // drawing it.
  measure() {
    this.w = this.host.clientWidth;
    this.h = this.host.clientHeight;
    this.top = this.host.scrollTop;
  }

  width() { return this.w - LABEL; }
  msPerPx() { return (this.t1 - this.t0) / Math.max(1, this.width()); }
  timeAt(x) { return this.t0 + (x - LABEL) * this.msPerPx(); }
  x(t) { return LABEL + ((t - this.t0) * Math.max(1, this.width())) / (this.t1 - this.t0); }

  /** Zooms by `factor` (< 1 in) around time `at` (the middle when not given). */
  zoom(factor, at = (this.t0 + this.t1) / 2) {
    const span = Math.max(100, (this.t1 - this.t0) * factor);
    const share = (at - this.t0) / (this.t1 - this.t0);
    this.t0 = at - share * span;
    this.t1 = this.t0 + span;
    this.draw();
  }

  pan(ms) {
    this.t0 += ms;
    this.t1 += ms;
    this.draw();
  }

  /** The call bar under (x, y), opened. */
  click(x, y) {
    this.measure();
    const row = this.rows[Math.floor((y + this.top - AXIS) / ROW)];
    if (!row || x < LABEL) return;
    const t = this.timeAt(x);
    const slack = 3 * this.msPerPx();
    const hit = row.calls.find((i) => this.c.callStart[i] - slack <= t && (this.c.callEnd[i] ?? this.c.callStart[i]) + slack >= t);
    if (hit !== undefined) this.onCall(this.c.call[hit]);
  }

  /** The first of `list` (indices sorted by start) that may reach into view: binary search. */
  first(list, starts) {
    let [lo, hi] = [0, list.length];
    const from = this.t0 - (this.t1 - this.t0); // spans starting a view's width earlier may still show
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[list[mid]] < from) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  draw() {
    const started = performance.now();
    const ratio = window.devicePixelRatio || 1;
    this.measure();
    const { w, h } = this;
    if (!w || !h) return;
    if (this.canvas.width !== w * ratio || this.canvas.height !== h * ratio) {
      this.canvas.width = w * ratio;
      this.canvas.height = h * ratio;
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    this.canvas.style.top = `${this.top}px`;
    const g = this.canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    // The page's colours, read once per frame (reading a style per span would cost more than
    // drawing it).
    const css = getComputedStyle(this.host);
    const cache = new Map();
    const color = (name) => {
      let c = cache.get(name);
      if (c === undefined) {
        c = css.getPropertyValue(`--${name}`).trim() || '#6b7280';
        cache.set(name, c);
      }
      return c;
    };
    g.fillStyle = color('bg');
    g.fillRect(0, 0, w, h);
    g.font = '12px system-ui, sans-serif';
    this.axis(g, w, color);
    const firstRow = Math.floor(this.top / ROW);
    for (let r = firstRow; r < Math.min(this.rows.length, firstRow + Math.ceil(h / ROW) + 1); r += 1) {
      const y = AXIS + r * ROW - this.top;
      this.row(g, this.rows[r], y, w, color);
    }
    this.frames.push(performance.now() - started);
    this.host.dataset.frames = JSON.stringify(this.frameStats());
  }

  axis(g, w, color) {
    g.fillStyle = color('muted');
    // A tick per 100 px; the time of day, with milliseconds when zoomed in below 10 s.
    const ticks = Math.max(1, Math.floor(this.width() / 100));
    const fine = this.t1 - this.t0 < 10000;
    for (let i = 0; i < ticks; i += 1) {
      const t = this.t0 + ((this.t1 - this.t0) * i) / ticks;
      g.fillText(new Date(t).toISOString().slice(11, fine ? 23 : 19), LABEL + (this.width() * i) / ticks, 15);
    }
  }

  row(g, row, y, w, color) {
    g.fillStyle = color('fg');
    g.fillText(row.key.length > 20 ? `${row.key.slice(0, 19)}…` : row.key, 4, y + 15);
    g.save();
    g.beginPath();
    g.rect(LABEL, y, w - LABEL, ROW);
    g.clip();
    const { segmentStart, segmentEnd, segmentState, callStart, callEnd, callOutcome } = this.c;
    const muted = color('muted');
    const outcomes = OUTCOMES.map((o) => color(o));
    const states = this.names.map((n) => STATES[n] ?? muted);
    this.spans(g, row.segments, segmentStart, segmentEnd, y + 3, 11, (i) => states[segmentState[i]], true);
    this.spans(g, row.calls, callStart, callEnd, y + 15, 6, (i) => outcomes[callOutcome[i]], false);
    g.restore();
  }

  /**
   * Spans `list` (sorted by start) in view, each drawn once over what is already drawn (merged
   * below a pixel wide). A span with no end (`open`: the agent's last state) reaches the end of
   * the log when `open` is true, else shows as a tick (a call whose end the log does not have).
   */
  spans(g, list, starts, ends, y, height, colorOf, open) {
    let drawnTo = -Infinity;
    let fill = null; // the colour set last (reading ctx.fillStyle back would parse it)
    const right = this.w;
    for (let k = this.first(list, starts); k < list.length; k += 1) {
      const i = list[k];
      let x0 = this.x(starts[i]);
      if (x0 > right) break;
      const x1 = Number.isFinite(ends[i]) ? this.x(ends[i]) : open ? this.x(this.full[1]) : x0 + 2;
      if (x1 < LABEL || x1 <= drawnTo + 0.5) continue;
      x0 = Math.max(x0, drawnTo, LABEL);
      const c = colorOf(i);
      if (c !== fill) {
        g.fillStyle = c;
        fill = c;
      }
      g.fillRect(x0, y, Math.max(1, Math.min(x1, right) - x0), height);
      drawnTo = x1;
    }
  }

  /** The states this log's agents were in, with their colours: [[name, colour]…]. */
  legend() {
    const used = new Set(this.c.segmentState);
    return [...used].map((i) => [this.names[i].replace(/^AGENT_STATE_/, ''), STATES[this.names[i]]])
      .sort((a, b) => a[0].localeCompare(b[0]));
  }

  /** Frame drawing times so far (ms): count, median, 95th percentile, max. */
  frameStats() {
    const sorted = [...this.frames].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { count: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
  }
}
