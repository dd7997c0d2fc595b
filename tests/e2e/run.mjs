// Browser tests of the page built by `make site`: node tests/e2e/run.mjs dist/site
// Drives Debian's Chromium through playwright-core (which downloads no browser).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, expect, launch, requireChromium } from './harness.mjs';
import { serve } from './serve.mjs';

const site = resolve(process.argv[2] ?? 'dist/site');
requireChromium('the page tests');
if (!existsSync(resolve(site, 'index.html'))) {
  console.error(`no site at ${site}: run make site first`);
  process.exit(1);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('the bundled seed sample decodes on load and lists its events and notes', async (page) => {
  await page.getByRole('status').filter({ hasText: '7 events' }).waitFor();
  const summary = await page.getByRole('status').textContent();
  expect(summary, 'read as text: 7 events, 7 notes, 0 diagnostics');
  const headings = await page.locator('#entries h3').allTextContents();
  expect(headings.length, 7);
  expect(headings[2].startsWith('CALL_DATA_UPDATE_EVENT'), true);
  const row = page.locator('#entries tr', { hasText: 'BAResponse' });
  expect((await row.locator('td').first().textContent()), 'Skip');
  const lcs = page.locator('#entries tr', { hasText: 'LocalConnectionState' }).last();
  expect((await lcs.textContent()).includes('LCS_NULL'), true);
  const steps = await page.locator('#entries li.note.step').count();
  expect(steps, 3);
  await page.screenshot({ path: resolve(ARTIFACTS, 'seed.png'), fullPage: true });
});

test('a pasted log with a malformed line shows its diagnostic with line and column', async (page) => {
  await page.getByLabel('Or paste a log').fill('MsgType: CALL_CLEARED_EVENT\n  EventCause: 65535\n  not a field\n');
  await page.getByRole('button', { name: 'Decode' }).click();
  const diagnostics = await page.getByRole('list', { name: 'Diagnostics' }).textContent();
  expect(diagnostics.includes('line 3, column 3'), true);
  expect((await page.locator('#entries tr', { hasText: 'EventCause' }).textContent()).includes('CEC_NONE'), true);
});

test('a pasted hex dump of frames is read as hex and decoded', async (page) => {
  // Reference §1.6: seed 004's CALL_CONNECTION_CLEARED_EVENT with 2-byte floating fields.
  const hex = '00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff\n' +
    '0019 0005 3430323000 0021 0005 3430323000\n';
  await page.getByLabel('Or paste a log').fill(hex);
  await page.getByRole('button', { name: 'Decode' }).click();
  const summary = await page.getByRole('status').textContent();
  expect(summary, 'read as hex (2-byte tags): 1 events, 0 notes, 0 diagnostics');
  const heading = await page.locator('#entries h3').first().textContent();
  expect(heading.startsWith('CALL_CONNECTION_CLEARED_EVENT') && heading.includes('byte 0'), true);
  expect((await page.locator('#entries tr', { hasText: 'ReleasingDeviceID' }).textContent()).includes('4020'), true);
});

test('log content is shown as text and never runs', async (page) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.getByLabel('Or paste a log').fill(`MsgType: ${payload}\n  Text: ${payload}\n${payload}\n`);
  await page.getByRole('button', { name: 'Decode' }).click();
  const text = await page.locator('#entries').textContent();
  expect(text.includes(payload), true);
  expect(await page.locator('#entries img, #entries script').count(), 0);
  expect(await page.evaluate(() => window.__pwned ?? null), null);
  await page.screenshot({ path: resolve(ARTIFACTS, 'payload.png'), fullPage: true });
});

const server = await serve(site);
const browser = await launch();
let passed = 0;
let failed = 0;
try {
  for (const { name, fn } of tests) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(server.url);
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
      await fn(page);
      if (problems.length) throw new Error(`console errors: ${problems.join(' | ')}`);
      console.log(`ok   ${name}`);
      passed += 1;
    } catch (err) {
      console.log(`FAIL ${name}\n     ${err.message}`);
      failed += 1;
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
