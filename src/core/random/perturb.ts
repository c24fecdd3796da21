import * as tf from '@tensorflow/tfjs';
import { Purpose } from './philox';
import { fillNormalFast, fillRademacherFast } from './philox-wasm';

/**
 * Perturbation kernel: θ ← θ + scale·z(seed, step, query, tensorIdx), in place.
 *
 * z is a pure function of its key (Philox4x32-10, `philox.ts`), so it is regenerated for each use
 * (+ε, −2ε, +ε, update) and never stored. This file holds the TypeScript twin, used on cpu/wasm/webgl;
 * a backend can install a faster kernel with `setPerturbKernel` (e.g. a WGSL program on WebGPU)
 * that must produce the same z for the same key.
 */

export type Distribution = 'gaussian' | 'rademacher';

export interface DirectionKey {
  /** uint32 seed of the run (or of the optimizer). */
  seed: number;
  /** Optimizer step counter (0-based). */
  step: number;
  /** Direction index within the step (0..q−1). */
  query: number;
  dist?: Distribution;
}

export interface PerturbKernel {
  readonly name: string;
  /** v ← v + scale·z(key, tensorIdx). `scale` may live on the device (no readback). */
  perturb(v: tf.Variable, tensorIdx: number, key: DirectionKey, scale: number | tf.Scalar): void;
}

/**
 * z for one tensor as plain numbers (the reference every kernel must reproduce): philox.ts's
 * fillNormal / fillRademacher, computed by their WebAssembly twins where available (same numbers);
 * written into `out` when given (length `size`).
 */
export function directionValues(
  size: number,
  tensorIdx: number,
  key: DirectionKey,
  out: Float32Array = new Float32Array(size),
): Float32Array {
  const fill = key.dist === 'rademacher' ? fillRademacherFast : fillNormalFast;
  return fill(out, key.seed, key.step, tensorIdx, key.query, Purpose.direction);
}

/** z for one tensor as a tensor of the given shape (caller owns it). */
export function direction(shape: number[], tensorIdx: number, key: DirectionKey): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(directionValues(size, tensorIdx, key), shape, 'float32');
}

/** θ ← θ + scale·D for materialised directions D (one tensor per variable, borrowed). */
export function addScaled(vars: readonly tf.Variable[], tensors: readonly tf.Tensor[], scale: number | tf.Scalar = 1): void {
  vars.forEach((v, i) => {
    const next = tf.tidy(() => tf.add(v, scale === 1 ? tensors[i] : tf.mul(tensors[i], scale)));
    v.assign(next);
    next.dispose();
  });
}

/** The TypeScript twin: generate z on the CPU, upload, fused multiply-add. */
export const cpuPerturbKernel: PerturbKernel = {
  name: 'typescript',
  perturb(v, tensorIdx, key, scale) {
    const next = tf.tidy(() => {
      const z = direction(v.shape, tensorIdx, key);
      return tf.add(v, tf.mul(z, scale));
    });
    v.assign(next);
    next.dispose();
  },
};

let active: PerturbKernel = cpuPerturbKernel;

/** Install a backend-specific kernel (the worker does this after choosing its backend). */
export function setPerturbKernel(kernel: PerturbKernel | null): void {
  active = kernel ?? cpuPerturbKernel;
}

export function perturbKernelName(): string {
  return active.name;
}

/** θ ← θ + scale·z over a list of variables; tensor index = position in the list. */
export function perturb(vars: readonly tf.Variable[], key: DirectionKey, scale: number | tf.Scalar): void {
  vars.forEach((v, i) => active.perturb(v, i, key, scale));
}

/** v ← v + scale·z(key, tensorIdx) for one tensor of a list (block-wise methods touch one at a time). */
export function perturbOne(v: tf.Variable, tensorIdx: number, key: DirectionKey, scale: number | tf.Scalar): void {
  active.perturb(v, tensorIdx, key, scale);
}

/**
 * One term of a zeroth-order gradient estimate: ĝ = Σₖ coefₖ·z(keyₖ). The estimate travels as these
 * pairs (a seed and a scalar each) and becomes d numbers only when an update rule needs a tensor.
 */
export interface Direction {
  key: DirectionKey;
  /** May live on the device (no readback). */
  coef: number | tf.Scalar;
}

/** θ ← θ + Σₖ coefₖ·z(keyₖ): apply an estimate with the seed trick (no d-sized tensor kept). */
export function perturbAll(vars: readonly tf.Variable[], dirs: readonly Direction[]): void {
  for (const { key, coef } of dirs) perturb(vars, key, coef);
}

/**
 * Σₖ coefₖ·z(keyₖ) as one tensor per variable (caller owns them). Built with the active kernel by
 * perturbing zeros, so on every backend it is exactly the z the probes used.
 */
export function materialize(dirs: readonly Direction[], vars: readonly tf.Variable[]): tf.Tensor[] {
  return vars.map((v, i) => {
    const acc = tf.tidy(() => tf.variable(tf.zerosLike(v), false));
    for (const { key, coef } of dirs) active.perturb(acc, i, key, coef);
    return acc;
  });
}

/**
 * √d/‖z(key)‖ with the norm over every tensor, on the device: the factor that turns a Gaussian z
 * into a direction uniform on the sphere of radius √d (d = all parameters together).
 */
export function sphereFactor(vars: readonly tf.Variable[], key: DirectionKey): tf.Scalar {
  const z = materialize([{ key, coef: 1 }], vars);
  const d = vars.reduce((n, v) => n + v.size, 0);
  const factor = tf.tidy(() => tf.div(Math.sqrt(d), tf.sqrt(tf.addN(z.map((t) => tf.sum(tf.square(t)))))) as tf.Scalar);
  tf.dispose(z);
  return factor;
}
