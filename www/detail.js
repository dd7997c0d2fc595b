// @ts-check
// The event detail (every field with its meaning, and the raw lines or bytes it came from) and
// the diagnostics list, whose line numbers jump to the raw text.
import { byId, el } from './dom.js';
import { raw } from './decode.js';
import { locateLine } from './pkg/collection.js';
import { state } from './state.js';

/** Lines of the log in words: `line 12–14`, or in a collection `MIVR047.log line 3–5`
 * (counted in the file the first is in).
 * @param {number} line @param {number} [end] */
function lineOf(line, end = line) {
  const files = state.summary?.files;
  const at = (files && locateLine(files, line)) || { file: '', line };
  const range = end > line ? `${at.line}–${at.line + end - line}` : `${at.line}`;
  return `${at.file ? `${at.file} ` : ''}line ${range}`;
}

/** A collection's files, in the order joined, and the files not read with the reason.
 * @param {import('./messages.js').PageSummary} summary */
export function drawFiles(summary) {
  byId('files-box').hidden = !summary.files;
  const placed = { time: 'placed by its first call\'s time', name: 'no call with a time: placed by name', given: '' };
  byId('files').replaceChildren(...(summary.files ?? []).map((f) => el(
    'li', {}, f.name, el('span', { class: 'muted' }, ` ${f.lines} lines${f.time ? `, from ${f.time}` : ''}`,
      placed[f.placedBy] ? `; ${placed[f.placedBy]}` : '', f.joined ? '; its first line continues the file before' : ''),
  )));
  byId('skipped').replaceChildren(...(summary.skipped ?? []).map((s) => el(
    'li', { class: s.error ? 'error' : 'muted' }, `${s.name}: ${s.error ? 'could not be read' : 'not read'}: ${s.reason}`,
  )));
}

export async function drawDetail(event) {
  const host = byId('detail');
  if (!event) {
    host.hidden = true;
    return;
  }
  const where = event.packet !== undefined
    ? `packet ${event.packet}, ${event.from === 'server' ? 'server → client' : 'client → server'} on connection ${event.connection + 1}, ${event.length} bytes`
    : event.offset !== undefined ? `byte ${event.offset}, ${event.length} bytes` : lineOf(event.line, event.endLine);
  const rows = event.fields.map((f) => el(
    'tr', { class: f.unknown ? 'unknown' : undefined },
    el('th', { scope: 'row' }, f.label ?? f.name, f.index !== undefined ? `[${f.index}]` : ''),
    el('td', {}, f.raw),
    el('td', {}, [f.symbol, f.meaning].filter(Boolean).join(' – ') || (f.unknown ? 'not in the references' : '')),
  ));
  const rawText = el('pre', { class: 'raw', 'aria-label': 'Raw source of the event' }, '…');
  host.replaceChildren(
    el('h2', {}, `${event.type} `, el('span', { class: 'muted' }, where)),
    event.doubt ? el('p', { class: 'doubt' }, `Layout: ${event.doubt}`) : '',
    el('table', { 'aria-label': 'Fields' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Field'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Meaning'))), el('tbody', {}, rows)),
    el('h3', {}, event.offset !== undefined ? 'Bytes' : 'Raw lines'),
    rawText,
  );
  host.hidden = false;
  rawText.textContent = event.offset !== undefined
    ? await raw({ offset: event.offset, length: event.length, connection: event.connection, from: event.from })
    : await raw({ fromLine: event.line, toLine: event.endLine });
}

/** The diagnostics; a line number is a button that shows the raw text around it. */
export function drawDiagnostics(diagnostics) {
  const items = diagnostics.slice(0, 500).map((d) => {
    if (d.packet !== undefined) return el('li', { class: d.severity }, `packet ${d.packet}: ${d.code}: ${d.message}`);
    if (d.row !== undefined) return el('li', { class: d.severity }, `row ${d.row}${d.column ? `, column ${d.column}` : ''}: ${d.code}: ${d.message}`);
    const at = d.offset !== undefined ? `byte ${d.offset}` : `${lineOf(d.line)}, column ${d.column}`;
    const jump = el('button', { type: 'button', class: 'link' }, at);
    jump.addEventListener('click', () => showRaw(d));
    return el('li', { class: d.severity }, jump, `: ${d.code}: ${d.message}`);
  });
  if (diagnostics.length > 500) items.push(el('li', {}, `… and ${diagnostics.length - 500} more`));
  byId('diagnostics').replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, 'none')]));
}

async function showRaw(d) {
  const pre = byId('raw');
  pre.textContent = d.offset !== undefined
    ? await raw({ offset: d.offset, length: 64 })
    : await raw({ fromLine: Math.max(1, d.line - 2), toLine: d.line + 2 });
  pre.dataset.line = String(d.line ?? '');
  pre.focus();
}
