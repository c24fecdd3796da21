/**
 * ZO Playground's public library API, in TF.js's own idiom:
 *
 *   const opt = createOptimizer('zo-sgd', { lr: 1e-3, eps: 1e-3 }, { seed: 7 });
 *   opt.minimize(() => model.predict(x).sub(y).square().mean() as tf.Scalar);
 *   opt.dispose();
 */
import { OPTIMIZER_FACTORIES, type Optimizer } from './optimizers';
import { OPTIMIZERS } from './catalog/optimizers';
import { nearest } from './codec';

export function createOptimizer(id: string, hyper: Record<string, number> = {}, opts: { seed?: number } = {}): Optimizer {
  const factory = OPTIMIZER_FACTORIES[id];
  if (!factory)
    throw new Error(`Unknown optimizer '${id}'. Did you mean '${nearest(id, OPTIMIZERS.map((o) => o.id))}'?`);
  return factory(hyper, opts.seed ?? 1);
}

export { Optimizer } from './optimizers';
export { OPTIMIZERS, optimizerSpec } from './catalog/optimizers';
export { TASKS, taskSpec } from './catalog/tasks';
export type { OptimizerSpec, TaskSpec, ParamSpec } from './catalog/types';
export { TASK_FACTORIES } from './tasks';
export type { TaskInstance, Batch } from './tasks';
export { Runner, METRIC_COLUMNS, NUM_METRIC_COLUMNS, DIVERGENCE_FACTOR } from './runner';
export { RunConfigSchema, defaultConfig, type RunConfig } from './config';
export { encodeConfig, decodeConfig } from './codec';
export { toCsv, parseCsv, CSV_HEADER } from './csv';
export { perturb, direction, setPerturbKernel } from './perturb';
