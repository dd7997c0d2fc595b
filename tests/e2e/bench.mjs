// The browser benchmark and the memory-growth check, in Debian's Chromium.
//   node tests/e2e/bench.mjs bench  <package-dir> <data-dir> [sizes…]   (make bench)
//   node tests/e2e/bench.mjs memory <package-dir> <data-dir>             (make test)
//   node tests/e2e/bench.mjs viewer <site-dir> <log> <calls>             (make bench SIZES=… 1000)
// `viewer` opens a (large) log in the page as a user would and records when the first calls
// show, when the list is complete and the Worker's peak wasm memory; <calls> is the number of
// calls the command-line tool finds in the log, which the page must list.
// <data-dir> holds <size>.txt (a generated text log), <size>.json (what `cti-outcome decode`
// writes for it: the same events, notes and diagnostics as JSON) and <size>.bin (frames).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, requireChromium } from './harness.mjs';
import { serve } from './serve.mjs';

const [mode, pkgDir, dataDir, ...sizes] = process.argv.slice(2);
if (!['bench', 'memory', 'viewer'].includes(mode) || !pkgDir || !dataDir) {
  console.error('usage: node tests/e2e/bench.mjs bench|memory <package-dir> <data-dir> [sizes…]');
  process.exit(2);
}
requireChromium(`the browser ${mode} run`);
if (mode === 'viewer') {
  const { viewerStep } = await import('./bench/viewer.mjs');
  process.exit(await viewerStep(pkgDir, dataDir, Number(sizes[0])));
}

/** Memory growth allowed over 99 decodes after the first (issue: < 1 MB). */
const GROWTH_BUDGET = 1_000_000;
const root = resolve(dataDir, '..', 'www');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
cpSync(resolve(pkgDir), join(root, 'pkg'), { recursive: true });
cpSync(join(import.meta.dirname, 'bench'), root, { recursive: true });
cpSync(resolve(dataDir), join(root, 'data'), { recursive: true });

const server = await serve(root);
const browser = await launch();
const wasmGzip = gzipSync(readFileSync(join(root, 'pkg/cti_outcome_bg.wasm')), { level: 9 }).length;
const tracesWasmGzip = gzipSync(readFileSync(join(root, 'pkg/cti_outcome_traces_bg.wasm')), { level: 9 }).length;
const finesseWasmGzip = gzipSync(readFileSync(join(root, 'pkg/cti_outcome_finesse_bg.wasm')), { level: 9 }).length;
const mb = (bytes) => (bytes / 1e6).toFixed(1);
let exitCode = 0;

/** A fresh page with the benchmark module loaded (so that wasm memory starts from nothing). */
async function freshPage() {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(server.url);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  return page;
}

