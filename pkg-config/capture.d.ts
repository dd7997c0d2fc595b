// Types of cti-outcome/capture: pcap and pcapng captures read down to their CTI frames.
import type { CaptureFrames, CaptureOptions, InitInput } from './index.js';

export type { CaptureFrames, CaptureOptions } from './index.js';

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
