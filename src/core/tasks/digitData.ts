import { asset } from './assets';

/** First four bytes of `public/data/digits.bin` (format in src/cli/build-data.ts). */
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

/** Decode the packed digits (4-bit grey levels, two per byte). */
export function decodeDigits(bytes: Uint8Array): DigitSet {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== DIGITS_MAGIC) throw new Error(`digits.bin: bad magic '${magic}'`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTrain = view.getUint32(4, true);
  const numTest = view.getUint32(8, true);
  const side = bytes[12];
  const bits = bytes[13];
  if (bits !== 4) throw new Error(`digits.bin: ${bits} bits per pixel is not supported`);
  const n = numTrain + numTest;
  const labels = bytes.slice(16, 16 + n);
  const base = 16 + n;
  const pixels = new Float32Array(n * side * side);
  for (let i = 0; i < pixels.length; i++) {
    const byte = bytes[base + (i >> 1)];
    pixels[i] = (i & 1 ? byte & 15 : byte >> 4) / 15;
  }
  return { side, numTrain, numTest, labels, pixels };
}

let cached: DigitSet | null = null;

/** The digits asset, decoded once per process (it must have been loaded: see assets.ts). */
export function digits(): DigitSet {
  cached ??= decodeDigits(asset('digits.bin'));
  return cached;
}
