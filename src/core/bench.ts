/**
 * Benchmarks measured as ratios inside one run, on whatever tfjs backend is active (cpu in Node,
 * WebGPU in the browser worker). Every timing ends with a readback, so it covers the device work,
 * and is the median of several repetitions after warm-up.
 */
import * as tf from '@tensorflow/tfjs';
import { defaultTaskSettings } from './run/config';
import { createOptimizer } from './index';
import { TASK_FACTORIES, loadTaskAssets, type TaskInstance } from './tasks';
import type { TaskId } from './tasks/specs';
import { measureStepMemory, residentBytes, type StepMemory } from './run/memory';
import { clearFusedCache, fusedCacheBytes } from './random/fused-perturb';

export interface BenchOptions {
  /** Repetitions per timing (median taken). */
  reps: number;
  /** Hidden width of the large MLP (1000 → ≈1M parameters). */
  bigHidden: number;
  /** Batch of the memory comparison of a backprop step and a ZO step. */
  memoryBatch: number;
}

export const FULL_BENCH: BenchOptions = { reps: 9, bigHidden: 1000, memoryBatch: 512 };
export const SMOKE_BENCH: BenchOptions = { reps: 3, bigHidden: 200, memoryBatch: 128 };

export interface ModelBench {
  params: number;
  forwardMs: number;
  zoStepMs: number;
  /** ZO-SGD step time / forward time (limit 2.0: two forward passes). */
  stepOverForward: number;
  /** A naive TF.js ZO step (z from tf.randomNormal, stored) / ours; only for the large model. */
  naiveStepMs?: number;
  naiveOverOurs?: number;
}

/** Resident bytes (weights + optimizer state + the step's peak) of an Adam lane and a ZO-SGD lane on one task. */
export interface ResidentRatio {
  task: TaskId;
  params: number;
  batch: number;
  adam: StepMemory;
  zo: StepMemory;
  /** Resident Adam / resident ZO-SGD: the ratio MeZO's memory table reports. */
  adamOverZo: number;
  /**
   * Bytes of z the cpu/wasm perturbation kernel keeps cached for the ZO step (4·d; 0 on WebGPU, which
   * regenerates z as MeZO does), outside tfjs's count, and the ratio with it counted as ZO state.
   */
  directionCacheBytes: number;
  adamOverZoWithCache: number;
}

export interface BenchResult {
  backend: string;
  perturbKernel: string;
  mlp: ModelBench;
  big: ModelBench;
  memory: {
    forwardPeakBytes: number;
    zoStepPeakBytes: number;
    largestWeightBytes: number;
    /** Peak of a ZO step / peak of a forward pass. */
    zoOverForward: number;
    /** 1 + largest weight / forward peak + 5%. */
    zoOverForwardTarget: number;
    backpropPeakBytes: number;
    /** Peak of a backprop (Adam) step / peak of a ZO step, at the memory batch. */
    backpropOverZo: number;
    batch: number;
    /** Resident memory, Adam / ZO-SGD: the large MLP at the memory batch, and the GPT at its defaults. */
    resident: { mlp: ResidentRatio; gpt: ResidentRatio };
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeIt(reps: number, run: () => tf.Tensor): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps + 2; i++) {
    const t0 = performance.now();
    const out = run();
    await out.data();
    out.dispose();
    if (i >= 2) times.push(performance.now() - t0); // two warm-up runs compile shaders
  }
  return median(times);
}

function spiral(hidden: number, batch = 64): TaskInstance {
  return TASK_FACTORIES.spiral({ ...defaultTaskSettings('spiral'), hidden, batch }, 1);
}

/** A ZO-SGD step the obvious way in TF.js: z from tf.randomNormal (CPU-made, uploaded), kept for the step. */
function naiveZoStep(task: TaskInstance, step: number, lr: number, eps: number): tf.Tensor {
  const batch = task.batch(step);
  const zs = task.params.map((v, i) => tf.randomNormal(v.shape, 0, 1, 'float32', 1 + step * 1000 + i));
  const shift = (scale: number | tf.Scalar) =>
    task.params.forEach((v, i) => v.assign(tf.tidy(() => tf.add(v, tf.mul(zs[i], scale)))));
  shift(eps);
  const lossPlus = task.loss(batch);
  shift(-2 * eps);
  const lossMinus = task.loss(batch);
  shift(eps);
  const coef = tf.tidy(() => tf.mul(tf.sub(lossPlus, lossMinus), -lr / (2 * eps)) as tf.Scalar);
  shift(coef);
  tf.dispose([...zs, lossMinus, coef]);
  if (batch) tf.dispose([batch.x, batch.y]);
  return lossPlus;
}

