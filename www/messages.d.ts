// The Worker protocol between the page (decode.js) and decode-worker.js, checked by
// `make lint` (tsc --project www). Shapes come from the package's generated declarations.
import type { CallColumns, FileSpan, LogSummary, RecordsHead, Skipped, Sniffed } from './pkg/index.js';

/** The log as the page shows it: a CtiLog's summary, or a call-record export's head, a
 * capture's packets, and what `sniff` said. */
export type PageSummary = Omit<LogSummary, 'format' | 'framing' | 'agentCount' | 'finished'> &
  Partial<Pick<LogSummary, 'framing' | 'agentCount' | 'finished'>> & {
    /** The input form in words (`text`, `pcapng capture`, `call records`…). */
    format: string;
    /** A call-record export: its head. */
    records?: RecordsHead;
    /** A capture: its packets and connections. */
    capture?: { packets: number; connections: unknown[] };
    /** What form the input was told to have, and why. */
    sniffed?: Sniffed;
    /** A call-record export's encoding. */
    encoding?: string;
    /** Several files, a folder or an archive: the files read, in the order joined. */
    files?: FileSpan[];
    /** …and the files not read, with the reason. */
    skipped?: Skipped[];
  };

/** A file the page was given, by its path (a dropped folder's files keep theirs). */
export type Input = { name: string; blob: Blob };

/** What the page asks; every request but `open` and `cancel` carries an `id` its reply echoes. */
export type Request =
  | { type: 'open'; file?: Blob; inputs?: Input[] }
  | { type: 'cancel' }
  | { type: 'call'; index: number }
  | { type: 'calls'; indices: number[] }
  | { type: 'search'; needle: string }
  | { type: 'session' }
  | { type: 'others' }
  | { type: 'agents' }
  | { type: 'events'; indices: number[] }
  | { type: 'raw'; line?: number; endLine?: number; offset?: number; length?: number };

/** Counts the Worker sends with its messages. */
interface Progressed {
  /** Bytes read so far, and in all. */
  loaded: number;
  total: number;
  /** Bytes of WebAssembly memory the Worker's modules hold. */
  memory: number;
}

/** What the Worker posts. */
export type Posted =
  | ({ type: 'progress'; phase: 'reading' | 'calls' | 'records'; events: number } & Progressed)
  | { type: 'calls'; partial: boolean; columns: CallColumns; ms: number; memory: number }
  | ({ type: 'summary'; summary: PageSummary; cancelled: boolean } & Progressed)
  | ({ type: 'done'; cancelled: boolean; ms: number; timings: Record<string, number> } & Progressed)
  | ({ type: 'reply'; id: number } & Record<string, unknown>)
  | { type: 'error'; id?: number; message: string };
