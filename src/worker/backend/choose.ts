import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendChoice, RunConfig } from '../../core/run/config';
import { fusedPerturbKernel } from '../../core/random/fused-perturb';
import { perturbKernelName, setPerturbKernel, type PerturbKernel } from '../../core/random/perturb';
import type { BackendInfo, BackendName, MeasuredBackend } from '../protocol';
import { describeMeasured, isSoftwareAdapter, pickFastest } from './pick';
import { measureRun, MIN_WARMUP_MS, PROBE_MS } from './probe';
import { prepareWasm, wasmFeatures } from './wasm';
import { webgpuPerturbKernel } from './webgpu-perturb';

/**
 * Start a tfjs backend. `backend=auto` measures the run on each available backend and keeps the
 * fastest (chooseByMeasurement); a pinned backend is started as asked and falls back down the order
 * WebGPU, WebGL (needs OffscreenCanvas in a worker), WebAssembly (SIMD; threads when cross-origin
 * isolated: wasm.ts), cpu, with the reason stated.
 * The webgpu backend registers only when `navigator.gpu` exists at import, and with a null adapter
 * tfjs would silently pick WebGL, so the adapter is requested here first.
 */

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<(GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } }) | null> };
}

/** A backend this browser could start, with what is known before starting it. */
interface Candidate {
  name: BackendName;
  adapter?: string;
  /** A software WebGPU adapter. */
  software?: boolean;
}

async function probeWebGpu(): Promise<{ ok: boolean; why: string; adapter?: string; software?: boolean }> {
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
  const software = isSoftwareAdapter(info);
  if (software) parts.push('software adapter');
  return { ok: true, why: 'WebGPU adapter found', adapter: parts.join(' · ') || 'unknown adapter', software };
}

