// Browser tests of the viewer built by `make site`: node tests/e2e/run.mjs dist/site
// Drives Debian's Chromium through playwright-core (which downloads no browser). Screenshots of
// the main views go to tests/e2e/artifacts/.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, expect, launch, requireChromium, runAll } from './harness.mjs';
import { serve } from './serve.mjs';

const site = resolve(process.argv[2] ?? 'dist/site');
requireChromium('the page tests');
if (!existsSync(resolve(site, 'index.html'))) {
  console.error(`no site at ${site}: run make site first`);
  process.exit(1);
}
const FLOWS = resolve(import.meta.dirname, '../../src/generate/flows');

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const done = (page) => page.locator('body[data-state="done"]').waitFor({ timeout: 20000 });
const rows = (page) => page.getByRole('table', { name: 'Calls' }).locator('tbody tr[data-key]');

async function openSample(page, file) {
  await page.getByLabel('Bundled sample').selectOption(file);
  await page.getByRole('status').filter({ hasText: `${file}: read as` }).waitFor();
  await done(page);
}

/** Records the page's main-thread tasks over 50 ms in `window.longTasks` (ms). */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
}

/** CIE L*a*b* (D65) of an sRGB `#rrggbb`. */
function lab(hex) {
  const lin = (i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [1, 3, 5].map(lin);
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
  const y = f(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
  const z = f((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** Colour vision deficiencies at full severity (Machado, Oliveira and Fernandes 2009), as
 * matrices over linear sRGB. */
const DEFICIENCIES = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/** `#rrggbb` as a person with deficiency `m` sees it, as `#rrggbb`. */
function simulate(hex, m) {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return `#${m.map((row) => {
    const c = Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]));
    const s = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
    return Math.round(s * 255).toString(16).padStart(2, '0');
  }).join('')}`;
}

/** CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation; kL = kC = kH = 1). */
function deltaE2000([l1, a1, b1], [l2, a2, b2]) {
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const [p1, p2] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(p1, b1), Math.hypot(p2, b2)];
  const hue = (b, a) => (a === 0 && b === 0 ? 0 : ((Math.atan2(b, a) / rad) + 360) % 360);
  const [h1, h2] = [hue(b1, p1), hue(b2, p2)];
  let dh = c1 * c2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360; else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * rad);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) hBar = Math.abs(h1 - h2) <= 180 ? hBar / 2 : (hBar < 360 ? (hBar + 360) / 2 : (hBar - 360) / 2);
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad)
    + 0.32 * Math.cos((3 * hBar + 6) * rad) - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  const [dl, dc, dhh] = [(l2 - l1) / sl, (c2 - c1) / sc, dH / sh];
  return Math.sqrt(dl * dl + dc * dc + dhh * dhh + rt * dc * dhh);
}

// Sharma et al.'s test data (pairs 1, 7 and 17): the formula above is the standard one.
for (const [a, b, d] of [[[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 0, 0], [50, -1, 2], 2.3669], [[50, 2.5, 0], [73, 25, -18], 27.1492]]) {
  const got = deltaE2000(a, b);
  if (Math.abs(got - d) > 1e-3) throw new Error(`CIEDE2000 of ${a} and ${b} is ${d}, computed ${got}`);
}

async function outcomes(page) {
  return page.evaluate(() => [...document.querySelectorAll('#calls-body tr[data-key]')]
    .map((tr) => `${tr.dataset.key} ${tr.querySelector('.outcome').textContent}`));
}

test('the seed sample opens by default: calls, outcome words and counts', async (page) => {
  await done(page);
  expect(await page.getByRole('status').first().textContent(), 'uccx-agent-skips-contact.txt: read as text: 7 events, 3 calls, 0 diagnostics');
  const list = await outcomes(page);
  expect(list.includes('16800098 skipped'), true, 'the skipped preview call');
  expect(await page.getByLabel('outcome: skipped', { exact: true }).count(), 2, 'the outcome word is labelled (the reservation and the call ID it clears under)');
  expect((await page.locator('#counts').textContent()).includes('3 calls'), true);
  await page.screenshot({ path: resolve(ARTIFACTS, 'calls.png') });
});

const EXPECTED = {
  'inbound-answered.txt': ['1001 answered'],
  'abandoned-in-queue.txt': ['1002 abandoned'],
  'busy.txt': ['1004 busy'],
  'consult-transfer.txt': ['1010 transferred', '1011 transferred'],
  'conference.txt': ['1012 conferenced', '1013 conferenced'],
  'outbound-preview.txt': ['16800200 rejected', '16800201 accepted', '16800203 answered'],
  'abandoned-ringing.txt': ['1007 abandoned', '1008 abandoned'],
  'hold-retrieve.txt': ['1009 answered'],
  'outbound-no-answer.txt': ['1005 no_answer', '1006 no_answer'],
  'ring-no-answer.txt': ['1003 no_answer'],
};
test('each Cisco trace sample is told by sniff, read by the traces or the Finesse module, and gives the consult transfer\'s calls', async (page) => {
  await done(page);
  for (const [file, what] of [
    ['finesse-consult-transfer.log', 'a Finesse webservices log (40 of its first 51 lines carry a Finesse webservices tag'],
    ['mivr-consult-transfer.log', 'a Unified CCX Engine (MIVR) log (49 of its first 72 lines carry a Unified CCX Engine tag'],
    ['dumplog-consult-transfer.log', 'UCCE dumplog output (38 of its first 46 lines start like UCCE dumplog lines'],
  ]) {
    await openSample(page, file);
    const status = await page.getByRole('status').first().textContent();
    expect(status.startsWith(`${file}: read as ${what}`), true, status);
    // The Finesse log's ten XMPP records (notifications with no dialog in them) are events too.
    const events = { finesse: 20, mivr: 10, dumplog: 12 }[file.split('-')[0]];
    expect(status.endsWith(`: ${events} events, 2 calls, 0 diagnostics`), true, status);
    expect(await outcomes(page), ['1010 transferred', '1011 transferred'], file);
  }
  await page.screenshot({ path: resolve(ARTIFACTS, 'trace-finesse.png') });
});

test('every bundled flow opens with one row per call and the CLI\'s outcomes', async (page) => {
  await done(page);
  for (const [file, expected] of Object.entries(EXPECTED)) {
    await openSample(page, file);
    const list = await outcomes(page);
    expect(list, expected, file);
  }
});

test('a call opens its ladder; linked calls are one click away; an event shows fields and raw lines', async (page) => {
  await done(page);
  await openSample(page, 'consult-transfer.txt');
  await rows(page).filter({ hasText: '1010' }).click();
  const ladder = page.getByRole('list', { name: 'Timeline of call 1010' });
  await ladder.waitFor();
  expect(await ladder.getByRole('listitem').count() >= 4, true, 'events on the ladder');
  expect(await page.locator('#call-outcome').textContent().then((t) => t.startsWith('transferred')), true);
  await ladder.getByRole('listitem', { name: /CALL_TRANSFERRED_EVENT/ }).click();
  const detail = page.getByRole('region', { name: 'Event detail' });
  await detail.getByRole('rowheader', { name: 'TransferredDeviceID' }).waitFor();
  expect((await detail.locator('h2').textContent()).startsWith('CALL_TRANSFERRED_EVENT'), true);
  const rawText = await detail.getByLabel('Raw source of the event').textContent();
  expect(rawText.includes('MsgType: CALL_TRANSFERRED_EVENT'), true, 'raw lines');
  await page.screenshot({ path: resolve(ARTIFACTS, 'call-and-detail.png'), fullPage: true });
  // One button per linked call, naming every link to it with its rule.
  const link = page.getByRole('button', { name: /^call 1011: / });
  expect(await link.textContent(), 'call 1011: transfer (transfer-event), consult (consult-while-held)');
  await link.click();
  await page.getByRole('list', { name: 'Timeline of call 1011' }).waitFor();
  expect(page.url().endsWith('#call=1011&log=consult-transfer.txt'), true, 'the URL names the call and the log');
});

test('a consult transfer is one flow: both calls in one ladder, a colour per call, the text export as expected', async (page) => {
  await done(page);
  await openSample(page, 'consult-transfer.txt');
  await rows(page).filter({ hasText: '1010' }).click();
  const ladder = page.getByRole('list', { name: 'Timeline of call 1010' });
  await ladder.waitFor();
  expect(await ladder.getByRole('listitem', { name: /\(call 1011\)$/ }).count() >= 3, true, 'the consult call\'s events in the same ladder');
  expect((await page.locator('#ladder .legend').textContent()).includes('call 1011 (transfer, consult): transferred'), true);
  // A colour means a call: every arrow and mark has its call's legend colour, whatever the event.
  const mixed = await page.evaluate(() => {
    const fill = (e) => getComputedStyle(e).fill;
    const swatches = [...document.querySelectorAll('#ladder .swatch')].map(fill);
    return [...document.querySelectorAll('#ladder g.event')].flatMap((g) => {
      const flow = Number(/flow-(\d)/.exec(g.getAttribute('class'))[1]);
      return [...g.querySelectorAll('.arrow, .mark, .head')]
        .filter((m) => (m.matches('.arrow') ? getComputedStyle(m).stroke : fill(m)) !== swatches[flow])
        .map(() => g.getAttribute('aria-label'));
    });
  });
  expect(mixed, [], 'steps in another colour than their call\'s');
  const established = await ladder.getByRole('listitem', { name: /^CALL_ESTABLISHED_EVENT/ }).first().textContent();
  expect(established.includes('EventCause CEC_NONE · LocalConnectionState LCS_CONNECT'), true, established);
  // Why, on screen: the evidence events open in the ladder.
  await page.getByRole('list', { name: /^Why/ }).getByRole('button').first().click();
  await page.waitForFunction(() => document.querySelector('#detail h2')?.textContent.startsWith('CALL_TRANSFERRED_EVENT'));
  const [text] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline as text' }).click()]);
  expect(readFileSync(await text.path(), 'utf8'), readFileSync(resolve(import.meta.dirname, 'expected/consult-transfer-1010.txt'), 'utf8'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline as PNG' }).click()]);
  const width = (await page.locator('#ladder svg').getAttribute('width'));
  expect(readFileSync(await png.path()).readUInt32BE(16), 2 * Number(width), 'the PNG is drawn at 2×');
  await page.keyboard.press('Escape');
  await page.locator('#call').waitFor({ state: 'hidden' });
  expect(page.url().includes('#call='), false, 'Escape closes the call and its link');
});

test('the CLI\'s ladder command prints the page\'s "Timeline as text" for every call of the samples', async (page) => {
  await done(page);
  const cli = resolve(import.meta.dirname, '../../target/debug/cti-outcome');
  let compared = 0;
  for (const file of ['consult-transfer.txt', 'conference.txt', 'outbound-preview.txt', 'mivr-consult-transfer.log', 'dumplog-consult-transfer.log', 'consult-transfer.pcapng', 'finesse-webservices-dialogs.log', 'finesse-notifications-consult-transfer.xml']) {
    await openSample(page, file);
    for (const key of await page.evaluate(() => [...document.querySelectorAll('#calls-body tr[data-key]')].map((tr) => tr.dataset.key))) {
      await rows(page).filter({ hasText: key }).first().click();
      await page.getByRole('list', { name: `Timeline of call ${key}` }).waitFor();
      for (const relative of [false, true]) {
        if ((await page.getByLabel('Times from the first event').isChecked()) !== relative) {
          await page.getByLabel('Times from the first event').click();
        }
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline as text' }).click()]);
        const args = ['ladder', ...(relative ? ['--relative'] : []), key, resolve(site, 'samples', file)];
        const printed = execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        expect(printed, readFileSync(await download.path(), 'utf8'), `${file} call ${key}${relative ? ' (relative)' : ''}`);
        compared += 1;
      }
    }
    if (await page.getByLabel('Times from the first event').isChecked()) await page.getByLabel('Times from the first event').click();
  }
  if (compared < 16) throw new Error(`only ${compared} ladders compared`);
});

test('why, on screen: a call the library cannot place says what is missing, and remarks are shown', async (page) => {
  await done(page);
  await rows(page).filter({ hasText: '16800095' }).click();
  const why = page.getByRole('list', { name: /^Why/ });
  await why.filter({ hasText: 'Missing:' }).waitFor();
  expect((await why.textContent()).includes('END_CALL_EVENT alone ends the client\'s association with the call'), true);
  await openSample(page, 'uccx-outbound-reservation-call.txt');
  await rows(page).filter({ hasText: '16800097' }).click();
  await why.filter({ hasText: 'Remark:' }).waitFor();
  expect((await why.textContent()).includes('they are kept as one call because the ConnectionCallID is the same'), true);
});

for (const [width, height] of [[1400, 900], [420, 800]]) {
  test(`at ${width}×${height} the ladder's labels stay whole inside it and the outcome stays visible`, async (page) => {
    await page.setViewportSize({ width, height });
    await done(page);
    await openSample(page, 'consult-transfer.pcapng');
    await rows(page).first().click();
    await page.getByRole('list', { name: 'Timeline of call 1010' }).waitFor();
    const clipped = await page.evaluate(() => {
      const svg = document.querySelector('#ladder svg');
      const w = Number(svg.getAttribute('width'));
      return [...svg.querySelectorAll('text')].filter((t) => {
        const b = t.getBBox();
        return b.x < -0.5 || b.x + b.width > w + 0.5;
      }).map((t) => t.textContent);
    });
    expect(clipped, [], 'labels outside the drawing');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no page-wide horizontal scroll');
    await page.getByLabel('Times from the first event').check();
    await page.getByRole('listitem', { name: /at \+0\.000 s/ }).first().waitFor();
    const outcome = await rows(page).first().locator('.outcome').boundingBox();
    expect(outcome.x + outcome.width <= width, true, `outcome at ${outcome.x}+${outcome.width}`);
    await page.screenshot({ path: resolve(ARTIFACTS, `ladder-${width}.png`), fullPage: true });
    // The other views at this size: the agent timeline, and a call-record export's legs.
    await page.keyboard.press('Escape');
    await openSample(page, 'generated-3000-calls.txt');
    await page.locator('summary', { hasText: 'Agent timeline' }).click();
    await page.getByRole('img', { name: /^Agent timeline/ }).waitFor();
    await page.waitForFunction(() => JSON.parse(document.getElementById('agents-host').dataset.frames ?? '{}').count > 0);
    await page.screenshot({ path: resolve(ARTIFACTS, `agents-${width}.png`), fullPage: true });
    await openSample(page, 'call-records.csv');
    await rows(page).first().click();
    await page.getByRole('table', { name: 'Legs and their CONNRES' }).waitFor();
    const outcomeCell = await rows(page).first().locator('.outcome').boundingBox();
    expect(outcomeCell.x + outcomeCell.width <= width, true, 'the outcome of a record call is visible');
    await page.screenshot({ path: resolve(ARTIFACTS, `records-${width}.png`), fullPage: true });
  });
}

/** What is wrong with the layout on screen: panels over one another or content out of its
 * panel; a ladder narrower than its pane (or wider, though its lanes would fit); a label cut
 * beside free space; a cell of the calls cut while the table has room. */
function layoutProblems() {
  const out = [];
  const visible = (e) => !e.closest('[hidden]') && e.getClientRects().length > 0;
  const panes = [...document.querySelectorAll('main > section')].filter(visible);
  const boxes = panes.map((p) => [p.getAttribute('aria-label'), p.getBoundingClientRect()]);
  boxes.forEach(([na, a], i) => boxes.slice(0, i).forEach(([nb, b]) => {
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`${na} overlaps ${nb}`);
  }));
  for (const p of panes) {
    if (getComputedStyle(p).overflowX === 'visible' && p.scrollWidth > p.clientWidth + 1) {
      out.push(`${p.getAttribute('aria-label')}: content ${p.scrollWidth}px wide in ${p.clientWidth}px`);
    }
  }
  const host = document.getElementById('ladder');
  const drawing = host.querySelector('svg.ladder-svg');
  if (drawing && visible(host)) {
    const w = Number(drawing.getAttribute('width'));
    const lanes = drawing.querySelectorAll('line.lane').length;
    if (w < 0.95 * host.clientWidth) out.push(`the ladder is ${w}px in a ${host.clientWidth}px pane`);
    if (w > host.clientWidth + 1 && 150 + lanes * 120 + 8 <= host.clientWidth) out.push(`the ladder is wider than its pane (${w} > ${host.clientWidth}px) though its ${lanes} lanes fit`);
    for (const t of drawing.querySelectorAll('text')) {
      if (!t.querySelector('title') || t.classList.contains('lane-label') || t.classList.contains('band-label')) continue;
      const b = t.getBBox();
      const free = t.getAttribute('text-anchor') === 'end' ? b.x - 150 : w - 4 - (b.x + b.width);
      if (free > 16) out.push(`"${t.firstChild.textContent}" cut with ${Math.round(free)}px free`);
    }
  }
  const legs = host.querySelector('svg.legs-svg');
  if (legs && visible(host)) {
    const w = Number(legs.getAttribute('width'));
    if (!(w >= 0.95 * host.clientWidth)) out.push(`the legs chart is ${w}px in a ${host.clientWidth}px pane`);
    const scale = legs.getBoundingClientRect().width / w;
    if (Math.abs(scale - 1) > 0.02) out.push(`the legs chart is drawn at ${scale.toFixed(2)}× (its text scaled)`);
  }
  for (const td of document.querySelectorAll('#calls td')) {
    if (!visible(td) || td.scrollWidth <= td.clientWidth + 1) continue;
    const table = td.closest('table');
    if (table.offsetWidth < table.parentElement.clientWidth - 2) out.push(`a cell of the calls is cut while the table has room: ${td.textContent}`);
  }
  return out;
}

for (const [width, height] of [[1400, 900], [420, 800]]) {
  test(`at ${width}×${height}, every sample with a call open: panels apart, the ladder as wide as its pane, nothing cut beside free space`, async (page) => {
    await page.setViewportSize({ width, height });
    await done(page);
    const samples = await page.locator('#sample option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    expect(samples.length >= 25, true, `samples: ${samples.length}`);
    const problems = [];
    for (const file of samples) {
      await openSample(page, file);
      if (await rows(page).count() > 0) {
        await rows(page).first().click();
        await page.locator('#ladder svg').waitFor();
        const step = page.locator('#ladder svg [role=listitem]').first();
        if (await step.count()) {
          await step.click();
          await page.getByRole('region', { name: 'Event detail' }).waitFor();
        }
        await page.waitForTimeout(50); // the ladder redrawn for its pane's final width
      }
      problems.push(...(await page.evaluate(layoutProblems)).map((p) => `${file}: ${p}`));
    }
    await page.screenshot({ path: resolve(ARTIFACTS, `layout-${width}.png`), fullPage: true });
    expect(problems, [], 'layout');
  });
}

test('the README\'s screenshot is what the page draws (under 1 % of its pixels differ)', async (page) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await done(page);
  await openSample(page, 'consult-transfer.pcapng');
  await rows(page).first().click();
  await page.getByRole('list', { name: 'Timeline of call 1010' }).waitFor();
  await page.waitForTimeout(100); // the ladder redrawn for its pane's final width
  const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1400, height: 900 } });
  const kept = resolve(import.meta.dirname, 'expected/viewer-1400.png');
  if (process.env.UPDATE_SCREENSHOT) {
    writeFileSync(kept, shot);
    try {
      execFileSync('python3', [resolve(import.meta.dirname, 'shrink-screenshot.py'), kept], { stdio: 'inherit' });
    } catch {
      console.log('     NOT SHRUNK: tests/e2e/shrink-screenshot.py needs Pillow (pip install pillow)');
    }
    console.log(`     wrote ${kept} (${readFileSync(kept).length} bytes)`);
    return;
  }
  const differ = await page.evaluate(async ([a, b]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height);
    };
    const [x, y] = [await pixels(a), await pixels(b)];
    if (x.width !== y.width || x.height !== y.height) return 1;
    let n = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if ([0, 1, 2].some((k) => Math.abs(x.data[i + k] - y.data[i + k]) > 40)) n += 1;
    }
    return n / (x.width * x.height);
  }, [shot.toString('base64'), readFileSync(kept).toString('base64')]);
  if (differ >= 0.01) writeFileSync(resolve(ARTIFACTS, 'viewer-1400-now.png'), shot);
  expect(differ < 0.01, true, `${(differ * 100).toFixed(2)} % of the pixels differ from ${kept} (the page now: artifacts/viewer-1400-now.png; UPDATE_SCREENSHOT=1 writes it again)`);
});

