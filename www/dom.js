// @ts-check
// DOM helpers. Every piece of decoded text goes through text nodes, never innerHTML.

/**
 * The element with `id`, of class `type` when one is named (its type for the checker, and
 * checked here); throws if the page lacks it or it is of another kind.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {new () => T} [type]
 * @returns {T}
 */
export function byId(id, type) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  if (type && !(node instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return /** @type {T} */ (node);
}

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...kids(children));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element, the same way. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  node.append(...kids(children));
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(key, String(value));
  }
}

function kids(children) {
  return children.flat().filter((c) => c !== undefined && c !== null && c !== false)
    .map((c) => (typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c));
}

/** Milliseconds as `1 min 05 s` / `4.2 s`; `–` when unknown. */
export function formatMs(ms) {
  if (ms === undefined || ms === null) return '–';
  if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Offers `data` (a string or Blob) as a download named `name`. */
export function download(name, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A count with its noun: `1 call`, `2 calls` (`replies` for `reply`).
 * @param {number} n @param {string} noun */
export const count = (n, noun) => `${n} ${n === 1 ? noun : noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
