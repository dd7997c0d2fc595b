// @ts-check
// Exports: the call list as CSV and JSON, the drawn timeline as SVG, PNG (2×) and plain text.
import { download } from './dom.js';

/** The rows `rows` of a call table as CSV. */
export function callsCsv(t, rows) {
  const head = ['call', 'type', 'direction', 'agents', 'start', 'duration_ms', 'outcome', 'rule', 'reason'];
  const cell = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    // Quote everything that needs it; a leading =, +, - or @ is defused for spreadsheets.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = Array.from(rows, (r) => [
    t.key(r), t.callType(r), t.direction(r), t.agents(r).replaceAll(', ', ' '), t.startTime(r) ?? `#${t.startEvent(r) + 1}`,
    t.durationMs(r), t.outcome(r), t.rule(r), t.reason(r),
  ].map(cell).join(','));
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

export const exportCsv = (table, rows) => download('calls.csv', callsCsv(table, rows), 'text/csv');
export const exportJson = (calls) => download('calls.json', JSON.stringify(calls, null, 2), 'application/json');

// The drawing's look, carried inside exported files (the page's style.css does not go with them).
const LADDER_CSS = `
.bg { fill: #fff } text { font: 12px system-ui, sans-serif; fill: #111 }
.lane { stroke: #9ca3af; stroke-dasharray: 4 3 } .lane-label { font-weight: 600 }
.axis { fill: #6b7280; font-family: monospace } .note { font-style: italic; fill: #4b5563 }
.hit { fill: transparent } .selected .hit { fill: #dbeafe }
.mark, .head { stroke: none } .arrow { stroke-width: 2 }
.offer { fill: #2563eb; stroke: #2563eb } .answer { fill: #15803d; stroke: #15803d }
.end { fill: #b91c1c; stroke: #b91c1c } .other { fill: #6b7280; stroke: #6b7280 }
.band { fill: #e5e7eb; stroke: #9ca3af } .band-label { font-size: 10px }
.title { font-weight: 600 } .delta, .event-values { fill: #4b5563; font-size: 11px }
.flow-1 .arrow, .flow-1 .mark, .flow-1 .head, .swatch.flow-1 { fill: #db2777; stroke: #db2777 }
.flow-2 .arrow, .flow-2 .mark, .flow-2 .head, .swatch.flow-2 { fill: #059669; stroke: #059669 }
.flow-3 .arrow, .flow-3 .mark, .flow-3 .head, .swatch.flow-3 { fill: #d97706; stroke: #d97706 }
.flow-4 .arrow, .flow-4 .mark, .flow-4 .head, .swatch.flow-4 { fill: #7c3aed; stroke: #7c3aed }
.flow-5 .arrow, .flow-5 .mark, .flow-5 .head, .swatch.flow-5 { fill: #0891b2; stroke: #0891b2 }
.swatch.flow-0 { fill: #2563eb }`;

export function svgText(svgNode) {
  const copy = svgNode.cloneNode(true);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = LADDER_CSS;
  copy.prepend(style);
  return new XMLSerializer().serializeToString(copy);
}

export const exportSvg = (svgNode, name) => download(`${name}.svg`, svgText(svgNode), 'image/svg+xml');

/** The ladder as plain text (ladder-text.js). */
export const exportText = (text, name) => download(`${name}.txt`, text, 'text/plain');

/** The drawing at twice its size, for sharp screenshots in tickets. */
const PNG_SCALE = 2;

export async function exportPng(svgNode, name) {
  const url = URL.createObjectURL(new Blob([svgText(svgNode)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width * PNG_SCALE;
    canvas.height = img.height * PNG_SCALE;
    const context = canvas.getContext('2d');
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(img, 0, 0);
    const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    download(`${name}.png`, png);
  } finally {
    URL.revokeObjectURL(url);
  }
}
