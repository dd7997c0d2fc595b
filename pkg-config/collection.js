// @ts-check
// Collections (src/collection, whose rules this follows): several files, a folder or an
// archive opened as one log. Archives are told by their first bytes (zip, gzip, tar; one
// archive inside another), unpacked as they are read: gzip by the platform's
// DecompressionStream, zip by zip.js (zip-reader.js, bundled from @zip.js/zip.js, whose entries
// are inflated by the platform too), tar by its 512-byte headers (POSIX ustar, with GNU and pax
// long names). Each member stays a Blob (a slice of its archive, or what it inflated to), so no
// archive is read whole into memory; browsers keep large Blobs on disk.
// Files are ordered by the earliest start of a call in their first 64 KiB (dated times before
// times of day), then by name; the command-line tool orders them the same way
// (src/collection/order.rs), and the package tests compare the two.

import { FORM_ENTRIES, FORM_FORMATS, SNIFF_BYTES } from './lists.js';
import { stringAt } from './strings.js';

/**
 * @typedef {import('./cti_outcome.js').FileSpan} FileSpan
 * @typedef {import('./cti_outcome.js').Skipped} Skipped
 * @typedef {import('./cti_outcome.js').Form} Form
 * @typedef {import('./cti_outcome.js').Format} Format
 * @typedef {import('./cti_outcome.js').LogOptions} LogOptions
 * @typedef {import('./cti_outcome.js').Sniffed} Sniffed
 * @typedef {import('./cti_outcome.js').CallColumns} CallColumns
 */

/**
 * What a collection is made of: Files (a dropped folder's keep their `webkitRelativePath`),
 * Blobs, byte arrays, or either of those with a name.
 * @typedef {Blob | Uint8Array | { name: string, data: Blob | Uint8Array }} CollectionInput
 */

/** A file of a collection, before it is read. @typedef {{ name: string, blob: Blob }} Member */

/**
 * A file to read, in its place.
 * @typedef {{ index: number, name: string, form: Form, time?: string, key?: [number, number] }} Placed
 */

/** @typedef {{ format?: Format, files: Placed[], skipped: Skipped[] }} Plan */

/**
 * What planning needs of an entry's API: `sniff`, a `CtiLog` whose logs list their calls as
 * columns, and which entry it is (`main`, `traces` or `finesse`: what its module reads).
 * @typedef {{
 *   sniff: (input: Uint8Array) => Sniffed,
 *   CtiLog: new (options?: LogOptions) => { push(chunk: Uint8Array): void, finish(): void, free(): void, length: number, callColumns(): CallColumns },
 *   entry: TextEntry,
 * }} Reader
 */

/** @typedef {'main' | 'traces' | 'finesse'} TextEntry */

/**
 * Whether the module of `entry` reads a log of `form` (src/sniff.rs `Form::entry`): the
 * traces module reads every trace and dumps besides, the Finesse module Finesse logs only.
 * @param {TextEntry} entry @param {string} form
 */
export function reads(entry, form) {
  const whole = /** @type {Record<string, string>} */ (FORM_ENTRIES)[form];
  if (entry === 'traces') return whole === 'traces' || whole === 'finesse' || FORM_FORMATS[/** @type {keyof typeof FORM_FORMATS} */ (form)] === 'text';
  return whole === entry;
}

/**
 * The entry whose module reads a collection of these forms best: the Finesse module when every
 * log is a Finesse log (it reads their notifications too), the traces module when any is a
 * trace, else the main one.
 * @param {string[]} forms
 * @returns {TextEntry}
 */
export function entryFor(forms) {
  const entries = forms.map((f) => /** @type {Record<string, string>} */ (FORM_ENTRIES)[f]).filter((e) => e === 'main' || e === 'traces' || e === 'finesse');
  if (entries.length > 0 && entries.every((e) => e === 'finesse')) return 'finesse';
  return entries.some((e) => e === 'traces' || e === 'finesse') ? 'traces' : 'main';
}

/** Files deeper than this many archives are not opened (a zip of `.gz` files is one deep). */
const DEEPEST = 1;
/** Bytes read from a member at a time. */
const CHUNK = 1 << 20;
const MS_PER_DAY = 86_400_000;

/** @param {string} name @param {string} reason @param {boolean} [error] @returns {Skipped} */
const skip = (name, reason, error = false) => ({ name, reason, error });

/** The first `n` bytes of a Blob. @param {Blob} blob @param {number} n */
const headOf = async (blob, n) => new Uint8Array(await blob.slice(0, n).arrayBuffer());

