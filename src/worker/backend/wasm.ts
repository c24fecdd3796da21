import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { completeWasmKernels } from '../../core/backends/wasm-kernels';

/**
 * The WebAssembly backend in the browser worker. Its three binaries are bundled by Vite (`?url`) and
 * served from this origin, never from a CDN (the page's CSP allows `connect-src 'self'` only, and
 * `'wasm-unsafe-eval'` so WebAssembly may compile). tfjs picks the SIMD binary where the browser has
 * SIMD, and the threaded one only when the page is cross-origin isolated (COOP `same-origin` + COEP
 * `require-corp`, which the dev and preview servers send: vite.config.ts; README for static hosts):
 * threads need SharedArrayBuffer, which only an isolated page has.
 */

let prepared = false;

/** Point tfjs-backend-wasm at our binaries and decide on threads; before the first setBackend('wasm'). */
export function prepareWasm(): void {
  if (prepared) return;
  prepared = true;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  });
  // tfjs would probe SharedArrayBuffer itself; state the rule instead: threads only when isolated.
  if (!self.crossOriginIsolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  completeWasmKernels();
}

/**
 * Bytes of the wasm backend's WebAssembly memory when wasm runs: every tensor of every lane lives in
 * it; it grows to the largest allocation and never shrinks (WebAssembly memories cannot).
 */
export function wasmHeapBytes(): number | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  return (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8?.buffer.byteLength;
}

/** What the running wasm backend uses, for the badge: "SIMD · 4 threads" or why it has one thread. */
export async function wasmFeatures(): Promise<string> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  const threads = getThreadsCount();
  if (threads > 1) return `${simd} · ${threads} threads`;
  return `${simd} · 1 thread${self.crossOriginIsolated ? '' : ' (the page is not cross-origin isolated)'}`;
}
