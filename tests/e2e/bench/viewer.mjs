// `make bench SIZES="… 1000"` (and `… 4000`): a 1 GB (4 GB) log opened in the viewer in headless
// Chromium, as a user would open a file. Writes gb_first_calls_ms (the first calls listed),
// gb_complete_ms (every call listed) and gb_peak_wasm_memory_bytes (the decoding Worker's wasm
// memory) into dist/bench/summary.json (gb4_… for a log of 3 GB and more), and fails unless the
// page lists as many calls as the command-line tool finds in the same log.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../harness.mjs';
import { serve } from '../serve.mjs';

export async function viewerStep(siteDir, log, expectedCalls) {
  const server = await serve(resolve(siteDir));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}#nosample`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
    const started = Date.now();
    await page.getByLabel('Open log files').setInputFiles(resolve(log));
    await page.locator('#calls-body tr[data-key]').first().waitFor({ timeout: 600000 });
    const firstCalls = Date.now() - started;
    await page.locator('body[data-state="done"], body[data-state="error"]').waitFor({ timeout: 1800000 });
    const complete = Date.now() - started;
    const result = await page.evaluate(() => ({
      state: document.body.dataset.state,
      memory: Number(document.body.dataset.wasmMemory),
      listed: Number(document.getElementById('calls').getAttribute('aria-rowcount')) - 1,
      summary: document.getElementById('summary').textContent,
      timings: document.body.dataset.timings,
    }));
    const bytes = statSync(log).size;
    console.log(`viewer: ${(bytes / 1e9).toFixed(2)} GB log: first calls after ${firstCalls} ms, all ${result.listed} calls after ${complete} ms, worker wasm memory ${(result.memory / 1e6).toFixed(0)} MB (${(result.memory / bytes).toFixed(2)} per byte); ${result.summary}; worker ms: ${result.timings}`);
    const out = join(resolve(siteDir), '..', 'bench', 'summary.json');
    const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
    const key = bytes >= 3e9 ? 'gb4' : 'gb';
    writeFileSync(out, `${JSON.stringify({
      ...previous,
      [`${key}_log_bytes`]: bytes,
      [`${key}_first_calls_ms`]: firstCalls,
      [`${key}_complete_ms`]: complete,
      [`${key}_peak_wasm_memory_bytes`]: result.memory,
      [`${key}_calls_listed`]: result.listed,
    }, null, 2)}\n`);
    if (result.state !== 'done' || result.listed !== expectedCalls) {
      console.log(`FAIL the page listed ${result.listed} calls (state ${result.state}); the command-line tool finds ${expectedCalls}`);
      return 1;
    }
    console.log(`ok   every call listed (${expectedCalls})`);
    return 0;
  } finally {
    await browser.close();
    server.close();
  }
}
