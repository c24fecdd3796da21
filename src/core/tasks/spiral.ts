import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import { Purpose, Stream, hashString } from '../rng';
import { accuracy, createMlp, crossEntropy } from './mlp';
import type { Batch, TaskFactory } from './types';

/** Outer radius of the spirals: inputs span about [−4, 4], where tanh units separate them well. */
const SPIRAL_RADIUS = 4;
const TASK_KEY = hashString('spiral');

/**
 * Two interleaved spirals (after tensorflow/playground's dataset): class c, point i of n per class:
 * r = R·i/n, t = turns·2π·i/n + cπ, (x, y) = (r sin t, r cos t) + R·noise·U(−1, 1)², R = 4.
 */
export function spiralPoints(n: number, noise: number, turns: number, stream: Stream): { x: Float32Array; labels: Uint8Array } {
  const perClass = Math.floor(n / 2);
  const x = new Float32Array(perClass * 2 * 2);
  const labels = new Uint8Array(perClass * 2);
  let row = 0;
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < perClass; i++) {
      const r = (SPIRAL_RADIUS * i) / perClass;
      const t = (turns * 2 * Math.PI * i) / perClass + c * Math.PI;
      x[2 * row] = r * Math.sin(t) + SPIRAL_RADIUS * noise * (2 * stream.uniform() - 1);
      x[2 * row + 1] = r * Math.cos(t) + SPIRAL_RADIUS * noise * (2 * stream.uniform() - 1);
      labels[row] = c;
      row++;
    }
  }
  return { x, labels };
}

function oneHot(labels: Uint8Array, rows: number[] | null, classes: number): Float32Array {
  const n = rows ? rows.length : labels.length;
  const y = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) y[i * classes + labels[rows ? rows[i] : i]] = 1;
  return y;
}

/** Spiral classification with a 2 → h → h → 2 tanh MLP and softmax cross-entropy. */
export const createSpiral: TaskFactory = (settings, seed) => {
  const spec = taskSpec('spiral')!;
  const hidden = settings.hidden;
  const batchSize = settings.batch;
  const train = spiralPoints(settings.points, settings.noise, settings.turns, new Stream(seed, TASK_KEY, 0, 0, Purpose.data));
  const evalSet = spiralPoints(settings.points, settings.noise, settings.turns, new Stream(seed, TASK_KEY, 1, 0, Purpose.data));
  const numTrain = train.labels.length;
  const evalX = tf.tensor2d(evalSet.x, [evalSet.labels.length, 2]); // [n, 2]
  const evalY = tf.tensor2d(oneHot(evalSet.labels, null, 2), [evalSet.labels.length, 2]); // [n, 2]
  const mlp = createMlp([2, hidden, hidden, 2], seed, TASK_KEY);

  return {
    spec,
    params: mlp.params,
    numParams: mlp.numParams,
    batch(step: number): Batch {
      // Sampled with replacement from the step's own stream: identical in every lane.
      const rng = new Stream(seed, step, 0, 0, Purpose.batch);
      const rows = Array.from({ length: batchSize }, () => rng.int(numTrain));
      const xb = new Float32Array(batchSize * 2);
      rows.forEach((r, i) => {
        xb[2 * i] = train.x[2 * r];
        xb[2 * i + 1] = train.x[2 * r + 1];
      });
      return {
        x: tf.tensor2d(xb, [batchSize, 2]), // [batch, 2]
        y: tf.tensor2d(oneHot(train.labels, rows, 2), [batchSize, 2]), // [batch, 2]
      };
    },
    loss: (batch) => tf.tidy(() => crossEntropy(mlp.apply(batch!.x), batch!.y)),
    evaluate: () =>
      tf.tidy(() => {
        const logits = mlp.apply(evalX);
        return [crossEntropy(logits, evalY), accuracy(logits, evalY)];
      }),
    dispose() {
      tf.dispose(mlp.params);
      evalX.dispose();
      evalY.dispose();
    },
  };
};
