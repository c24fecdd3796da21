/**
 * Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror, Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC 2011; the generator behind JAX and cuRAND's Philox).
 *
 * A draw is a pure function of a 64-bit key and a 128-bit counter, so any element of any stream can
 * be regenerated in any order, on the CPU here or in a GPU shader twin, without storing it. This is
 * what lets a zeroth-order step regenerate its direction z from (seed, step, query, tensor) instead
 * of keeping it in memory (MeZO's seed trick).
 *
 * Conventions used across the project:
 *   key     = [seed, step]            (both uint32)
 *   counter = [block, a, b, purpose]  (block = elementIndex >>> 2; a, b = e.g. tensor and query)
 * One Philox call yields four uint32 words, turned into four floats. Never Math.random().
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32 values. */
function mulhi(a: number, b: number): number {
  const aL = a & 0xffff;
  const aH = a >>> 16;
  const bL = b & 0xffff;
  const bH = b >>> 16;
  const ll = aL * bL;
  const lh = aL * bH;
  const hl = aH * bL;
  const hh = aH * bH;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (hh + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) >>> 0;
}

/** Philox4x32-10 of (counter c0..c3, key k0,k1), written into out[0..3]. */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): Uint32Array {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let round = 0; round < 10; round++) {
    const hi0 = mulhi(M0, x0);
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi1 = mulhi(M1, x2);
    const lo1 = Math.imul(M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
    key0 = (key0 + W0) >>> 0;
    key1 = (key1 + W1) >>> 0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
  return out;
}

const TWO_PI = 2 * Math.PI;
const INV_2_24 = 1 / 16777216;

/** uint32 → uniform in the open interval (0, 1), exactly representable in float32. */
export function toUnit(word: number): number {
  return ((word >>> 8) + 0.5) * INV_2_24;
}

/** Purposes keep independent streams apart in the counter's last word. */
export const Purpose = {
  direction: 0,
  init: 1,
  data: 2,
  batch: 3,
  strategy: 4,
  /** LOZO's low-rank factors U (b = 0) and V (b = 1). */
  lowRank: 5,
} as const;

/**
 * Fill `out` with standard normals for stream (key0, key1, a, b, purpose): element j comes from
 * Philox block j>>>2 and Box–Muller on words (0,1) → j%4 ∈ {0,1}, words (2,3) → j%4 ∈ {2,3}.
 */
export function fillNormal(
  out: Float32Array,
  key0: number,
  key1: number,
  a: number,
  b: number,
  purpose: number,
): Float32Array {
  return fillNormalBlocks(out, key0, key1, a, b, purpose, 0, Math.ceil(out.length / 4));
}

/** fillNormal's elements of blocks [from, to) only (the WebAssembly generator's fallback, philox-wasm.ts). */
export function fillNormalBlocks(
  out: Float32Array,
  key0: number,
  key1: number,
  a: number,
  b: number,
  purpose: number,
  from: number,
  to: number,
): Float32Array {
  const w = new Uint32Array(4);
  const n = out.length;
  for (let block = from; block < to && block * 4 < n; block++) {
    philox4x32(block, a, b, purpose, key0, key1, w);
    const base = block * 4;
    for (let pair = 0; pair < 2; pair++) {
      const r = Math.sqrt(-2 * Math.log(toUnit(w[2 * pair])));
      const theta = TWO_PI * toUnit(w[2 * pair + 1]);
      const j = base + 2 * pair;
      if (j < n) out[j] = r * Math.cos(theta);
      if (j + 1 < n) out[j + 1] = r * Math.sin(theta);
    }
  }
  return out;
}

/** Fill `out` with Rademacher ±1 signs: element j uses bit 0 of word j%4 of block j>>>2. */
export function fillRademacher(
  out: Float32Array,
  key0: number,
  key1: number,
  a: number,
  b: number,
  purpose: number,
): Float32Array {
  const w = new Uint32Array(4);
  const n = out.length;
  for (let block = 0; block * 4 < n; block++) {
    philox4x32(block, a, b, purpose, key0, key1, w);
    for (let k = 0; k < 4 && block * 4 + k < n; k++) out[block * 4 + k] = w[k] & 1 ? 1 : -1;
  }
  return out;
}

/**
 * A sequential view of one counter-based stream, for data generation and initialisation:
 * draw i is element i of the stream (key0, key1, a, b, purpose).
 */
export class Stream {
  private readonly words = new Uint32Array(4);
  private block = -1;
  private index = 0;

  constructor(
    private readonly key0: number,
    private readonly key1: number,
    private readonly a = 0,
    private readonly b = 0,
    private readonly purpose: number = Purpose.data,
  ) {}

  /** Next raw uint32 word. */
  nextWord(): number {
    const block = this.index >>> 2;
    if (block !== this.block) {
      philox4x32(block, this.a, this.b, this.purpose, this.key0, this.key1, this.words);
      this.block = block;
    }
    const word = this.words[this.index & 3];
    this.index++;
    return word;
  }

  /** Uniform in (0, 1). */
  uniform(): number {
    return toUnit(this.nextWord());
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal (Box–Muller, one value per two words). */
  normal(): number {
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    return r * Math.cos(TWO_PI * this.uniform());
  }
}

/** Mix a string into a uint32 (FNV-1a), e.g. to give each task its own data key. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
