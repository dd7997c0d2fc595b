// @ts-check
// The page's colours, stated once. `paletteCss()` writes them as the stylesheet's custom
// properties (light, and dark for `prefers-color-scheme: dark`); style.css and the agent
// timeline read those properties, and exported drawings carry the light colours themselves.

/** Light colours by custom-property name (`--answered`…): the page's own, each outcome's
 * (OutcomeKind), and the ladder's flows (`flow-1`…). */
export const LIGHT = Object.freeze({
  bg: '#fff', fg: '#111827', muted: '#6b7280', line: '#d1d5db', panel: '#f9fafb', accent: '#2563eb',
  error: '#b91c1c', warning: '#a16207', selected: '#dbeafe',
  // Outcomes: fourteen colours chosen for distance, not taste: every two at least CIEDE2000
  // ΔE 28 apart, each at least 3:1 against the background (WCAG's contrast for marks); the e2e
  // suite checks ΔE ≥ 20 between any two as the page computes them, in both schemes. Fourteen
  // colours cannot all stay apart for every kind of colour blindness: the outcome is always
  // written beside its colour, which only helps the eye find it.
  answered: '#2ea500', abandoned: '#f66900', no_answer: '#d95cff', busy: '#937800', rejected: '#ff406c',
  skipped: '#009e9f', accepted: '#1d5500', failed: '#a10000', blocked: '#920060', transferred: '#0b33ff',
  conferenced: '#0491fd', still_active: '#003f45', legacy: '#241b1a', unknown: '#787480',
  'flow-1': '#db2777', 'flow-2': '#059669', 'flow-3': '#d97706', 'flow-4': '#7c3aed', 'flow-5': '#0891b2',
});

/** Dark colours for the same names. */
export const DARK = Object.freeze({
  ...LIGHT,
  bg: '#111827', fg: '#e5e7eb', muted: '#9ca3af', line: '#374151', panel: '#1f2937', accent: '#60a5fa',
  error: '#f87171', warning: '#facc15', selected: '#1e3a8a',
  // The same rule against the dark background (ΔE ≥ 28 between any two, 3:1 against it).
  answered: '#04d800', abandoned: '#fe5600', no_answer: '#bb09ff', busy: '#ffe400', rejected: '#ff9ada',
  skipped: '#2afff5', accepted: '#0b7504', failed: '#cf004a', blocked: '#a07900', transferred: '#0064cc',
  conferenced: '#a7c9ff', still_active: '#219097', legacy: '#ffd0b8', unknown: '#837e83',
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
