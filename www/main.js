// @ts-check
// Wires the page: opening logs, the call list, the timeline, the detail, keyboard and URL.
import { drawCalls, drawCounts, setupCalls } from './calls.js';
import { setupConnres } from './connres.js';
import { CallTable } from './call-table.js';
import { AgentTimeline } from './agents.js';
import { setupCallView, showCall, shown, redraw } from './call-view.js';
import {
  agentColumns, calls as fetchCalls, cancel, events as fetchEvents, load, open, others, search, session, version,
} from './decode.js';
import { drawDetail, drawDiagnostics, drawFiles } from './detail.js';
import { drawNoEvents, drawOthers } from './others.js';
import { applyPalette } from './palette.js';
import { drawSession } from './session.js';
import { byId, count, el } from './dom.js';
import { exportCsv, exportJson } from './export.js';
import { setupLive } from './live.js';
import { natural } from './pkg/collection.js';
import { selectedRow, state, subscribe, update } from './state.js';

applyPalette();

const EMPTY = CallTable.empty();

/**
 * Opens one file, or several as one log (the Worker joins them in the order of their first
 * call's time; an archive is opened the same way).
 * @param {Blob | import('./messages.js').Input[]} source
 * @param {string} name
 */
function openBlob(source, name) {
  const file = source instanceof Blob ? source : undefined;
  update({ source: { name, file }, summary: null, table: EMPTY, selected: null, event: null });
  byId('result').hidden = true;
  byId('call').hidden = true;
  byId('detail').hidden = true;
  byId('session').hidden = true;
  byId('other-events', HTMLDetailsElement).hidden = true;
  byId('no-events').hidden = true;
  byId('progress-box').hidden = false;
  byId('cancel', HTMLButtonElement).disabled = false;
  byId('summary').textContent = `Reading ${name}…`;
  document.body.dataset.state = 'decoding';
  // The name goes along: an archive's files are named after it.
  open(source instanceof Blob ? [{ name, blob: source }] : source, (m) => onDecoder(m, name));
}

/** Opens files the page was given: one as itself, several as one log.
 * @param {import('./messages.js').Input[]} inputs */
function openInputs(inputs) {
  byId('sample', HTMLSelectElement).value = ''; // the menu no longer names what is open
  if (inputs.length === 1) openBlob(inputs[0].blob, inputs[0].name);
  else if (inputs.length > 1) openBlob(inputs, `${inputs.length} files`);
}

/** A file input's files, by their path in a chosen folder when there is one.
 * @param {HTMLInputElement} input */
const inputsOf = (input) => [...(input.files ?? [])].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f }));

/**
 * Dropped files and folders (a folder's files, at any depth, by their path in it).
 * @param {DataTransfer} data
 * @returns {Promise<import('./messages.js').Input[]>}
 */