async function benchModel(task: TaskInstance, reps: number, naive: boolean): Promise<ModelBench> {
  const batch = task.batch(1);
  const forwardMs = await timeIt(reps, () => task.loss(batch));
  const opt = createOptimizer('zo-sgd', { lr: 1e-6, eps: 1e-3, q: 1 });
  const zoStepMs = await timeIt(reps, () => opt.minimize(() => task.loss(batch), true, task.params)!);
  opt.dispose();
  const result: ModelBench = { params: task.numParams, forwardMs, zoStepMs, stepOverForward: zoStepMs / forwardMs };
  if (naive) {
    let step = 0;
    result.naiveStepMs = await timeIt(reps, () => naiveZoStep(task, ++step, 1e-6, 1e-3));
    result.naiveOverOurs = result.naiveStepMs / zoStepMs;
  }
  if (batch) tf.dispose([batch.x, batch.y]);
  return result;
}

function peakBytes(f: () => tf.TensorContainer): Promise<number> {
  return tf.profile(() => f()).then((info) => info.peakBytes);
}

/**
 * An Adam lane and a ZO-SGD lane measured as the runner measures them (run/memory.ts), each on its own
 * instance of the task: resident = weights + optimizer state + the step's peak, activations included.
 */
export async function residentRatio(taskId: TaskId, settings: Record<string, number>): Promise<ResidentRatio> {
  await loadTaskAssets(taskId);
  const lane = async (id: 'adam' | 'zo-sgd') => {
    const task = TASK_FACTORIES[taskId](settings, 1);
    const opt = createOptimizer(id, { lr: 1e-6 });
    try {
      return { memory: await measureStepMemory(task, opt), params: task.numParams };
    } finally {
      opt.dispose();
      task.dispose();
    }
  };
  const adam = await lane('adam');
  clearFusedCache();
  const zo = await lane('zo-sgd');
  const directionCacheBytes = fusedCacheBytes();
  clearFusedCache();
  const [a, z] = [residentBytes(adam.memory), residentBytes(zo.memory)];
  return {
    task: taskId,
    params: adam.params,
    batch: settings.batch,
    adam: adam.memory,
    zo: zo.memory,
    adamOverZo: a / z,
    directionCacheBytes,
    adamOverZoWithCache: a / (z + directionCacheBytes),
  };
}

/** The resident-memory ratios alone (`npm run bench -- --memory`). */
export async function residentRatios(opts: BenchOptions = FULL_BENCH): Promise<{ mlp: ResidentRatio; gpt: ResidentRatio }> {
  const mlp = await residentRatio('spiral', { ...defaultTaskSettings('spiral'), hidden: opts.bigHidden, batch: opts.memoryBatch });
  const gpt = await residentRatio('gpt-names', defaultTaskSettings('gpt-names'));
  return { mlp, gpt };
}

export async function runBench(opts: BenchOptions = FULL_BENCH, perturbKernel = 'typescript'): Promise<BenchResult> {
  const small = spiral(8);
  const mlp = await benchModel(small, opts.reps * 3, false);
  small.dispose();

  const bigTask = spiral(opts.bigHidden);
  const big = await benchModel(bigTask, opts.reps, true);

  // Memory: peak bytes allocated inside one call, beyond what existed before it.
  const batch = bigTask.batch(2);
  const largestWeightBytes = Math.max(...bigTask.params.map((v) => v.size * 4));
  const forwardPeakBytes = await peakBytes(() => tf.dispose(bigTask.loss(batch)));
  const zo = createOptimizer('zo-sgd', { lr: 1e-6, eps: 1e-3 });
  const zoStepPeakBytes = await peakBytes(() => tf.dispose(zo.minimize(() => bigTask.loss(batch), true, bigTask.params)!));
  if (batch) tf.dispose([batch.x, batch.y]);
  bigTask.dispose();

  const memTask = spiral(opts.bigHidden, opts.memoryBatch);
  const memBatch = memTask.batch(3);
  const adam = createOptimizer('adam', { lr: 1e-6 });
  adam.minimize(() => memTask.loss(memBatch), false, memTask.params); // allocate Adam's moments first
  const backpropPeakBytes = await peakBytes(() => tf.dispose(adam.minimize(() => memTask.loss(memBatch), true, memTask.params)!));
  const zoPeakAtBatch = await peakBytes(() => tf.dispose(zo.minimize(() => memTask.loss(memBatch), true, memTask.params)!));
  adam.dispose();
  zo.dispose();
  if (memBatch) tf.dispose([memBatch.x, memBatch.y]);
  memTask.dispose();

  return {
    backend: tf.getBackend(),
    perturbKernel,
    mlp,
    big,
    memory: {
      forwardPeakBytes,
      zoStepPeakBytes,
      largestWeightBytes,
      zoOverForward: zoStepPeakBytes / forwardPeakBytes,
      zoOverForwardTarget: (1 + largestWeightBytes / forwardPeakBytes) * 1.05,
      backpropPeakBytes,
      backpropOverZo: backpropPeakBytes / zoPeakAtBatch,
      batch: opts.memoryBatch,
      resident: await residentRatios(opts),
    },
  };
}
