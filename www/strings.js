// @ts-check
// The string table every column batch carries (`strings` cut at `stringEnds`, UTF-16 offsets;
// src/view/column_set.rs): read here once for the call list, the agents and the exports.

/** String `i` of the batch `c` (`undefined` for -1). */
export function stringAt(c, i) {
  if (i < 0) return undefined;
  const ends = c.stringEnds;
  return c.strings.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
}

/** Every string of the batch `c`, in order. */
export function stringTable(c) {
  return Array.from(c.stringEnds, (_, i) => stringAt(c, i));
}