async function dropped(data) {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e) => e !== null && e !== undefined);
  if (entries.length === 0) return [...data.files].map((f) => ({ name: f.name, blob: f }));
  /** @type {import('./messages.js').Input[]} */
  const out = [];
  /** @param {FileSystemEntry} entry */
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject));
      out.push({ name: entry.fullPath.replace(/^\//, ''), blob: file });
      return;
    }
    const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
    for (;;) {
      /** @type {FileSystemEntry[]} */
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out.sort((a, b) => natural(a.name, b.name));
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);


function onDecoder(m, name) {
  if (m.type === 'progress') {
    byId('progress', HTMLProgressElement).value = m.total ? m.loaded / m.total : 1;
    byId('progress-text').textContent = m.phase === 'records'
      ? `${mb(m.loaded)} MB read; reading the rows and working out the calls…`
      : m.phase === 'calls'
        ? `${mb(m.loaded)} MB read, ${count(m.events, 'event')}; working out the calls…`
        : `${mb(m.loaded)} of ${mb(m.total)} MB, ${count(m.events, 'event')}`;
  } else if (m.type === 'calls') {
    update({ table: new CallTable(m.columns) });
    if (state.filter.text.trim()) searchFor(state.filter.text);
    if (m.partial) {
      byId('summary').textContent = `${name}: ${count(state.table.length, 'call')} so far…`;
      byId('result').hidden = false;
      document.body.dataset.state = 'partial';
    }
  } else if (m.type === 'summary') {
    showSummary(m.summary, m, name);
  } else if (m.type === 'done') {
    byId('progress-box').hidden = true;
    document.body.dataset.state = m.cancelled ? 'cancelled' : 'done';
    document.body.dataset.decodeMs = String(Math.round(m.ms));
    document.body.dataset.wasmMemory = String(m.memory);
    document.body.dataset.timings = JSON.stringify(m.timings);
    session().then(drawSession);
    setupAgents();
    others().then((indices) => drawOthers(indices, fetchEvents, (e) => {
      byId('detail').hidden = false;
      drawDetail(e);
    }));
    fromHash();
  } else if (m.type === 'error') {
    byId('summary').textContent = `Could not decode: ${m.message}`;
    byId('progress-box').hidden = true;
    document.body.dataset.state = 'error';
  }
}

/** The agent timeline: its columns are asked for when it is first opened. */
function setupAgents() {
  const box = byId('agents-box', HTMLDetailsElement);
  box.hidden = Boolean(state.summary?.records);
  box.open = false;
  byId('agents-host').replaceChildren();
  byId('agents-legend').replaceChildren();
  box.ontoggle = async () => {
    if (!box.open || byId('agents-host').childElementCount) return;
    const columns = await agentColumns();
    if (!columns?.agent.length) {
      byId('agents-host').replaceChildren(el('p', { class: 'muted' }, 'No agent state events in this log.'));
      return;
    }
    const timeline = new AgentTimeline(byId('agents-host'), columns, (call) => update({ selected: state.table.key(call), event: null }));
    timeline.draw();
    byId('agents-legend').replaceChildren(...timeline.legend().map(([name, colour]) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = colour ?? 'var(--muted)'; // CSSOM: allowed by the CSP
      return el('li', {}, swatch, name.toLowerCase().replaceAll('_', ' '));
    }), el('li', { class: 'muted' }, 'calls below each band, coloured by outcome'));
  };
}

const ENCODINGS = {
  utf16le: 'UTF-16 little-endian', utf16be: 'UTF-16 big-endian',
  'utf16le-no-bom': 'UTF-16 little-endian, no byte-order mark', 'utf16be-no-bom': 'UTF-16 big-endian, no byte-order mark',
};

const SEPARATORS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
/** The Cisco traces `sniff` tells (src/sniff.rs `Form`), as the status line names them. */
const TRACES = {
  finesse: 'a Finesse webservices log',
  mivr: 'a Unified CCX Engine (MIVR) log',
  dumplog: 'UCCE dumplog output',
};

function showSummary(summary, m, name) {
  update({ summary });
  if (summary.records) {
    const r = summary.records;
    const encoding = r.encoding.startsWith('utf16') ? `, ${ENCODINGS[r.encoding]}` : '';
    // A Cisco export says which table it was read as, and how its times were read.
    const family = r.family === 'jtel' ? '' : `, ${r.readAs}`;
    const clock = r.family === 'jtel' ? '' : `. Times: ${r.clock}`;
    byId('summary').textContent = `${name}: read as call records${family} (${SEPARATORS[r.separator]}-separated${encoding}): ` +
      `${count(r.rows, 'row')}, ${count(r.calls, 'call')}, ${count(r.diagnostics.length, 'diagnostic')}${clock}`;
    byId('result').hidden = false;
    drawDiagnostics(summary.diagnostics);
    byId('no-events').hidden = true;
    return;
  }
  const framing = summary.framing?.width ? ` (${summary.framing.width}-byte field headers)`
    : summary.encoding?.startsWith('utf16') ? ` (${ENCODINGS[summary.encoding]})` : '';
  const counts = [count(summary.eventCount, 'event'), count(summary.callCount, 'call'), count(summary.diagnostics.length, 'diagnostic')].join(', ');
  const cut = m.cancelled ? `; cancelled after ${mb(m.loaded)} of ${mb(m.total)} MB, the calls found so far are listed` : '';
  const trace = TRACES[summary.sniffed?.form];
  const what = trace ? `${trace} (${summary.sniffed.reason})` : summary.format ?? 'nothing';
  const joined = summary.files ? ` from ${summary.files.length} of ${summary.files.length + (summary.skipped?.length ?? 0)} files` : '';
  byId('summary').textContent = `${name}: read as ${what}${joined}${framing}: ${counts}${cut}`;
  byId('result').hidden = false;
  drawFiles(summary);
  drawDiagnostics(summary.diagnostics);
  drawNoEvents(summary);
}

subscribe((s, change) => {
  drawCounts(s, change);
  drawCalls(s, change);
  if ('selected' in change) {
    showCall();
    if (!s.selected && location.hash.startsWith('#call=')) history.replaceState(null, '', location.pathname);
  }
  if ('event' in change) {
    redraw();
    drawDetail(shown.events.find((e) => e.index === s.event));
    if (s.event !== null) /** @type {SVGGElement | null} */ (document.querySelector(`#ladder g[data-index="${s.event}"]`))?.focus();
  }
});

/**
 * Opens the call a `#call=KEY&log=NAME` link names, or says why it cannot: the call is not in
 * this log (and, when the link names another log, which one it was made for).
 */
function fromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get('call');
  const note = byId('link-note');
  note.hidden = true;
  if (!key) return;
  const log = params.get('log');
  const other = log && log !== state.source?.name ? ` (the link was made for ${log}; this is ${state.source?.name})` : '';
  if (state.table.find(key) < 0) {
    note.textContent = `Call ${key} is not in this log${other}.`;
    note.hidden = false;
    return;
  }
  if (other) {
    note.textContent = `Call ${key} is in this log, but the link was made for ${log}: it may be another call.`;
    note.hidden = false;
  }
  if (state.selected !== key) update({ selected: key, event: null });
}

