/**
 * Kernel self-test, run in the worker on the live backend: does the WGSL perturbation kernel
 * reproduce the TypeScript twin? Integer stream (bit-identical expected), Gaussian values (float32
 * transcendental tolerance), Rademacher signs, moments, regeneration and the ±ε round trip.
 */
import * as tf from '@tensorflow/tfjs';
import { directionValues, type DirectionKey } from '../../core/random/perturb';
import { Purpose, philox4x32 } from '../../core/random/philox';
import { perturbedCopy, type KernelMode } from '../backend/webgpu-perturb';

export interface SelfTestResult {
  backend: string;
  elements: number;
  /** Words of the Philox stream that differ between GPU and TypeScript (expected 0). */
  wordMismatches: number;
  rademacherMismatches: number;
  gaussianMaxAbsErr: number;
  gaussianMeanAbsErr: number;
  gaussianMean: number;
  gaussianVariance: number;
  /** Max |θ − θ₀| after +ε, −2ε, +ε on the GPU, and ε. */
  roundTripMaxErr: number;
  roundTripEps: number;
  /** Two generations from one key are bit-identical. */
  regenerationIdentical: boolean;
  ms: number;
}

async function gpuValues(n: number, key: DirectionKey, mode: KernelMode, tensorIdx = 0): Promise<Float32Array> {
  const zeros = tf.zeros([n]);
  const one = tf.scalar(1);
  const out = perturbedCopy(zeros, tensorIdx, key, one, mode);
  const values = (await out.data()) as Float32Array;
  tf.dispose([zeros, one, out]);
  return values;
}

export async function runSelfTest(n = 1 << 20): Promise<SelfTestResult> {
  if (tf.getBackend() !== 'webgpu') throw new Error(`The kernel self-test needs the webgpu backend (running: ${tf.getBackend()}).`);
  const t0 = performance.now();
  const key: DirectionKey = { seed: 0xdeadbeef, step: 12345, query: 3 };
  const tensorIdx = 7;

  // Integer stream: compare every 32-bit word, 16 bits at a time.
  const [low, high] = [await gpuValues(n, key, 'low16', tensorIdx), await gpuValues(n, key, 'high16', tensorIdx)];
  const words = new Uint32Array(4);
  let wordMismatches = 0;
  for (let block = 0; block * 4 < n; block++) {
    philox4x32(block, tensorIdx, key.query, Purpose.direction, key.seed, key.step, words);
    for (let k = 0; k < 4 && block * 4 + k < n; k++) {
      const e = block * 4 + k;
      if (low[e] !== (words[k] & 0xffff) || high[e] !== words[k] >>> 16) wordMismatches++;
    }
  }

  const rad = await gpuValues(n, { ...key, dist: 'rademacher' }, 'rademacher', tensorIdx);
  const radRef = directionValues(n, tensorIdx, { ...key, dist: 'rademacher' });
  let rademacherMismatches = 0;
  for (let i = 0; i < n; i++) if (rad[i] !== radRef[i]) rademacherMismatches++;

  const gauss = await gpuValues(n, key, 'gaussian', tensorIdx);
  const again = await gpuValues(n, key, 'gaussian', tensorIdx);
  const ref = directionValues(n, tensorIdx, key);
  let maxAbs = 0;
  let sumAbs = 0;
  let sum = 0;
  let sumSq = 0;
  let regenerationIdentical = true;
  for (let i = 0; i < n; i++) {
    const err = Math.abs(gauss[i] - ref[i]);
    maxAbs = Math.max(maxAbs, err);
    sumAbs += err;
    sum += gauss[i];
    sumSq += gauss[i] * gauss[i];
    if (gauss[i] !== again[i]) regenerationIdentical = false;
  }
  const mean = sum / n;

  // Round trip on a variable, through the kernel the optimizers use.
  const eps = 1e-3;
  const theta0 = tf.randomUniform([n], -1, 1, 'float32', 42);
  const theta = tf.variable(theta0.clone());
  const plus = tf.scalar(eps);
  const minus2 = tf.scalar(-2 * eps);
  for (const s of [plus, minus2, plus]) {
    const next = perturbedCopy(theta, 0, key, s);
    theta.assign(next);
    next.dispose();
  }
  const diff = tf.max(tf.abs(tf.sub(theta, theta0)));
  const roundTripMaxErr = (await diff.data())[0];
  tf.dispose([theta0, theta, plus, minus2, diff]);

  return {
    backend: tf.getBackend(),
    elements: n,
    wordMismatches,
    rademacherMismatches,
    gaussianMaxAbsErr: maxAbs,
    gaussianMeanAbsErr: sumAbs / n,
    gaussianMean: mean,
    gaussianVariance: sumSq / n - mean * mean,
    roundTripMaxErr,
    roundTripEps: eps,
    regenerationIdentical,
    ms: performance.now() - t0,
  };
}
