// The decoding Worker: reads the opened Blob in chunks into a CtiLog, reports progress and the
// calls found so far, and answers requests for events and raw text. The log stays here; the
// page gets calls, pages of events and raw lines on demand.
import init, { CtiLog } from './pkg/index.js';

const CHUNK = 4 * 1024 * 1024;
let log = null;
let blob = null;
let lineStarts = null; // Float64Array of byte offsets where each line starts (text input)
let lineCount = 0;
let cancelled = false;

function indexLines(bytes, base) {
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 10) {
      if (lineCount === lineStarts.length) {
        const grown = new Float64Array(lineStarts.length * 2);
        grown.set(lineStarts);
        lineStarts = grown;
      }
      lineStarts[lineCount] = base + i + 1;
      lineCount += 1;
    }
  }
}

async function open({ file }) {
  await init();
  log?.free();
  log = new CtiLog();
  blob = file;
  lineStarts = new Float64Array(1 << 16);
  lineStarts[0] = 0;
  lineCount = 1;
  cancelled = false;
  const started = performance.now();
  let firstCallsPosted = false;
  let lastPost = 0;
  for (let at = 0; at < file.size; at += CHUNK) {
    if (cancelled) {
      postMessage({ type: 'cancelled', loaded: at, total: file.size });
      return;
    }
    const bytes = new Uint8Array(await file.slice(at, at + CHUNK).arrayBuffer());
    indexLines(bytes, at);
    log.push(bytes);
    const loaded = Math.min(at + CHUNK, file.size);
    postMessage({ type: 'progress', loaded, total: file.size, events: log.length });
    const now = performance.now();
    // The first calls as soon as there are some, then the growing list now and then.
    if (loaded < file.size && log.length > 0 && (!firstCallsPosted || now - lastPost > 3000)) {
      postMessage({ type: 'summary', summary: log.summary(), partial: true, ms: now - started });
      firstCallsPosted = true;
      lastPost = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 0)); // let a cancel message in
  }
  log.finish();
  postMessage({ type: 'summary', summary: log.summary(), partial: false, ms: performance.now() - started });
}

async function raw({ id, fromLine, toLine, offset, length }) {
  let text = '';
  if (offset !== undefined) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    text = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ').replace(/((?:\S+ ){16})/g, '$1\n');
  } else if (fromLine >= 1 && fromLine <= lineCount) {
    const start = lineStarts[fromLine - 1];
    const end = toLine < lineCount ? lineStarts[toLine] : blob.size;
    text = await blob.slice(start, end).text();
  }
  postMessage({ type: 'raw', id, text });
}

onmessage = ({ data }) => {
  switch (data.type) {
    case 'open':
      open(data).catch((e) => postMessage({ type: 'error', message: e.message }));
      break;
    case 'cancel':
      cancelled = true;
      break;
    case 'events':
      postMessage({ type: 'events', id: data.id, events: data.indices.map((i) => log.events(i, i + 1)[0]).filter(Boolean) });
      break;
    case 'raw':
      raw(data).catch((e) => postMessage({ type: 'error', message: e.message }));
      break;
    default:
      postMessage({ type: 'error', message: `unknown request ${data.type}` });
  }
};
