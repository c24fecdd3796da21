import { createAdam, createMomentum, createSgd } from './backprop';
import type { Optimizer } from './base';
import { createCmaEs } from './cma-es';
import { createHiZoo } from './hizoo';
import { createLozo } from './lozo';
import { createOnePlusOneEs } from './one-plus-one-es';
import { createOpenAiEs } from './openai-es';
import { createRandomSearch } from './random-search';
import { createSnes } from './snes';
import { createZoAdam } from './zo-adam';
import { createZoCons } from './zo-cons';
import { createZoSgd } from './zo-sgd';
import { createZoSgdMmt } from './zo-sgd-mmt';
import { createZoSign } from './zo-sign';
import { createZoSignSgd } from './zo-signsgd';

export type OptimizerFactory = (hyper?: Record<string, number>, seed?: number) => Optimizer;

/** Optimizer implementations by id (their specs are in `catalog/optimizers.ts`, same order). */
export const OPTIMIZER_FACTORIES: Record<string, OptimizerFactory> = {
  'zo-sgd': createZoSgd,
  'zo-sgd-mmt': createZoSgdMmt,
  'zo-sign': createZoSign,
  'zo-signsgd': createZoSignSgd,
  'zo-cons': createZoCons,
  'zo-adam': createZoAdam,
  hizoo: createHiZoo,
  lozo: createLozo,
  'openai-es': createOpenAiEs,
  snes: createSnes,
  'cma-es': createCmaEs,
  'one-plus-one-es': createOnePlusOneEs,
  'random-search': createRandomSearch,
  sgd: createSgd,
  momentum: createMomentum,
  adam: createAdam,
};

export { Optimizer } from './base';
export { CMA_ES_MAX_DIM } from './cma-es';
