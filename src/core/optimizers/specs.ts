import type { OptimizerSpec } from './types';
import type { ParamSpec } from '../params';
import { ADAM } from './adam/spec';
import { CMA_ES } from './cma-es/spec';
import { FZOO } from './fzoo/spec';
import { HIZOO } from './hizoo/spec';
import { LOZO } from './lozo/spec';
import { MEZO_SVRG } from './mezo-svrg/spec';
import { MOMENTUM } from './momentum/spec';
import { ONE_PLUS_ONE_ES } from './one-plus-one-es/spec';
import { OPENAI_ES } from './openai-es/spec';
import { RANDOM_SEARCH } from './random-search/spec';
import { SGD } from './sgd/spec';
import { SPARSE_MEZO } from './sparse-mezo/spec';
import { SNES } from './snes/spec';
import { ZO_ADAM } from './zo-adam/spec';
import { ZO_BCD } from './zo-bcd/spec';
import { ZO_CONS } from './zo-cons/spec';
import { ZO_SGD } from './zo-sgd/spec';
import { ZO_SGD_MMT } from './zo-sgd-mmt/spec';
import { ZO_SIGN } from './zo-sign/spec';
import { ZO_SIGNSGD } from './zo-signsgd/spec';

/**
 * The optimizers, one spec per folder (pure data, no tfjs: the UI, the URL codec and the CLI read
 * it). The order is the order of the UI's lists and the README's tables. Adding an optimizer adds
 * one line here; src/core/optimizers/README.md shows the whole recipe.
 */
export const OPTIMIZER_SPECS = [
  ZO_SGD,
  ZO_SGD_MMT,
  ZO_SIGN,
  ZO_SIGNSGD,
  ZO_CONS,
  ZO_ADAM,
  HIZOO,
  LOZO,
  FZOO,
  SPARSE_MEZO,
  MEZO_SVRG,
  ZO_BCD,
  OPENAI_ES,
  SNES,
  CMA_ES,
  ONE_PLUS_ONE_ES,
  RANDOM_SEARCH,
  SGD,
  MOMENTUM,
  ADAM,
] as const;

type AnySpec = (typeof OPTIMIZER_SPECS)[number];

/** 'zo-sgd' | 'zo-sgd-mmt' | … : every map over optimizers is a Record<OptimizerId, …>. */
export type OptimizerId = AnySpec['id'];

/** The ids in registry order. */
export const OPTIMIZER_IDS: readonly OptimizerId[] = OPTIMIZER_SPECS.map((s) => s.id);

/** The same list, typed as plain specs (for code that does not need the literal types). */
export const OPTIMIZERS: readonly OptimizerSpec<OptimizerId>[] = OPTIMIZER_SPECS;

export function isOptimizerId(id: string): id is OptimizerId {
  return (OPTIMIZER_IDS as readonly string[]).includes(id);
}

export function optimizerSpec(id: OptimizerId): OptimizerSpec<OptimizerId>;
export function optimizerSpec(id: string): OptimizerSpec<OptimizerId> | undefined;
export function optimizerSpec(id: string): OptimizerSpec<OptimizerId> | undefined {
  return OPTIMIZERS.find((o) => o.id === id);
}

/** A hyperparameter's value as the library takes it: a choice by name, anything else a number. */
type HyperValue<P> = P extends { readonly choices: infer C extends readonly string[] } ? C[number] : number;

type HyperOfSpec<S> = S extends { readonly hypers: infer H extends readonly ParamSpec[] }
  ? { [P in H[number] as P['name']]?: HyperValue<P> }
  : never;

/**
 * The `hyper` argument of `createOptimizer(id, hyper)`: the optimizer's own hyperparameters, each
 * optional, categorical ones by name. E.g. HyperOf<'zo-sgd'> is
 * { lr?: number; eps?: number; q?: number; dist?: 'gaussian' | 'rademacher' | 'sphere'; mode?: 'central' | 'one-sided' }.
 */
export type HyperOf<Id extends OptimizerId> = HyperOfSpec<Extract<AnySpec, { readonly id: Id }>>;

export { CMA_ES_MAX_DIM } from './cma-es/spec';
export { DISTRIBUTIONS, MODES, RULES, type RuleName } from './params';
