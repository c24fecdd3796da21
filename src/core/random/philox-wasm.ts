import { fillNormal, fillNormalBlocks, fillRademacher, philox4x32 } from './philox';
import { PHILOX_WASM_BASE64 } from './philox-wasm-bytes';

/**
 * philox.ts's streams from WebAssembly SIMD (philox.wat): the same float32s bit for bit, several
 * times faster. Generating z is what a zeroth-order step costs besides its forward passes once the
 * model is small or the backend fast (JavaScript Philox + Box–Muller ≈ 30 ns a normal).
 *
 * The module computes four Philox blocks at once in the i32x4 lanes and Box–Muller in float64x2
 * with fdlibm's ln/sin/cos. Its ln is the engine's; its sin/cos may differ from the engine's in the
 * last bit of a float64, so a group of 16 outputs one of whose float64 values lies within 1,024 units
 * in its last place of a float32 rounding boundary is recomputed here in TypeScript (about one group
 * in 16,000): every float32 is then the one `fillNormal` writes. tests/core/random/philox-wasm.test.ts checks the margin over
 * every one of the 2²⁴ possible inputs of each function and compares whole streams.
 *
 * Where WebAssembly or its SIMD is missing (or the module cannot be compiled), the functions here are
 * philox.ts's. The module is 3 KB, under the 4 KB that browsers allow to compile synchronously on a
 * page's main thread; the worker may compile anything. Needs `'wasm-unsafe-eval'` in the CSP, which
 * the tfjs wasm backend needs too.
 */

interface Exports {
  memory: WebAssembly.Memory;
  words(out: number, groups: number, block: number, a: number, b: number, p: number, k0: number, k1: number): void;
  signs(out: number, groups: number, block: number, a: number, b: number, p: number, k0: number, k1: number): void;
  normals(
    out: number,
    groups: number,
    block: number,
    a: number,
    b: number,
    p: number,
    k0: number,
    k1: number,
    scratch: number,
    unsureAt: number,
  ): number;
  axpy(theta: number, z: number, n: number, s: number): void;
  radii(words: number, out: number, n: number): void;
  angles(words: number, out: number, n: number): void;
}

/** A group is four Philox blocks, 16 outputs; a chunk is what one call writes into the module's memory. */
const GROUP_BLOCKS = 4;
const CHUNK_GROUPS = 1024;
const CHUNK_BLOCKS = CHUNK_GROUPS * GROUP_BLOCKS;
const CHUNK_ELEMENTS = CHUNK_BLOCKS * 4;
/** Byte offsets in the module's memory (three 64 KiB pages): outputs, the words of `normals`, the unsure list. */
const OUT_AT = 0;
const SCRATCH_AT = CHUNK_ELEMENTS * 4;
const UNSURE_AT = 2 * CHUNK_ELEMENTS * 4;

interface Module {
  exports: Exports;
  f32: Float32Array;
  u32: Uint32Array;
  unsure: Int32Array;
}

/**
 * The module's margin, as in philox.wat: a float64 result within this many units in its last place of a
 * float32 rounding boundary is recomputed in TypeScript.
 */
export const UNSURE_ULPS = 1024;

let module: Module | null | undefined;
let enabled = true;
const stats = { unsureGroups: 0 };

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function load(): Module | null {
  if (module !== undefined) return module;
  module = null;
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = decode(PHILOX_WASM_BASE64);
    if (!WebAssembly.validate(bytes)) return null; // no SIMD
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports;
    const buffer = exports.memory.buffer;
    module = {
      exports,
      f32: new Float32Array(buffer, OUT_AT, CHUNK_ELEMENTS),
      u32: new Uint32Array(buffer, OUT_AT, CHUNK_ELEMENTS),
      unsure: new Int32Array(buffer, UNSURE_AT, CHUNK_GROUPS),
    };
  } catch {
    module = null; // e.g. a CSP without 'wasm-unsafe-eval'
  }
  return module;
}

function active(): Module | null {
  return enabled ? load() : null;
}

/** Whether the WebAssembly generator is in use (false: philox.ts's, e.g. no WebAssembly SIMD). */
export function wasmGeneratorActive(): boolean {
  return active() !== null;
}

/** Turn the WebAssembly generator off (false) or back on; for tests of the fallback. */
export function setWasmGenerator(on: boolean): void {
  enabled = on;
}

/**
 * Groups recomputed in TypeScript since the last reset (near a float32 rounding boundary), and the
 * bytes of the module's memory (fixed: it never grows).
 */
export function wasmGeneratorStats(reset = false): Readonly<typeof stats & { memoryBytes: number }> {
  const out = { ...stats, memoryBytes: module?.exports.memory.buffer.byteLength ?? 0 };
  if (reset) stats.unsureGroups = 0;
  return out;
}

/**
 * The module's float64 Box–Muller parts for raw words (what the tests hold against Math.log/cos/sin):
 * r = √(−2 ln u) and cos θ, sin θ for θ = 2π·u, u = toUnit(word); null without the module.
 */
