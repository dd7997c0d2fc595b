// Types of cti-outcome/capture: pcap and pcapng captures read down to their CTI frames.
import type { CaptureConnection, FrameOptions, InitInput, PacketDiagnostic } from './index.js';

/** How to read a capture: framing as for frames, and more ports taken for the CTI Server's. */
export interface CaptureOptions extends FrameOptions {
  /** Besides 42027, 43027, 42030 and 43030 (a connection whose bytes are frames is taken too). */
  ports?: number[];
}

/** A capture's CTI frames, in time order; decode them with `logOfFrames(frames, rows)`. */
export interface CaptureFrames {
  /** `pcap` or `pcapng` (empty when the file is neither). */
  format: 'pcap' | 'pcapng' | '';
  /** Packets in the file. */
  packets: number;
  /** Every TCP connection, CTI or not, and what was found on it. */
  connections: CaptureConnection[];
  /** What was wrong with the file, its packets and streams, by packet number. */
  diagnostics: PacketDiagnostic[];
  /** Every frame of the CTI connections, end to end. */
  frames: Uint8Array;
  /**
   * Seven numbers per frame: offset in `frames`, length, packet number (one-based), time (ms
   * since 1970, NaN for none), connection (index into `connections`), from the server (0/1),
   * offset in its direction's TCP stream.
   */
  rows: Float64Array;
}

/** Reads a capture's TCP connections down to the frames of the CTI ones. */
export function readCapture(bytes: Uint8Array, options?: CaptureOptions): CaptureFrames;

/** Everything cti-outcome/capture exports besides `init` and `initSync`. */
export interface CtiOutcomeCapture {
  readCapture: typeof readCapture;
}

/**
 * Loads the capture module; with no argument, from `cti_outcome_capture_bg.wasm` next to the
 * module. Every call returns the same promise; in Node it resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<CtiOutcomeCapture>;
export { init };
/** Loads the module synchronously (for Workers): bytes or a `WebAssembly.Module`. */
export function initSync(input: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): CtiOutcomeCapture;
