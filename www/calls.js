// The call list: one row per call, sortable, filtered, and virtualised (only the rows in view
// are in the DOM) so that 100,000 calls scroll smoothly.
import { byId, el, formatMs } from './dom.js';
import { durationMs, state, update } from './state.js';

const ROW = 28; // px, fixed so that the scroll position maps to a row
const OVERSCAN = 10;
const COLUMNS = [
  ['key', 'Call'], ['type', 'Type'], ['direction', 'Direction'], ['agent', 'Agent'],
  ['start', 'Start'], ['duration', 'Duration'], ['outcome', 'Outcome'], ['reason', 'Reason'],
];

const ui = {};

export function setupCalls() {
  Object.assign(ui, { scroll: byId('calls-scroll'), table: byId('calls'), head: byId('calls-head'), body: byId('calls-body') });
  for (const [key, label] of COLUMNS) {
    const button = el('button', { type: 'button', 'data-sort': key }, label);
    button.addEventListener('click', () => {
      const descending = state.sort.key === key ? !state.sort.descending : false;
      update({ sort: { key, descending } });
    });
    ui.head.append(el('th', { scope: 'col', 'aria-sort': 'none' }, button));
  }
  ui.scroll.addEventListener('scroll', () => draw());
  ui.body.addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-key]');
    if (row) update({ selected: row.dataset.key, event: null });
  });
}

export function drawCalls(s, change) {
  if (!('calls' in change || 'filter' in change || 'sort' in change || 'selected' in change)) return;
  for (const th of ui.head.children) {
    const key = th.firstChild.dataset.sort;
    th.setAttribute('aria-sort', key === s.sort.key ? (s.sort.descending ? 'descending' : 'ascending') : 'none');
  }
  ui.table.setAttribute('aria-rowcount', String(s.visible.length + 1));
  if ('selected' in change && s.selected) scrollToSelected();
  draw();
}

function scrollToSelected() {
  const at = state.visible.findIndex((c) => c.key === state.selected);
  if (at < 0) return;
  const top = at * ROW;
  const view = ui.scroll.clientHeight - ROW * 2;
  if (top < ui.scroll.scrollTop) ui.scroll.scrollTop = top;
  else if (top > ui.scroll.scrollTop + view) ui.scroll.scrollTop = top - view;
}

function draw() {
  const calls = state.visible;
  const first = Math.max(0, Math.floor(ui.scroll.scrollTop / ROW) - OVERSCAN);
  const count = Math.ceil((ui.scroll.clientHeight || 600) / ROW) + OVERSCAN * 2;
  const last = Math.min(calls.length, first + count);
  const rows = [spacer(first * ROW)];
  for (let i = first; i < last; i += 1) rows.push(row(calls[i], i));
  rows.push(spacer((calls.length - last) * ROW));
  ui.body.replaceChildren(...rows);
}

function spacer(height) {
  const tr = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: COLUMNS.length }));
  tr.style.height = `${height}px`; // CSSOM, which the CSP allows (inline style attributes it does not)
  return tr;
}

function row(call, i) {
  const selected = call.key === state.selected;
  const time = call.start.time ? call.start.time.replace(/^.*T/, '').replace('Z', '') : `#${call.start.event}`;
  return el(
    'tr',
    { 'data-key': call.key, 'aria-rowindex': i + 2, 'aria-selected': selected, class: selected ? 'selected' : undefined },
    el('td', {}, call.key),
    el('td', {}, call.callType?.symbol?.replace(/^CALLTYPE_/, '') ?? '–'),
    el('td', {}, call.direction),
    el('td', {}, call.agents.join(', ') || '–'),
    el('td', {}, time),
    el('td', {}, formatMs(durationMs(call))),
    el('td', { class: 'outcome-cell' }, el('span', { class: `outcome ${call.outcome.kind}`, 'aria-label': `outcome: ${call.outcome.kind}` }, call.outcome.kind)),
    el('td', { class: 'reason' }, call.outcome.reason),
  );
}

/** Calls per outcome, and the filter choices. */
export function drawCounts(s, change) {
  if (!('calls' in change)) return;
  const counts = new Map();
  for (const c of s.calls) counts.set(c.outcome.kind, (counts.get(c.outcome.kind) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  byId('counts').replaceChildren(
    el('span', { class: 'count total' }, `${s.calls.length} calls`),
    ...sorted.map(([kind, n]) => el('span', { class: `count outcome ${kind}` }, `${kind}: ${n}`)),
  );
  const outcome = byId('filter-outcome');
  const agent = byId('filter-agent');
  const keep = [outcome.value, agent.value];
  outcome.replaceChildren(el('option', { value: '' }, 'all'), ...sorted.map(([k]) => el('option', { value: k }, k)));
  const agents = [...new Set(s.calls.flatMap((c) => c.agents))].sort();
  agent.replaceChildren(el('option', { value: '' }, 'all'), ...agents.map((a) => el('option', { value: a }, a)));
  [outcome.value, agent.value] = keep;
}
