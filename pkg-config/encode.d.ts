// Types of cti-outcome/encode: events written back as GED-188 frames.
import type { CtiEvent, DecodedFrames, DecodedText, FrameOptions, InitInput } from './index.js';

/** Encodes events as GED-188 frames (default width 2); throws listing every field with no wire form. */
export function encodeEvents(events: readonly CtiEvent[] | DecodedText | DecodedFrames, options?: FrameOptions): Uint8Array;

/** Everything cti-outcome/encode exports besides `init` and `initSync`. */
export interface CtiOutcomeEncode {
  encodeEvents: typeof encodeEvents;
}

/**
 * Loads the encoder's WebAssembly module; with no argument, from `cti_outcome_encode_bg.wasm`
 * next to the module. Every call returns the same promise; in Node it resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<CtiOutcomeEncode>;
export { init };
/** Loads the module synchronously (for Workers): bytes or a `WebAssembly.Module`. */
export function initSync(input: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): CtiOutcomeEncode;
