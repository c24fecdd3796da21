import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendChoice } from '../../core/run/config';
import { fusedPerturbKernel } from '../../core/random/fused-perturb';
import { perturbKernelName, setPerturbKernel, type PerturbKernel } from '../../core/random/perturb';
import type { BackendInfo, BackendName } from '../protocol';
import { prepareWasm, wasmFeatures } from './wasm';
import { webgpuPerturbKernel } from './webgpu-perturb';

/**
 * Pick the tfjs backend: WebGPU first, then WebGL (needs OffscreenCanvas in a worker), then
 * WebAssembly (SIMD; threads when cross-origin isolated: wasm.ts), then cpu.
 * A pinned choice is tried first and falls back the same way, with the reason stated.
 * The webgpu backend registers only when `navigator.gpu` exists at import, and with a null adapter
 * tfjs would silently pick WebGL, so the adapter is requested here first.
 */

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<(GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }) | null> };
}

async function probeWebGpu(): Promise<{ ok: boolean; why: string; adapter?: string }> {
  const nav = (globalThis as { navigator?: GpuNavigator }).navigator;
  if (!nav?.gpu) return { ok: false, why: 'this browser exposes no WebGPU (navigator.gpu is missing)' };
  let adapter;
  try {
    adapter = await nav.gpu.requestAdapter();
  } catch (e) {
    return { ok: false, why: `requesting a WebGPU adapter failed: ${String(e)}` };
  }
  if (!adapter) return { ok: false, why: 'WebGPU has no adapter on this machine' };
  const info = adapter.info;
  const parts = [info?.vendor, info?.architecture, info?.description].filter(Boolean);
  if (info?.isFallbackAdapter) parts.push('software fallback adapter');
  return { ok: true, why: 'WebGPU adapter found', adapter: parts.join(' · ') || 'unknown adapter' };
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export async function chooseBackend(choice: BackendChoice): Promise<BackendInfo> {
  const order: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
  const wanted: BackendName[] = choice === 'auto' ? order : [choice, ...order.filter((b) => b !== choice)];
  const skipped: string[] = [];
  for (const name of wanted) {
    let adapter: string | undefined;
    if (name === 'webgpu') {
      const probe = await probeWebGpu();
      if (!probe.ok) {
        skipped.push(probe.why);
        continue;
      }
      adapter = probe.adapter;
    }
    if (name === 'webgl' && typeof OffscreenCanvas === 'undefined') {
      skipped.push('WebGL needs OffscreenCanvas in a worker, which this browser lacks');
      continue;
    }
    if (name === 'wasm') prepareWasm();
    if (await tryBackend(name)) {
      await tf.ready();
      if (name === 'wasm') adapter = await wasmFeatures();
      // Directions are generated where the weights live: a WGSL twin on WebGPU; on the backends whose
      // tensors are in CPU memory a fused pass with z cached for the step; the TS twin on WebGL.
      const kernels: Partial<Record<BackendName, PerturbKernel>> = { webgpu: webgpuPerturbKernel, wasm: fusedPerturbKernel, cpu: fusedPerturbKernel };
      setPerturbKernel(kernels[name] ?? null);
      const pinned = choice !== 'auto' && choice === name;
      const reason = pinned
        ? `pinned by the run's config (backend=${choice})`
        : skipped.length === 0
          ? name === 'webgpu'
            ? 'WebGPU adapter found'
            : `first available backend`
          : `fell back: ${skipped.join('; ')}`;
      return { name, reason, adapter, perturbKernel: perturbKernelName() };
    }
    skipped.push(`the ${name} backend failed to initialise`);
  }
  throw new Error(`No tfjs backend could start: ${skipped.join('; ')}`);
}