export function boxMullerParts(words: Uint32Array): { r: Float64Array; cos: Float64Array; sin: Float64Array } | null {
  const m = active();
  if (!m) return null;
  const CHUNK = 2048;
  const n = words.length;
  const r = new Float64Array(n);
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  const buffer = m.exports.memory.buffer;
  const input = new Uint32Array(buffer, SCRATCH_AT, CHUNK);
  const radii = new Float64Array(buffer, OUT_AT, CHUNK);
  const angles = new Float64Array(buffer, OUT_AT + CHUNK * 8, 2 * CHUNK);
  for (let from = 0; from < n; from += CHUNK) {
    const count = Math.min(CHUNK, n - from);
    input.fill(0).set(words.subarray(from, from + count));
    const even = count + (count & 1);
    m.exports.radii(SCRATCH_AT, OUT_AT, even);
    m.exports.angles(SCRATCH_AT, OUT_AT + CHUNK * 8, even);
    for (let i = 0; i < count; i++) {
      r[from + i] = radii[i];
      const pair = 4 * (i >> 1) + (i & 1); // angles: per pair of words [cos, cos, sin, sin]
      cos[from + i] = angles[pair];
      sin[from + i] = angles[pair + 2];
    }
  }
  return { r, cos, sin };
}

/**
 * Run `fill` chunk by chunk over the `blocks` blocks of an output of `n` elements, copying each
 * chunk's first elements from `view` into `out`; `fill` returns the unsure groups of its chunk.
 */
function chunked<T extends Float32Array | Uint32Array>(
  out: T,
  view: T,
  start: number,
  fill: (groups: number, block: number) => number,
  fix: (fromBlock: number, toBlock: number) => void,
  m: Module,
): T {
  const n = out.length;
  const blocks = Math.ceil(n / 4);
  for (let done = 0; done < blocks; done += CHUNK_BLOCKS) {
    const groups = Math.min(CHUNK_GROUPS, Math.ceil((blocks - done) / GROUP_BLOCKS));
    const unsure = fill(groups, (start + done) >>> 0);
    const base = done * 4;
    out.set(view.subarray(0, Math.min(CHUNK_ELEMENTS, n - base)), base);
    for (let u = 0; u < unsure; u++) {
      const from = done + m.unsure[u] * GROUP_BLOCKS;
      fix(from, from + GROUP_BLOCKS);
    }
    stats.unsureGroups += unsure;
  }
  return out;
}

/** `fillNormal` (philox.ts), bit for bit. */
export function fillNormalFast(
  out: Float32Array,
  key0: number,
  key1: number,
  a: number,
  b: number,
  purpose: number,
): Float32Array {
  const m = active();
  if (!m) return fillNormal(out, key0, key1, a, b, purpose);
  return chunked(
    out,
    m.f32,
    0,
    (groups, block) => m.exports.normals(OUT_AT, groups, block, a, b, purpose, key0, key1, SCRATCH_AT, UNSURE_AT),
    (from, to) => fillNormalBlocks(out, key0, key1, a, b, purpose, from, to),
    m,
  );
}

/** `fillRademacher` (philox.ts), bit for bit. */
export function fillRademacherFast(
  out: Float32Array,
  key0: number,
  key1: number,
  a: number,
  b: number,
  purpose: number,
): Float32Array {
  const m = active();
  if (!m) return fillRademacher(out, key0, key1, a, b, purpose);
  const signs = (groups: number, block: number) => {
    m.exports.signs(OUT_AT, groups, block, a, b, purpose, key0, key1);
    return 0;
  };
  return chunked(out, m.f32, 0, signs, () => undefined, m);
}

/**
 * out[i] = θ[i] + float32(s·z[i]) for float32 s (what fused-perturb.ts computes in TypeScript: the
 * same numbers), in WebAssembly SIMD; false (nothing written) without the module.
 */
export function addScaledFast(out: Float32Array, theta: Float32Array, z: Float32Array, s: number): boolean {
  const m = active();
  if (!m) return false;
  const n = out.length;
  const acc = m.f32;
  const zs = new Float32Array(m.exports.memory.buffer, SCRATCH_AT, CHUNK_ELEMENTS);
  for (let from = 0; from < n; from += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, n - from);
    acc.set(theta.subarray(from, from + count));
    zs.set(z.subarray(from, from + count));
    m.exports.axpy(OUT_AT, SCRATCH_AT, (count + 3) & ~3, s);
    out.set(acc.subarray(0, count), from);
  }
  return true;
}

/**
 * Raw Philox words of blocks start, start + 1, … (four a block, as `philox4x32` writes them), the
 * block counter wrapping at 2³²: what the tests compare with philox.ts.
 */
export function philoxWords(
  out: Uint32Array,
  start: number,
  key0: number,
  key1: number,
  a: number,
  b: number,
  purpose: number,
): Uint32Array {
  const m = active();
  if (!m) {
    const w = new Uint32Array(4);
    for (let j = 0; j < out.length; j++) {
      if (j % 4 === 0) philox4x32((start + j / 4) >>> 0, a, b, purpose, key0, key1, w);
      out[j] = w[j % 4];
    }
    return out;
  }
  const words = (groups: number, block: number) => {
    m.exports.words(OUT_AT, groups, block, a, b, purpose, key0, key1);
    return 0;
  };
  return chunked(out, m.u32, start, words, () => undefined, m);
}
