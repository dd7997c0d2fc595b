// The page's adapter over the package: decoding runs in a Worker (decode-worker.js); CONNRES is
// explained on the main thread. The rest of the page never touches the wasm API directly.
import init, { decodeConnres, version } from './pkg/index.js';

let worker = null;
let nextId = 1;
const waiting = new Map();

/** Loads the module for the main thread's own calls (CONNRES, version). */
export const load = () => init();
export { decodeConnres, version };

/**
 * Decodes `file` (a Blob) in the Worker. `on` receives { type: 'progress' | 'summary' |
 * 'cancelled' | 'error', … } messages; summaries come early (partial) and at the end.
 */
export function open(file, on) {
  worker?.terminate();
  for (const [, reject] of waiting.values()) reject(new Error('a new log was opened'));
  waiting.clear();
  worker = new Worker(new URL('./decode-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.id && waiting.has(data.id)) {
      const [resolve] = waiting.get(data.id);
      waiting.delete(data.id);
      resolve(data);
    } else {
      on(data);
    }
  };
  worker.onerror = (e) => on({ type: 'error', message: e.message });
  worker.postMessage({ type: 'open', file });
}

export function cancel() {
  worker?.postMessage({ type: 'cancel' });
}

function ask(message) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, [resolve, reject]);
    worker.postMessage({ ...message, id });
  });
}

/** The events at `indices` (positions in the log). */
export const events = async (indices) => (await ask({ type: 'events', indices })).events;

/** The raw text of lines `fromLine..toLine` (one-based), or the bytes of a frame as hex. */
export const raw = async (where) => (await ask({ type: 'raw', ...where })).text;