/** @param {CollectionInput} input @param {number} i @returns {Member} */
function named(input, i) {
  if (input instanceof Uint8Array) return { name: `input ${i + 1}`, blob: new Blob([/** @type {BlobPart} */ (input)]) };
  if (input instanceof Blob) {
    const file = /** @type {Blob & { name?: string, webkitRelativePath?: string }} */ (input);
    return { name: file.webkitRelativePath || file.name || `input ${i + 1}`, blob: input };
  }
  if (input && typeof input === 'object' && typeof input.name === 'string') {
    const { data } = input;
    if (data instanceof Blob) return { name: input.name, blob: data };
    if (data instanceof Uint8Array) return { name: input.name, blob: new Blob([/** @type {BlobPart} */ (data)]) };
  }
  throw new TypeError(`collection input ${i + 1}: pass a File, a Blob, a Uint8Array or { name, data }`);
}

/** What a head's magic number says it holds. @param {Uint8Array} h */
function container(h) {
  if (h[0] === 0x50 && h[1] === 0x4b && ((h[2] === 3 && h[3] === 4) || (h[2] === 5 && h[3] === 6))) return 'zip';
  if (h[0] === 0x1f && h[1] === 0x8b) return 'gzip';
  if (String.fromCharCode(...h.subarray(257, 262)) === 'ustar') return 'tar';
  return undefined;
}

/** Whether a Blob is an archive (zip, gzip, tar), by its first bytes. @param {Blob} blob */
export async function isArchive(blob) {
  return container(await headOf(blob, 512)) !== undefined;
}

/**
 * Inputs expanded into members: archives opened (one level deep), what is no member listed.
 * @param {Iterable<CollectionInput>} inputs
 * @returns {Promise<{ members: Member[], skipped: Skipped[] }>}
 */
export async function expandInputs(inputs) {
  const out = { members: /** @type {Member[]} */ ([]), skipped: /** @type {Skipped[]} */ ([]) };
  let i = 0;
  for (const input of inputs) {
    const { name, blob } = named(input, i);
    i += 1;
    await take(name, blob, 0, out);
  }
  return out;
}

/**
 * A member, or the archive it is (opened when `depth` allows).
 * @param {string} name @param {Blob} blob @param {number} depth
 * @param {{ members: Member[], skipped: Skipped[] }} out
 */
async function take(name, blob, depth, out) {
  const kind = container(await headOf(blob, 512));
  if (!kind) {
    out.members.push({ name, blob });
    return;
  }
  if (kind === 'gzip') {
    // Compression is no level: what is inside takes the gzip file's place.
    let inner;
    try {
      inner = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
    } catch (e) {
      out.skipped.push(skip(name, `it could not be read: ${messageOf(e)}`, true));
      return;
    }
    await take(name, inner, depth, out);
    return;
  }
  if (depth > DEEPEST) {
    out.skipped.push(skip(name, 'an archive inside an archive inside an archive: unpack it first'));
    return;
  }
  await (kind === 'zip' ? openZip : openTar)(name, blob, depth, out);
}

/** @param {unknown} e */
const messageOf = (e) => (e instanceof Error ? e.message : String(e));

/** A zip's entries, inflated as Blobs. @param {string} name @param {Blob} blob @param {number} depth
 * @param {{ members: Member[], skipped: Skipped[] }} out */
async function openZip(name, blob, depth, out) {
  const { ZipReader, BlobReader, BlobWriter, configure } = await import('./zip-reader.js');
  configure({ useWebWorkers: false, useCompressionStream: true });
  let entries;
  try {
    entries = await new ZipReader(new BlobReader(blob)).getEntries();
  } catch (e) {
    out.skipped.push(skip(name, `a zip archive that could not be opened: ${messageOf(e)}`, true));
    return;
  }
  for (const entry of entries) {
    if (entry.directory) continue;
    const full = `${name}/${entry.filename}`;
    if (entry.encrypted) {
      out.skipped.push(skip(full, 'an encrypted zip entry: unpack it with its password first', true));
      continue;
    }
    let data;
    try {
      data = await entry.getData(new BlobWriter());
    } catch (e) {
      out.skipped.push(skip(full, `it could not be read: ${messageOf(e)}`, true));
      continue;
    }
    await take(full, data, depth + 1, out);
  }
}

/** A tar's files, as slices of it. @param {string} name @param {Blob} blob @param {number} depth
 * @param {{ members: Member[], skipped: Skipped[] }} out */