try {
  if (mode === 'memory') {
    const page = await freshPage();
    const { first, last } = await page.evaluate(() => window.repeat('10mb', 100));
    const growth = last - first;
    console.log(`memory: 100 decodes of a 10 MB log: wasm memory ${mb(first)} MB after the first, ${mb(last)} MB after the last (growth ${growth} bytes, budget ${GROWTH_BUDGET})`);
    if (growth >= GROWTH_BUDGET) {
      console.log('FAIL wasm memory grows across repeated decodes');
      exitCode = 1;
    } else {
      console.log('ok   wasm memory does not grow across repeated decodes');
    }
  } else {
    const rows = [];
    for (const size of sizes.length ? sizes : ['1mb', '10mb', '100mb']) {
      const runs = 5;
      const page = await freshPage();
      const r = await page.evaluate(([s, n]) => window.bench(s, n), [size, runs]);
      await page.close();
      rows.push({ size, ...r });
      console.log(
        `${size.padStart(5)}: ${r.events} events, ${r.calls} calls | (a) calls + first page ${r.aMs.toFixed(0)} ms` +
          ` | (b) every event ${r.bMs.toFixed(0)} ms | (c) JSON.parse ${r.cMs.toFixed(0)} ms (${mb(r.jsonBytes)} MB of JSON)` +
          ` | a/c ${(r.aMs / r.cMs).toFixed(2)}, b/c ${(r.bMs / r.cMs).toFixed(2)}` +
          ` | text ${(r.textBytes / 1e3 / r.aMs).toFixed(0)} MB/s via (a) | binary ${(r.frameBytes / 1e3 / r.binaryMs).toFixed(0)} MB/s` +
          ` | capture ${(r.captureBytes / 1e3 / r.captureMs).toFixed(0)} MB/s (${r.captureEvents} frames)` +
          ` | wasm memory after (a) ${mb(r.memoryAfterA)} MB (${(r.memoryAfterA / r.textBytes).toFixed(2)} per byte of log), after all ${mb(r.memoryAfter)} MB`,
      );
    }
    const records = [];
    for (const n of [100_000, 1_000_000]) {
      const page = await freshPage();
      const r = await page.evaluate(([rows, runs]) => window.benchRecords(rows, runs), [n, n > 100_000 ? 3 : 5]);
      await page.close();
      records.push(r);
      console.log(
        `records ${n}: ${r.calls} calls, ${mb(r.csvBytes)} MB of CSV | (r) RecordLog + head + call columns + a call ${r.rMs.toFixed(0)} ms` +
          ` | (j) JSON.parse ${r.jMs.toFixed(0)} ms (${mb(r.jsonBytes)} MB of JSON) | r/j ${(r.rMs / r.jMs).toFixed(2)}` +
          (r.oMs === undefined ? '' : ` | (o) decodeRecords, every call as objects ${r.oMs.toFixed(0)} ms, o/j ${(r.oMs / r.jMs).toFixed(2)}`) +
          ` | records wasm memory ${mb(r.memoryAfter)} MB`,
      );
    }
    const cisco = {};
    for (const family of ['tcd', 'ccd']) {
      const page = await freshPage();
      const r = await page.evaluate(([f, rows, runs]) => window.benchCiscoRecords(f, rows, runs), [family, 1_000_000, 3]);
      await page.close();
      cisco[family] = r;
      console.log(
        `${r.family} 1000000 rows: ${r.calls} calls, ${mb(r.csvBytes)} MB of CSV | (r) RecordLog + head + call columns + a call ${r.rMs.toFixed(0)} ms` +
          ` | (j) JSON.parse ${r.jMs.toFixed(0)} ms (${mb(r.jsonBytes)} MB of JSON) | r/j ${(r.rMs / r.jMs).toFixed(2)} (target ≤ 1.0)` +
          ` | records wasm memory ${mb(r.memoryAfter)} MB`,
      );
    }
    const tracePage = await freshPage();
    const traces = await tracePage.evaluate((n) => window.benchTraces(n), 3);
    await tracePage.close();
    const livePage = await freshPage();
    const live = await livePage.evaluate(() => window.benchLive());
    await livePage.close();
    const largest = rows.at(-1);
    const memoryPage = await freshPage();
    const { first, last } = await memoryPage.evaluate(() => window.repeat('10mb', 100));
    const native = JSON.parse(readFileSync(join(dataDir, '..', 'native.json'), 'utf8'));
    const binaryWasm = largest.frameBytes / 1e3 / largest.binaryMs;
    const summary = {
      // Every native figure (export, collections, …), then the browser's and their ratios.
      ...native,
      text_calls_vs_json_parse: +(largest.aMs / largest.cMs).toFixed(3),
      text_all_events_vs_json_parse: +(largest.bMs / largest.cMs).toFixed(3),
      binary_native_mb_s: native.binary_native_mb_s,
      binary_wasm_mb_s: +binaryWasm.toFixed(1),
      binary_wasm_vs_native: +(binaryWasm / native.binary_native_mb_s).toFixed(3),
      capture_native_mb_s: native.capture_native_mb_s,
      capture_wasm_mb_s: +(largest.captureBytes / 1e3 / largest.captureMs).toFixed(1),
      text_native_mb_s: native.text_native_mb_s,
      ...Object.fromEntries(Object.entries(traces).flatMap(([name, t]) => [
        [`${name}_native_mb_s`, native[`${name}_native_mb_s`]],
        [`${name}_wasm_mb_s`, +t.mbS.toFixed(1)],
        [`${name}_wasm_vs_native`, +(t.mbS / native[`${name}_native_mb_s`]).toFixed(3)],
        [`${name}_log_bytes`, t.bytes],
      ])),
      timeline_native_events_s: native.timeline_native_events_s,
      live_us_per_event_at_1k_calls: +live.at1k.toFixed(2),
      live_us_per_event_at_100k_calls: +live.at100k.toFixed(2),
      live_us_per_event: +live.at100k.toFixed(2),
      live_100k_vs_1k: +(live.at100k / live.at1k).toFixed(3),
      live_events: live.events,
      live_heap_bytes: live.heapBytes,
      live_native_us_per_event_at_1k_calls: native.live_native_us_per_event_at_1k_calls,
      live_native_us_per_event_at_100k_calls: native.live_native_us_per_event_at_100k_calls,
      live_native_most_mb_held: native.live_native_most_mb_held,
      wasm_gzip_bytes: wasmGzip,
      traces_wasm_gzip_bytes: tracesWasmGzip,
      finesse_wasm_gzip_bytes: finesseWasmGzip,
      memory_growth_bytes: last - first,
      peak_wasm_memory_bytes: largest.memoryAfter,
      memory_per_input_byte: +(largest.memoryAfter / largest.textBytes).toFixed(3),
      records_1m_page_ms: Math.round(records[1].rMs),
      records_1m_json_parse_ms: Math.round(records[1].jMs),
      records_1m_page_vs_json_parse: +(records[1].rMs / records[1].jMs).toFixed(3),
      records_100k_objects_vs_json_parse: +(records[0].oMs / records[0].jMs).toFixed(3),
      records_1m_wasm_memory_bytes: records[1].memoryAfter,
      tcd_1m_page_ms: Math.round(cisco.tcd.rMs),
      tcd_1m_json_parse_ms: Math.round(cisco.tcd.jMs),
      tcd_1m_page_vs_json_parse: +(cisco.tcd.rMs / cisco.tcd.jMs).toFixed(3),
      ccd_1m_page_ms: Math.round(cisco.ccd.rMs),
      ccd_1m_json_parse_ms: Math.round(cisco.ccd.jMs),
      ccd_1m_page_vs_json_parse: +(cisco.ccd.rMs / cisco.ccd.jMs).toFixed(3),
      cisco_records: cisco,
      records,
      largest_log: largest.size,
      largest_log_bytes: largest.textBytes,
      sizes: rows,
    };
    const out = join(dataDir, '..', 'summary.json');
    let previous = {};
    if (existsSync(out)) previous = JSON.parse(readFileSync(out, 'utf8'));
    writeFileSync(out, `${JSON.stringify({ ...previous, ...summary }, null, 2)}\n`);
    console.log(`wasm ${wasmGzip} bytes gzipped; memory growth over 99 repeated 10 MB decodes: ${last - first} bytes`);
    console.log(`a/c ${summary.text_calls_vs_json_parse} (target ≤ 0.5), b/c ${summary.text_all_events_vs_json_parse} (target ≤ 1.5), binary wasm/native ${summary.binary_wasm_vs_native} (target ≥ 0.5), memory ${summary.memory_per_input_byte} per byte (target ≤ 2)`);
    console.log(`live: ${summary.live_us_per_event} µs per pushed event at 100k calls (target ≤ 20), ${summary.live_us_per_event_at_1k_calls} at 1k, ratio ${summary.live_100k_vs_1k} (target ≤ 1.3); ${mb(live.heapBytes)} MB held after ${live.events} events (target < 50)`);
    for (const name of Object.keys(traces)) {
      console.log(`${name}: native ${summary[`${name}_native_mb_s`]} MB/s (target ≥ 300), wasm ${summary[`${name}_wasm_mb_s`]} MB/s, wasm/native ${summary[`${name}_wasm_vs_native`]} (target ≥ 0.5)`);
    }
    console.log(`summary: ${out}`);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(exitCode);
