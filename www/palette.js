// @ts-check
// The page's colours, stated once. `paletteCss()` writes them as the stylesheet's custom
// properties (light, and dark for `prefers-color-scheme: dark`); style.css and the agent
// timeline read those properties, and exported drawings carry the light colours themselves.

/** Light colours by custom-property name (`--answered`…): the page's own, each outcome's
 * (OutcomeKind), and the ladder's flows (`flow-1`…). */
export const LIGHT = Object.freeze({
  bg: '#fff', fg: '#111827', muted: '#6b7280', line: '#d1d5db', panel: '#f9fafb', accent: '#2563eb',
  error: '#b91c1c', warning: '#a16207', selected: '#dbeafe',
  // Outcomes: fourteen colours chosen for distance, not taste (a search over sRGB, the hues then
  // given to the outcomes they suit): every two at least CIEDE2000 ΔE 22 apart, and still 9.8
  // apart as a person with deuteranopia, protanopia or tritanopia sees them (Machado et al.'s
  // simulation); each 3:1 against the background (WCAG's contrast for marks) and none
  // near-black. The e2e suite checks ΔE ≥ 20, and ≥ 8 for each deficiency, in both schemes.
  // The outcome is always written beside its colour.
  answered: '#00a65e', abandoned: '#e57700', no_answer: '#a877f8', busy: '#ff3896', rejected: '#e10000',
  skipped: '#6b8b8d', accepted: '#717538', failed: '#a31042', blocked: '#4b2f12', transferred: '#3900ef',
  conferenced: '#2a69c1', still_active: '#065a48', legacy: '#383756', unknown: '#8a6b62',
  'flow-1': '#db2777', 'flow-2': '#059669', 'flow-3': '#d97706', 'flow-4': '#7c3aed', 'flow-5': '#0891b2',
});

/** Dark colours for the same names. */
export const DARK = Object.freeze({
  ...LIGHT,
  bg: '#111827', fg: '#e5e7eb', muted: '#9ca3af', line: '#374151', panel: '#1f2937', accent: '#60a5fa',
  error: '#f87171', warning: '#facc15', selected: '#1e3a8a',
  // The same search against the dark background: ΔE ≥ 24 between any two, ≥ 11 for each
  // deficiency, 3:1 against it.
  answered: '#44cf77', abandoned: '#d79b10', no_answer: '#ff5ac9', busy: '#d8ff1e', rejected: '#eb0018',
  skipped: '#0a9493', accepted: '#008000', failed: '#9d4869', blocked: '#972cfa', transferred: '#a4a0ff',
  conferenced: '#1fffff', still_active: '#ffffef', legacy: '#7d634c', unknown: '#bca49d',
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