async function openTar(name, blob, depth, out) {
  const found = [];
  let at = 0;
  let long = '';
  while (at + 512 <= blob.size) {
    const h = new Uint8Array(await blob.slice(at, at + 512).arrayBuffer());
    if (h.every((b) => b === 0)) break;
    let sum = 8 * 32;
    for (let i = 0; i < 512; i += 1) if (i < 148 || i >= 156) sum += h[i];
    const size = octal(h, 124, 12);
    if (sum !== octal(h, 148, 8) || Number.isNaN(size)) {
      out.skipped.push(skip(name, `a tar archive that breaks off after ${found.length} entries: a header's checksum or size is wrong`, true));
      break;
    }
    const type = String.fromCharCode(h[156] || 0x30);
    const data = at + 512;
    if (type === 'L' || type === 'x') {
      const text = await blob.slice(data, data + size).text();
      long = type === 'L' ? text.replace(/\0.*$/s, '') : (/(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1] ?? long);
    } else {
      const prefix = cString(h, 345, 155);
      const path = long || (prefix ? `${prefix}/${cString(h, 0, 100)}` : cString(h, 0, 100));
      long = '';
      if (type === '0' || type === '7') found.push({ path, data, size });
    }
    at = data + Math.ceil(size / 512) * 512;
  }
  for (const { path, data, size } of found) await take(`${name}/${path}`, blob.slice(data, data + size), depth + 1, out);
}

/** @param {Uint8Array} h @param {number} at @param {number} n */
function cString(h, at, n) {
  const bytes = h.subarray(at, at + n);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** @param {Uint8Array} h @param {number} at @param {number} n */
function octal(h, at, n) {
  const text = cString(h, at, n).trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : text === '' ? 0 : NaN;
}

/** @param {Uint8Array} bytes @param {string} needle */
function contains(bytes, needle) {
  return new TextDecoder('latin1').decode(bytes).includes(needle);
}

/**
 * Which members are read, with which decoder, in what order (src/collection/order.rs).
 * @param {Member[]} members
 * @param {Reader} reader
 * @param {LogOptions} [options]
 * @returns {Promise<Plan>}
 */
export async function planCollection(members, reader, options = {}) {
  /** @type {Plan} */
  const plan = { files: [], skipped: [] };
  /** @type {Array<Placed & { format: Format }>} */
  const candidates = [];
  const given = options.format && /** @type {string} */ (options.format) !== 'auto' ? options.format : undefined;
  const kib = SNIFF_BYTES / 1024;
  for (const [index, { name, blob }] of members.entries()) {
    const head = await headOf(blob, SNIFF_BYTES);
    const sniffed = reader.sniff(head);
    if (sniffed.form === 'empty') {
      plan.skipped.push(skip(name, 'it is empty'));
      continue;
    }
    const format = given ?? /** @type {Record<string, Format>} */ (FORM_FORMATS)[sniffed.form];
    if (!format) {
      plan.skipped.push(skip(name, `not a CTI log: ${sniffed.reason}`));
      continue;
    }
    // A text log this entry's module does not read (frames say so when decoded, below).
    const text = format === 'trace' || format === 'text';
    if (!given && text && !reads(reader.entry, sniffed.form)) {
      const other = format === 'trace' ? 'a Cisco server trace' : 'a `MsgType:` dump';
      const by = entryFor([sniffed.form]);
      plan.skipped.push(skip(name, `${other} (${sniffed.reason}): open the collection with cti-outcome${by === 'main' ? '' : `/${by}`}`));
      continue;
    }
    const log = new reader.CtiLog({ format, year: options.year, month: options.month });
    let count;
    let calls;
    try {
      log.push(head);
      log.finish();
      count = log.length;
      calls = log.callColumns();
    } finally {
      log.free();
    }
    const told = sniffed.form !== 'dump' || contains(head, 'MsgType');
    if (!given && count === 0 && !told) {
      plan.skipped.push(skip(name, `not a CTI log: no event in its first ${kib} KiB (${sniffed.reason})`));
      continue;
    }
    if (!given && count === 0 && (format === 'binary' || format === 'hex')) {
      plan.skipped.push(skip(name, `not a CTI log: no GED-188 frame in its first ${kib} KiB (${sniffed.reason})`));
      continue;
    }
    // The earliest start of a call; times of day (below a day's milliseconds) after dated times.
    /** @type {{ key: [number, number], time?: string } | undefined} */
    let first;
    calls.startMs.forEach((ms, i) => {
      if (Number.isNaN(ms)) return;
      /** @type {[number, number]} */
      const key = [ms < MS_PER_DAY ? 1 : 0, ms];
      if (!first || before(key, first.key)) first = { key, time: stringAt(calls, calls.startTime[i]) };
    });
    candidates.push({ index, name, form: sniffed.form, format, time: first?.time, key: first?.key });
  }
  plan.format = given ?? (candidates.some((c) => c.format === 'trace') ? 'trace' : candidates[0]?.format);
  const joined = plan.format;
  for (const c of candidates) {
    if (c.format === joined || (c.format === 'text' && joined === 'trace')) {
      plan.files.push(c);
    } else {
      plan.skipped.push(skip(c.name, `a ${c.form} file among ${joined} files: open it by itself`));
    }
  }
  plan.files.sort((a, b) => {
    if (a.key && b.key) return compareKeys(a.key, b.key) || natural(a.name, b.name);
    if (a.key || b.key) return a.key ? -1 : 1;
    return natural(a.name, b.name);
  });
  return plan;
}

/** @param {[number, number]} a @param {[number, number]} b */
const compareKeys = (a, b) => a[0] - b[0] || a[1] - b[1];
/** @param {[number, number]} a @param {[number, number]} b */
const before = (a, b) => compareKeys(a, b) < 0;

/** Names compared with their runs of digits as numbers: `MIVR9.log` before `MIVR10.log`.
 * @param {string} a @param {string} b */
export function natural(a, b) {
  const parts = (s) => s.match(/\d+|\D+/g) ?? [];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] === y[i]) continue;
    if (/^\d/.test(x[i]) && /^\d/.test(y[i])) {
      const [p, q] = [x[i].replace(/^0+/, ''), y[i].replace(/^0+/, '')];
      if (p.length !== q.length) return p.length - q.length;
      if (p !== q) return p < q ? -1 : 1;
    } else {
      return x[i] < y[i] ? -1 : 1;
    }
  }
  return x.length - y.length;
}

