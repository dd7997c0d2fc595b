// Large inputs in the page: decoded in the Worker with no long main-thread task, progress,
// calls listed early, and cancel.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, expect } from '../harness.mjs';
import { group, done, rows, watchLongTasks, site, ROOT } from './helpers.mjs';

export const { tests, test } = group();

test('a 100 MB log decodes with no main-thread task over 100 ms; its agent timeline opens and stays fluid', async (page) => {
  await done(page);
  // The generated 100 MB log of `make bench` (seed 1): 76,266 calls.
  const log = resolve(ARTIFACTS, '100mb.txt');
  const cli = resolve(ROOT, 'target/debug/cti-outcome');
  writeFileSync(log, execFileSync(cli, ['generate', '--mb', '100'], { maxBuffer: 200 * 1024 * 1024 }));
  await watchLongTasks(page);
  await page.getByLabel('Open log files').setInputFiles(log);
  await page.getByRole('status').filter({ hasText: '100mb.txt: read as text' }).waitFor({ timeout: 120000 });
  await done(page);
  const long = await page.evaluate(() => window.longTasks);
  console.log(`     main-thread tasks over 50 ms while decoding: ${long.length} (${long.map(Math.round).join(', ')} ms)`);
  expect(long.filter((ms) => ms > 100), [], 'tasks over 100 ms');
  await page.locator('summary', { hasText: 'Agent timeline' }).click();
  const canvas = page.getByRole('img', { name: /^Agent timeline/ });
  await canvas.waitFor();
  await canvas.focus();
  for (const key of ['+', '+', '+', 'ArrowRight', 'ArrowRight', 'ArrowLeft', '-', 'ArrowDown', 'ArrowUp', '0']) await page.keyboard.press(key);
  const box = await canvas.boundingBox();
  for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, i < 5 ? -200 : 200);
  await page.mouse.move(box.x + 400, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 100, { steps: 10 });
  await page.mouse.up();
  const frames = JSON.parse(await page.locator('#agents-host').getAttribute('data-frames'));
  console.log(`     agent timeline frames: ${frames.count}, median ${frames.median.toFixed(1)} ms, 95th percentile ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms`);
  // Thirty gestures redraw the canvas; a loaded machine folds several into one frame (13 frames
  // in one clean-clone run, 23 in others), so the count only says the gestures redraw it, and the
  // 95th percentile says whether they stay fluid.
  expect(frames.count >= 10, true, 'frames drawn');
  expect(frames.p95 < 50, true, `95th percentile frame time ${frames.p95} ms`);
  await page.screenshot({ path: resolve(ARTIFACTS, 'agents.png'), fullPage: true });
  // A click on a call opens it: the first agent's row, on its call bars, with the whole log shown.
  await page.keyboard.press('0');
  await page.mouse.click(box.x + 150 + (box.width - 150) / 2, box.y + 24 + 18);
  await page.locator('#call').waitFor({ timeout: 10000 });
  rmSync(log);
});

test('a 1,000,000-row call-record export opens in the Worker with no main-thread task over 100 ms', async (page) => {
  await done(page);
  // The fixture's columns, one or two legs per call (as tests/e2e/bench/bench.js writes them).
  const file = resolve(ARTIFACTS, 'million-rows.csv');
  const lines = ['StatisticsPartAID,bOutbound,dtCallStart,dtCallEnd,CauseCodesID,CONNRES'];
  const codes = [1, 1, 1, 2, 3, 5, 0, 4, 6];
  const t0 = Date.UTC(2026, 0, 1) / 1000;
  const date = (s) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 0, call = 1; i < 1_000_000; call += 1) {
    const legs = call % 3 === 0 ? 2 : 1;
    for (let l = 0; l < legs && i < 1_000_000; l += 1, i += 1) {
      const start = t0 + call * 7 + l * 20;
      lines.push(`${call},${call % 4 === 0 ? 1 : 0},${date(start)},${date(start + 30)},16,${l < legs - 1 ? 2 : codes[call % codes.length]}`);
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  await watchLongTasks(page);
  await page.getByLabel('Open log files').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'million-rows.csv: read as call records' }).waitFor({ timeout: 120000 });
  await done(page);
  expect(await page.getByRole('status').first().textContent(),
    'million-rows.csv: read as call records (comma-separated): 1000000 rows, 750000 calls, 0 diagnostics');
  const long = await page.evaluate(() => window.longTasks);
  console.log(`     main-thread tasks over 50 ms while reading: ${long.length} (${long.map(Math.round).join(', ')} ms)`);
  expect(long.filter((ms) => ms > 100), [], 'tasks over 100 ms');
  rmSync(file);
});

