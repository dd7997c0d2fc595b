// Tests the packed npm tarball as users get it: node tests/e2e/package.mjs dist/cti-outcome-<v>.tgz
// It installs the tarball offline into a fresh consumer project (dist/consumers), then runs a
// Node ESM and a CommonJS consumer, `tsc --strict` over a file using every export, a scan of
// the declarations for `any`, the .wasm size budget, and a Vite app with two Workers in Chromium.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ARTIFACTS, expect, launch, requireChromium, runAll } from './harness.mjs';
import { serve } from './serve.mjs';

/** The budget for each gzipped .wasm (issue: ≤ 150 KB), in bytes. */
const WASM_GZIP_BUDGET = 150_000;
/** The package's entry points: subpath, its browser module, its Node modules, its declarations. */
const ENTRIES = [
  ['.', 'index.js', 'node.mjs', 'node.cjs', 'index.d.ts'],
  ['./encode', 'encode.js', 'encode-node.mjs', 'encode-node.cjs', 'encode.d.ts'],
  ['./capture', 'capture.js', 'capture-node.mjs', 'capture-node.cjs', 'capture.d.ts'],
  ['./records', 'records.js', 'records-node.mjs', 'records-node.cjs', 'records.d.ts'],
  ['./traces', 'traces.js', 'traces-node.mjs', 'traces-node.cjs', 'traces.d.ts'],
  ['./finesse', 'finesse.js', 'finesse-node.mjs', 'finesse-node.cjs', 'finesse.d.ts'],
  ['./live', 'live.js', 'live-node.mjs', 'live-node.cjs', 'live.d.ts'],
];
const here = import.meta.dirname;
const root = resolve(here, '../..');
const tarball = resolve(process.argv[2] ?? '');
const app = join(root, 'dist/consumers');
const installed = join(app, 'node_modules/cti-outcome');
const run = (cmd, args, cwd = app) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

rmSync(app, { recursive: true, force: true });
cpSync(join(here, 'consumers'), app, { recursive: true });
copyFileSync(join(root, 'src/generate/flows/inbound-answered.txt'), join(app, 'sample.txt'));
for (const trace of ['finesse', 'mivr', 'dumplog']) {
  copyFileSync(join(root, `tests/fixtures/traces/${trace}-consult-transfer.log`), join(app, `${trace}.log`));
}
copyFileSync(join(root, 'src/generate/flows/consult-transfer.txt'), join(app, 'consult-transfer.txt'));
copyFileSync(join(root, 'tests/fixtures/finesse/dialog-consult-transfer.xml'), join(app, 'dialogs.xml'));
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
// --offline: the tarball has no dependencies, so installing it needs no network at all.
run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', tarball]);

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/** The command-line tool's `timeline` JSON as the package's `timeline()` gives it: without the
 * log's diagnostics and the evidence's places, which the tool adds (the package's logs answer
 * `summary()` and `events(i)` instead). */
function packaged(timeline) {
  const { diagnostics, ...rest } = timeline;
  if (!Array.isArray(diagnostics)) throw new Error('the tool\'s timeline has no diagnostics');
  const unplaced = (evidence) => evidence.map(({ file, line, endLine, offset, packet, ...e }) => e);
  for (const call of rest.calls) {
    call.outcome.evidence = unplaced(call.outcome.evidence);
    for (const link of call.links) link.evidence = unplaced(link.evidence);
  }
  return rest;
}

test('the tarball holds exactly the files package.json lists', () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const files = readdirSync(installed).sort();
  expect(files, [...manifest.files, 'package.json'].sort());
  expect(manifest.exports['.'].types, './index.d.ts', 'types come first');
  expect(Object.keys(manifest.exports['.'])[0], 'types');
});

