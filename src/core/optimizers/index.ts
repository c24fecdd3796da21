import { createAdam, createSgd } from './backprop';
import type { Optimizer } from './base';
import { createZoSgd } from './zo-sgd';

export type OptimizerFactory = (hyper?: Record<string, number>, seed?: number) => Optimizer;

/** Optimizer implementations by id (their specs are in `catalog/optimizers.ts`). */
export const OPTIMIZER_FACTORIES: Record<string, OptimizerFactory> = {
  'zo-sgd': createZoSgd,
  sgd: createSgd,
  adam: createAdam,
};

export { Optimizer } from './base';
