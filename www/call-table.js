// @ts-check
// The call list as the Worker sends it: typed-array columns and one string table. Rows are read
// where they are drawn; nothing copies the whole list into objects. Sorting and filtering make
// an array of row numbers.

import { DIRECTIONS, OUTCOMES } from './pkg/lists.js';
import { stringAt } from './pkg/strings.js';

export { DIRECTIONS, OUTCOMES };

/** Each outcome's place in alphabetical order. */
const OUTCOME_RANK = OUTCOMES.map((o) => [...OUTCOMES].sort().indexOf(o));

export class CallTable {
  /** A table of no calls. */
  static empty() {
    const none = new Uint32Array(0);
    return new CallTable({
      strings: '', stringEnds: none, key: none, callId: none, callType: new Int32Array(0),
      direction: new Uint8Array(0), agents: new Int32Array(0), startEvent: none,
      startMs: new Float64Array(0), startTime: new Int32Array(0), durationMs: new Float64Array(0),
      outcome: new Uint8Array(0), rule: none, reason: none, events: none,
    });
  }

  constructor(columns) {
    this.c = columns;
    this.length = columns.key.length;
    this.cache = new Map(); // string index → string, filled as rows are drawn
  }

  /** String `i` of the table (`undefined` for -1). */
  text(i) {
    if (i < 0) return undefined;
    let s = this.cache.get(i);
    if (s === undefined) {
      s = stringAt(this.c, i);
      this.cache.set(i, s);
    }
    return s;
  }

  key(r) { return this.text(this.c.key[r]); }
  callId(r) { return this.c.callId[r]; }
  callType(r) { return this.text(this.c.callType[r]); }
  direction(r) { return DIRECTIONS[this.c.direction[r]]; }
  agents(r) { return this.text(this.c.agents[r]) ?? ''; }
  startEvent(r) { return this.c.startEvent[r]; }
  startTime(r) { return this.text(this.c.startTime[r]); }
  startMs(r) { const v = this.c.startMs[r]; return Number.isNaN(v) ? undefined : v; }
  durationMs(r) { const v = this.c.durationMs[r]; return Number.isNaN(v) ? undefined : v; }
  outcome(r) { return OUTCOMES[this.c.outcome[r]]; }
  rule(r) { return this.text(this.c.rule[r]); }
  reason(r) { return this.text(this.c.reason[r]); }
  events(r) { return this.c.events[r]; }

  /** The row of the call with `key`, or -1. */
  find(key) {
    for (let r = 0; r < this.length; r += 1) if (this.key(r) === key) return r;
    return -1;
  }

  /** Calls per outcome, most first: [[outcome, count]…]. */
  counts() {
    const n = new Uint32Array(OUTCOMES.length);
    for (const o of this.c.outcome) n[o] += 1;
    /** @type {[string, number][]} */
    const counts = [...n].map((count, i) => [OUTCOMES[i], count]);
    return counts.filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  }

  /** Every agent key that appears, sorted. */
  agentKeys() {
    // Each distinct string once: a flag per string index, not a Set of every row's.
    const distinct = new Uint8Array(this.c.stringEnds.length);
    const seen = new Set();
    for (const i of this.c.agents) {
      if (i < 0 || distinct[i]) continue;
      distinct[i] = 1;
      for (const a of this.text(i).split(', ')) seen.add(a);
    }
    return [...seen].sort();
  }

  /**
   * Rows that pass `filter`, sorted by `sort` ({ key, descending }). A text search is answered
   * by the Worker, which sees every word of a call: `matches` holds the rows it found.
   */
  view({ text, outcome, agent }, sort, matches) {
    const c = this.c;
    const outcomeCode = outcome ? OUTCOMES.indexOf(outcome) : -1;
    const found = text.trim() && matches ? new Set(matches) : null;
    // Tests on distinct strings are worked out once per string, not once per row.
    const memo = (fn) => {
      const seen = new Map();
      return (i) => {
        let v = seen.get(i);
        if (v === undefined) {
          v = fn(i);
          seen.set(i, v);
        }
        return v;
      };
    };
    const agentOk = memo((i) => i >= 0 && this.text(i).split(', ').includes(agent));
    // Rows go straight into a typed array: a list of 750,000 calls is filtered in a few ms.
    const rows = new Uint32Array(this.length);
    let n = 0;
    for (let r = 0; r < this.length; r += 1) {
      if (outcomeCode >= 0 && c.outcome[r] !== outcomeCode) continue;
      if (agent && !agentOk(c.agents[r])) continue;
      if (found && !found.has(r)) continue;
      rows[n] = r;
      n += 1;
    }
    return this.sorted(rows.subarray(0, n), sort);
  }

  sorted(rows, { key, descending }) {
    // Calls are numbered in the order they start: by start, the rows are in order already.
    if (key === 'start' || !key) return descending ? rows.reverse() : rows;
    const order = this.order(key);
    const sign = descending ? -1 : 1;
    return rows.sort((a, b) => (order(a) - order(b) || a - b) * sign);
  }

  /** A number per row that sorts as the column does. */
  order(key) {
    const c = this.c;
    const rank = (column) => {
      // Distinct strings in alphabetical order: rows compare by rank, a number.
      const distinct = [...new Set(column)].sort((a, b) => (this.text(a) ?? '').localeCompare(this.text(b) ?? ''));
      const ranks = new Map(distinct.map((i, n) => [i, n]));
      return (r) => ranks.get(column[r]);
    };
    switch (key) {
      case 'key': return (r) => c.callId[r];
      case 'type': return rank(c.callType);
      case 'direction': return (r) => c.direction[r];
      case 'agent': return rank(c.agents);
      case 'duration': return (r) => (Number.isNaN(c.durationMs[r]) ? -1 : c.durationMs[r]);
      case 'outcome': return (r) => OUTCOME_RANK[c.outcome[r]];
      case 'reason': return rank(c.reason);
      default: return (r) => c.startEvent[r];
    }
  }
}
