// Assembles the npm package from wasm-pack's `web` and `nodejs` outputs and the shapes'
// TypeScript declarations (generated from the Rust types by `cargo run --example typescript`):
//   node pkg-config/assemble.mjs <web-dir> <nodejs-dir> <types.d.ts> <out-dir>
// Both outputs carry the same .wasm (checked here), so the package ships it once: the web glue
// finds it next to itself through import.meta.url, the nodejs glue through __dirname.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const here = import.meta.dirname;
const [web, nodejs, types, out] = process.argv.slice(2).map((p) => resolve(p));
if (!out) {
  console.error('usage: node pkg-config/assemble.mjs <web-dir> <nodejs-dir> <types.d.ts> <out-dir>');
  process.exit(2);
}

const wasm = readFileSync(join(web, 'cti_outcome_bg.wasm'));
if (!wasm.equals(readFileSync(join(nodejs, 'cti_outcome_bg.wasm')))) {
  throw new Error('the web and nodejs builds carry different .wasm files; the package ships one');
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copy = (from, name) => copyFileSync(from, join(out, name));

copy(join(web, 'cti_outcome_bg.wasm'), 'cti_outcome_bg.wasm');
copy(join(web, 'cti_outcome.js'), 'cti_outcome.js');
copy(join(nodejs, 'cti_outcome.js'), 'cti_outcome_node.cjs');
// The glue's declarations minus wasm-bindgen's own init section (its InitOutput lists raw
// exports typed `any`; index.d.ts declares init, initSync and the functions as exported), and
// minus `[Symbol.dispose]`, which would make every consumer's `lib` need esnext.disposable.
const dts = readFileSync(join(web, 'cti_outcome.d.ts'), 'utf8');
const cut = dts.indexOf('export type InitInput');
if (cut < 0) throw new Error('cti_outcome.d.ts: no init section found to remove');
const glueTypes = dts.slice(0, cut).replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, '');
// The glue names the shapes (`Call`, `LogSummary`…) in its signatures; they are declared here.
const shapes = readFileSync(types, 'utf8');
writeFileSync(join(out, 'cti_outcome.d.ts'), `${glueTypes.trimEnd()}\n\n${shapes.trimEnd()}\n`);
for (const name of ['index.js', 'api.js', 'index.d.ts', 'node.mjs', 'node.cjs', 'LICENSE', 'README.md']) {
  copy(join(here, name), name);
}
// api.js is written once as an ES module; Node's require gets the same code as CommonJS.
const api = readFileSync(join(here, 'api.js'), 'utf8');
const exportsOf = [...api.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
if (exportsOf.length === 0) throw new Error('api.js: no exported functions');
writeFileSync(
  join(out, 'api.cjs'),
  `'use strict';\n${api.replace(/^export function /gm, 'function ')}\nmodule.exports = { ${exportsOf.join(', ')} };\n`,
);

const cargo = readFileSync(join(here, '..', 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('Cargo.toml: no package version');
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
manifest.version = version;
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

for (const file of manifest.files) {
  if (!existsSync(join(out, file))) throw new Error(`package.json lists ${file}, which was not assembled`);
}
const gzipped = gzipSync(wasm, { level: 9 }).length;
console.log(`package: ${out} (cti-outcome ${version}), wasm ${wasm.length} bytes, ${gzipped} gzipped`);
