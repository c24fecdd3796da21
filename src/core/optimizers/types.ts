import type { Domain, ParamSpec } from '../params';

/** An optimizer's spec as pure data (no tfjs): read by the library, the UI, the URL codec and the CLI. */

export type Family = 'zeroth-order' | 'strategy' | 'backprop';

export interface Paper {
  authors: string;
  title: string;
  year: number;
  url: string;
}

/** An optimizer's hyperparameter: a ParamSpec whose mathematical domain is always stated. */
export type HyperSpec<Name extends string = string> = ParamSpec<Name> & { readonly domain: Domain };

export interface OptimizerSpec<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  readonly family: Family;
  readonly paper: Paper;
  /** The update as a reader would check it against the paper. */
  readonly equation: string;
  /** Extra memory beyond the weights, in words a user reads. */
  readonly memory: string;
  readonly description: string;
  readonly hypers: readonly HyperSpec[];
  /** Forward-pass equivalents per step (a backprop step counts as 3). */
  readonly forwardPasses: (hyper: Readonly<Record<string, number>>) => number;
  /** The count in words, where the hyperparameters alone do not fix it (forwardPasses is then NaN). */
  readonly passesNote?: string;
  /** The most parameters a model may have: larger ones are refused (the UI says so before a run). */
  readonly maxParams?: number;
}

/**
 * Declare an optimizer's spec with its literal types kept (its id, hyperparameter names and
 * choices), from which `OptimizerId` and the library's typed `hyper` argument are derived.
 */
export function defineOptimizer<const Spec extends OptimizerSpec>(spec: Spec): Spec {
  return spec;
}
