// Renders a decoded log: diagnostics, then events and notes interleaved in input order.
import { el } from './dom.js';

/** Fills the result section from a `{ events, notes, diagnostics }` object. */
export function render(decoded, { summary, diagnostics, entries }) {
  const errors = decoded.diagnostics.length;
  summary.textContent =
    `read as ${decoded.format}${decoded.framing?.width ? ` (${decoded.framing.width}-byte tags)` : ''}: ` +
    `${decoded.events.length} events, ${decoded.notes.length} notes, ${errors} diagnostic${errors === 1 ? '' : 's'}`;
  diagnostics.replaceChildren(
    ...decoded.diagnostics.map((d) =>
      el('li', { class: d.severity }, `${where(d)}: ${d.message}`)),
  );
  if (errors === 0) diagnostics.append(el('li', { class: 'muted' }, 'None.'));
  const items = [
    ...decoded.events.map((event) => ({ line: event.line ?? event.offset, node: eventItem(event) })),
    ...decoded.notes.map((note) => ({ line: note.line, node: noteItem(note) })),
  ].sort((a, b) => a.line - b.line);
  entries.replaceChildren(...items.map((item) => item.node));
}

function eventItem(event) {
  const title = el('h3', {}, event.type,
    el('span', { class: 'muted' }, ` ${event.offset === undefined ? `line ${event.line}` : `byte ${event.offset}`}${event.typeId === null ? ', unknown type' : `, type ${event.typeId}`}`),
    event.truncated ? el('span', { class: 'muted' }, ' (truncated in the log)') : null);
  const rows = event.fields.map((field) => el('tr', { class: field.unknown ? 'unknown' : null },
    el('th', { scope: 'row' }, field.name, field.label ? el('span', { class: 'muted' }, ` (${field.label})`) : null),
    el('td', {}, field.raw),
    el('td', {}, field.symbol ?? ''),
    el('td', {}, field.meaning ?? (field.unknown ? 'not in the references' : ''))));
  const table = el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Value'), el('th', {}, 'Symbol'), el('th', {}, 'Meaning'))),
    el('tbody', {}, ...rows));
  return el('li', { class: 'event' }, title, table);
}

function noteItem(note) {
  return el('li', { class: `note ${note.kind}` }, el('span', { class: 'muted' }, `line ${note.line} `), note.text);
}

/** Where a diagnostic points: line and column of text, or a byte offset of frames. */
function where(d) {
  return d.offset === undefined ? `line ${d.line}, column ${d.column}` : `byte ${d.offset}`;
}
