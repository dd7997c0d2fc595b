// @ts-check
// A call of a call-record export: its legs (rows) as bars on a time axis, each leg's CONNRES
// explained (label, meaning, legacy flag, Q.850 cause name and class) or, for a Cisco export,
// its disposition, call type, agent and times, and every cell of every row, the columns no role
// uses included.
import { el, formatMs, svg } from './dom.js';

const LEFT = 110;
const BAR = 22;
const GAP = 14;

/** When a leg began and ended on the axis: start (or queue, or connect) to end. */
function span(leg) {
  const from = leg.startMs ?? leg.queueMs ?? leg.connectMs;
  const to = leg.endMs ?? from;
  return from === undefined ? null : [from, Math.max(from, to)];
}

/** The bars: one per leg, coloured by its CONNRES outcome, queue and connect marked; drawn at
 * the width of its pane (`paneWidth` px), its text at the page's size, never scaled down. */
function axis(call, codes, paneWidth) {
  const spans = call.legs.map(span);
  const known = spans.filter(Boolean);
  const height = call.legs.length * (BAR + GAP) + 40;
  const width = Math.max(320, Math.floor(paneWidth));
  const WIDTH = width - LEFT - 20;
  const box = svg('svg', {
    class: 'legs-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Legs of call ${call.key} on a time axis`,
  });
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
    const { outcome, label } = legCode(leg, codes[leg.connres]);
    const g = svg('g', { class: `leg ${outcome}`, 'data-row': leg.row });
    g.append(svg('title', {}, `row ${leg.row}: ${label}`));
    g.append(svg('text', { x: 4, y: y + 15 }, `row ${leg.row}`));
    const s = spans[i];
    if (s) {
      g.append(svg('rect', { x: x(s[0]), y, width: Math.max(3, x(s[1]) - x(s[0])), height: BAR, rx: 3, class: `outcome-fill ${outcome}` }));
      for (const [ms, what] of [[leg.queueMs, 'queue'], [leg.connectMs, 'connect']]) {
        if (ms !== undefined) g.append(svg('line', { x1: x(ms), x2: x(ms), y1: y - 3, y2: y + BAR + 3, class: `mark ${what}` }, svg('title', {}, what)));
      }
      g.append(svg('text', { x: x(s[0]) + 4, y: y + 15, class: 'bar-label' }, label));
    }
    box.append(g);
  });
  return box;
}

/** A leg's outcome class and bar label: its CONNRES, or its Cisco disposition. */
function legCode(leg, code) {
  const d = leg.cisco?.disposition;
  if (d) return { outcome: d.kind ?? 'none', label: `${d.code} ${d.meaning}` };
  if (leg.cisco) return { outcome: 'none', label: 'no disposition' };
  return { outcome: code?.outcome ?? 'none', label: code ? `${code.code} ${code.label}` : 'no CONNRES' };
}

/** A Cisco leg in words: disposition, call type, agent, skill group, CallDispositionFlag, times. */
function explainCisco(c, head) {
  const name = (role, fallback) => head.columns.find((col) => col.role === role)?.name ?? fallback;
  const parts = [];
  if (c.disposition) parts.push(el('span', { class: `outcome ${c.disposition.kind ?? 'none'}` }, c.disposition.kind ?? 'partial'), ` ${name('disposition', 'disposition')} ${c.disposition.code}: ${c.disposition.meaning}.`);
  else parts.push(el('span', { class: 'muted' }, 'no disposition in this row.'));
  if (c.sequence !== undefined) parts.push(` Leg ${c.sequence} of the call.`);
  if (c.callType) parts.push(` ${name('callType', 'type')} ${c.callType.code}: ${c.callType.meaning}.`);
  if (c.agent) parts.push(` Agent ${c.agent}.`);
  if (c.skillGroup) parts.push(` Skill group ${c.skillGroup}.`);
  if (c.dispositionFlag) parts.push(` CallDispositionFlag ${c.dispositionFlag.code}: ${c.dispositionFlag.meaning}.`);
  if (c.explained) parts.push(el('div', { class: 'muted' }, c.explained));
  return el('span', {}, ...parts);
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
    el('td', {}, leg.cisco ? explainCisco(leg.cisco, head) : explain(head.codes[leg.connres])),
  ));
  const [what, column] = head.family === 'jtel' ? ['CONNRES', 'CONNRES'] : ['disposition', 'Disposition'];
  const cells = call.legs.map((leg) => el('tr', {},
    el('th', { scope: 'row' }, `row ${leg.row}`),
    ...leg.cells.map((c) => el('td', {}, c ?? '')),
  ));
  host.replaceChildren(
    axis(call, head.codes, host.clientWidth || 800),
    el('table', { class: 'legs', 'aria-label': `Legs and their ${what}` },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Leg'), el('th', { scope: 'col' }, `${column} explained`))),
      el('tbody', {}, rows)),
    el('details', { class: 'cells' },
      el('summary', {}, 'Every cell'),
      el('table', { 'aria-label': 'Cells of the rows' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Row'), ...head.columns.map((c) => el('th', { scope: 'col', title: c.role ?? 'kept as it is' }, c.name)))),
        el('tbody', {}, cells))),
  );
}
