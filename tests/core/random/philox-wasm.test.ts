import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BYTES_URL, assemblePhilox, bytesModule } from '../../../src/cli/wasm-assemble';
import { fillNormal, fillRademacher, philox4x32, toUnit } from '../../../src/core/random/philox';
import {
  UNSURE_ULPS,
  addScaledFast,
  boxMullerParts,
  fillNormalFast,
  fillRademacherFast,
  philoxWords,
  setWasmGenerator,
  wasmGeneratorActive,
  wasmGeneratorStats,
} from '../../../src/core/random/philox-wasm';

/**
 * The WebAssembly SIMD generator (philox.wat) writes philox.ts's numbers bit for bit: the raw Philox
 * words for any key and counter, the Rademacher signs, and the normals, whose float64 ln/sin/cos are
 * held against the engine's over every input they can get. The committed binary is the source
 * assembled, and without WebAssembly SIMD the TypeScript generator takes over.
 */

const F = 0xffffffff;
/** [key0, key1, a, b, purpose]: zeros, all ones (the key schedule wraps every round), sign bits, mixed. */
const STREAMS: [number, number, number, number, number][] = [
  [0, 0, 0, 0, 0],
  [F, F, F, F, F],
  [0x80000000, 0x7fffffff, 0x80000000, 0x7fffffff, 1],
  [0x9e3779b9, 0xbb67ae85, 3, 1, 0],
  [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 5],
  [7, 3, 2, 0, 0],
];