test('a deep link to a call of another log says the call is not in this one', async (page, server) => {
  await done(page);
  await page.goto(`${server.url}#call=4242&log=yesterday.txt`);
  await page.locator('body[data-state="done"]').waitFor();
  const note = page.getByRole('alert').filter({ hasText: 'Call 4242' });
  expect(await note.textContent(), 'Call 4242 is not in this log (the link was made for yesterday.txt; this is uccx-agent-skips-contact.txt).');
});

test('sorting, filtering and text search narrow the list; counts per outcome', async (page) => {
  await done(page);
  await openSample(page, 'generated-3000-calls.txt');
  const total = Number((await page.locator('#counts .total').textContent()).split(' ')[0]);
  if (total < 3000) throw new Error(`only ${total} calls`);
  const inDom = await rows(page).count();
  if (inDom >= 200) throw new Error(`${inDom} rows in the DOM: the list is not virtualised`);
  expect(await page.getByRole('table', { name: 'Calls' }).getAttribute('aria-rowcount'), String(total + 1));
  await page.getByLabel('Filter by outcome').selectOption('abandoned');
  const abandoned = await outcomes(page);
  expect(abandoned.every((r) => r.endsWith(' abandoned')), true);
  await page.getByLabel('Filter by outcome').selectOption('');
  await page.getByRole('button', { name: 'Outcome' }).click();
  await page.getByRole('button', { name: 'Outcome' }).click();
  expect(await page.locator('th[aria-sort="descending"]').count(), 1);
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement.id), 'search');
  await page.keyboard.type('2000000');
  // The Worker answers the search; the list narrows when it has.
  await page.waitForFunction((n) => Number(document.getElementById('calls').getAttribute('aria-rowcount')) - 1 < n, total);
  expect((await outcomes(page))[0].startsWith('2000000 '), true);
  await page.screenshot({ path: resolve(ARTIFACTS, 'filtered.png') });
});