test(`each gzipped .wasm is within ${WASM_GZIP_BUDGET} bytes`, () => {
  const modules = readdirSync(installed).filter((f) => f.endsWith('.wasm'));
  expect(modules.length, ENTRIES.length, 'one module per entry point');
  for (const file of modules) {
    const wasm = readFileSync(join(installed, file));
    const gzipped = gzipSync(wasm, { level: 9 }).length;
    console.log(`     ${file}: ${wasm.length} bytes, ${gzipped} gzipped (budget ${WASM_GZIP_BUDGET})`);
    if (gzipped > WASM_GZIP_BUDGET) throw new Error(`${file}: ${gzipped} bytes gzipped is over the budget`);
  }
});

test('each entry point exports the same names in browsers and Node: those its declarations declare', async () => {
  const { pathToFileURL } = await import('node:url');
  const require = (await import('node:module')).createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const names = (m) => Object.keys(m).filter((k) => k !== 'default').sort();
  for (const [subpath, web, esm, cjsFile, types] of ENTRIES) {
    const entry = manifest.exports[subpath];
    expect([entry.types, entry.browser, entry.node.import, entry.node.require], [types, web, esm, cjsFile].map((f) => `./${f}`), subpath);
    const browser = names(await import(pathToFileURL(join(installed, web))));
    const node = names(await import(pathToFileURL(join(installed, esm))));
    const cjs = names(require(join(installed, cjsFile)));
    const dts = readFileSync(join(installed, types), 'utf8');
    const declared = [...dts.matchAll(/^export (?:default |declare )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]);
    expect(browser, [...new Set(declared)].sort(), `${web} exports what ${types} declares`);
    expect(node, browser, esm);
    expect(cjs, browser, cjsFile);
  }
});

test('cti-outcome/traces opens each Cisco trace with the calls and outcomes of its dump twin; the main entry sniffs it and says where it is read', async () => {
  const require = (await import('node:module')).createRequire(import.meta.url);
  const main = require(join(installed, 'node.cjs'));
  const traces = require(join(installed, 'traces-node.cjs'));
  const outcomes = (log) => log.calls().map((c) => `${c.key} ${c.outcome.kind}`).join(', ');
  const twin = outcomes(main.openLog(readFileSync(join(app, 'consult-transfer.txt'))));
  expect(twin, '1010 transferred, 1011 transferred');
  for (const trace of ['finesse', 'mivr', 'dumplog']) {
    const bytes = readFileSync(join(app, `${trace}.log`));
    expect(main.sniff(bytes).form, trace, `sniff of ${trace}.log`);
    expect(outcomes(traces.openLog(bytes, { year: 2017 })), twin, `${trace}.log in cti-outcome/traces`);
    const decoded = traces.decodeLog(bytes, { year: 2017 });
    expect(decoded.events.length > 0 && decoded.notes.some((n) => n.kind === 'summary'), true, `${trace}: events and the summary note`);
    const refused = main.decodeLog(bytes);
    expect(refused.events.length, 0, `the main entry reads no ${trace}`);
    const why = refused.diagnostics.at(-1).message;
    const entry = trace === 'finesse' ? 'cti-outcome/finesse' : 'cti-outcome/traces';
    if (!why.includes(entry)) throw new Error(`the main entry does not say where ${trace} is read (${entry}): ${why}`);
  }
  // MIVR records carry no year: a file modified in March 2018 holds November's records of 2017.
  const mivr = readFileSync(join(app, 'mivr.log'));
  const yearOf = (options) => new Date(traces.openLog(mivr, options).callColumns().startMs[0]).getUTCFullYear();
  expect(yearOf({ year: 2018 }), 2018, 'MIVR times in the year given');
  expect(yearOf({ year: 2018, month: 3 }), 2017, 'MIVR times of a later month than the file\'s: the year before');
  let refused;
  try { new traces.CtiLog({ month: 13 }); } catch (e) { refused = e; }
  expect(`${refused?.code} ${refused?.argument} ${refused?.message}`, 'bad-argument month `month` must be a month (1 to 12), got 13', 'a month out of range');
});

