/**
 * ZO Playground's public library API, in TF.js's own idiom:
 *
 *   const opt = createOptimizer('zo-sgd', { lr: 1e-3, eps: 1e-3, dist: 'rademacher' }, { seed: 7 });
 *   opt.minimize(() => model.predict(x).sub(y).square().mean() as tf.Scalar);
 *   opt.dispose();
 *
 * Like tf.train: `minimize(f, returnCost, varList)`, a non-scalar loss throws, and the backprop
 * baselines skip a variable the loss does not use. Values are used as given: one outside the
 * method's mathematical domain (lr < 0, ε ≤ 0, β ∉ [0, 1), a non-integer q, a seed outside
 * [0, 2³²)) throws a RangeError naming it; nothing is clamped. Hyperparameters and their domains:
 * src/core/optimizers/README.md.
 */
import { nearest } from './run/codec';
import { OPTIMIZER_FACTORIES, type HyperInput, type Optimizer } from './optimizers';
import { OPTIMIZER_IDS, isOptimizerId, type HyperOf, type OptimizerId } from './optimizers/specs';

/**
 * A new optimizer `id` with hyperparameters `hyper` (the spec's defaults for the rest; categorical
 * options by name) and `opts.seed` (default 1), which keys every random direction it draws.
 */
export function createOptimizer<Id extends OptimizerId>(id: Id, hyper?: HyperOf<Id>, opts: { seed?: number } = {}): Optimizer {
  if (!isOptimizerId(id)) throw new Error(`Unknown optimizer '${id}'. Did you mean '${nearest(id, OPTIMIZER_IDS)}'?`);
  return OPTIMIZER_FACTORIES[id]((hyper ?? {}) as HyperInput, opts.seed ?? 1);
}

export { Optimizer } from './optimizers';
export { OPTIMIZERS, OPTIMIZER_IDS, OPTIMIZER_SPECS, isOptimizerId, optimizerSpec } from './optimizers/specs';
export type { HyperOf, OptimizerId } from './optimizers/specs';
export { TASKS, taskSpec } from './tasks/specs';
export type { Domain, ParamSpec } from './params';
export type { OptimizerSpec } from './optimizers/types';
export type { TaskSpec } from './tasks/shared/spec';
export { TASK_FACTORIES } from './tasks';
export type { TaskInstance, Batch } from './tasks';
export { Runner, DIVERGENCE_FACTOR } from './run/runner';
export { METRIC_COLUMNS, NUM_METRIC_COLUMNS } from './run/metrics';
export { RunConfigSchema, defaultConfig, type RunConfig } from './run/config';
export { encodeConfig, decodeConfig } from './run/codec';
export { toCsv, parseCsv, CSV_HEADER } from '../export/csv';
export { perturb, direction, setPerturbKernel } from './random/perturb';
