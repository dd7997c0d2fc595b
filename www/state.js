// The page's state in one place: what was opened, what the decoder reported, and what the
// user chose (filters, sort, selected call and event). Views subscribe and redraw.
const listeners = new Set();

export const state = {
  source: null, // { name, file: Blob, format? }
  summary: null, // LogSummary from the worker (timeline, notes, diagnostics, eventCount, format)
  calls: [], // summary.timeline.calls, with `index` added
  agents: [],
  filter: { text: '', outcome: '', agent: '' },
  sort: { key: 'start', descending: false },
  visible: [], // calls after filter and sort
  selected: null, // call key
  event: null, // selected event index
};

export function subscribe(fn) {
  listeners.add(fn);
}

/** Merges `change` into the state and tells every view. */
export function update(change) {
  Object.assign(state, change);
  if ('calls' in change || 'filter' in change || 'sort' in change) state.visible = filterAndSort();
  for (const fn of listeners) fn(state, change);
}

// Each call's searchable text, made once per call object.
const haystacks = new WeakMap();
function haystack(call) {
  let text = haystacks.get(call);
  if (text === undefined) {
    text = [
      call.key, call.callType?.symbol, call.direction, call.agents.join(' '), call.ani, call.dnis,
      call.dialedNumber, call.outcome.kind, call.outcome.reason, call.devices.join(' '),
      ...call.variables.map((v) => `${v.name} ${v.value}`),
    ].filter(Boolean).join(' ').toLowerCase();
    haystacks.set(call, text);
  }
  return text;
}

export const SORTS = {
  key: (c) => c.callId,
  type: (c) => c.callType?.symbol ?? '',
  direction: (c) => c.direction,
  agent: (c) => c.agents[0] ?? '',
  start: (c) => c.start.event,
  duration: (c) => durationMs(c) ?? -1,
  outcome: (c) => c.outcome.kind,
  reason: (c) => c.outcome.reason,
};

export function durationMs(call) {
  const d = call.durations;
  const parts = [d.queueMs, d.ringMs, d.talkMs].filter((n) => n !== undefined);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : undefined;
}

function filterAndSort() {
  const { text, outcome, agent } = state.filter;
  const needle = text.trim().toLowerCase();
  const out = state.calls.filter(
    (c) => (!outcome || c.outcome.kind === outcome) && (!agent || c.agents.includes(agent)) &&
      (!needle || haystack(c).includes(needle)),
  );
  const key = SORTS[state.sort.key] ?? SORTS.start;
  const sign = state.sort.descending ? -1 : 1;
  return out.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.index - b.index) * sign;
  });
}
