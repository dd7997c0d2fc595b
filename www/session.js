// @ts-check
// The session lane: requests matched to their replies (by InvokeID) with round-trip times, the
// requests no reply answered, replies to requests not in the log, and what FAILURE_EVENT and
// SYSTEM_EVENT said. Hidden for logs without session messages (most text dumps).
import { byId, count, el, formatMs } from './dom.js';

/** Shows `session` (or hides the lane when there is nothing in it). */
export function drawSession(session) {
  const box = byId('session');
  const { exchanges, unanswered, unmatchedReplies, notices } = session;
  if (!exchanges.length && !unmatchedReplies.length && !notices.length) {
    box.hidden = true;
    return;
  }
  const failed = exchanges.filter((x) => x.failure).length;
  byId('session-summary').textContent = `${count(exchanges.length, 'request')}, ${exchanges.length - unanswered.length} answered` +
    ` (${failed} with a failure), ${unanswered.length} unanswered; ${count(unmatchedReplies.length, 'reply')} to requests not in the log`;
  const shown = exchanges.slice(0, 500);
  const rows = shown.map((x) => el(
    'tr', { class: x.failure ? 'failure' : x.reply ? undefined : 'unanswered' },
    el('td', {}, `${x.type} `, el('span', { class: 'muted' }, `#${x.request.event}`)),
    el('td', {}, String(x.invokeId)),
    el('td', {}, x.reply ? `${x.replyType}${x.failure ? `: ${x.failure}` : ''}` : 'no reply'),
    el('td', {}, x.rttMs === undefined ? '–' : formatMs(x.rttMs)),
  ));
  if (exchanges.length > shown.length) {
    rows.push(el('tr', {}, el('td', { colspan: 4 }, `… and ${exchanges.length - shown.length} more`)));
  }
  byId('session-body').replaceChildren(...rows);
  byId('session-notices').replaceChildren(...notices.map((n) => el('li', {}, `${n.type}: ${n.what || '(no status)'}`)));
  box.hidden = false;
}
