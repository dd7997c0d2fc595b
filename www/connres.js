// @ts-check
// The CONNRES panel: code + direction (+ Q.850 cause) → the package's explanation (from the
// records module, loaded when the panel is first used).
import { byId } from './dom.js';
import { decodeConnres } from './decode.js';

export function setupConnres() {
  const form = byId('connres-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = Number(byId('connres-code', HTMLInputElement).value);
    const direction = byId('connres-direction', HTMLSelectElement).value;
    const causeText = byId('connres-cause', HTMLInputElement).value.trim();
    const out = byId('connres-result');
    try {
      const r = await decodeConnres(code, direction, causeText === '' ? null : Number(causeText));
      const cause = r.cause ? ` Q.850 cause ${r.cause.code}: ${r.cause.name} (${r.cause.class}${r.cause.sip ? `, SIP ${r.cause.sip}` : ''}).` : '';
      out.textContent = `${r.code} ${r.symbol} (${r.direction}): ${r.label}. ${r.meaning} Outcome: ${r.outcome}.${r.legacy ? ' Legacy code, no longer produced.' : ''}${cause}`;
    } catch (err) {
      out.textContent = err.message;
    }
  });
}
