// Types of cti-outcome/traces: Cisco server traces read into logs, with the main entry's shapes.
import type { DecodedInput, InitInput } from './index.js';
import { CtiLog as MainLog } from './index.js';
import type { DecodedText, LogOptions } from './cti_outcome.js';

/** A trace decoded and kept in this module's wasm memory: the main entry's `CtiLog`. */
export class CtiLog extends MainLog {}

/** Decodes a Finesse webservices log, a MIVR ICD_CTI log or `dumplog` output (and any dump pasted
 * into one) into events, notes (the summary of other traces' lines) and diagnostics. */
export function decodeLog(input: string | Uint8Array, options?: LogOptions): DecodedText;
/** The same for any text input; GED-188 frames are the main entry's. */
export function decodeInput(input: string | Uint8Array, options?: LogOptions): DecodedInput;
/** A trace decoded and kept in wasm memory: calls, agents, events on request. */
export function openLog(input: string | Uint8Array, options?: LogOptions): CtiLog;
/** Bytes of this module's WebAssembly memory. */
export function wasmMemoryBytes(): number;

/** Everything the entry exports besides `init` and `initSync`. */
export interface CtiOutcomeTraces {
  decodeLog: typeof decodeLog;
  decodeInput: typeof decodeInput;
  openLog: typeof openLog;
  wasmMemoryBytes: typeof wasmMemoryBytes;
  CtiLog: typeof CtiLog;
}

/** Loads this entry's WebAssembly module once (`cti_outcome_traces_bg.wasm` next to it). */
export default function init(input?: InitInput | Promise<InitInput>): Promise<CtiOutcomeTraces>;
export { init };
/** Loads the module synchronously from bytes or a compiled module (in a Worker). */
export function initSync(input: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): CtiOutcomeTraces;
