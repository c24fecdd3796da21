import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { completeWasmKernels } from '../core/backends/wasm-kernels';
import { fusedPerturbKernel } from '../core/random/fused-perturb';
import { setPerturbKernel } from '../core/random/perturb';
import type { BackendChoice } from '../core/run/config';

/**
 * The CLI's tfjs backend in Node: WebAssembly by default (XNNPACK with SIMD; a 1M-parameter MLP's
 * forward pass about 20× faster than the pure-JS cpu backend), cpu when the link or `--backend`
 * pins it. In Node, tfjs-backend-wasm loads its .wasm binaries from its own folder in node_modules
 * (no setWasmPaths needed) and runs single-threaded: its thread detection answers false under Node.
 */
export type NodeBackend = 'wasm' | 'cpu';

export const NODE_BACKENDS: readonly NodeBackend[] = ['wasm', 'cpu'];
export const DEFAULT_NODE_BACKEND: NodeBackend = 'wasm';

/** The backend a link's `backend=` runs on in Node, and a notice when Node cannot honour it. */
export function nodeBackendFor(choice: BackendChoice): { backend: NodeBackend; notice?: string } {
  if (choice === 'cpu' || choice === 'wasm') return { backend: choice };
  if (choice === 'auto') return { backend: DEFAULT_NODE_BACKEND };
  return { backend: DEFAULT_NODE_BACKEND, notice: `the link pins backend '${choice}', which Node does not have; running on '${DEFAULT_NODE_BACKEND}'.` };
}

/** Start `name` and make it the active backend; returns what runs (wasm adds whether SIMD is on). */
export async function startNodeBackend(name: NodeBackend): Promise<string> {
  if (name === 'wasm') completeWasmKernels();
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) throw new Error(`the ${name} backend failed to start`);
  await tf.ready();
  // As the browser's worker does on these backends: one pass per use, z cached for the step.
  setPerturbKernel(fusedPerturbKernel);
  if (name === 'cpu') {
    // tfjs's cpu backend greets Node users with an advert for tfjs-node on first use; keep stdout clean.
    (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
    return 'cpu';
  }
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return simd ? 'wasm (SIMD, 1 thread)' : 'wasm (no SIMD, 1 thread)';
}
