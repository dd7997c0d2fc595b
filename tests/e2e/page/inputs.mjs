// The page's inputs: frames, captures, call records, Finesse, collections, pasted text, live
// replay, inputs with no event, and hostile text.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, expect } from '../harness.mjs';
import { group, FLOWS, done, rows, openSample, outcomes, ROOT } from './helpers.mjs';

export const { tests, test } = group();

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

const FINESSE = resolve(ROOT, 'tests/fixtures/finesse');
test('Finesse notifications, saved or in a webservices log beside CTI messages, open as calls with the command-line tool\'s outcomes', async (page) => {
  await done(page);
  const cli = resolve(ROOT, 'target/debug/cti-outcome');
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

const CISCO_RECORDS = resolve(ROOT, 'tests/fixtures/records/cisco');
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

const COLLECTIONS = resolve(ROOT, 'tests/fixtures/collections');
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
  const dialogs = readFileSync(resolve(ROOT, 'tests/fixtures/finesse/dialog-consult-transfer.xml'), 'utf8');
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
