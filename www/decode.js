// @ts-check
// The page's adapter over the package: decoding runs in a Worker (decode-worker.js); CONNRES is
// explained on the main thread. The rest of the page never touches the wasm API directly.
import init, { version } from './pkg/index.js';

let worker = null;
let nextId = 1;
const waiting = new Map();

/** Loads the module for the main thread's own calls (version). */
export const load = () => init();
export { version };

let recordsModule = null;
/** Explains a CONNRES code with the records module, loaded on first use. */
export async function decodeConnres(code, direction, cause) {
  recordsModule ??= import('./pkg/records.js').then(async (m) => {
    await m.default();
    return m;
  });
  return (await recordsModule).decodeConnres(code, direction, cause);
}

/**
 * Decodes a file (a Blob), or several as one log (a folder's, an archive's), in the Worker. `on` receives `{ type: 'progress' | 'calls' |
 * 'summary' | 'done' | 'error', … }` messages: progress while reading, the call list early
 * (partial) and at the end, then the summary (notes, diagnostics, counts) and done.
 */
/**
 * @param {Blob | import('./messages.js').Input[]} source one file, or several (read as one log)
 * @param {(message: import('./messages.js').Posted) => void} on
 */
export function open(source, on) {
  worker?.terminate();
  for (const [, reject] of waiting.values()) reject(new Error('a new log was opened'));
  waiting.clear();
  worker = new Worker(new URL('./decode-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const pending = data.id && waiting.get(data.id);
    if (pending) {
      waiting.delete(data.id);
      if (data.type === 'error') pending[1](new Error(data.message));
      else pending[0](data);
    } else {
      on(data);
    }
  };
  worker.onerror = (e) => on({ type: 'error', message: e.message });
  worker.postMessage(source instanceof Blob ? { type: 'open', file: source } : { type: 'open', inputs: source });
}

/** Stops reading: the calls found so far are worked out and listed. */
export function cancel() {
  worker?.postMessage({ type: 'cancel' });
}

/**
 * Asks the Worker; resolves with its reply.
 * @param {import('./messages.js').Request} message
 * @returns {Promise<any>}
 */
function ask(message) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, [resolve, reject]);
    worker.postMessage({ ...message, id });
  });
}

/** Call `index` in full, with its agents: `{ call, agents }`. */
export const call = (index) => ask({ type: 'call', index });

/** Calls in full, for an export. */
export const calls = async (indices) => (await ask({ type: 'calls', indices })).calls;

/** The rows (call indices) whose words contain `needle`: a Uint32Array. */
export const search = async (needle) => (await ask({ type: 'search', needle })).rows;

/** The session: requests and replies, unanswered requests, notices. */
export const session = async () => (await ask({ type: 'session' })).session;

/** Every agent over the log's time, as columns (null for a call-record export). */
export const agentColumns = async () => (await ask({ type: 'agents' })).columns;

/** The events no call holds (a Uint32Array of event indices). */
export const others = async () => (await ask({ type: 'others' })).others;

/** The events at `indices` (positions in the log). */
export const events = async (indices) => (await ask({ type: 'events', indices })).events;

/** The raw text of lines `fromLine..toLine` (one-based), or the bytes of a frame as hex. */
export const raw = async (where) => (await ask({ type: 'raw', ...where })).text;
