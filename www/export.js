// @ts-check
// Exports: the call list as CSV and JSON, the drawn timeline as SVG, PNG (2×) and plain text.
import { LIGHT } from './palette.js';
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

// The drawing's look, carried inside exported files (the page's style.css does not go with
// them): the light palette.
const c = LIGHT;
const flows = [1, 2, 3, 4, 5].map((i) =>
  `.flow-${i} .arrow, .flow-${i} .mark, .flow-${i} .head, .swatch.flow-${i} { fill: ${c[`flow-${i}`]}; stroke: ${c[`flow-${i}`]} }`);
const LADDER_CSS = `
.bg { fill: ${c.bg} } text { font: 12px system-ui, sans-serif; fill: ${c.fg} }
.lane { stroke: ${c.line}; stroke-dasharray: 4 3 } .lane-label { font-weight: 600 }
.axis { fill: ${c.muted}; font-family: monospace } .note { font-style: italic; fill: ${c.muted} }
.hit { fill: transparent } .selected .hit { fill: ${c.selected} }
.mark, .head { stroke: none } .arrow { stroke-width: 2 }
.flow-0 .arrow, .flow-0 .mark, .flow-0 .head { fill: ${c.accent}; stroke: ${c.accent} }
.band { fill: ${c.panel}; stroke: ${c.line} } .band-label { font-size: 10px }
.title { font-weight: 600 } .delta, .event-values { fill: ${c.muted}; font-size: 11px }
${flows.join('\n')}
.swatch.flow-0 { fill: ${c.accent} }`;

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
