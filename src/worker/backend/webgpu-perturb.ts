/**
 * The WebGPU perturbation kernel: θ ← θ + scale·z(seed, step, query, tensorIdx) in one fused WGSL
 * program per tensor, with z generated on the GPU by the same Philox4x32-10 + Box–Muller as the
 * TypeScript twin in `src/core/random/philox.ts` (integer stream bit-identical; the Gaussian differs
 * only by float32 log/cos/sin rounding, see tests). Per-call values travel in uniforms, so the shader is
 * compiled once; `scale` is a device tensor, so a step never reads back or uploads anything d-sized.
 */
import * as tf from '@tensorflow/tfjs';
import { webgpu_util, type WebGPUBackend, type WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { DirectionKey, PerturbKernel } from '../../core/random/perturb';
import { Purpose } from '../../core/random/philox';

const PHILOX_WGSL = `
fn zoMulHiLo(a : u32, b : u32) -> vec2<u32> {
  let aL = a & 0xffffu;
  let aH = a >> 16u;
  let bL = b & 0xffffu;
  let bH = b >> 16u;
  let ll = aL * bL;
  let lh = aL * bH;
  let hl = aH * bL;
  let hh = aH * bH;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return vec2<u32>(hh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u), a * b);
}

fn zoPhilox(ctr : vec4<u32>, k : vec2<u32>) -> vec4<u32> {
  var x = ctr;
  var key = k;
  for (var round = 0; round < 10; round = round + 1) {
    let p0 = zoMulHiLo(0xd2511f53u, x.x);
    let p1 = zoMulHiLo(0xcd9e8d57u, x.z);
    x = vec4<u32>(p1.x ^ x.y ^ key.x, p1.y, p0.x ^ x.w ^ key.y, p0.y);
    key = key + vec2<u32>(0x9e3779b9u, 0xbb67ae85u);
  }
  return x;
}

fn zoUnit(w : u32) -> f32 {
  return (f32(w >> 8u) + 0.5) * 5.9604644775390625e-8;
}
`;

/**
 * One thread per Philox block: it draws the block's four words once and writes the four elements
 * they make (two Box–Muller pairs), so the generator runs once per four weights, as in the twin.
 */
class PerturbProgram implements WebGPUProgram {
  variableNames = ['theta', 'scale'];
  outputShape: number[];
  shaderKey = 'zo-perturb-philox4';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  uniforms = 'seed : u32, step : u32, tensorIdx : u32, query : u32, purpose : u32, dist : u32,';
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;

  constructor(size: number) {
    this.outputShape = [size];
    this.dispatchLayout = webgpu_util.flatDispatchLayout(this.outputShape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, [Math.ceil(size / 4)], this.workgroupSize);
  }

  getUserCode(): string {
    return `
${PHILOX_WGSL}
fn zoValue(w : vec4<u32>, lane : u32, gauss : vec4<f32>) -> f32 {
  let word = select(select(w.x, w.y, lane == 1u), select(w.z, w.w, lane == 3u), lane >= 2u);
  if (uniforms.dist >= 2u) {
    // Self-test modes: the raw integer stream, 16 bits at a time (exact in f32).
    return f32(select(word & 0xffffu, word >> 16u, uniforms.dist == 3u));
  }
  if (uniforms.dist == 1u) {
    return select(-1.0, 1.0, (word & 1u) == 1u);
  }
  return select(select(gauss.x, gauss.y, lane == 1u), select(gauss.z, gauss.w, lane == 3u), lane >= 2u);
}

fn main(index : i32) {
  let base = index * 4;
  if (base < uniforms.size) {
    let w = zoPhilox(vec4<u32>(u32(index), uniforms.tensorIdx, uniforms.query, uniforms.purpose),
                     vec2<u32>(uniforms.seed, uniforms.step));
    var gauss = vec4<f32>(0.0);
    if (uniforms.dist == 0u) {
      let r0 = sqrt(-2.0 * log(zoUnit(w.x)));
      let t0 = 6.283185307179586 * zoUnit(w.y);
      let r1 = sqrt(-2.0 * log(zoUnit(w.z)));
      let t1 = 6.283185307179586 * zoUnit(w.w);
      gauss = vec4<f32>(r0 * cos(t0), r0 * sin(t0), r1 * cos(t1), r1 * sin(t1));
    }
    let s = getScale();
    for (var k = 0; k < 4; k = k + 1) {
      let e = base + k;
      if (e < uniforms.size) {
        setOutputAtIndex(e, getThetaByOutputIndex(e) + s * zoValue(w, u32(k), gauss));
      }
    }
  }
}
`;
  }
}

/** Output modes of the program: the two directions, and the raw word halves for self-tests. */
export type KernelMode = 'gaussian' | 'rademacher' | 'low16' | 'high16';
const MODE_CODE: Record<KernelMode, number> = { gaussian: 0, rademacher: 1, low16: 2, high16: 3 };

/** out = θ + scale·z for a flat view of θ (no variable touched). Caller owns the result. */
export function perturbedCopy(
  theta: tf.Tensor,
  tensorIdx: number,
  key: DirectionKey,
  scale: tf.Scalar,
  mode: KernelMode = key.dist ?? 'gaussian',
): tf.Tensor {
  const backend = tf.backend() as unknown as WebGPUBackend;
  const flat = tf.reshape(theta, [theta.size]);
  const program = new PerturbProgram(theta.size);
  const info = backend.runWebGPUProgram(program, [flat, scale], 'float32', [
    { type: 'uint32', data: [key.seed >>> 0] },
    { type: 'uint32', data: [key.step >>> 0] },
    { type: 'uint32', data: [tensorIdx >>> 0] },
    { type: 'uint32', data: [key.query >>> 0] },
    { type: 'uint32', data: [Purpose.direction] },
    { type: 'uint32', data: [MODE_CODE[mode]] },
  ]);
  flat.dispose();
  const out = tf.engine().makeTensorFromTensorInfo(info);
  const shaped = tf.reshape(out, theta.shape);
  out.dispose();
  return shaped;
}

export const webgpuPerturbKernel: PerturbKernel = {
  name: 'wgsl-philox',
  perturb(v, tensorIdx, key, scale) {
    const s = typeof scale === 'number' ? tf.scalar(scale) : scale;
    const next = perturbedCopy(v, tensorIdx, key, s);
    if (s !== scale) s.dispose();
    v.assign(next);
    next.dispose();
  },
};
