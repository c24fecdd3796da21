import { choiceParam, domains } from '../params';
import type { HyperSpec } from './types';

/**
 * Hyperparameter specs shared by several optimizers (pure data, no tfjs). Each states its slider
 * range (min, max: what the UI and the URL codec clamp to) and its mathematical domain (what the
 * library accepts: lr ≥ 0, ε > 0, β ∈ [0, 1), q a positive integer, σ > 0).
 */

/** Direction families of the two-point estimators (hyper `dist` is an index into this). */
export const DISTRIBUTIONS = ['gaussian', 'rademacher', 'sphere'] as const;
/** Finite-difference modes (hyper `mode`). */
export const MODES = ['central', 'one-sided'] as const;
/**
 * Update rules OpenAI-ES can feed its estimate to (hyper `rule`). New rules go at the end: the
 * index is what a run stores.
 */
export const RULES = ['sgd', 'adam', 'momentum'] as const;
export type RuleName = (typeof RULES)[number];

export const lr = (value: number, min: number, max: number): HyperSpec<'lr'> => ({
  name: 'lr',
  label: 'learning rate η',
  default: value,
  min,
  max,
  log: true,
  meaning: 'Step size: how far each update moves the weights.',
  domain: domains.atLeast(0),
});

export const eps = (value = 1e-3): HyperSpec<'eps'> => ({
  name: 'eps',
  label: 'perturbation ε',
  default: value,
  min: 1e-6,
  max: 1,
  log: true,
  meaning: 'Radius of the probes θ ± εz used to difference the loss.',
  domain: domains.above(0),
});

export const q: HyperSpec<'q'> = {
  name: 'q',
  label: 'directions q',
  default: 1,
  min: 1,
  max: 64,
  log: false,
  integer: true,
  meaning: 'Random directions averaged per step; each costs two forward passes (one when one-sided).',
  domain: domains.integerAtLeast(1),
};

export const dist = choiceParam(
  'dist',
  'directions',
  DISTRIBUTIONS,
  'Distribution of z: Gaussian N(0, I), Rademacher ±1, or uniform on the sphere of radius √d (all parameters together).',
);

export const mode = choiceParam(
  'mode',
  'difference',
  MODES,
  'central: (L(θ+εz) − L(θ−εz))/2ε, two passes per direction; one-sided: (L(θ+εz) − L(θ))/ε, L(θ) shared by the q directions.',
);

const beta = <const Name extends 'beta1' | 'beta2'>(name: Name, value: number, max: number, meaning: string): HyperSpec<Name> => ({
  name,
  label: name === 'beta1' ? 'β₁' : 'β₂',
  default: value,
  min: 0,
  max,
  log: false,
  meaning,
  domain: domains.halfOpen(0, 1),
});
export const beta1 = beta('beta1', 0.9, 0.9999, 'Decay of the running mean of gradients (momentum).');
export const beta2 = beta('beta2', 0.999, 0.99999, 'Decay of the running mean of squared gradients.');

export const momentum = (value: number): HyperSpec<'momentum'> => ({
  name: 'momentum',
  label: 'momentum μ',
  default: value,
  min: 0,
  max: 0.999,
  log: false,
  meaning: 'Fraction of the previous update carried into the next: b ← μb + g.',
  domain: domains.halfOpen(0, 1),
});

export const sigma = (value: number, meaning: string): HyperSpec<'sigma'> => ({
  name: 'sigma',
  label: 'step size σ',
  default: value,
  min: 1e-4,
  max: 10,
  log: true,
  meaning,
  domain: domains.above(0),
});

/** A population size: a whole number of samples per step, at least `least` (the method's minimum). */
export const population = <const Name extends string>(
  name: Name,
  label: string,
  value: number,
  min: number,
  least: number,
  meaning: string,
): HyperSpec<Name> => ({
  name,
  label,
  default: value,
  min,
  max: 256,
  log: true,
  integer: true,
  meaning,
  domain: domains.integerAtLeast(least),
});

/**
 * (1+1) strategies: re-evaluate the parent on each step's batch (on: minibatch losses are noisy, two
 * passes a step) or keep its loss (off: deterministic tasks, one pass a step after the first).
 */
export const reeval = choiceParam(
  'reeval',
  're-evaluate parent',
  ['off', 'on'],
  "on: the parent's loss is measured again on each step's batch (2 passes); off: the accepted loss is kept (1 pass; for deterministic tasks).",
  1,
);