test('cti-outcome/finesse reads each Finesse fixture (saved notifications, and a webservices log with CTI messages and dialogs) into the calls and outcomes of the command-line tool', async () => {
  const require = (await import('node:module')).createRequire(import.meta.url);
  const finesse = require(join(installed, 'finesse-node.cjs'));
  const traces = require(join(installed, 'traces-node.cjs'));
  const dir = join(root, 'tests/fixtures/finesse');
  const cli = join(root, 'target/debug/cti-outcome');
  const line = (key, o) => `${key} ${o.kind} ${o.rule}: ${o.reason}`;
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.xml') || f.endsWith('.log'));
  expect(fixtures.length, 10, 'the Finesse fixtures');
  for (const name of fixtures) {
    const bytes = readFileSync(join(dir, name));
    const tool = JSON.parse(run(cli, ['timeline', join(dir, name)], root));
    const log = finesse.openLog(bytes);
    expect(log.calls().map((c) => line(c.key, c.outcome)), tool.calls.map((c) => line(c.key, c.outcome)), `${name}: the tool's outcomes`);
    expect(log.summary().diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), tool.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), `${name}: the tool's diagnostics`);
    log.free();
  }
  // What a reader of the reference states (cisco-logs.md §4): written out, not taken from the tool.
  const kinds = (name) => finesse.openLog(readFileSync(join(dir, name))).calls().map((c) => `${c.key} ${c.outcome.kind}`).join(', ');
  expect(kinds('dialog-not-answered.xml'), '16810002 no_answer');
  expect(kinds('dialog-busy.xml'), '16810003 busy');
  expect(kinds('dialog-consult-transfer.xml'), '16810010 transferred, 16810011 transferred');
  const log = readFileSync(join(dir, 'finesse-webservices-dialogs.log'));
  expect(kinds('finesse-webservices-dialogs.log'), '1020 answered, 1021 abandoned', 'CTI messages and dialogs of the same calls: one call each');
  const dialogs = finesse.decodeLog(log).events.filter((e) => e.type === 'Dialog').length;
  expect(dialogs > 0, true, 'the webservices log\'s notifications are events');
  // The traces module reads the CTI messages and says where the notifications are read.
  const counted = traces.decodeLog(log).notes.find((n) => n.kind === 'summary')?.text ?? '';
  if (!counted.includes('cti-outcome/finesse')) throw new Error(`cti-outcome/traces does not say where notifications are read: ${counted}`);
  // A dump pasted into a Finesse log is counted, not read, and says where it is read.
  const pasted = finesse.decodeLog(`${log}MsgType: BEGIN_CALL_EVENT\n  ConnectionCallID: 7\n`);
  const note = pasted.notes.find((n) => n.kind === 'summary')?.text ?? '';
  if (!note.includes('2 a pasted `MsgType:` dump (not read by this build: cti-outcome reads it)')) throw new Error(`the pasted dump is not counted: ${note}`);
  // A MIVR log is not the Finesse module's: it says which entry reads it.
  const refused = finesse.decodeLog(readFileSync(join(app, 'mivr.log')));
  expect(refused.events.length, 0, 'the Finesse entry reads no MIVR log');
  if (!refused.diagnostics.at(-1).message.includes('cti-outcome/traces')) throw new Error(`the Finesse entry does not say where MIVR is read: ${refused.diagnostics.at(-1).message}`);
});