let searching = 0;
/** Asks the Worker which calls have the words, then filters the list by them. */
async function searchFor(text) {
  const ticket = ++searching;
  const matches = text.trim() ? await search(text) : null;
  if (ticket !== searching) return; // a later search superseded this one
  update({ filter: { ...state.filter, text }, matches });
}

function move(step) {
  const rows = state.visible;
  if (!rows.length) return;
  const at = rows.indexOf(selectedRow());
  const next = rows[Math.max(0, Math.min(rows.length - 1, at < 0 ? 0 : at + step))];
  update({ selected: state.table.key(next), event: null });
}

function moveEvent(step) {
  const list = shown.events;
  if (!list.length) return;
  const at = list.findIndex((e) => e.index === state.event);
  const next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + step))];
  update({ event: next.index });
}

function keys(e) {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
  if (e.key === '/' && !typing) {
    e.preventDefault();
    byId('search', HTMLInputElement).focus();
    return;
  }
  if (e.key === 'Escape' && state.selected) {
    e.preventDefault();
    update({ selected: null, event: null });
    return;
  }
  if (typing) return;
  const inLadder = e.target.closest?.('#ladder');
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    (inLadder ? moveEvent : move)(e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Enter' && !inLadder && e.target.closest?.('#calls-scroll') && state.selected) {
    e.preventDefault();
    moveEvent(0);
  }
}

async function loadSamples() {
  const response = await fetch('samples/index.json');
  if (!response.ok) return [];
  const samples = await response.json();
  byId('sample', HTMLSelectElement).append(...samples.map((s) => el('option', { value: s.file }, s.label)));
  return samples;
}

async function openSample(file) {
  const response = await fetch(`samples/${encodeURIComponent(file)}`);
  openBlob(await response.blob(), file);
}

async function main() {
  setupCalls();
  setupCallView();
  setupConnres();
  setupLive();
  await load();
  byId('version').textContent = `version ${version()}`;
  byId('decode').addEventListener('click', () => {
    byId('sample', HTMLSelectElement).value = '';
    openBlob(new Blob([byId('text', HTMLTextAreaElement).value]), 'pasted log');
  });
  for (const id of ['file', 'folder']) {
    byId(id, HTMLInputElement).addEventListener('change', () => openInputs(inputsOf(byId(id, HTMLInputElement))));
  }
  byId('sample', HTMLSelectElement).addEventListener('change', () => byId('sample', HTMLSelectElement).value && openSample(byId('sample', HTMLSelectElement).value));
  byId('cancel', HTMLButtonElement).addEventListener('click', () => {
    cancel();
    byId('cancel', HTMLButtonElement).disabled = true;
    byId('progress-text').textContent += ' (cancelling…)';
  });
  document.body.addEventListener('dragover', (e) => {
    e.preventDefault();
    byId('drop').classList.add('over');
  });
  document.body.addEventListener('dragleave', () => byId('drop').classList.remove('over'));
  document.body.addEventListener('drop', async (e) => {
    e.preventDefault();
    byId('drop').classList.remove('over');
    if (e.dataTransfer) openInputs(await dropped(e.dataTransfer));
  });
  const searchBox = byId('search', HTMLInputElement);
  searchBox.addEventListener('input', () => searchFor(searchBox.value));
  const outcome = byId('filter-outcome', HTMLSelectElement);
  outcome.addEventListener('change', () => update({ filter: { ...state.filter, outcome: outcome.value } }));
  const agent = byId('filter-agent', HTMLSelectElement);
  agent.addEventListener('change', () => update({ filter: { ...state.filter, agent: agent.value } }));
  byId('export-csv').addEventListener('click', () => exportCsv(state.table, state.visible));
  byId('export-json').addEventListener('click', async () => exportJson(await fetchCalls([...state.visible])));
  document.addEventListener('keydown', keys);
  window.addEventListener('hashchange', fromHash);
  const samples = await loadSamples();
  document.body.dataset.ready = 'true';
  const first = samples.find((s) => s.default) ?? samples[0];
  if (first && !location.hash.startsWith('#nosample')) {
    byId('sample', HTMLSelectElement).value = first.file;
    openSample(first.file);
  }
}

main().catch((err) => {
  byId('summary').textContent = `Could not start: ${err.message}`;
});
