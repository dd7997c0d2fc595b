// @ts-check
// The string table every column batch carries: `strings` cut at `stringEnds` (UTF-16 offsets;
// src/view/column_set.rs). Read here once, for the package's objects and for the page.

/** @typedef {{ strings: string, stringEnds: Uint32Array }} StringBatch */

/**
 * Every string of the batch `c`, in order.
 * @param {StringBatch} c
 * @returns {string[]}
 */
export function stringTable(c) {
  const ends = c.stringEnds;
  const table = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i += 1) {
    table[i] = c.strings.slice(start, ends[i]);
    start = ends[i];
  }
  return table;
}

/**
 * String `i` of the batch `c` (`undefined` for -1).
 * @param {StringBatch} c
 * @param {number} i
 * @returns {string | undefined}
 */
export function stringAt(c, i) {
  if (i < 0) return undefined;
  const ends = c.stringEnds;
  return c.strings.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
}
