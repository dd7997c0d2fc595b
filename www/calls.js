// @ts-check
// The call list: one row per call, sortable, filtered, and virtualised (only the rows in view
// are in the DOM) so that 100,000 calls scroll smoothly.
import { byId, count, el, formatMs } from './dom.js';
import { state, update } from './state.js';

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
  if (!('table' in change || 'filter' in change || 'sort' in change || 'selected' in change)) return;
  for (const th of ui.head.children) {
    const key = th.firstChild.dataset.sort;
    th.setAttribute('aria-sort', key === s.sort.key ? (s.sort.descending ? 'descending' : 'ascending') : 'none');
  }
  ui.table.setAttribute('aria-rowcount', String(s.visible.length + 1));
  if ('selected' in change && s.selected) scrollToSelected();
  draw();
}

function scrollToSelected() {
  const row = state.table.find(state.selected);
  const at = state.visible.indexOf(row);
  if (at < 0) return;
  const top = at * ROW;
  const view = ui.scroll.clientHeight - ROW * 2;
  if (top < ui.scroll.scrollTop) ui.scroll.scrollTop = top;
  else if (top > ui.scroll.scrollTop + view) ui.scroll.scrollTop = top - view;
}

function draw() {
  const rows = state.visible;
  const first = Math.max(0, Math.floor(ui.scroll.scrollTop / ROW) - OVERSCAN);
  const count = Math.ceil((ui.scroll.clientHeight || 600) / ROW) + OVERSCAN * 2;
  const last = Math.min(rows.length, first + count);
  const out = [spacer(first * ROW)];
  for (let i = first; i < last; i += 1) out.push(row(state.table, rows[i], i));
  out.push(spacer((rows.length - last) * ROW));
  ui.body.replaceChildren(...out);
}

function spacer(height) {
  const tr = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: COLUMNS.length }));
  tr.style.height = `${height}px`; // CSSOM, which the CSP allows (inline style attributes it does not)
  return tr;
}

/** A call's start as the list writes it: the time of day as logged, else from its time in ms,
 * else its first event's number (one-based, as the ladder numbers events). */
export function startText(t, r) {
  const written = t.startTime(r);
  if (written) return written.replace(/^.*T/, '').replace('Z', '');
  const ms = t.startMs(r);
  if (ms !== undefined) return new Date(ms).toISOString().slice(11, 23);
  return `#${t.startEvent(r) + 1}`;
}

function row(t, r, i) {
  const key = t.key(r);
  const selected = key === state.selected;
  const time = startText(t, r);
  const outcome = t.outcome(r);
  return el(
    'tr',
    { 'data-key': key, 'aria-rowindex': i + 2, 'aria-selected': selected, class: selected ? 'selected' : undefined },
    el('td', {}, key),
    el('td', {}, t.callType(r)?.replace(/^CALLTYPE_/, '') ?? '–'),
    el('td', {}, t.direction(r)),
    el('td', {}, t.agents(r) || '–'),
    el('td', {}, time),
    el('td', {}, formatMs(t.durationMs(r))),
    el('td', { class: 'outcome-cell' }, el('span', { class: `outcome ${outcome}`, 'aria-label': `outcome: ${outcome}` }, outcome)),
    el('td', { class: 'reason', title: t.reason(r) }, t.reason(r)),
  );
}

/** Calls per outcome, and the filter choices. */
export function drawCounts(s, change) {
  if (!('table' in change)) return;
  const sorted = s.table.counts();
  byId('counts').replaceChildren(
    el('span', { class: 'count total' }, count(s.table.length, 'call')),
    ...sorted.map(([kind, n]) => el('span', { class: `count outcome ${kind}` }, `${kind}: ${n}`)),
  );
  const outcome = byId('filter-outcome', HTMLSelectElement);
  const agent = byId('filter-agent', HTMLSelectElement);
  const keep = [outcome.value, agent.value];
  outcome.replaceChildren(el('option', { value: '' }, 'all'), ...sorted.map(([k]) => el('option', { value: k }, k)));
  const agents = s.table.agentKeys();
  agent.replaceChildren(el('option', { value: '' }, 'all'), ...agents.map((a) => el('option', { value: a }, a)));
  [outcome.value, agent.value] = keep;
}