/**
 * Feeds the planned members into `log`, one after the other, as src/collection does: a later
 * file's UTF-8 byte-order mark left out, each file's lines counted. `step`, when given, is
 * awaited after each chunk (the bytes fed so far); when it returns false, feeding stops there.
 * Gives the files as fed, and the joined input as one Blob (its parts are the members' own).
 * @param {{ push(chunk: Uint8Array): void }} log
 * @param {Member[]} members
 * @param {Plan} plan
 * @param {(fed: number) => Promise<boolean> | boolean} [step]
 * @returns {Promise<{ files: FileSpan[], fed: Blob }>}
 */
export async function feedCollection(log, members, plan, step) {
  /** @type {FileSpan[]} */
  const files = [];
  /** @type {Blob[]} */
  const parts = [];
  let [newlines, bytes, atLineStart, going] = [0, 0, true, true];
  for (const placed of plan.files) {
    if (!going) break;
    let { blob } = members[placed.index];
    if (bytes > 0) {
      const bom = await headOf(blob, 3);
      if (bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf) blob = blob.slice(3);
    }
    parts.push(blob);
    /** @type {FileSpan} */
    const file = {
      name: placed.name, form: placed.form, firstLine: newlines + 1, lines: 0, joined: !atLineStart,
      offset: bytes, bytes: 0, ...(placed.time === undefined ? {} : { time: placed.time }),
      placedBy: plan.files.length === 1 ? 'given' : placed.key ? 'time' : 'name',
    };
    files.push(file);
    for (let at = 0; at < blob.size && going; at += CHUNK) {
      const chunk = new Uint8Array(await blob.slice(at, at + CHUNK).arrayBuffer());
      let n = 0;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n += 1;
      newlines += n;
      file.lines += n;
      file.bytes += chunk.length;
      bytes += chunk.length;
      if (chunk.length > 0) atLineStart = chunk[chunk.length - 1] === 10;
      log.push(chunk);
      if (step) going = await step(bytes);
    }
    if (file.bytes > 0 && !atLineStart) file.lines += 1;
  }
  return { files, fed: new Blob(parts) };
}

/**
 * The file holding one-based line `line` of a collection's joined log, and that line in it (a
 * line two files share, a record the rotation cut, is the earlier file's).
 * @param {FileSpan[]} files
 * @param {number} line
 * @returns {{ file: string, line: number } | undefined}
 */
export function locateLine(files, line) {
  let found = -1;
  for (let lo = 0, hi = files.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (files[mid].firstLine <= line) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  while (found > 0 && files[found].joined && files[found].firstLine === line) found -= 1;
  if (found < 0 || line < 1) return undefined;
  return { file: files[found].name, line: line - files[found].firstLine + 1 };
}
