// @ts-check
// The page's state in one place: what was opened, what the decoder reported, and what the
// user chose (filters, sort, selected call and event). Views subscribe and redraw.
import { CallTable } from './call-table.js';

const listeners = new Set();

export const state = {
  source: null, // { name, file: Blob }
  summary: null, // LogSummary from the Worker (format, counts, notes, diagnostics)
  table: CallTable.empty(), // the call list (columns)
  filter: { text: '', outcome: '', agent: '' },
  sort: { key: 'start', descending: false },
  matches: null, // rows the Worker found for filter.text (a Uint32Array)
  visible: new Uint32Array(0), // rows of `table` after filter and sort
  selected: null, // the selected call's key
  event: null, // selected event index
};

export function subscribe(fn) {
  listeners.add(fn);
}

/** Merges `change` into the state and tells every view. */
export function update(change) {
  Object.assign(state, change);
  if ('table' in change || 'filter' in change || 'sort' in change || 'matches' in change) {
    state.visible = state.table.view(state.filter, state.sort, state.matches);
  }
  for (const fn of listeners) fn(state, change);
}

/** The row of the selected call in the table, or -1. */
export function selectedRow() {
  return state.selected === null ? -1 : state.table.find(state.selected);
}
