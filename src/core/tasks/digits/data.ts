import { asset } from '../shared/assets';

/** The packed digits in `public/data/` (written by `npm run data`, src/cli/build-data.ts). */
export const DIGITS_FILE = 'digits.bin';

/** First four bytes of the digits file. */
export const DIGITS_MAGIC = 'ZOD1';

export interface DigitSet {
  side: number;
  numTrain: number;
  numTest: number;
  /** Labels 0…9, train first then test, [numTrain + numTest]. */
  labels: Uint8Array;
  /** Pixels in [0, 1], train first then test, [(numTrain + numTest) × side²]. */
  pixels: Float32Array;
}

/** Bytes before the labels: "ZOD1" | u32 numTrain | u32 numTest | u8 side | u8 bits | u16 0. */
export const DIGITS_HEADER_BYTES = 16;

/** The header of a packed digits file, checked (magic, 4 bits per pixel). */
export function digitsHeader(bytes: Uint8Array): { numTrain: number; numTest: number; side: number } {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== DIGITS_MAGIC) throw new Error(`digits.bin: bad magic '${magic}'`);
  const bits = bytes[13];
  if (bits !== 4) throw new Error(`digits.bin: ${bits} bits per pixel is not supported`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { numTrain: view.getUint32(4, true), numTest: view.getUint32(8, true), side: bytes[12] };
}

/** Decode the packed digits (4-bit grey levels, two per byte). */
export function decodeDigits(bytes: Uint8Array): DigitSet {
  const { numTrain, numTest, side } = digitsHeader(bytes);
  const n = numTrain + numTest;
  const labels = bytes.slice(DIGITS_HEADER_BYTES, DIGITS_HEADER_BYTES + n);
  const base = DIGITS_HEADER_BYTES + n;
  const pixels = new Float32Array(n * side * side);
  for (let i = 0; i < pixels.length; i++) {
    const byte = bytes[base + (i >> 1)];
    pixels[i] = (i & 1 ? byte & 15 : byte >> 4) / 15;
  }
  return { side, numTrain, numTest, labels, pixels };
}

let cached: DigitSet | null = null;

/** The digits asset, decoded once per process (it must have been loaded: see loadTaskAssets). */
export function digits(): DigitSet {
  cached ??= decodeDigits(asset(DIGITS_FILE));
  return cached;
}