test('keyboard: arrows move through calls and events, Enter opens', async (page) => {
  await done(page);
  await openSample(page, 'consult-transfer.txt');
  await page.locator('#calls-scroll').focus();
  await page.keyboard.press('ArrowDown');
  expect(await page.locator('#calls tr.selected').getAttribute('data-key'), '1010');
  await page.keyboard.press('ArrowDown');
  expect(await page.locator('#calls tr.selected').getAttribute('data-key'), '1011');
  await page.keyboard.press('ArrowUp');
  await page.getByRole('list', { name: 'Timeline of call 1010' }).waitFor();
  await page.locator('#calls-scroll').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Event detail' }).locator('h2').waitFor();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#detail h2')?.textContent.startsWith('CALL_ESTABLISHED_EVENT'));
});

test('the URL fragment deep-links to a call', async (page, server) => {
  await done(page);
  await openSample(page, 'consult-transfer.txt');
  await page.goto(`${server.url}#call=1011`);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByLabel('Bundled sample').selectOption('consult-transfer.txt');
  await page.getByRole('list', { name: 'Timeline of call 1011' }).waitFor();
});

test('CSV export matches the calls shown; JSON, SVG and PNG download', async (page) => {
  await done(page);
  await openSample(page, 'consult-transfer.txt');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calls as CSV' }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.split('\n')[0], 'call,type,direction,agents,start,duration_ms,outcome,rule,reason');
  expect(text.split('\n')[1].startsWith('1010,CALLTYPE_ACD_IN,inbound,,#1,,transferred,'), true, text.split('\n')[1]);
  expect(text.trim().split('\n').length, 3);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calls as JSON' }).click()]);
  expect(JSON.parse(readFileSync(await json.path(), 'utf8')).map((c) => c.key), ['1010', '1011']);
  await rows(page).first().click();
  await page.getByRole('list', { name: 'Timeline of call 1010' }).waitFor();
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline as SVG' }).click()]);
  expect(readFileSync(await svgFile.path(), 'utf8').includes('CALL_TRANSFERRED'), true);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline as PNG' }).click()]);
  expect(readFileSync(await png.path()).subarray(1, 4).toString(), 'PNG');
});