test('cti-outcome/records reads a UCCE Termination_Call_Detail export, and a UCCX ContactCallDetail with its ContactQueueDetail, as the command-line tool does', async () => {
  const require = (await import('node:module')).createRequire(import.meta.url);
  const records = require(join(installed, 'records-node.cjs'));
  const dir = join(root, 'tests/fixtures/records/cisco');
  const file = (name) => readFileSync(join(dir, name));
  const cli = join(root, 'target/debug/cti-outcome');
  const tcd = records.decodeRecords(file('tcd-ssms.csv'));
  expect(JSON.stringify(tcd), JSON.stringify(JSON.parse(run(cli, ['records', join(dir, 'tcd-ssms.csv')], root))), 'TCD: the CLI\'s JSON');
  expect(tcd.calls.map((c) => `${c.key} ${c.outcome.kind}`).join(', '),
    '152018-2001 answered, 152018-2002 answered, peripheral 5000 call 7003 answered, 152018-2004 abandoned, 152018-2005 no_answer, 152018-2006 failed, 152018-2007 conferenced, 152018-2008 unknown');
  const ccd = records.decodeRecords(file('ccd-informix.csv'), undefined, file('cqd-informix.csv'));
  const cliCcd = JSON.parse(run(cli, ['records', join(dir, 'ccd-informix.csv'), join(dir, 'cqd-informix.csv')], root));
  expect(JSON.stringify(ccd), JSON.stringify(cliCcd), 'CCD with CQD: the CLI\'s JSON');
  const kept = new records.RecordLog(file('cqd-informix.csv'), undefined, file('ccd-informix.csv'));
  expect(kept.head().family, 'uccx-ccd', 'either order');
  expect(JSON.stringify(kept.call(3)), JSON.stringify(cliCcd.calls[3]), 'a call of a RecordLog');
  kept.free();
});

test('openCollection: rotated files, a folder, zip, tar and gzip give the command-line tool\'s files, skipped files and calls', async () => {
  const require = (await import('node:module')).createRequire(import.meta.url);
  const main = require(join(installed, 'node.cjs'));
  const traces = require(join(installed, 'traces-node.cjs'));
  const cli = join(root, 'target/debug/cti-outcome');
  const dir = 'tests/fixtures/collections';
  const input = (name) => ({ name, data: new Blob([readFileSync(join(root, name))]) });
  // The command-line tool walks a folder by name, byte by byte (numbers as numbers).
  const folder = readdirSync(join(root, dir, 'rotated')).sort()
    .map((f) => input(`${dir}/rotated/${f}`));
  // Library words after "could not be read: " differ (the zip crate's and zip.js's).
  const words = (skipped) => skipped.map((s) => ({ ...s, reason: s.reason.replace(/(could not be read): .*/, '$1') }));
  const cases = [
    [`${dir}/rotated`, folder],
    ...['rtmt-mivr.zip', 'mivr.tar', 'mivr.tar.gz', 'mivr-gz.zip', 'encrypted.zip', 'corrupt.zip', 'too-deep.zip']
      .map((f) => [`${dir}/${f}`, [input(`${dir}/${f}`)]]),
  ];
  for (const [path, inputs] of cases) {
    const opened = await traces.openCollection(inputs, { year: 2026 });
    let decoded;
    try {
      decoded = JSON.parse(run(cli, ['decode', '--year', '2026', path], root));
    } catch (err) {
      // No log at all: the JSON is written, then the tool exits with status 2.
      if (err.status !== 2) throw err;
      decoded = JSON.parse(err.stdout);
    }
    expect(JSON.stringify(opened.files), JSON.stringify(decoded.files), `${path}: files`);
    expect(JSON.stringify(words(opened.skipped)), JSON.stringify(words(decoded.skipped)), `${path}: skipped`);
    if (opened.files.length > 0) {
      const timeline = run(cli, ['timeline', '--year', '2026', path], root);
      expect(JSON.stringify(opened.log.timeline()), JSON.stringify(packaged(JSON.parse(timeline))), `${path}: calls`);
      const events = opened.log.events(0);
      events.forEach((e, i) => {
        const at = opened.locate(e.line);
        expect(`${at.file}:${at.line}`, `${decoded.events[i].file}:${decoded.events[i].line}`, `${path}: event ${i}`);
      });
    }
    opened.log.free();
  }
  const viaMain = await main.openCollection([input(`${dir}/rtmt-mivr.zip`)]);
  expect(viaMain.files.length, 0, 'the main entry reads no trace');
  if (!viaMain.skipped.some((s) => s.reason.includes('open the collection with cti-outcome/traces'))) {
    throw new Error(`the main entry does not say where traces are read: ${JSON.stringify(viaMain.skipped)}`);
  }
  viaMain.log.free();
});

