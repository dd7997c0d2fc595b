// @ts-check
// Live replay: a log replayed through the live API (`cti-outcome/live`) at its own pace or
// faster, as an agent desktop would receive it, the calls changing phase as their events
// arrive. Finesse notifications (`<Update>` XML) are pushed one by one; a CTI text dump event
// by event. Frames and traces are not replayed (say so).
import { byId, el } from './dom.js';
import { state } from './state.js';

/** @typedef {import('./pkg/live.js').CallChange} CallChange */

/** The longest wait between two pushes (ms), however far apart their times are. */
const LONGEST_WAIT = 1500;
/** The wait between pushes without times (ms, before the speed-up). */
const UNTIMED_WAIT = 400;
/** Text replayed at most (bytes): a replay is for watching, not for whole days. */
const MOST = 4 * 1024 * 1024;

let running = 0;

/** The pushes of a text: its notifications, or its dump's events. */
export function pushesOf(text) {
  if (/<Update[\s>]/.test(text)) return text.split(/(?=<Update[\s>])/).filter((p) => p.includes('<Update'));
  if (/MsgType/i.test(text)) return text.split(/^(?=.*MsgType)/im).filter((p) => /MsgType/i.test(p));
  return [];
}

/** A push's time (ms since 1970), from its first ISO timestamp, when it has one. */
function timeOf(push) {
  const m = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?/.exec(push);
  const t = m ? Date.parse(m[0].endsWith('Z') ? m[0] : `${m[0]}Z`) : NaN;
  return Number.isFinite(t) ? t : null;
}

const calls = (n) => `${n} call${n === 1 ? '' : 's'}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The row of a call in the live table, made when first seen. */
function rowOf(rows, key) {
  let row = rows.get(key);
  if (!row) {
    row = el('tr', { 'data-key': key }, el('td', {}, key), el('td', { class: 'phase' }), el('td', { class: 'kind' }), el('td', { class: 'why' }));
    rows.set(key, row);
    byId('live-body').append(row);
  }
  return row;
}

/** Shows a change: phase, outcome and why, through text nodes. */
function show(rows, /** @type {CallChange} */ change) {
  const row = rowOf(rows, change.key);
  const [, phase, kind, why] = row.children;
  phase.textContent = change.phase;
  kind.textContent = change.outcome.kind.replace(/_/g, ' ');
  why.textContent = change.outcome.reason;
  row.setAttribute('data-phase', change.phase);
  row.setAttribute('data-outcome', change.outcome.kind);
}

/** Replays the pasted text, or else the log last opened. */
async function replay() {
  const run = ++running;
  const pasted = byId('text', HTMLTextAreaElement).value;
  const file = state.source?.file;
  const text = pasted.trim() ? pasted : file ? await file.slice(0, MOST).text() : '';
  const pushes = pushesOf(text);
  const status = byId('live-status');
  if (pushes.length === 0) {
    status.textContent = 'Nothing to replay: paste or open Finesse notifications (<Update> XML) or a CTI text dump (MsgType: …). Frames, captures and server traces are not replayed.';
    return;
  }
  const [{ default: init, LiveView }] = await Promise.all([import('./pkg/live.js')]);
  await init();
  const view = new LiveView({ keepEndedMs: 60 * 60 * 1000 });
  byId('live-body').replaceChildren();
  const rows = new Map();
  const speed = Number(byId('live-speed', HTMLSelectElement).value);
  let last = null;
  try {
    for (const [i, push] of pushes.entries()) {
      if (run !== running) return;
      const t = timeOf(push);
      const wait = t !== null && last !== null ? Math.min(Math.max(t - last, 0), LONGEST_WAIT * speed) : UNTIMED_WAIT;
      if (t !== null) last = t;
      if (speed > 0 && i > 0) await sleep(wait / speed);
      for (const change of view.push(push).changes) show(rows, change);
      status.textContent = `push ${i + 1} of ${pushes.length}; ${calls(rows.size)}`;
    }
    for (const change of view.finish().changes) show(rows, change);
    status.textContent = `replayed ${pushes.length} pushes; ${calls(rows.size)}`;
    document.body.dataset.live = 'done';
  } finally {
    view.free();
  }
}

/** Wires the Live replay box. */
export function setupLive() {
  byId('live-replay', HTMLButtonElement).addEventListener('click', () => {
    document.body.dataset.live = 'running';
    replay().catch((err) => {
      byId('live-status').textContent = `Replay failed: ${err.message}`;
    });
  });
  byId('live-stop', HTMLButtonElement).addEventListener('click', () => {
    running += 1;
    byId('live-status').textContent = 'stopped';
  });
}
