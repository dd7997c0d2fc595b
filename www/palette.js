// @ts-check
// The page's colours, stated once. `paletteCss()` writes them as the stylesheet's custom
// properties (light, and dark for `prefers-color-scheme: dark`); style.css and the agent
// timeline read those properties, and exported drawings carry the light colours themselves.

/** Light colours by custom-property name (`--answered`…): the page's own, each outcome's
 * (OutcomeKind), and the ladder's flows (`flow-1`…). */
export const LIGHT = Object.freeze({
  bg: '#fff', fg: '#111827', muted: '#6b7280', line: '#d1d5db', panel: '#f9fafb', accent: '#2563eb',
  error: '#b91c1c', warning: '#a16207', selected: '#dbeafe',
  answered: '#15803d', abandoned: '#b45309', no_answer: '#7c3aed', busy: '#c2410c', rejected: '#be123c',
  skipped: '#0e7490', accepted: '#047857', failed: '#b91c1c', blocked: '#9f1239', transferred: '#1d4ed8',
  conferenced: '#4338ca', still_active: '#0f766e', legacy: '#57534e', unknown: '#6b7280',
  'flow-1': '#db2777', 'flow-2': '#059669', 'flow-3': '#d97706', 'flow-4': '#7c3aed', 'flow-5': '#0891b2',
});

/** Dark colours for the same names. */
export const DARK = Object.freeze({
  ...LIGHT,
  bg: '#111827', fg: '#e5e7eb', muted: '#9ca3af', line: '#374151', panel: '#1f2937', accent: '#60a5fa',
  error: '#f87171', warning: '#facc15', selected: '#1e3a8a',
  answered: '#4ade80', abandoned: '#fbbf24', no_answer: '#c4b5fd', busy: '#fb923c', rejected: '#fb7185',
  skipped: '#67e8f9', accepted: '#6ee7b7', failed: '#f87171', blocked: '#fda4af', transferred: '#93c5fd',
  conferenced: '#a5b4fc', still_active: '#5eead4', legacy: '#d6d3d1', unknown: '#9ca3af',
});

/** @param {Readonly<Record<string, string>>} colours */
const properties = (colours) => Object.entries(colours).map(([name, c]) => `--${name}: ${c};`).join(' ');

/** The custom properties as a stylesheet. */
export function paletteCss() {
  return `:root { ${properties(LIGHT)} }\n@media (prefers-color-scheme: dark) { :root { ${properties(DARK)} } }\n`;
}

/** Puts the palette into the page as a constructed stylesheet (the page's Content Security
 * Policy allows no inline style), before the sheets that use it. */
export function applyPalette() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(paletteCss());
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
}