test('a 1,000,000-row UCCE Termination_Call_Detail export opens in the Worker with no main-thread task over 100 ms', async (page) => {
  await done(page);
  // A TCD query's columns as SSMS saves them (CRLF, `.000` times), one to three legs per call,
  // the legs before a call's last Partial Call (53), as tests/e2e/bench/bench.js writes them.
  const file = resolve(ARTIFACTS, 'million-tcd-rows.csv');
  const lines = ['RouterCallKeyDay,RouterCallKey,RouterCallKeySequenceNumber,StartDateTimeUTC,PeripheralID,PeripheralCallKey,PeripheralCallType,CallDisposition,AgentPeripheralNumber,Duration,TalkTime,LocalQTime'];
  const endings = [13, 13, 13, 2, 19, 60, 29, 30];
  const t0 = Date.UTC(2026, 2, 2) / 1000;
  const date = (s) => `${new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ')}.000`;
  let calls = 0;
  for (let i = 0, call = 1; i < 1_000_000; call += 1, calls += 1) {
    const legs = 1 + (call % 3);
    for (let l = 0; l < legs && i < 1_000_000; l += 1, i += 1) {
      const start = t0 + call * 5 + l * 20;
      const disposition = l < legs - 1 ? 53 : endings[call % endings.length];
      lines.push(`152018,${call},${l + 1},${date(start)},5000,${7000 + call},${l ? 4 : 2},${disposition},${l ? 5000 + (call % 300) : 'NULL'},60,${l ? 55 : 0},${l ? 0 : 60}`);
    }
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  await watchLongTasks(page);
  await page.getByLabel('Open log files').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: 'million-tcd-rows.csv: read as call records, UCCE Termination_Call_Detail' }).waitFor({ timeout: 120000 });
  await done(page);
  const status = await page.getByRole('status').first().textContent();
  expect(status.includes(`: 1000000 rows, ${calls} calls, 0 diagnostics.`), true, status);
  const long = await page.evaluate(() => window.longTasks);
  console.log(`     main-thread tasks over 50 ms while reading: ${long.length} (${long.map(Math.round).join(', ')} ms)`);
  expect(long.filter((ms) => ms > 100), [], 'tasks over 100 ms');
  rmSync(file);
});

test('a large log decodes in the Worker with progress, lists calls before it ends, and can be cancelled', async (page) => {
  await done(page);
  const sample = readFileSync(resolve(site, 'samples/generated-3000-calls.txt'));
  // Sixty copies (about 240 MB): many 4 MB chunks, and seconds of reading to cancel in.
  const big = resolve(ARTIFACTS, 'big.txt');
  writeFileSync(big, Buffer.concat(Array(60).fill(sample)));
  await page.getByLabel('Open log files').setInputFiles(big);
  await page.locator('body[data-state="partial"]').waitFor({ timeout: 30000 });
  expect(await rows(page).count() > 0, true, 'calls listed before the end');
  expect(await page.getByLabel('Decoding progress').isVisible(), true);
  await page.screenshot({ path: resolve(ARTIFACTS, 'large-partial.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('body[data-state="cancelled"]').waitFor({ timeout: 30000 });
  const status = await page.getByRole('status').first().textContent();
  expect(/cancelled after [\d.]+ of [\d.]+ MB/.test(status), true, status);
  expect(await rows(page).count() > 0, true, 'the calls found so far are listed');
  rmSync(big);
});
