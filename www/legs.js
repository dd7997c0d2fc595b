// @ts-check
// A call of a call-record export: its legs (rows) as bars on a time axis, each leg's CONNRES
// explained (label, meaning, legacy flag, Q.850 cause name and class), and every cell of every
// row, the columns no role uses included.
import { el, formatMs, svg } from './dom.js';

const LEFT = 110;
const WIDTH = 640;
const BAR = 22;
const GAP = 14;

/** When a leg began and ended on the axis: start (or queue, or connect) to end. */
function span(leg) {
  const from = leg.startMs ?? leg.queueMs ?? leg.connectMs;
  const to = leg.endMs ?? from;
  return from === undefined ? null : [from, Math.max(from, to)];
}

/** The bars: one per leg, coloured by its CONNRES outcome, queue and connect marked. */
function axis(call, codes) {
  const spans = call.legs.map(span);
  const known = spans.filter(Boolean);
  const height = call.legs.length * (BAR + GAP) + 40;
  const box = svg('svg', { class: 'legs-svg', viewBox: `0 0 ${LEFT + WIDTH + 20} ${height}`, role: 'img', 'aria-label': `Legs of call ${call.key} on a time axis` });
  if (!known.length) {
    box.append(svg('text', { x: 8, y: 20 }, 'The rows of this call have no times to draw.'));
    return box;
  }
  const t0 = Math.min(...known.map((s) => s[0]));
  const t1 = Math.max(...known.map((s) => s[1]), t0 + 1000);
  const x = (t) => LEFT + ((t - t0) / (t1 - t0)) * WIDTH;
  box.append(
    svg('line', { x1: LEFT, x2: LEFT + WIDTH, y1: height - 24, y2: height - 24, class: 'axis' }),
    svg('text', { x: LEFT, y: height - 8, class: 'tick' }, '0 s'),
    svg('text', { x: LEFT + WIDTH, y: height - 8, class: 'tick', 'text-anchor': 'end' }, formatMs(t1 - t0)),
  );
  call.legs.forEach((leg, i) => {
    const y = 8 + i * (BAR + GAP);
    const code = codes[leg.connres];
    const g = svg('g', { class: `leg ${code?.outcome ?? 'none'}`, 'data-row': leg.row });
    g.append(svg('title', {}, `row ${leg.row}: ${code ? `CONNRES ${code.code} ${code.label}` : 'no CONNRES'}`));
    g.append(svg('text', { x: 4, y: y + 15 }, `row ${leg.row}`));
    const s = spans[i];
    if (s) {
      g.append(svg('rect', { x: x(s[0]), y, width: Math.max(3, x(s[1]) - x(s[0])), height: BAR, rx: 3, class: `outcome-fill ${code?.outcome ?? 'none'}` }));
      for (const [ms, what] of [[leg.queueMs, 'queue'], [leg.connectMs, 'connect']]) {
        if (ms !== undefined) g.append(svg('line', { x1: x(ms), x2: x(ms), y1: y - 3, y2: y + BAR + 3, class: `mark ${what}` }, svg('title', {}, what)));
      }
      g.append(svg('text', { x: x(s[0]) + 4, y: y + 15, class: 'bar-label' }, code ? `${code.code} ${code.label}` : 'no CONNRES'));
    }
    box.append(g);
  });
  return box;
}

/** One leg's CONNRES in words. */
function explain(code) {
  if (!code) return el('span', { class: 'muted' }, 'no CONNRES in this row');
  const cause = code.cause ? ` Q.850 cause ${code.cause.code}: ${code.cause.name} (${code.cause.class}).` : '';
  return el('span', {},
    el('span', { class: `outcome ${code.outcome}` }, code.outcome),
    ` CONNRES ${code.code} ${code.symbol} (${code.direction}): ${code.label}. ${code.meaning}`,
    code.legacy ? el('strong', {}, ' Legacy code, no longer produced.') : '',
    cause);
}

/** Draws `call` (a RecordCall) into `host`, with `head` (the export's columns and codes). */
export function drawLegs(host, call, head) {
  const rows = call.legs.map((leg) => el('tr', { 'data-row': leg.row },
    el('th', { scope: 'row' }, `row ${leg.row}`),
    el('td', {}, explain(head.codes[leg.connres])),
  ));
  const cells = call.legs.map((leg) => el('tr', {},
    el('th', { scope: 'row' }, `row ${leg.row}`),
    ...leg.cells.map((c) => el('td', {}, c ?? '')),
  ));
  host.replaceChildren(
    axis(call, head.codes),
    el('table', { class: 'legs', 'aria-label': 'Legs and their CONNRES' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Leg'), el('th', { scope: 'col' }, 'CONNRES explained'))),
      el('tbody', {}, rows)),
    el('details', { class: 'cells' },
      el('summary', {}, 'Every cell'),
      el('table', { 'aria-label': 'Cells of the rows' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Row'), ...head.columns.map((c) => el('th', { scope: 'col', title: c.role ?? 'kept as it is' }, c.name)))),
        el('tbody', {}, cells))),
  );
}
