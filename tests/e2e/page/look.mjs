// How the page looks: layout at two widths, the README's screenshot, outcome colours told
// apart (CIEDE2000, with colour vision deficiencies), narrow and dark.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, expect } from '../harness.mjs';
import { group, done, rows, openSample, E2E } from './helpers.mjs';

export const { tests, test } = group();

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
  const kept = resolve(E2E, 'expected/viewer-1400.png');
  if (process.env.UPDATE_SCREENSHOT) {
    writeFileSync(kept, shot);
    try {
      execFileSync('python3', [resolve(E2E, 'shrink-screenshot.py'), kept], { stdio: 'inherit' });
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