test('binary frames open, are read as binary, and show bytes', async (page) => {
  await done(page);
  await openSample(page, 'consult-transfer.bin');
  expect((await page.getByRole('status').first().textContent()).includes('read as binary (2-byte field headers)'), true);
  expect(await outcomes(page), ['1010 transferred', '1011 transferred']);
  await rows(page).first().click();
  await page.getByRole('list', { name: 'Timeline of call 1010' }).getByRole('listitem').first().click();
  const detail = page.getByRole('region', { name: 'Event detail' });
  await detail.getByRole('heading', { name: 'Bytes', exact: true }).waitFor();
  await page.waitForFunction(() => /^00 00 00/.test(document.querySelector('#detail pre').textContent));
});

test('a packet capture opens: its calls, packets in the detail, and a client ↔ server ladder', async (page) => {
  await done(page);
  await openSample(page, 'consult-transfer.pcapng');
  expect((await page.getByRole('status').first().textContent()).includes('read as pcapng capture'), true);
  expect(await outcomes(page), ['1010 transferred', '1011 transferred']);
  await rows(page).first().click();
  const ladder = page.getByRole('list', { name: 'Timeline of call 1010' });
  await ladder.waitFor();
  const lanes = await page.locator('#ladder svg text').allTextContents();
  expect(lanes.includes('CTI client') && lanes.includes('CTI server'), true, `client and server lanes: ${lanes.slice(0, 6)}`);
  expect(lanes.some((t) => /^(Caller|Device) /.test(t)), false, 'no party lanes that no arrow would use');
  // The desktop's HOLD_CALL_REQ goes client → server, the events server → client.
  const ways = await page.evaluate(() => [...document.querySelectorAll('#ladder svg line.arrow')]
    .map((l) => Math.sign(Number(l.getAttribute('x2')) - Number(l.getAttribute('x1')))));
  expect(ways.includes(1) && ways.includes(-1), true, `arrows both ways: ${ways}`);
  expect(await ladder.getByRole('listitem', { name: /^HOLD_CALL_REQ at / }).count(), 1, 'the client\'s request is a step of the call');
  await ladder.getByRole('listitem').first().click();
  const detail = page.getByRole('region', { name: 'Event detail' });
  await detail.getByRole('heading', { name: 'Bytes', exact: true }).waitFor();
  expect(/packet \d+, server → client on connection 1/.test(await detail.locator('h2').textContent()), true);
  await page.waitForFunction(() => /^00 00 00/.test(document.querySelector('#detail pre').textContent));
  await page.screenshot({ path: resolve(ARTIFACTS, 'capture.png'), fullPage: true });
});