test('cti-outcome/live: each Finesse notification, and each event object, reports the calls it changed with phase and outcome', async () => {
  const require = (await import('node:module')).createRequire(import.meta.url);
  const main = require(join(installed, 'node.cjs'));
  const { LiveView } = require(join(installed, 'live-node.cjs'));
  const view = new LiveView();
  const notifications = readFileSync(join(app, 'dialogs.xml'), 'utf8').split('<!--').filter((s) => s.trim()).map((s) => `<!--${s}`);
  const seen = notifications.map((n) => view.push(n).changes.map((c) => `${c.key} ${c.phase} ${c.outcome.kind}`).join(', '));
  expect(seen, [
    '16810010 ringing still_active', '16810010 talking still_active', '16810010 held still_active',
    '16810011 ringing still_active', '16810011 talking still_active',
    '16810010 talking transferred, 16810011 talking transferred',
    '16810011 ended transferred', '16810010 ended transferred',
  ]);
  const last = view.snapshot().at(-1);
  expect([last.outcome.rule, last.outcome.evidence[0].field], ['dialog-secondary', 'secondaryId'], 'the one outcome shape, with evidence');
  view.free();
  // Event objects (the main entry's own) pushed one at a time: each is whole, taken in at once.
  const events = main.decodeLog(readFileSync(join(app, 'consult-transfer.txt'))).events;
  const cti = new LiveView();
  const phases = events.flatMap((e) => cti.push([e]).changes.filter((c) => c.key === '1010').map((c) => c.phase));
  expect([phases[0], phases.includes('held'), phases.at(-1)], ['started', true, 'ended']);
  const bad = cti.push('<Update><data><Dialog><id>7</idx></Dialog></data></Update>');
  expect([bad.diagnostics.length, bad.diagnostics[0].code, bad.diagnostics[0].line], [1, 'malformed-xml', 1], 'the notification number as its line');
  cti.free();
});

