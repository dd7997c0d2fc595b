// @ts-check
// What is not in the call list: the sentence that says why a log gave no event at all, and the
// "Other events" group, listing the events no call holds (agent states, session messages,
// events whose call ID could not be read) so that every decoded event can be opened.
import { byId, count, el } from './dom.js';

const SHOWN = 1000;

/** Shows why nothing was decoded, when the summary says so. */
export function drawNoEvents(summary) {
  const why = summary.eventCount === 0 ? summary.diagnostics.find((d) => d.code === 'no-events') : undefined;
  const box = byId('no-events');
  box.textContent = why ? why.message.replace(/^no events: /, 'No events: ') : '';
  box.hidden = !why;
}

/**
 * Lists `indices` (events no call holds); the first ones are fetched with `fetchEvents` when
 * the group is opened, and `onPick(event)` shows one.
 */
export function drawOthers(indices, fetchEvents, onPick) {
  const box = byId('other-events', HTMLDetailsElement);
  box.hidden = indices.length === 0;
  box.open = false;
  byId('other-events-title').textContent = `${count(indices.length, 'event')} in no call`;
  const list = byId('other-events-list');
  list.replaceChildren();
  box.ontoggle = async () => {
    if (!box.open || list.childElementCount) return;
    const shown = [...indices.slice(0, SHOWN)];
    const events = await fetchEvents(shown);
    list.replaceChildren(...events.map((e, i) => {
      const at = e.offset !== undefined ? `byte ${e.offset}` : `line ${e.line}`;
      const button = el('button', { type: 'button', class: 'link' }, `${e.type} (${at})`);
      button.addEventListener('click', () => onPick({ ...e, index: shown[i] }));
      return el('li', {}, button);
    }));
    if (indices.length > SHOWN) list.append(el('li', { class: 'muted' }, `… and ${indices.length - SHOWN} more`));
  };
}
