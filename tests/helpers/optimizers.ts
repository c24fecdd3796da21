import * as tf from '@tensorflow/tfjs';
import { optimizerFactory } from '../../src/core/optimizers';
import type { TaskInstance } from '../../src/core/tasks/types';

/** Use tfjs's pure-JS cpu backend, as the CLI does. */
export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Mean and standard error of a sample. */
export function meanAndSe(xs: number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/**
 * Run `id` on `task` (deterministic: every optimizer draws from seeded Philox streams) until the loss
 * is at most `threshold` or `budget` steps have passed; the loss is checked every `every` steps.
 * Returns the step at which the threshold was met (or null) and the best loss seen.
 */
export function stepsToThreshold(
  task: TaskInstance,
  id: string,
  hyper: Record<string, number>,
  threshold: number,
  budget: number,
  every = 10,
): { reachedAt: number | null; best: number } {
  const opt = optimizerFactory(id)(hyper, 1);
  let best = Infinity;
  let reachedAt: number | null = null;
  try {
    for (let step = 1; step <= budget; step++) {
      const batch = task.batch(step);
      opt.minimize(() => task.loss(batch), false, task.params);
      if (batch) tf.dispose([batch.x, batch.y]);
      if (step % every === 0 || step === budget) {
        const loss = task.evaluate();
        const value = loss[0].dataSync()[0];
        tf.dispose(loss);
        best = Math.min(best, value);
        if (value <= threshold) {
          reachedAt = step;
          break;
        }
      }
    }
  } finally {
    opt.dispose();
  }
  return { reachedAt, best };
}
