import { createAdam } from './adam/adam';
import { createCmaEs } from './cma-es/cma-es';
import { createFzoo } from './fzoo/fzoo';
import { createHiZoo } from './hizoo/hizoo';
import type { HyperInput } from './hyper';
import { createLozo } from './lozo/lozo';
import { createMezoSvrg } from './mezo-svrg/mezo-svrg';
import { createMomentum } from './momentum/momentum';
import { createOnePlusOneEs } from './one-plus-one-es/one-plus-one-es';
import { createOpenAiEs } from './openai-es/openai-es';
import type { Optimizer } from './optimizer';
import { createRandomSearch } from './random-search/random-search';
import { createSgd } from './sgd/sgd';
import { createSnes } from './snes/snes';
import { createSparseMezo } from './sparse-mezo/sparse-mezo';
import { isOptimizerId, type OptimizerId } from './specs';
import { createZoAdam } from './zo-adam/zo-adam';
import { createZoBcd } from './zo-bcd/zo-bcd';
import { createZoCons } from './zo-cons/zo-cons';
import { createZoSgd } from './zo-sgd/zo-sgd';
import { createZoSgdMmt } from './zo-sgd-mmt/zo-sgd-mmt';
import { createZoSign } from './zo-sign/zo-sign';
import { createZoSignSgd } from './zo-signsgd/zo-signsgd';

/** Build an optimizer from hyperparameters (stored form or by name) and a seed. */
export type OptimizerFactory = (hyper?: HyperInput, seed?: number) => Optimizer;

/** Optimizer implementations by id: one entry per spec of specs.ts (a missing one does not compile). */
export const OPTIMIZER_FACTORIES: Readonly<Record<OptimizerId, OptimizerFactory>> = {
  'zo-sgd': createZoSgd,
  'zo-sgd-mmt': createZoSgdMmt,
  'zo-sign': createZoSign,
  'zo-signsgd': createZoSignSgd,
  'zo-cons': createZoCons,
  'zo-adam': createZoAdam,
  hizoo: createHiZoo,
  lozo: createLozo,
  fzoo: createFzoo,
  'sparse-mezo': createSparseMezo,
  'mezo-svrg': createMezoSvrg,
  'zo-bcd': createZoBcd,
  'openai-es': createOpenAiEs,
  snes: createSnes,
  'cma-es': createCmaEs,
  'one-plus-one-es': createOnePlusOneEs,
  'random-search': createRandomSearch,
  sgd: createSgd,
  momentum: createMomentum,
  adam: createAdam,
};

/** The factory for an id that arrived as text (a RunConfig's lane); throws on an unknown id. */
export function optimizerFactory(id: string): OptimizerFactory {
  if (!isOptimizerId(id)) throw new Error(`Unknown optimizer '${id}'`);
  return OPTIMIZER_FACTORIES[id];
}

export { Optimizer } from './optimizer';
export { CMA_ES_MAX_DIM } from './cma-es/spec';
export type { HyperInput } from './hyper';
export type { OptimizerId } from './specs';
