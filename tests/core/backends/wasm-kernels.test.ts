import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../../src/cli/backend';
import { BORROWED_FROM_CPU } from '../../../src/core/backends/wasm-kernels';
import { defaultConfig, defaultLane, defaultTaskSettings, type RunConfig } from '../../../src/core/run/config';
import { decodeRows, type MetricRow } from '../../../src/core/run/metrics';
import { Runner } from '../../../src/core/run/runner';
import { TASKS, type TaskId } from '../../../src/core/tasks/specs';
import { SMALL, setUpTasks } from '../../helpers/tasks';

/**
 * The wasm backend (the CLI's default in Node, a browser fallback) runs every task with a
 * zeroth-order, a backprop and a population optimizer: no kernel is missing, losses are finite, and
 * the first losses match the cpu backend's (same weights, same batch, another implementation of the
 * same float32 math). The kernels tfjs-backend-wasm lacks are borrowed from the cpu backend
 * (src/core/backends/wasm-kernels.ts), so where they run the numbers are the cpu backend's exactly.
 * This file says otherwise to the rule "unit tests run on cpu": it switches between the two.
 */

const OPTIMIZERS = ['zo-sgd', 'adam', 'openai-es'] as const;
const STEPS = 3;

beforeAll(async () => {
  await setUpTasks(); // assets for every task, from public/data
  await startNodeBackend('wasm');
});
afterAll(async () => {
  await startNodeBackend('cpu');
});

async function on<T>(backend: 'cpu' | 'wasm', f: () => Promise<T> | T): Promise<T> {
  await startNodeBackend(backend);
  return f();
}

function config(taskId: TaskId): RunConfig {
  return {
    ...defaultConfig(),
    task: { id: taskId, settings: { ...defaultTaskSettings(taskId), ...SMALL[taskId] } },
    lanes: OPTIMIZERS.map((id) => defaultLane(id, taskId)),
    steps: STEPS,
    evalEvery: STEPS,
  };
}

interface Played {
  rows: MetricRow[];
  statuses: string[];
  messages: (string | undefined)[];
  pictureKind: string | undefined;
  peaks: number[];
  weights: number[];
}

async function play(taskId: TaskId): Promise<Played> {
  const runner = new Runner(config(taskId));
  try {
    const chunk = await runner.runChunk(STEPS);
    const picture = await runner.picture();
    await runner.measurePeaks();
    return {
      rows: decodeRows(chunk.rows, chunk.numRows),
      statuses: OPTIMIZERS.map((_, i) => runner.laneStatus(i).status),
      messages: OPTIMIZERS.map((_, i) => runner.laneStatus(i).message),
      pictureKind: picture?.kind,
      peaks: OPTIMIZERS.map((_, i) => runner.laneMemory(i).peakStepBytes),
      weights: OPTIMIZERS.map((_, i) => runner.laneMemory(i).weightBytes),
    };
  } finally {
    runner.dispose();
  }
}

describe.each(TASKS.map((t) => t.id))('%s on wasm: zo-sgd, adam and openai-es', (taskId) => {
  it(`runs ${STEPS} steps with finite losses, draws its picture, and starts where cpu starts`, { timeout: 120_000 }, async () => {
    const wasm = await on('wasm', () => play(taskId));
    const cpu = await on('cpu', () => play(taskId));
    expect(wasm.messages).toEqual(OPTIMIZERS.map(() => undefined)); // e.g. "Kernel '…' not registered"
    expect(wasm.statuses).toEqual(cpu.statuses);
    expect(wasm.rows).toHaveLength(OPTIMIZERS.length * STEPS);
    for (const r of wasm.rows) expect(Number.isFinite(r.trainLoss), `lane ${r.lane} step ${r.step}`).toBe(true);
    for (const r of wasm.rows.filter((x) => x.step === STEPS)) expect(Number.isFinite(r.evalLoss), `lane ${r.lane} eval`).toBe(true);
    expect(wasm.pictureKind).toBe(cpu.pictureKind);
    // Step 1's loss is taken before any update: the same numbers up to float32 rounding.
    const first = (p: Played) => p.rows.filter((r) => r.step === 1).map((r) => r.trainLoss);
    first(wasm).forEach((loss, lane) => expect(Math.abs(loss - first(cpu)[lane]), `lane ${lane}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(loss))));
    // The memory panel counts tensor bytes by shape: the same figures on either backend.
    expect(wasm.weights).toEqual(cpu.weights);
    expect(wasm.peaks).toEqual(cpu.peaks);
    for (const p of wasm.peaks) expect(p).toBeGreaterThan(0);
  });
});

describe('kernels borrowed from the cpu backend', () => {
  it('are the ones tfjs-backend-wasm lacks, and now exist on wasm', () => {
    for (const name of BORROWED_FROM_CPU) {
      expect(tf.getKernel(name, 'cpu'), name).toBeDefined();
      expect(tf.getKernel(name, 'wasm'), name).toBeDefined();
    }
  });

  it("tf.gather trains on wasm: each row's gradient counts its uses (UnsortedSegmentSum)", async () => {
    await startNodeBackend('wasm');
    const table = tf.variable(tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]));
    const ids = tf.tensor1d([1, 3, 1, 1], 'int32');
    const before = tf.memory().numTensors;
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, ids)))(table);
    // d/dTable Σ gather(Table, ids) = (uses of each row) broadcast over its columns.
    expect(Array.from(await grad.data())).toEqual([0, 0, 3, 3, 0, 0, 1, 1]);
    grad.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([table, ids]);
  });

  it("conv2d's filter gradient on wasm is the cpu backend's, bit for bit (Conv2DBackpropFilter)", async () => {
    // A digits-cnn-like layer: 6×6 single-channel images, 3×3 filters, stride 2, 'same' padding.
    const x = Float32Array.from({ length: 2 * 6 * 6 }, (_, i) => Math.sin(i * 0.37));
    const k = Float32Array.from({ length: 3 * 3 * 1 * 4 }, (_, i) => Math.cos(i * 0.91));
    const filterGrad = async (backend: 'cpu' | 'wasm') => {
      await startNodeBackend(backend);
      const [images, filters] = [tf.tensor4d(x, [2, 6, 6, 1]), tf.tensor4d(k, [3, 3, 1, 4])];
      // Loss Σ conv: its gradient with respect to the output is exactly 1, on either backend.
      const g = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(images, f as tf.Tensor4D, 2, 'same')))(filters);
      const values = await g.data();
      tf.dispose([images, filters, g]);
      return Array.from(values);
    };
    const cpu = await filterGrad('cpu');
    const wasm = await filterGrad('wasm');
    expect(wasm).toEqual(cpu);
    // And it is the gradient: Σ over output positions of the input under each filter tap.
    expect(cpu.some((v) => v !== 0)).toBe(true);
  });
});