/** The backends worth starting here, in the fallback order, and why the others are not. */
async function candidates(order: readonly BackendName[]): Promise<{ found: Candidate[]; skipped: string[] }> {
  const found: Candidate[] = [];
  const skipped: string[] = [];
  for (const name of order) {
    if (name === 'webgpu') {
      const probe = await probeWebGpu();
      if (probe.ok) found.push({ name, adapter: probe.adapter, software: probe.software });
      else skipped.push(probe.why);
    } else if (name === 'webgl' && typeof OffscreenCanvas === 'undefined') {
      skipped.push('WebGL needs OffscreenCanvas in a worker, which this browser lacks');
    } else found.push({ name });
  }
  return { found, skipped };
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** Make `c` the active backend with its perturbation kernel; its adapter line, or null when it fails to start. */
async function startBackend(c: Candidate): Promise<{ adapter?: string } | null> {
  if (c.name === 'wasm') prepareWasm();
  if (!(await tryBackend(c.name))) return null;
  await tf.ready();
  // Directions are generated where the weights live: a WGSL twin on WebGPU; on the backends whose
  // tensors are in CPU memory a fused pass with z cached for the step; the TS twin on WebGL.
  const kernels: Partial<Record<BackendName, PerturbKernel>> = { webgpu: webgpuPerturbKernel, wasm: fusedPerturbKernel, cpu: fusedPerturbKernel };
  setPerturbKernel(kernels[c.name] ?? null);
  return { adapter: c.name === 'wasm' ? await wasmFeatures() : c.adapter };
}

const ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** The first backend that starts, `choice` first when pinned (the fallback order otherwise), with the reason stated. */
export async function chooseBackend(choice: BackendChoice): Promise<BackendInfo> {
  const wanted: BackendName[] = choice === 'auto' ? ORDER : [choice, ...ORDER.filter((b) => b !== choice)];
  const { found, skipped } = await candidates(wanted);
  for (const c of found) {
    const started = await startBackend(c);
    if (started) {
      const pinned = choice !== 'auto' && choice === c.name;
      const reason = pinned
        ? `pinned by the run's config (backend=${choice})`
        : skipped.length === 0
          ? c.name === 'webgpu'
            ? 'WebGPU adapter found'
            : `first available backend`
          : `fell back: ${skipped.join('; ')}`;
      return { name: c.name, reason, adapter: started.adapter, perturbKernel: perturbKernelName() };
    }
    skipped.push(`the ${c.name} backend failed to initialise`);
  }
  throw new Error(`No tfjs backend could start: ${skipped.join('; ')}`);
}

/** What `backend=auto` settled on, and for which size of task (re-probed at 10× either way). */
export interface Verdict {
  backend: BackendInfo;
  size: number;
}

/**
 * `backend=auto`: measure the run itself (measureRun: a throwaway copy of its task and lanes) on
 * cpu and wasm (twice each, an eighth of PROBE_MS a time) and then the GPU backend (WebGPU, else
 * WebGL; the rest, at least MIN_WARMUP_MS), and keep the fastest (pick.ts). The badge lists the figures.
 */
export async function chooseByMeasurement(config: RunConfig): Promise<Verdict> {
  const { found, skipped } = await candidates(ORDER);
  // One GPU backend: WebGL runs on the same GPU (or the same software rasteriser) as WebGPU, and
  // measuring both would spend the probe compiling shaders twice.
  const gpu = found.find((c) => c.name === 'webgpu') ?? found.find((c) => c.name === 'webgl');
  const probeOrder = found.filter((c) => c === gpu || (c.name !== 'webgpu' && c.name !== 'webgl')).reverse(); // cpu, wasm, then the GPU
  const measured: MeasuredBackend[] = [];
  const started = new Map<BackendName, { candidate: Candidate; adapter?: string }>();
  const t0 = performance.now();
  let size = 0;
  // Two rounds of the CPU backends, keeping each one's better figure: the code they share (runner,
  // optimizers, the fused perturbation) is still being compiled by the JavaScript engine when the
  // first is measured, which would favour whichever comes second. The GPU goes last, once.
  const cpus = probeOrder.filter((c) => c !== gpu);
  const rounds = [...cpus, ...cpus, ...(gpu ? [gpu] : [])];
  for (const c of rounds) {
    if (!started.has(c.name) && skipped.some((why) => why.startsWith(`the ${c.name} `))) continue;
    const s = await startBackend(c);
    if (!s) {
      skipped.push(`the ${c.name} backend failed to initialise`);
      continue;
    }
    started.set(c.name, { candidate: c, adapter: s.adapter });
    // The CPU backends start at full speed; the GPU's first step compiles shaders: it gets the rest.
    const budget = c === gpu ? Math.max(PROBE_MS - (performance.now() - t0), MIN_WARMUP_MS) : PROBE_MS / 8;
    let figure: MeasuredBackend;
    try {
      const probe = await measureRun(config, budget);
      size = probe.size;
      figure = { name: c.name, stepsPerSec: probe.stepsPerSec, software: c.software, cutOff: probe.cutOff };
    } catch {
      figure = { name: c.name, stepsPerSec: NaN, software: c.software };
    }
    const earlier = measured.findIndex((m) => m.name === c.name);
    if (earlier < 0) measured.push(figure);
    else if (!(measured[earlier].stepsPerSec >= figure.stepsPerSec)) measured[earlier] = figure;
  }
  if (measured.length === 0) throw new Error(`No tfjs backend could start: ${skipped.join('; ')}`);
  const best = started.get(pickFastest(measured).name)!;
  const again = await startBackend(best.candidate);
  if (!again) throw new Error(`the ${best.candidate.name} backend stopped working after its probe`);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const reason = `fastest on this run (${seconds} s probe): ${describeMeasured(measured)}` + (skipped.length > 0 ? `; fell back: ${skipped.join('; ')}` : '');
  return { backend: { name: best.candidate.name, reason, adapter: again.adapter, perturbKernel: perturbKernelName(), measured }, size };
}

/** Make a verdict's backend the active one again (after a pinned run, say) without probing. */
export async function restoreVerdict(verdict: Verdict): Promise<BackendInfo | null> {
  const { name, adapter } = verdict.backend;
  return (await startBackend({ name, adapter })) ? { ...verdict.backend, perturbKernel: perturbKernelName() } : null;
}
