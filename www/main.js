// Wires the page: loads the package, fills the sample list, decodes on request.
import { byId, el } from './dom.js';
import { load, decode, version } from './decode.js';
import { render } from './render.js';

const SAMPLES_INDEX = 'samples/index.json';

const ui = {
  sample: byId('sample'),
  file: byId('file'),
  text: byId('text'),
  button: byId('decode'),
  result: byId('result'),
  summary: byId('summary'),
  diagnostics: byId('diagnostics'),
  entries: byId('entries'),
};

function show(text) {
  ui.text.value = text;
  render(decode(text), ui);
  ui.result.hidden = false;
}

async function loadSamples() {
  const response = await fetch(SAMPLES_INDEX);
  if (!response.ok) return [];
  const names = await response.json();
  ui.sample.append(...names.map((name) => el('option', { value: name }, name)));
  return names;
}

async function main() {
  await load();
  byId('version').textContent = `version ${version()}`;
  ui.button.addEventListener('click', () => show(ui.text.value));
  ui.file.addEventListener('change', async () => {
    const [file] = ui.file.files;
    if (file) show(await file.text());
  });
  ui.sample.addEventListener('change', async () => {
    if (!ui.sample.value) return;
    const response = await fetch(`samples/${encodeURIComponent(ui.sample.value)}`);
    show(await response.text());
  });
  const names = await loadSamples();
  const first = names.find((n) => n.startsWith('uccx-agent-skips')) ?? names[0];
  if (first) {
    ui.sample.value = first;
    ui.sample.dispatchEvent(new Event('change'));
  }
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  byId('summary').textContent = `Could not start: ${err.message}`;
  byId('result').hidden = false;
});
