// Decodes in a Worker and posts the outcomes back: initSync with a module the page compiled,
// or init() loading the bundled .wasm itself.
import init, { buildTimeline, decodeLog, initSync } from 'cti-outcome';

self.onmessage = async ({ data }) => {
  if (data.module) initSync({ module: data.module });
  else await init();
  const calls = buildTimeline(decodeLog(data.text)).calls;
  self.postMessage(calls.map((c) => `${c.key} ${c.outcome.kind}`));
};