/** Index of the first element whose bits differ, or −1. */
function firstDifference(a: Float32Array | Uint32Array, b: Float32Array | Uint32Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

afterEach(() => setWasmGenerator(true));

describe('the WebAssembly Philox generator', () => {
  it('is philox.wat assembled: rebuilding gives the committed bytes', async () => {
    const committed = readFileSync(BYTES_URL, 'utf8');
    expect(bytesModule(await assemblePhilox())).toBe(committed); // else run `npm run build:wasm`
  });

  it('runs in Node (WebAssembly SIMD), in a fixed memory', () => {
    expect(wasmGeneratorActive()).toBe(true);
    const before = wasmGeneratorStats().memoryBytes;
    fillNormalFast(new Float32Array(300_000), 1, 2, 3, 4, 0);
    expect(wasmGeneratorStats().memoryBytes).toBe(before);
    expect(before).toBeLessThanOrEqual(3 * 65536);
  });

  it('writes philox4x32 words for edge keys and counters, the block counter wrapping at 2³²', () => {
    const starts = [0, 1, 0x7ffffffe, 0xfffffff0, F];
    for (const [k0, k1, a, b, p] of STREAMS) {
      for (const start of starts) {
        const n = 4 * 37 + 2; // not a whole group of four blocks
        const got = philoxWords(new Uint32Array(n), start, k0, k1, a, b, p);
        const want = new Uint32Array(n);
        const w = new Uint32Array(4);
        for (let j = 0; j < n; j++) {
          if (j % 4 === 0) philox4x32((start + j / 4) >>> 0, a, b, p, k0, k1, w);
          want[j] = w[j % 4];
        }
        expect(firstDifference(got, want), `key ${k0},${k1} counter ${start},${a},${b},${p}`).toBe(-1);
      }
    }
  });

  it('writes the Random123 known answer for the all-ones counter and key', () => {
    const w = philoxWords(new Uint32Array(4), F, F, F, F, F, F);
    expect(Array.from(w, (x) => x.toString(16))).toEqual(['408f276d', '41c83b0e', 'a20bc7c6', '6d5451fd']);
  });

  it('writes fillNormal and fillRademacher bit for bit, for every length around a group and a chunk', () => {
    const lengths = [1, 2, 3, 4, 5, 15, 16, 17, 63, 64, 65, 16383, 16384, 16385, 50_001];
    for (const [k0, k1, a, b, p] of STREAMS) {
      for (const n of lengths) {
        const label = `n ${n}, stream ${k0},${k1},${a},${b},${p}`;
        const normal = fillNormal(new Float32Array(n), k0, k1, a, b, p);
        expect(firstDifference(fillNormalFast(new Float32Array(n), k0, k1, a, b, p), normal), label).toBe(-1);
        const sign = fillRademacher(new Float32Array(n), k0, k1, a, b, p);
        expect(firstDifference(fillRademacherFast(new Float32Array(n), k0, k1, a, b, p), sign), label).toBe(-1);
      }
    }
  });

  it('recomputes the few groups near a float32 rounding boundary, and 4M normals are fillNormal’s', () => {
    wasmGeneratorStats(true);
    const n = 1 << 22;
    const fast = fillNormalFast(new Float32Array(n), 11, 5, 0, 2, 0);
    const { unsureGroups } = wasmGeneratorStats();
    expect(unsureGroups).toBeGreaterThan(0); // the TypeScript path ran…
    expect(unsureGroups).toBeLessThan(n / 16 / 1000); // …for a few groups only
    expect(firstDifference(fast, fillNormal(new Float32Array(n), 11, 5, 0, 2, 0))).toBe(-1);
  });

  it('has ln the engine’s and sin, cos within an ulp, over all 2²⁴ inputs: far inside the margin', () => {
    const n = 1 << 24;
    const words = new Uint32Array(n);
    for (let m = 0; m < n; m++) words[m] = (m << 8) >>> 0;
    const parts = boxMullerParts(words);
    expect(parts).not.toBeNull();
    const { r, cos, sin } = parts!;
    let rDiff = 0;
    let trig = 0;
    for (let m = 0; m < n; m++) {
      const u = toUnit(words[m]);
      if (r[m] !== Math.sqrt(-2 * Math.log(u))) rDiff++;
      const theta = 2 * Math.PI * u;
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      trig = Math.max(trig, Math.abs(cos[m] - c) / Math.abs(c), Math.abs(sin[m] - s) / Math.abs(s));
    }
    expect(rDiff).toBe(0);
    // Relative: a float64 ulp is 2⁻⁵² to 2⁻⁵³ of the value. Products r·cos then differ by at most
    // two ulps, against a margin of UNSURE_ULPS.
    expect(trig).toBeLessThanOrEqual(2 ** -52 * 1.001);
    expect(UNSURE_ULPS).toBeGreaterThanOrEqual(64);
  }, 60_000);

  it('adds s·z to θ as the TypeScript loop does, subnormals, overflow and −0 included', () => {
    const specials = [0, -0, 1, -1, 1e-45, -1e-45, 1.2e-38, 3.4e38, -3.4e38, 1e-30, 65504, 2 ** -24, 1 + 2 ** -23];
    const n = 16384 * 2 + 7; // over two chunks, not a multiple of four
    const theta = new Float32Array(n);
    const z = new Float32Array(n);
    const w = new Uint32Array(4);
    for (let i = 0; i < n; i++) {
      philox4x32(i, 1, 2, 3, 4, 5, w);
      // Random bit patterns (exponents everywhere) mixed with the special values.
      theta[i] = i % 3 === 0 ? specials[w[0] % specials.length] : new Float32Array(new Uint32Array([w[1] & 0xbfffffff]).buffer)[0];
      z[i] = i % 5 === 0 ? specials[w[2] % specials.length] : fillNormal(new Float32Array(1), w[3], 0, 0, 0, 0)[0];
    }
    for (const scale of [1e-3, -2e-3, 0.1234567, 3e38, 1e-40]) {
      const s = Math.fround(scale);
      const want = theta.map((t, i) => t + Math.fround(s * z[i]));
      const got = new Float32Array(n);
      expect(addScaledFast(got, theta, z, s)).toBe(true);
      for (let i = 0; i < n; i++) if (!(Object.is(got[i], want[i]) || (Number.isNaN(got[i]) && Number.isNaN(want[i])))) {
        expect(`${got[i]} at ${i} (θ ${theta[i]}, z ${z[i]}, s ${s})`).toBe(String(want[i]));
      }
      const inPlace = theta.slice();
      addScaledFast(inPlace, inPlace, z, s);
      expect(firstDifference(inPlace, got)).toBe(-1);
    }
  });

  it('falls back to philox.ts when turned off', () => {
    setWasmGenerator(false);
    expect(wasmGeneratorActive()).toBe(false);
    const want = fillNormal(new Float32Array(1000), 1, 2, 3, 4, 0);
    expect(firstDifference(fillNormalFast(new Float32Array(1000), 1, 2, 3, 4, 0), want)).toBe(-1);
    expect(boxMullerParts(new Uint32Array(2))).toBeNull();
    expect(addScaledFast(new Float32Array(4), new Float32Array(4), new Float32Array(4), 1)).toBe(false);
  });

  it('falls back to philox.ts where WebAssembly SIMD is missing', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    try {
      const fresh = await import('../../../src/core/random/philox-wasm');
      expect(fresh.wasmGeneratorActive()).toBe(false);
      const want = fillNormal(new Float32Array(999), 9, 8, 7, 6, 0);
      expect(firstDifference(fresh.fillNormalFast(new Float32Array(999), 9, 8, 7, 6, 0), want)).toBe(-1);
      const signs = fillRademacher(new Float32Array(999), 9, 8, 7, 6, 0);
      expect(firstDifference(fresh.fillRademacherFast(new Float32Array(999), 9, 8, 7, 6, 0), signs)).toBe(-1);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
