// Browser tests of the viewer built by `make site`: node tests/e2e/run.mjs dist/site
// Drives Debian's Chromium through playwright-core (which downloads no browser). Screenshots of
// the main views go to tests/e2e/artifacts/. The tests are in page/, a module per area.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, requireChromium, runAll } from './harness.mjs';
import { serve } from './serve.mjs';
import { site } from './page/helpers.mjs';

requireChromium('the page tests');
if (!existsSync(resolve(site, 'index.html'))) {
  console.error(`no site at ${site}: run make site first`);
  process.exit(1);
}
const areas = await Promise.all(['calls', 'look', 'inputs', 'large'].map((m) => import(`./page/${m}.mjs`)));
const tests = areas.flatMap((a) => a.tests);

const server = await serve(site);
const browser = await launch();
try {
  // E2E_ONLY=<words>: only the tests whose names contain them (while working on one).
  const only = process.env.E2E_ONLY;
  const failed = await runAll(only ? tests.filter((t) => t.name.includes(only)) : tests, async (name, fn) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    try {
      await page.goto(server.url);
      await page.locator('body[data-ready="true"]').waitFor({ timeout: 15000 });
      await fn(page, server);
      if (problems.length) throw new Error(`console errors: ${problems.join(' | ')}`);
    } finally {
      await context.close();
    }
  });
  process.exitCode = failed ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