test('a call-record export opens: calls with outcomes, a call\'s legs on a time axis with each CONNRES explained', async (page) => {
  await done(page);
  await openSample(page, 'call-records.csv');
  expect(await page.getByRole('status').first().textContent(),
    'call-records.csv: read as call records (comma-separated): 13 rows, 11 calls, 0 diagnostics');
  const list = await outcomes(page);
  expect(list, ['1001 answered', '1002 abandoned', '1003 abandoned', '1004 busy', '1005 rejected', '1006 busy',
    '1007 rejected', '1008 answered', '1009 rejected', '1010 legacy', 'row 14 busy']);
  await rows(page).first().click();
  const legs = page.getByRole('table', { name: 'Legs and their CONNRES' });
  await legs.waitFor();
  const explained = await legs.locator('tbody tr').allTextContents();
  expect(explained.length, 2, 'two legs');
  expect(explained[0].includes('CONNRES 2 NO_ANSWER (inbound): No answer. The destination did not answer the telephone.'), true, explained[0]);
  expect(explained[1].includes('CONNRES 1 OK (inbound)') && explained[1].includes('Normal call clearing (Normal event)'), true, explained[1]);
  expect(await page.locator('#ladder svg rect').count(), 2, 'a bar per leg');
  const outcome = await page.locator('#call-outcome').textContent();
  expect(outcome.startsWith('answered the leg at row 3 was answered'), true, outcome);
  const evidence = await page.getByRole('list', { name: /^Why/ }).textContent();
  expect(evidence.includes('row 3 CONNRES = 1'), true, evidence);
  // A legacy code says so.
  await rows(page).filter({ hasText: '1010' }).click();
  await legs.locator('tbody tr').filter({ hasText: 'AGENT_TO_AGENT_TRANSFER' }).waitFor();
  expect((await legs.textContent()).includes('Legacy code, no longer produced.'), true);
  // A search finds calls by any cell.
  await page.getByLabel('Search calls').fill('1007');
  await page.waitForFunction(() => document.querySelectorAll('#calls-body tr[data-key]').length === 1);
  await page.screenshot({ path: resolve(ARTIFACTS, 'records.png'), fullPage: true });
});

