// The page's calls: samples, the list, a call's ladder and detail, links, search, keys, exports.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, expect } from '../harness.mjs';
import { group, done, rows, openSample, outcomes, site, E2E, ROOT } from './helpers.mjs';

export const { tests, test } = group();

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
  expect(readFileSync(await text.path(), 'utf8'), readFileSync(resolve(E2E, 'expected/consult-transfer-1010.txt'), 'utf8'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Timeline as PNG' }).click()]);
  const width = (await page.locator('#ladder svg').getAttribute('width'));
  expect(readFileSync(await png.path()).readUInt32BE(16), 2 * Number(width), 'the PNG is drawn at 2×');
  await page.keyboard.press('Escape');
  await page.locator('#call').waitFor({ state: 'hidden' });
  expect(page.url().includes('#call='), false, 'Escape closes the call and its link');
});

test('the CLI\'s ladder command prints the page\'s "Timeline as text" for every call of the samples', async (page) => {
  await done(page);
  const cli = resolve(ROOT, 'target/debug/cti-outcome');
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
