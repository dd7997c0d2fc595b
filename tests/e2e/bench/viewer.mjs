// `make bench SIZES="… 1000"` (and `… 4000`): a 1 GB log opened in the viewer in headless
// Chromium, as a user would open a file; a log of 3 GB and more as a collection would come, cut
// into 16 rotated files at line ends (names not in time order), all chosen at once. Writes
// gb_first_calls_ms (the first calls listed), gb_complete_ms (every call listed) and
// gb_peak_wasm_memory_bytes (the decoding Worker's wasm memory; per byte of the log,
// file_memory_per_input_byte) into dist/bench/summary.json (gb4_complete_ms,
// gb4_peak_memory_bytes… for the collection), and fails unless the page lists as many calls as the command-line
// tool finds in the same log.
import { createReadStream, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../harness.mjs';
import { serve } from '../serve.mjs';

const ROTATED = 16;

/**
 * `log` cut into ROTATED files of about equal size at line ends (a rotation by size cuts records
 * as it goes: the collection joins them), in a folder beside it; file k in time order is named
 * `ctisvr.<(7k) mod 16>.log`, so that names do not give the order. Made once.
 * @param {string} log
 * @returns {Promise<string[]>} the files' paths
 */
async function rotated(log) {
  const dir = `${log.replace(/\.txt$/, '')}-rotated`;
  const name = (k) => join(dir, `ctisvr.${(7 * k) % ROTATED}.log`);
  const paths = Array.from({ length: ROTATED }, (_, k) => name(k));
  if (paths.every((p) => existsSync(p))) return paths;
  mkdirSync(dir, { recursive: true });
  const each = Math.ceil(statSync(log).size / ROTATED);
  let [k, written, out] = [0, 0, openSync(paths[0], 'w')];
  for await (const chunk of createReadStream(log, { highWaterMark: 8 << 20 })) {
    let at = 0;
    while (at < chunk.length) {
      const cut = written >= each && k + 1 < ROTATED ? chunk.indexOf(10, at) : -1;
      const end = cut >= 0 ? cut + 1 : chunk.length;
      writeSync(out, chunk, at, end - at);
      written += end - at;
      at = end;
      if (cut >= 0) {
        closeSync(out);
        [k, written, out] = [k + 1, 0, openSync(paths[k + 1], 'w')];
      }
    }
  }
  closeSync(out);
  return paths;
}

export async function viewerStep(siteDir, log, expectedCalls) {
  const bytes = statSync(log).size;
  const collection = bytes >= 3e9;
  const given = collection ? await rotated(resolve(log)) : resolve(log);
  const server = await serve(resolve(siteDir));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${server.url}#nosample`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 30000 });
    const started = Date.now();
    await page.getByLabel('Open log files').setInputFiles(given);
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
    console.log(`viewer: ${(bytes / 1e9).toFixed(2)} GB log${collection ? ` as ${ROTATED} rotated files` : ''}: first calls after ${firstCalls} ms, all ${result.listed} calls after ${complete} ms, worker wasm memory ${(result.memory / 1e6).toFixed(0)} MB (${(result.memory / bytes).toFixed(2)} per byte); ${result.summary}; worker ms: ${result.timings}`);
    const out = join(resolve(siteDir), '..', 'bench', 'summary.json');
    const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
    const key = collection ? 'gb4' : 'gb';
    writeFileSync(out, `${JSON.stringify({
      ...previous,
      [`${key}_log_bytes`]: bytes,
      [`${key}_first_calls_ms`]: firstCalls,
      [`${key}_complete_ms`]: complete,
      [collection ? 'gb4_peak_memory_bytes' : 'gb_peak_wasm_memory_bytes']: result.memory,
      [`${key}_calls_listed`]: result.listed,
      // The issue's figure: the Worker's peak wasm memory per byte of a 1 GB file.
      ...(collection ? {} : { file_memory_per_input_byte: Math.round((result.memory / bytes) * 1000) / 1000 }),
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
