// @ts-check
// The ladder as plain text, for tickets and e-mail: the same model the drawing shows
// (ladder-model.js), lanes as columns of `|`, arrows of `-` with `>`/`<` heads, marks as `o`.
import { ladderModel, span } from './ladder-model.js';

/** Columns per lane. */
const COL = 12;
/** Width of the time column. */
const TIME = 16;

const laneName = (i) => (i < 26 ? String.fromCharCode(65 + i) : `L${i + 1}`);

/** One row of the lane grid: `|` on every lane, and the arrow or mark between `from` and `to`. */
function grid(count, from, to) {
  const cells = Array(count * COL).fill(' ');
  const centre = (i) => i * COL + Math.floor(COL / 2);
  for (let i = 0; i < count; i += 1) cells[centre(i)] = '|';
  if (from === undefined) return cells.join('');
  const [a, b] = [centre(from), centre(to)];
  if (a === b) {
    cells[a] = 'o';
  } else if (a < b) {
    for (let i = a + 1; i < b; i += 1) cells[i] = '-';
    cells[b - 1] = '>';
  } else {
    for (let i = b + 1; i < a; i += 1) cells[i] = '-';
    cells[b + 1] = '<';
  }
  return cells.join('');
}

/**
 * The ladder of `flows` ([{ call, events, link? }]) as text: a title line, the lanes, the calls
 * of the flow, then one line per event (time, grid, type, explaining values, delta).
 */
export function ladderText(flows, { notes = [], title = '', relative = false } = {}) {
  const m = ladderModel(flows, notes, { relative });
  const index = new Map(m.lanes.map((l, i) => [l.id, i]));
  const multi = flows.length > 1;
  const lines = [title, ''];
  lines.push('Lanes:', ...m.lanes.map((l, i) => `  ${laneName(i).padEnd(3)} ${l.label}`));
  if (multi) lines.push('Calls:', ...m.legend.map((l) => `  ${l.key}${l.link ? ` (${l.link})` : ' (this call)'}: ${l.outcome}`));
  lines.push('');
  const head = Array(m.lanes.length * COL).fill(' ');
  m.lanes.forEach((_, i) => {
    const name = laneName(i);
    head.splice(i * COL + Math.floor(COL / 2), name.length, ...name);
  });
  const timeHead = m.timed ? (relative ? 'from start' : 'time') : 'order';
  lines.push(`${timeHead.padEnd(TIME)}${head.join('')}`.trimEnd());
  for (const r of m.rows) {
    if (r.note) {
      lines.push(`${''.padEnd(TIME)}${grid(m.lanes.length)}  -- ${r.note.text}`.trimEnd());
      continue;
    }
    const what = [
      `${r.type}${multi ? ` [${flows[r.flow].call.key}]` : ''}`,
      ...r.values,
      ...(r.delta !== undefined ? [`(+${span(r.delta)})`] : []),
    ].join('  ');
    lines.push(`${r.time.padEnd(TIME)}${grid(m.lanes.length, index.get(r.from), index.get(r.to))}  ${what}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