test('the package README\'s live example compiles with tsc --strict', () => {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const block = /```ts\n(import init, \{ LiveView[\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md: no ```ts block with the live example');
  const lines = block.trim().split('\n').length;
  if (lines > 16) throw new Error(`the live example is ${lines} lines`);
  writeFileSync(join(app, 'readme-live.ts'), block);
  const config = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8'));
  writeFileSync(join(app, 'tsconfig.readme.json'), JSON.stringify({ ...config, files: ['readme-live.ts'] }));
  try {
    run('node', [join(here, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.readme.json']);
  } catch (err) {
    throw new Error(`tsc failed on the README's example:\n${err.stdout}${err.stderr}`);
  }
});

test('every number, bigint, string and boolean field has at run time the type its declaration gives', async () => {
  const { checkDeclared } = await import('./declared.mjs');
  const require = (await import('node:module')).createRequire(import.meta.url);
  const main = require(join(installed, 'node.cjs'));
  const { LiveView } = require(join(installed, 'live-node.cjs'));
  const sample = readFileSync(join(app, 'consult-transfer.txt'));
  const frames = readFileSync(join(root, 'tests/fixtures/captures/consult-transfer.frames'));
  const view = new LiveView();
  const values = [
    ['DecodedText', main.decodeLog(sample)],
    ['DecodedFrames', main.decodeFrames(frames)],
    ['Timeline', main.buildTimeline(main.decodeLog(sample))],
    ['CallRow', main.openLog(sample).calls()[0]],
    ['LivePush', view.push(readFileSync(join(app, 'dialogs.xml'), 'utf8'))],
  ];
  const checked = checkDeclared(readFileSync(join(installed, 'cti_outcome.d.ts'), 'utf8'), values);
  console.log(`     ${checked.fields} fields of ${checked.types.size} declared types checked`);
  for (const t of ['FrameEvent', 'TextEvent', 'Call', 'Outcome', 'Evidence', 'CallChange']) {
    if (!checked.types.has(t)) throw new Error(`no ${t} was checked`);
  }
});

test('Node ESM: import, decode, stream, timeline; init is a no-op', () => {
  process.stdout.write(`     ${run('node', ['node-esm.mjs'])}`);
});

test('Node CommonJS: require, decodeInput, TimelineBuilder', () => {
  process.stdout.write(`     ${run('node', ['node-cjs.cjs'])}`);
});

test('the objects JavaScript builds equal the command-line tool\'s JSON for every bundled log', async () => {
  const { createRequire } = await import('node:module');
  const cti = createRequire(import.meta.url)(join(installed, 'node.cjs'));
  const cli = join(root, 'target/debug/cti-outcome');
  let compared = 0;
  for (const dir of ['tests/fixtures/logs', 'src/generate/flows']) {
    for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.txt'))) {
      const path = join(root, dir, name);
      const bytes = readFileSync(path);
      const decoded = JSON.parse(run(cli, ['decode', path], root));
      expect(JSON.stringify(cti.decodeLog(bytes)), JSON.stringify(decoded), `${name}: decodeLog`);
      const log = cti.openLog(bytes);
      const timeline = packaged(JSON.parse(run(cli, ['timeline', path], root)));
      expect(JSON.stringify(log.timeline()), JSON.stringify(timeline), `${name}: timeline`);
      expect(JSON.stringify(log.calls().map((c) => c.outcome)), JSON.stringify(timeline.calls.map((c) => c.outcome)), `${name}: call rows`);
      log.free();
      compared += 1;
    }
  }
  if (compared < 10) throw new Error(`only ${compared} logs compared`);
});

test('tsc --strict accepts a file using every export', () => {
  const tsc = join(here, 'node_modules/typescript/bin/tsc');
  try {
    run('node', [tsc, '-p', 'tsconfig.json']);
  } catch (err) {
    throw new Error(`tsc failed:\n${err.stdout}${err.stderr}`);
  }
});

test('the declarations have no `any`', () => {
  for (const file of [...ENTRIES.map((e) => e[4]), 'cti_outcome.d.ts']) {
    const code = readFileSync(join(installed, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const hit = /\bany\b/.exec(code);
    if (hit) throw new Error(`${file}: \`any\` in ${code.slice(hit.index - 60, hit.index + 20)}`);
  }
});

test('Vite app: init, the .wasm subpath, and two Workers, in Chromium', async () => {
  const outDir = join(app, 'vite-app/dist');
  await build({
    root: join(app, 'vite-app'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    worker: { format: 'es' },
  });
  const wasmAssets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.wasm'));
  if (!wasmAssets.length) throw new Error('the build emitted no .wasm asset');
  requireChromium('the Vite consumer test');
  const server = await serve(outDir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(server.url);
    await page.locator('body[data-done="true"]').waitFor({ timeout: 20000 }).catch(() => {
      throw new Error(`the app did not finish: ${problems.join(' | ') || 'no error reported'}`);
    });
    const results = await page.evaluate(() => window.results);
    await page.screenshot({ path: join(ARTIFACTS, 'vite-consumer.png') });
    if (!results.beforeInit.includes('Call `await init()`')) throw new Error(`before init: ${results.beforeInit}`);
    expect(results.sameInstance, true, 'init twice');
    expect(results.main, ['1001 answered'], 'main thread');
    expect(results.encoded, ['BEGIN_CALL_EVENT', 'CALL_QUEUED_EVENT'], 'cti-outcome/encode');
    expect(wasmAssets.length, 2, 'both modules emitted as assets');
    expect(results.workerInitSync, ['1001 answered'], 'worker with initSync');
    expect(results.workerInit, ['1001 answered'], 'worker with init()');
    expect(problems, [], 'page errors');
  } finally {
    await browser.close();
    server.close();
  }
});

const failed = await runAll(tests, (_name, fn) => fn());
process.exit(failed ? 1 : 0);
