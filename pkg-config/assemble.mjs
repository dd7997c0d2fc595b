// Assembles the npm package from wasm-pack's `web` and `nodejs` outputs of each WebAssembly
// module and the shapes' TypeScript declarations (generated from the Rust types by
// `cargo run --example typescript`):
//   node pkg-config/assemble.mjs <dist> <types.d.ts> <out-dir> <module>...
// Module `m` was built into <dist>/pkg-web/m and <dist>/pkg-nodejs/m (see the Makefile); `main`
// is the package's main entry (cti_outcome*), any other is the entry `cti-outcome/m`
// (cti_outcome_m*). Both outputs of a module carry the same .wasm (checked here), so the
// package ships it once: the web glue finds it next to itself through import.meta.url, the
// nodejs glue through __dirname.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ENTRIES } from './entries.mjs';
import { entryFiles, glueName } from './entry-files.mjs';

const here = import.meta.dirname;
const [dist, types, out] = process.argv.slice(2, 5).map((p) => resolve(p));
const modules = process.argv.slice(5);
if (!out || !modules.includes('main')) {
  console.error('usage: node pkg-config/assemble.mjs <dist> <types.d.ts> <out-dir> main [<module>...]');
  process.exit(2);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copy = (from, name) => copyFileSync(from, join(out, name));

const sizes = [];
for (const module of modules) {
  const name = module === 'main' ? 'cti_outcome' : `cti_outcome_${module}`;
  const web = join(dist, 'pkg-web', module);
  const nodejs = join(dist, 'pkg-nodejs', module);
  const wasm = readFileSync(join(web, `${name}_bg.wasm`));
  if (!wasm.equals(readFileSync(join(nodejs, `${name}_bg.wasm`)))) {
    throw new Error(`${module}: the web and nodejs builds carry different .wasm files; the package ships one`);
  }
  copy(join(web, `${name}_bg.wasm`), `${name}_bg.wasm`);
  copy(join(web, `${name}.js`), `${name}.js`);
  copy(join(nodejs, `${name}.js`), `${name}_node.cjs`);
  sizes.push(`${name}_bg.wasm ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
}

// The main glue's declarations minus wasm-bindgen's own init section (its InitOutput lists raw
// exports typed `any`; index.d.ts declares init, initSync and the functions as exported), and
// minus `[Symbol.dispose]`, which would make every consumer's `lib` need esnext.disposable.
const dts = readFileSync(join(dist, 'pkg-web', 'main', 'cti_outcome.d.ts'), 'utf8');
const cut = dts.indexOf('export type InitInput');
if (cut < 0) throw new Error('cti_outcome.d.ts: no init section found to remove');
const glueTypes = dts.slice(0, cut).replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, '');
// The glue names the shapes (`Call`, `LogSummary`…) in its signatures; they are declared here.
const shapes = readFileSync(types, 'utf8');
writeFileSync(join(out, 'cti_outcome.d.ts'), `${glueTypes.trimEnd()}\n\n${shapes.trimEnd()}\n`);

const built = ENTRIES.filter((e) => modules.includes(e.module));
for (const name of ['api.js', 'columns.js', 'collection.js', 'zip-reader.d.ts', 'strings.js', 'loader.js', 'loader.d.ts', 'LICENSE', 'README.md']) copy(join(here, name), name);
// zip.js (BSD-3-Clause; its licence kept in the bundle's head), bundled into one module that
// collection.js loads when an archive is opened: the package keeps no dependencies.
const nodeModules = join(here, '..', 'tests', 'e2e', 'node_modules');
const zipLicence = readFileSync(join(nodeModules, '@zip.js', 'zip.js', 'LICENSE'), 'utf8').replaceAll('*/', '* /');
execFileSync(join(nodeModules, '.bin', 'esbuild'), [join(here, 'zip-reader.js'), '--bundle', '--format=esm', '--minify',
  `--banner:js=/*! zip.js, bundled from @zip.js/zip.js for cti-outcome's zip-reader.js:\n${zipLicence}*/`,
  '--log-level=warning', `--outfile=${join(out, 'zip-reader.js')}`], { stdio: 'inherit', env: { ...process.env, NODE_PATH: nodeModules } });
// The lists that name the columns' numbers, generated from the Rust enums
// (`cargo run --example typescript -- --lists`), for import and require alike.
const lists = readFileSync(join(dist, 'lists.js'), 'utf8');
const listNames = [...lists.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
writeFileSync(join(out, 'lists.js'), lists);
writeFileSync(
  join(out, 'lists.cjs'),
  `'use strict';\n${lists.replace(/^export const /gm, 'const ')}\nmodule.exports = { ${listNames.join(', ')} };\n`,
);

// strings.js, the column batches' string table, for import and require alike.
const strings = readFileSync(join(here, 'strings.js'), 'utf8');
writeFileSync(
  join(out, 'strings.cjs'),
  `'use strict';\n${strings.replace(/^export function /gm, 'function ')}\nmodule.exports = { stringTable, stringAt };\n`,
);

// api.js, columns.js and collection.js are written once as ES modules; Node's require gets the
// same code as CommonJS.
for (const name of ['api', 'columns', 'collection']) {
  const source = readFileSync(join(here, `${name}.js`), 'utf8');
  const exportsOf = [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
  if (exportsOf.length === 0) throw new Error(`${name}.js: no exported functions`);
  writeFileSync(
    join(out, `${name}.cjs`),
    `'use strict';\n${source
      .replace(/^import \{ ([\w, ]+) \} from '\.\/(\w+)\.js';$/gm, "const { $1 } = require('./$2.cjs');")
      .replace(/^export (async )?function /gm, '$1function ')}\nmodule.exports = { ${exportsOf.join(', ')} };\n`,
  );
}
// api.js's types (its JSDoc, checked against its code) as api.d.ts: the functions' declarations.
const tsc = join(here, '..', 'tests', 'e2e', 'node_modules', '.bin', 'tsc');
execFileSync(tsc, ['--allowJs', '--checkJs', '--declaration', '--emitDeclarationOnly', '--stripInternal',
  '--skipLibCheck', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler',
  '--lib', 'es2022,dom', '--outDir', out, join(out, 'api.js')], { stdio: 'inherit' });
// Only the types are api.js's public face: its functions are the entries' machinery (tsc keeps
// them despite their @internal tags, which it honours only in TypeScript sources).
const ts = createRequire(import.meta.url)(join(here, '..', 'tests', 'e2e', 'node_modules', 'typescript'));
const emitted = ts.createSourceFile('api.d.ts', readFileSync(join(out, 'api.d.ts'), 'utf8'), ts.ScriptTarget.Latest, true);
writeFileSync(
  join(out, 'api.d.ts'),
  `${emitted.statements.filter((st) => !ts.isFunctionDeclaration(st)).map((st) => st.getFullText().trim()).join('\n\n')}\n`,
);

// The entry files, from the one list of entries (entries.mjs): for browsers, bundlers and
// Workers (the web glue behind an idempotent `init`), for Node's import and require (the nodejs
// glue, loaded synchronously), and their declarations, which re-export api.js's own types.
const generated = readFileSync(join(out, 'cti_outcome.d.ts'), 'utf8');
const apiTypes = [...readFileSync(join(out, 'api.d.ts'), 'utf8').matchAll(/^export type (\w+)/gm)]
  .map((m) => m[1])
  .filter((t) => !new RegExp(`^export type ${t}\\b`, 'm').test(generated));
for (const entry of built) {
  for (const [file, text] of Object.entries(entryFiles(entry, apiTypes))) writeFileSync(join(out, file), text);
}

const cargo = readFileSync(join(here, '..', 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('Cargo.toml: no package version');
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
manifest.version = version;
// What package.json says of the entries comes from the same list.
manifest.exports = Object.fromEntries([
  ...built.flatMap((e) => {
    const [web, dts, mjs, cjs] = Object.keys(entryFiles(e)).map((f) => `./${f}`);
    const wasm = `./${glueName(e)}_bg.wasm`;
    return [
      [e.path, { types: dts, browser: web, node: { import: mjs, require: cjs }, import: web, default: web }],
      [e.path === '.' ? './wasm' : `${e.path}/wasm`, wasm],
      [wasm, wasm],
    ];
  }),
  ['./package.json', './package.json'],
]);
manifest.files = [
  ...built.flatMap((e) => [...Object.keys(entryFiles(e)), `${glueName(e)}.js`, `${glueName(e)}_node.cjs`, `${glueName(e)}_bg.wasm`]),
  'cti_outcome.d.ts', 'api.js', 'api.cjs', 'api.d.ts', 'columns.js', 'columns.cjs', 'columns.d.ts', 'collection.js', 'collection.cjs', 'collection.d.ts', 'zip-reader.js', 'zip-reader.d.ts', 'lists.js', 'lists.cjs', 'lists.d.ts', 'strings.js', 'strings.cjs', 'strings.d.ts', 'loader.js', 'loader.d.ts', 'LICENSE', 'README.md',
];
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

for (const file of manifest.files) {
  if (!existsSync(join(out, file))) throw new Error(`package.json lists ${file}, which was not assembled`);
}
console.log(`package: ${out} (cti-outcome ${version}): ${sizes.join('; ')}`);
