// A Vite app using the package: init from the bundled asset, decode on the main thread, and
// decode again in two module Workers (one handed a compiled module for initSync, one with init()).
import init, { buildTimeline, decodeFrames, decodeLog } from 'cti-outcome';
import initEncode, { encodeEvents } from 'cti-outcome/encode';
import wasmUrl from 'cti-outcome/wasm?url';
import sample from '../sample.txt?raw';

const outcomes = (text) => buildTimeline(decodeLog(text)).calls.map((c) => `${c.key} ${c.outcome.kind}`);

function inWorker(message) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
    worker.postMessage(message);
  }).finally(() => worker.terminate());
}

const results = {};
try {
  decodeLog(sample);
  results.beforeInit = 'no error';
} catch (e) {
  results.beforeInit = e.message;
}
const [a, b] = await Promise.all([init(), init()]);
results.sameInstance = a === b && a === (await init());
results.main = outcomes(sample);
// The encoder is a module of its own, loaded only by the page that asks for it.
await initEncode();
results.encoded = decodeFrames(encodeEvents(decodeLog(sample))).events.map((e) => e.type).slice(0, 2);
const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
results.workerInitSync = await inWorker({ module, text: sample });
results.workerInit = await inWorker({ text: sample });

document.getElementById('out').textContent = JSON.stringify(results, null, 2);
window.results = results;
document.body.dataset.done = 'true';
