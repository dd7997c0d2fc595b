// Types of cti-outcome/records: CONNRES codes, and call-record exports read into calls.
import type {
  CallColumns,
  Connres,
  DecodedRecords,
  Direction,
  InitInput,
  RecordCall,
  RecordOptions,
  RecordsHead,
} from './index.js';

export type {
  Cause,
  Connres,
  DecodedRecords,
  Direction,
  RecordCall,
  RecordColumn,
  RecordEvidence,
  RecordLeg,
  RecordOptions,
  RecordOutcome,
  RecordRole,
  RecordRule,
  RecordsHead,
  RowDiagnostic,
} from './index.js';

/** Decodes a CONNRES end-of-call code for a call direction, with an optional Q.850 cause (0–127). */
export function decodeConnres(code: number, direction: Direction, cause?: number | null): Connres;

/**
 * Reads a call-record export (CSV, semicolon- or tab-separated, with a header row; UTF-8 or
 * UTF-16 with a byte-order mark) into its calls: rows that share a call id are one call, each
 * leg's CONNRES is an index into `codes`, each call's outcome comes with its rule and evidence.
 */
export function decodeRecords(input: string | Uint8Array, options?: RecordOptions): DecodedRecords;

/** An export kept in WebAssembly memory: the call list as columns, one call in full on request. */
export class RecordLog {
  constructor(input: string | Uint8Array, options?: RecordOptions);
  /** Everything but the calls: encoding, separator, columns, counts, CONNRES readings, diagnostics. */
  head(): RecordsHead;
  /** The calls as typed-array columns (the shape `CtiLog.callColumns()` has). */
  callColumns(): CallColumns;
  /** The calls (indices, in order) whose key, outcome or any cell contains `needle`, ASCII case ignored. */
  searchCalls(needle: string): Uint32Array;
  /** Call `index` (in start order) with its legs and every cell. */
  call(index: number): RecordCall;
  /** Releases the export's memory now instead of when it is garbage-collected. */
  free(): void;
}

/** Everything cti-outcome/records exports besides `init` and `initSync`. */
export interface CtiOutcomeRecords {
  decodeConnres: typeof decodeConnres;
  decodeRecords: typeof decodeRecords;
  RecordLog: typeof RecordLog;
}

/**
 * Loads the records module; with no argument, from `cti_outcome_records_bg.wasm` next to the
 * module. Every call returns the same promise; in Node it resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<CtiOutcomeRecords>;
export { init };
/** Loads the module synchronously (for Workers): bytes or a `WebAssembly.Module`. */
export function initSync(input: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): CtiOutcomeRecords;
