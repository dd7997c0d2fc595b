// What the page tests share: where the site is, waiting for a decode to end, the calls' rows,
// opening a bundled sample, watching long tasks, and a group of tests to register.
import { resolve } from 'node:path';

/** The browser tests' directory (tests/e2e) and the project's. */
export const E2E = resolve(import.meta.dirname, '..');
export const ROOT = resolve(E2E, '../..');

/** The site under test (`make site`): the first argument, `dist/site` by default. */
export const site = resolve(process.argv[2] ?? 'dist/site');

/** A group of tests (`{ name, fn }`, run in order) and the function that adds one. */
export function group() {
  /** @type {{ name: string, fn: (page: any, server: any) => Promise<void> }[]} */
  const tests = [];
  return { tests, test: (name, fn) => tests.push({ name, fn }) };
}

export const FLOWS = resolve(ROOT, 'src/generate/flows');

export const done = (page) => page.locator('body[data-state="done"]').waitFor({ timeout: 20000 });
export const rows = (page) => page.getByRole('table', { name: 'Calls' }).locator('tbody tr[data-key]');

export async function openSample(page, file) {
  await page.getByLabel('Bundled sample').selectOption(file);
  await page.getByRole('status').filter({ hasText: `${file}: read as` }).waitFor();
  await done(page);
}

/** Records the page's main-thread tasks over 50 ms in `window.longTasks` (ms). */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
}


export async function outcomes(page) {
  return page.evaluate(() => [...document.querySelectorAll('#calls-body tr[data-key]')]
    .map((tr) => `${tr.dataset.key} ${tr.querySelector('.outcome').textContent}`));
}