const FINESSE = resolve(import.meta.dirname, '../fixtures/finesse');
test('Finesse notifications, saved or in a webservices log beside CTI messages, open as calls with the command-line tool\'s outcomes', async (page) => {
  await done(page);
  const cli = resolve(import.meta.dirname, '../../target/debug/cti-outcome');
  const fixtures = readdirSync(FINESSE).filter((f) => f.endsWith('.xml') || f.endsWith('.log'));
  expect(fixtures.length, 10, 'the Finesse fixtures');
  for (const name of fixtures) {
    await page.getByLabel('Open log files').setInputFiles(resolve(FINESSE, name));
    await page.getByRole('status').filter({ hasText: `${name}: read as a Finesse webservices log` }).waitFor();
    await done(page);
    const tool = JSON.parse(execFileSync(cli, ['timeline', resolve(FINESSE, name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    expect(await outcomes(page), tool.calls.map((c) => `${c.key} ${c.outcome.kind}`), name);
  }
  // What a reader of the reference states (cisco-logs.md §4), and why, in the call's view.
  await page.getByLabel('Open log files').setInputFiles(resolve(FINESSE, 'dialog-not-answered.xml'));
  await page.getByRole('status').filter({ hasText: 'dialog-not-answered.xml: read as' }).waitFor();
  await done(page);
  expect(await outcomes(page), ['16810002 no_answer']);
  await rows(page).filter({ hasText: '16810002' }).click();
  await page.locator('#call-outcome', { hasText: 'the call rang at 2002 and was dropped without being answered there' }).waitFor();
  await page.getByLabel('Open log files').setInputFiles(resolve(FINESSE, 'finesse-webservices-dialogs.log'));
  await page.getByRole('status').filter({ hasText: 'finesse-webservices-dialogs.log: read as' }).waitFor();
  await done(page);
  expect(await outcomes(page), ['1020 answered', '1021 abandoned'], 'CTI messages and dialogs of one call: one call');
  await page.screenshot({ path: resolve(ARTIFACTS, 'finesse-dialogs.png') });
});

const CISCO_RECORDS = resolve(import.meta.dirname, '../fixtures/records/cisco');
test('Cisco call-detail exports open: TCD legs by router call key with each disposition explained, CCD with its queue detail', async (page) => {
  await done(page);
  await openSample(page, 'ucce-termination-call-detail.csv');
  const status = await page.getByRole('status').first().textContent();
  expect(status.startsWith('ucce-termination-call-detail.csv: read as call records, UCCE Termination_Call_Detail, told by its columns'), true, status);
  expect(status.includes(': 13 rows, 8 calls, 0 diagnostics. Times: times are UTC'), true, status);
  expect(await outcomes(page), ['152018-2001 answered', '152018-2002 answered', 'peripheral 5000 call 7003 answered',
    '152018-2004 abandoned', '152018-2005 no_answer', '152018-2006 failed', '152018-2007 conferenced', '152018-2008 unknown']);
  await rows(page).filter({ hasText: '152018-2002' }).click();
  const legs = page.getByRole('table', { name: 'Legs and their disposition' });
  await legs.waitFor();
  const explained = await legs.locator('tbody tr').allTextContents();
  expect(explained.length, 3, 'three legs, in sequence order');
  expect(explained[0].includes('CallDisposition 53: Partial Call.') && explained[0].includes('Leg 1 of the call.'), true, explained[0]);
  expect(explained[1].includes('CallDisposition 29: Announced Transfer.') && explained[1].includes('Agent 5001.'), true, explained[1]);
  expect(explained[2].includes('PeripheralCallType 4: Transfer In.'), true, explained[2]);
  expect(await page.locator('#ladder svg rect').count(), 3, 'a bar per leg');
  const why = await page.getByRole('list', { name: /^Why/ }).textContent();
  expect(why.includes('Evidence: row 14 CallDisposition = 13') && why.includes('Remark: row 2 ended with CallDisposition 29 (Announced Transfer)'), true, why);
  // A UCCX ContactCallDetail export with its ContactQueueDetail, given together.
  await page.getByLabel('Open log files').setInputFiles(['ccd-informix.csv', 'cqd-informix.csv'].map((f) => resolve(CISCO_RECORDS, f)));
  await page.getByRole('status').filter({ hasText: 'read as call records, Unified CCX ContactCallDetail' }).waitFor();
  await done(page);
  expect(await outcomes(page), ['100001 answered', '100002 answered', '100003 answered', '100004 abandoned', '100005 answered', '100006 failed', '100007 conferenced']);
  await rows(page).filter({ hasText: '100004' }).click();
  await page.locator('#call-why li', { hasText: 'ContactQueueDetail row 3 disposition = 1' }).waitFor();
  const outcome = await page.locator('#call-outcome').textContent();
  expect(outcome.startsWith('abandoned ContactQueueDetail gives disposition 1, Abandoned (confirmed)'), true, outcome);
  await page.screenshot({ path: resolve(ARTIFACTS, 'cisco-records.png'), fullPage: true });
});

const COLLECTIONS = resolve(import.meta.dirname, '../fixtures/collections');
test('rotated files, a folder and archives open as one log: the log\'s calls, its files in time order, what was not read and why', async (page) => {
  await done(page);
  const rotated = ['MIVR001.log', 'MIVR046.log', 'MIVR047.log', 'README.txt', 'core.4711', 'screenshot.png'];
  await page.getByLabel('Open log files').setInputFiles(rotated.map((f) => resolve(COLLECTIONS, 'rotated', f)));
  await page.getByRole('status').filter({ hasText: '6 files: read as a Unified CCX Engine (MIVR) log' }).waitFor();
  await done(page);
  const status = await page.getByRole('status').first().textContent();
  expect(status.includes(' from 3 of 6 files: 10 events, 2 calls, 0 diagnostics'), true, status);
  expect(await page.getByLabel('Bundled sample').inputValue(), '', 'the sample menu no longer names what is open');
  expect(await outcomes(page), ['1010 transferred', '1011 transferred'], 'the calls of the log itself');
  const files = await page.getByRole('list', { name: 'Files read, in the order joined' }).locator('li').allTextContents();
  expect(files.map((f) => f.split(' ')[0]), ['MIVR046.log', 'MIVR047.log', 'MIVR001.log'], 'in the order of their first call');
  expect(files[2].includes('its first line continues the file before'), true, files[2]);
  const skipped = await page.getByRole('list', { name: 'Files not read' }).locator('li').allTextContents();
  expect(skipped.includes('screenshot.png: not read: not a CTI log: a PNG image'), true, skipped.join(' | '));
  expect(skipped.some((s) => s.startsWith('core.4711: not read: not a CTI log: no GED-188 frame')), true, skipped.join(' | '));
  // An event's place is its file's line.
  await rows(page).first().click();
  await page.locator('#ladder g[data-index]').first().click();
  await page.locator('#detail h2', { hasText: 'MIVR046.log line 4' }).waitFor();
  await page.screenshot({ path: resolve(ARTIFACTS, 'collection.png') });

  for (const [archive, count] of [['rtmt-mivr.zip', 6], ['mivr.tar.gz', 6], ['mivr-gz.zip', 3]]) {
    await page.getByLabel('Open log files').setInputFiles(resolve(COLLECTIONS, archive));
    await page.getByRole('status').filter({ hasText: `${archive}: read as` }).waitFor();
    await done(page);
    const text = await page.getByRole('status').first().textContent();
    expect(text.includes(` from 3 of ${count} files: 10 events, 2 calls`), true, text);
    expect(await outcomes(page), ['1010 transferred', '1011 transferred'], archive);
  }
  await page.getByLabel('Open log files').setInputFiles(resolve(COLLECTIONS, 'encrypted.zip'));
  await page.getByRole('status').filter({ hasText: 'encrypted.zip: read as' }).waitFor();
  await done(page);
  const bad = await page.getByRole('list', { name: 'Files not read' }).locator('li.error').allTextContents();
  expect(bad, ['encrypted.zip/uccx/MIVR/MIVR047.log: could not be read: an encrypted zip entry: unpack it with its password first']);
  // A folder, as a folder input gives it (each file with its path in the folder).
  await page.getByLabel('Open a folder of log files').setInputFiles(resolve(COLLECTIONS, 'rotated'));
  await page.getByRole('status').filter({ hasText: '6 files: read as' }).waitFor();
  await done(page);
  expect(await outcomes(page), ['1010 transferred', '1011 transferred'], 'the folder');
  const names = await page.getByRole('list', { name: 'Files read, in the order joined' }).locator('li').allTextContents();
  expect(names[0].startsWith('rotated/MIVR046.log '), true, names[0]);
});

test('a pasted hex dump and a dropped file are decoded; diagnostics jump to the raw text', async (page) => {
  await done(page);
  await page.locator('summary', { hasText: 'Paste a log' }).click();
  await page.getByLabel('Or paste a log').fill('MsgType: CALL_CLEARED_EVENT\n  ConnectionCallID: 5\n  EventCause: 65535\n  not a field\n');
  await page.getByRole('button', { name: 'Decode' }).click();
  await page.getByRole('status').filter({ hasText: 'pasted log: read as text' }).waitFor();
  await page.getByRole('list', { name: 'Diagnostics' }).getByRole('button', { name: 'line 4, column 3' }).click();
  await page.waitForFunction(() => document.querySelector('#raw').textContent.includes('not a field'));
  // Reference §1.6: the worked example's frame as hex.
  const hex = '00000028 0000000e 00000000 00000001 0015 0000 01005963 004c ffff ffff\n0019 0005 3430323000 0021 0005 3430323000\n';
  await page.getByLabel('Or paste a log').fill(hex);
  await page.getByRole('button', { name: 'Decode' }).click();
  await page.getByRole('status').filter({ hasText: 'read as hex' }).waitFor();
  const flow = readFileSync(resolve(FLOWS, 'inbound-answered.txt'), 'utf8');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, flow);
  await page.getByRole('status').filter({ hasText: 'dropped.txt: read as text' }).waitFor();
  expect(await outcomes(page), ['1001 answered']);
  await page.getByLabel('Open log files').setInputFiles(resolve(FLOWS, 'busy.txt'));
  await page.getByRole('status').filter({ hasText: 'busy.txt: read as text' }).waitFor();
});

test('live replay: pasted Finesse notifications, then a CTI dump, change their calls\' phase and outcome as they are pushed', async (page) => {
  await done(page);
  await page.locator('summary', { hasText: 'Paste a log' }).click();
  const dialogs = readFileSync(resolve(FLOWS, '../../../tests/fixtures/finesse/dialog-consult-transfer.xml'), 'utf8');
  await page.getByLabel('Or paste a log').fill(dialogs);
  await page.locator('summary', { hasText: 'Live replay' }).click();
  await page.getByLabel('Replay speed').selectOption('0');
  await page.getByRole('button', { name: 'Replay' }).click();
  await page.locator('body[data-live="done"]').waitFor({ timeout: 20000 });
  const rows = () => page.evaluate(() => [...document.querySelectorAll('#live-body tr')].map((r) => `${r.dataset.key} ${r.dataset.phase} ${r.dataset.outcome}`));
  expect(await rows(), ['16810010 ended transferred', '16810011 ended transferred']);
  await page.getByLabel('Or paste a log').fill(readFileSync(resolve(FLOWS, 'inbound-answered.txt'), 'utf8'));
  await page.getByRole('button', { name: 'Replay' }).click();
  await page.getByRole('status').filter({ hasText: /replayed \d+ pushes; 1 call$/ }).waitFor();
  expect(await rows(), ['1001 ended answered']);
});

test('an input with no event says why in one sentence: empty, plain text, an image; UTF-16 is read and said', async (page) => {
  await done(page);
  const cases = [
    ['empty.txt', Buffer.alloc(0), 'No events: the input is empty'],
    ['notes.txt', Buffer.from('hello world\nnothing here\n'), 'No events: no `MsgType:` line was found'],
    ['screen.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'No events: this looks like a PNG image'],
  ];
  for (const [name, bytes, sentence] of cases) {
    await page.getByLabel('Open log files').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await page.getByRole('status').filter({ hasText: `${name}: read as` }).waitFor();
    const alert = page.locator('#no-events');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text.startsWith(sentence), true, `${name}: ${text}`);
    expect(await rows(page).count(), 0, name);
  }
  const flow = readFileSync(resolve(FLOWS, 'busy.txt'), 'utf8');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(flow, 'utf16le')]);
  await page.getByLabel('Open log files').setInputFiles({ name: 'busy-utf16.txt', mimeType: 'text/plain', buffer: utf16 });
  const status = page.getByRole('status').filter({ hasText: 'busy-utf16.txt: read as text' });
  await status.waitFor();
  await done(page);
  expect((await status.textContent()).includes('UTF-16'), true, await status.textContent());
  expect(await page.locator('#no-events').isHidden(), true, 'no sentence when there are events');
  expect(await outcomes(page), ['1004 busy']);
});

test('events no call holds are listed apart and open in the detail', async (page) => {
  await done(page);
  await openSample(page, 'ring-no-answer.txt');
  const group = page.locator('#other-events');
  await group.waitFor();
  const title = await page.locator('#other-events-title').textContent();
  expect(/^\d+ events? in no call$/.test(title), true, title);
  await page.locator('#other-events-title').click();
  const first = page.getByRole('list', { name: 'Events in no call' }).getByRole('button').first();
  await first.waitFor();
  const label = await first.textContent();
  await first.click();
  const detail = page.getByRole('region', { name: 'Event detail' });
  await detail.locator('h2').waitFor();
  expect((await detail.locator('h2').textContent()).startsWith(label.split(' ')[0]), true, label);
});

test('log content with HTML and script payloads shows as text and never runs', async (page) => {
  await done(page);
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await page.locator('summary', { hasText: 'Paste a log' }).click();
  await page.getByLabel('Or paste a log').fill(`MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 9\n  ANI: ${payload}\n  CallVariable1: ${payload}\nMsgType: ${payload}\n  Text: ${payload}\n`);
  await page.getByRole('button', { name: 'Decode' }).click();
  await done(page);
  await page.getByLabel('Search calls').fill('onerror');
  await rows(page).first().click();
  const ladder = page.getByRole('list', { name: 'Timeline of call 9' });
  await ladder.getByRole('listitem').first().click();
  await page.getByRole('region', { name: 'Event detail' }).getByText(payload).first().waitFor();
  expect(await page.locator('main img, main script, #detail img').count(), 0);
  expect(await page.evaluate(() => window.__pwned ?? null), null);
  await page.screenshot({ path: resolve(ARTIFACTS, 'payload.png'), fullPage: true });
});

test('a stream of every message type with a layout opens with no diagnostic; the session lane shows its requests', async (page) => {
  await done(page);
  for (const [file, width] of [['every-message-type-v24.bin', 2], ['every-message-type-v19.bin', 1]]) {
    await openSample(page, file);
    const status = await page.getByRole('status').first().textContent();
    expect(status.includes(`read as binary (${width}-byte field headers): 145 events`) && status.endsWith(' 0 diagnostics'), true, status);
    const session = page.getByRole('region', { name: 'Session' });
    await session.waitFor();
    expect((await page.locator('#session-summary').textContent()).includes('requests'), true);
    expect(await session.getByRole('table', { name: 'Requests and replies' }).locator('tbody tr').count() > 10, true);
  }
  await page.screenshot({ path: resolve(ARTIFACTS, 'session.png'), fullPage: true });
});

test('the CONNRES panel explains a code with its cause', async (page) => {
  await done(page);
  await page.getByRole('spinbutton', { name: 'CONNRES code' }).fill('5');
  await page.getByLabel('Call direction').selectOption('outbound');
  await page.getByLabel('Q.850 cause').fill('17');
  await page.getByRole('button', { name: 'Explain' }).click();
  // The records module, which explains codes, loads on first use.
  await page.getByLabel('CONNRES explanation').filter({ hasText: 'Outcome' }).waitFor();
  const text = await page.getByLabel('CONNRES explanation').textContent();
  expect(text.includes('ISDN_CAUSE') && text.includes('User busy') && text.includes('Outcome: busy'), true, text);
});

test('a 100 MB log decodes with no main-thread task over 100 ms; its agent timeline opens and stays fluid', async (page) => {
  await done(page);
  // The generated 100 MB log of `make bench` (seed 1): 76,266 calls.
  const log = resolve(ARTIFACTS, '100mb.txt');
  const cli = resolve(import.meta.dirname, '../../target/debug/cti-outcome');
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

test('every two outcome colours are CIEDE2000 ΔE ≥ 20 apart in the light and the dark scheme, and ≥ 8 apart seen with a colour vision deficiency', async (page) => {
  await done(page);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const colours = await page.evaluate(async () => {
      const { OUTCOMES } = await import('./pkg/lists.js');
      const style = getComputedStyle(document.documentElement);
      return OUTCOMES.map((o) => [o, style.getPropertyValue(`--${o}`).trim()]);
    });
    expect(colours.length >= 14 && colours.every(([, c]) => /^#[0-9a-f]{6}$/i.test(c)), true, JSON.stringify(colours));
    const close = [];
    for (let i = 0; i < colours.length; i++) {
      for (let j = 0; j < i; j++) {
        const d = deltaE2000(lab(colours[i][1]), lab(colours[j][1]));
        if (d < 20) close.push(`${colours[i][0]} ${colours[i][1]} ~ ${colours[j][0]} ${colours[j][1]}: ΔE ${d.toFixed(1)}`);
      }
    }
    expect(close, [], `${scheme}: outcome colours too close`);
    // Seen with a colour vision deficiency, every two still differ (less: 14 colours cannot
    // stay 20 apart on the axes such a person sees; the outcome is always written beside it).
    for (const [name, m] of Object.entries(DEFICIENCIES)) {
      const seen = colours.map(([o, c]) => [o, lab(simulate(c, m))]);
      const near = [];
      for (let i = 0; i < seen.length; i++) {
        for (let j = 0; j < i; j++) {
          const d = deltaE2000(seen[i][1], seen[j][1]);
          if (d < 8) near.push(`${seen[i][0]} ~ ${seen[j][0]}: ΔE ${d.toFixed(1)}`);
        }
      }
      expect(near, [], `${scheme}, ${name}: outcome colours too close`);
    }
  }
});

test('readable in a narrow window and in the dark scheme', async (page) => {
  await done(page);
  await page.setViewportSize({ width: 420, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await rows(page).first().click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 4) throw new Error(`the page is ${overflow}px wider than the window`);
  await page.screenshot({ path: resolve(ARTIFACTS, 'narrow-dark.png'), fullPage: true });
});

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
