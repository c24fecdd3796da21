import * as tf from '@tensorflow/tfjs';
import { directionValues, type DirectionKey, type PerturbKernel } from './perturb';
import { addScaledFast } from './philox-wasm';

/**
 * The perturbation kernel for the backends whose tensors live in CPU memory (cpu, wasm):
 * θ ← θ + s·z(key) as one pass over typed arrays, uploaded as the variable's new value — no z
 * tensor and no mul/add kernels per use — with z cached for the length of a step. Both z and the pass
 * run in WebAssembly SIMD where available (philox-wasm.ts; the same numbers as TypeScript).
 *
 * Why cache: a MeZO-style step uses the same z three or four times (+ε, −2ε, then the restore
 * fused with the update; Malladi et al. 2023, https://arxiv.org/abs/2305.17333), and generating a
 * Gaussian in JavaScript (Philox4x32-10 + Box–Muller) costs more than the wasm backend's whole
 * forward pass of the same model. So z is generated once per (key, tensor) and kept until a
 * different key comes for that tensor: the cost is one float32 per parameter (4·d bytes, reported
 * by `fusedCacheBytes`; the memory panel shows it), held between steps. Regenerating instead, as
 * MeZO does to save that memory, is what the TypeScript twin (perturb.ts) and the WGSL kernel do.
 *
 * Same numbers as the twin, bit for bit, on cpu and wasm: the twin's kernels compute
 * float32(θ + float32(float32(s)·z)); the loop below rounds the same way with Math.fround.
 */

interface Cached {
  id: string;
  z: Float32Array;
}

/** The last z of each tensor index. */
const cache = new Map<number, Cached>();
const stats = { generated: 0, reused: 0 };

const keyId = (key: DirectionKey, tensorIdx: number, size: number) =>
  `${key.seed}:${key.step}:${key.query}:${key.dist ?? 'gaussian'}:${tensorIdx}:${size}`;

function directionOf(size: number, tensorIdx: number, key: DirectionKey): Float32Array {
  const id = keyId(key, tensorIdx, size);
  const hit = cache.get(tensorIdx);
  if (hit?.id === id) {
    stats.reused++;
    return hit.z;
  }
  stats.generated++;
  // The previous z of this tensor is done with: its array takes the new one (no 4·size bytes of garbage a step).
  const z = directionValues(size, tensorIdx, key, hit?.z.length === size ? hit.z : undefined);
  cache.set(tensorIdx, { id, z });
  return z;
}

export const fusedPerturbKernel: PerturbKernel = {
  name: 'typescript-fused',
  perturb(v, tensorIdx, key, scale) {
    const z = directionOf(v.size, tensorIdx, key);
    // A device scalar is one number in CPU memory on these backends: reading it costs no round trip.
    const s = typeof scale === 'number' ? Math.fround(scale) : scale.dataSync()[0];
    // On cpu this is the tensor's own array (read only); wasm reads a copy out of its heap, which
    // can take the result (tf.tensor copies it back in).
    const theta = v.dataSync() as Float32Array;
    const out = tf.getBackend() === 'wasm' ? theta : new Float32Array(theta.length);
    if (!addScaledFast(out, theta, z, s)) for (let i = 0; i < out.length; i++) out[i] = theta[i] + Math.fround(s * z[i]);
    const next = tf.tensor(out, v.shape, 'float32');
    v.assign(next);
    next.dispose();
  },
};

/** Bytes the cache holds now (one float32 per parameter of the tensors it has seen). */
export function fusedCacheBytes(): number {
  let bytes = 0;
  for (const { z } of cache.values()) bytes += z.byteLength;
  return bytes;
}

/** Directions generated and reused since the last `clearFusedCache` (what the tests check). */
export function fusedCacheStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Drop every cached z (e.g. when a run is disposed). */
export function clearFusedCache(): void {
  cache.clear();
  stats.generated = 0;
  stats.reused = 0;
}
