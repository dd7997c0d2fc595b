// What the browser test scripts share: Debian's Chromium through playwright-core (which never
// downloads a browser), the launch flags this machine kind needs, and a small test runner.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');

/** Exits loudly, counting a skip, when there is no Chromium to run `what` in. */
export function requireChromium(what) {
  if (existsSync(CHROMIUM)) return;
  console.log(`SKIPPED, NOT RUN: ${what} needs Chromium at ${CHROMIUM} (run .ci/toolchain.sh)`);
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(process.env.CI ? 1 : 0);
}

export function launch() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function expect(actual, expected, what = '') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what ? `${what}: ` : ''}expected ${e}, got ${a}`);
}

/** Runs `tests` ([{ name, fn }]) in order, printing each; returns the number that failed. */
export async function runAll(tests, each) {
  let failed = 0;
  // ONLY=words runs the tests whose names contain them (while working on one); `make test` sets none.
  const only = process.env.ONLY;
  if (only && process.env.CI) throw new Error('ONLY is set under CI: every test must run');
  const chosen = tests.filter((t) => !only || t.name.includes(only));
  for (const { name, fn } of chosen) {
    try {
      await each(name, fn);
      console.log(`ok   ${name}`);
    } catch (err) {
      console.log(`FAIL ${name}\n     ${err.stack ?? err.message}`);
      failed += 1;
    }
  }
  console.log(`${chosen.length - failed} passed, ${failed} failed`);
  return failed;
}
