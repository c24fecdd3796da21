/**
 * ZO Playground's public library API, in TF.js's own idiom:
 *
 *   const w = tf.variable(tf.zeros([3, 1]));
 *   const opt = createOptimizer('zo-sgd', { lr: 1e-3, eps: 1e-3, dist: 'rademacher' }, { seed: 7 });
 *   for (let i = 0; i < 100; i++) opt.minimize(() => x.matMul(w).sub(y).square().mean() as tf.Scalar);
 *   opt.dispose();
 *
 * Like tf.train: `minimize(f, returnCost, varList)`, a non-scalar loss throws, and the backprop
 * baselines skip a variable the loss does not use. Values are used as given: one outside the
 * method's mathematical domain (lr < 0, ε ≤ 0, β ∉ [0, 1), a non-integer q, a seed outside
 * [0, 2³²)) throws a RangeError naming it; nothing is clamped. Hyperparameters and their domains:
 * src/core/optimizers/README.md.
 *
 * A whole run as the playground and the CLI replay it: `new Runner(parseRunConfig(json))` (or a
 * share link's `decodeConfig(hash).config`), then `await runner.runChunk(n)` until `runner.done`;
 * each chunk's `rows` are NUM_METRIC_COLUMNS wide, read with `decodeRow(rows, i)`.
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

export { Optimizer } from './optimizers/optimizer';
export { OPTIMIZERS, OPTIMIZER_IDS, isOptimizerId, optimizerSpec, type HyperOf, type OptimizerId } from './optimizers/specs';
export type { OptimizerSpec, HyperSpec, Paper, Family } from './optimizers/types';
export type { Domain, ParamSpec } from './params';

export { TASKS, isTaskId, taskSpec, type TaskId } from './tasks/specs';
export type { TaskSpec } from './tasks/shared/spec';
export { TASK_FACTORIES } from './tasks/registry';
export type { TaskInstance, Batch, TaskFactory } from './tasks/types';
export type { TaskPicture } from './tasks/picture';

export { Runner, DIVERGENCE_FACTOR } from './run/runner';
export {
  METRIC_COLUMNS,
  NUM_METRIC_COLUMNS,
  COLUMN,
  decodeRow,
  decodeRows,
  type MetricColumn,
  type MetricRow,
  type LaneStatus,
  type LaneStatusInfo,
  type LaneMemory,
} from './run/metrics';
export { parseRunConfig, defaultConfig, defaultLane, type RunConfig, type Lane, type ScheduleEntry } from './run/config';
export { encodeConfig, decodeConfig, type Decoded } from './run/codec';
export { perturb, direction, setPerturbKernel, type DirectionKey, type PerturbKernel } from './random/perturb';
