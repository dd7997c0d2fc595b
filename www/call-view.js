// @ts-check
// The selected call: its title, outcome with the reason in full, the evidence events (links into
// the ladder), remarks and what is missing; the calls linked to it, once each with the rules that
// linked them; and its ladder, drawn with those calls in one flow. A call of a call-record export
// shows its legs instead.
import { call as fetchCall, events as fetchEvents } from './decode.js';
import { byId, el } from './dom.js';
import { exportPng, exportSvg, exportText } from './export.js';
import { drawLadder, linkButtons } from './ladder.js';
import { ladderText } from './ladder-text.js';
import { drawLegs } from './legs.js';
import { selectedRow, state, update } from './state.js';

/** What is on screen: the flows ([{ call, events, link? }]), every event of them in log order,
 * the selected call's agents, the drawing. */
export const shown = { flows: [], events: [], agents: [], svg: null, relative: false };

/** The deep link of call `key` in the open log. */
export const hashOf = (key) => `#call=${encodeURIComponent(key)}&log=${encodeURIComponent(state.source?.name ?? '')}`;

const title = (call) => `Call ${call.key} · ${call.outcome.kind} · ${state.source?.name ?? ''}`;

/** Shows the selected call (or hides the pane when none is). */
export async function showCall() {
  const row = selectedRow();
  if (row < 0) {
    byId('call').hidden = true;
    document.body.classList.remove('call-open');
    shown.flows = [];
    shown.events = [];
    return;
  }
  const { call, agents } = await fetchCall(row);
  if (state.selected !== call.key) return; // another call was chosen meanwhile
  if (location.hash !== hashOf(call.key)) history.replaceState(null, '', hashOf(call.key));
  document.body.classList.add('call-open');
  // The time toggle and the text export are the ladder's; a record call draws its legs instead.
  const records = Boolean(state.summary?.records);
  byId('relative-time', HTMLInputElement).closest('label').hidden = records;
  byId('export-text').hidden = records;
  if (records) return showRecordCall(call);
  byId('call-title').textContent = `Call ${call.key} · ${call.callType?.symbol ?? 'type unknown'} · ${call.direction}`;
  byId('call-outcome').replaceChildren(el('span', { class: `outcome ${call.outcome.kind}` }, call.outcome.kind), ` ${call.outcome.reason}`);
  drawWhy(call);
  byId('call-links').replaceChildren(...linkButtons(call, (key) => update({ selected: key, event: null })));
  byId('call').hidden = false;
  const flows = [{ call, events: await eventsOf(call) }];
  for (const [key, kinds] of linked(call)) {
    const at = state.table.find(key);
    if (at < 0) continue; // not listed (yet): the link button still says it
    const other = (await fetchCall(at)).call;
    flows.push({ call: other, events: await eventsOf(other), link: kinds });
  }
  if (state.selected !== call.key) return;
  shown.flows = flows;
  shown.agents = agents;
  shown.events = flows.flatMap((f) => f.events).sort((a, b) => a.index - b.index)
    .filter((e, i, all) => i === 0 || all[i - 1].index !== e.index);
  redraw();
}

async function eventsOf(call) {
  const list = await fetchEvents(call.events);
  return list.map((e, i) => ({ ...e, index: call.events[i] }));
}

/** The calls linked to `call`, each once, with the kinds of link: Map key → "consult, transfer". */
function linked(call) {
  const out = new Map();
  for (const l of call.links) out.set(l.call, [out.get(l.call), l.kind.replace('_', ' ')].filter(Boolean).join(', '));
  return out;
}

/** Evidence (as buttons that select the event in the ladder), what is missing, the remarks. */
function drawWhy(call) {
  const evidence = call.outcome.evidence.map((e) => {
    const b = el('button', { type: 'button', class: 'link' }, `${e.type}${e.field ? ` ${e.field} = ${e.value}` : ''}${e.meaning ? ` (${e.meaning})` : ''}`);
    b.addEventListener('click', () => update({ event: e.event }));
    return el('li', {}, 'Evidence: ', b);
  });
  byId('call-why').replaceChildren(
    ...evidence,
    ...(call.outcome.missing ? [el('li', {}, `Missing: ${call.outcome.missing}`)] : []),
    ...call.remarks.map((r) => el('li', { class: 'remark' }, `Remark: ${r}`)),
  );
}

/** Draws the ladder again (a selection or the time toggle changed). */
export function redraw() {
  if (!shown.flows.length || state.summary?.records) return;
  shown.svg = drawLadder(byId('ladder'), shown.flows, {
    notes: state.summary?.notes ?? [], agents: shown.agents, selected: state.event, relative: shown.relative,
    title: title(shown.flows[0].call),
  }, (index) => update({ event: index }));
}

/** A call of a call-record export: outcome with its evidence cells, legs on a time axis. */
function showRecordCall(call) {
  byId('call-title').textContent = `Call ${call.key} · ${call.direction} · ${call.legs.length} ${call.legs.length === 1 ? 'row' : 'rows'}`;
  byId('call-outcome').replaceChildren(el('span', { class: `outcome ${call.outcome.kind}` }, call.outcome.kind), ` ${call.outcome.reason}`);
  byId('call-why').replaceChildren(
    ...call.outcome.evidence.map((e) => el('li', {}, `Evidence: ${e.source ? `${e.source} ` : ''}row ${e.row} ${e.column} = ${e.value || '(empty)'}`)),
    ...call.remarks.map((r) => el('li', {}, `Remark: ${r}`)),
  );
  byId('call-links').replaceChildren();
  byId('call').hidden = false;
  shown.flows = [];
  shown.events = [];
  drawLegs(byId('ladder'), call, state.summary.records);
  shown.svg = byId('ladder').querySelector('svg');
}

/** Wires the pane's buttons: exports and the time toggle. */
export function setupCallView() {
  const name = () => `call-${state.selected}`;
  byId('export-svg').addEventListener('click', () => shown.svg && exportSvg(shown.svg, name()));
  byId('export-png').addEventListener('click', () => shown.svg && exportPng(shown.svg, name()));
  byId('export-text').addEventListener('click', () => shown.flows.length && exportText(ladderText(shown.flows, {
    notes: state.summary?.notes ?? [], title: title(shown.flows[0].call), relative: shown.relative,
  }), name()));
  const relative = byId('relative-time', HTMLInputElement);
  relative.addEventListener('change', () => {
    shown.relative = relative.checked;
    redraw();
  });
  byId('close-call').addEventListener('click', () => update({ selected: null, event: null }));
  // The ladder takes its pane's width: drawn again when that changes (the window, the layout
  // with a call open, a scrollbar coming or going).
  let width = 0;
  new ResizeObserver(() => {
    const now = byId('ladder').clientWidth;
    if (now !== width) {
      width = now;
      redraw();
    }
  }).observe(byId('ladder'));
}
