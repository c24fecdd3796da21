import { choiceParam, domains } from '../../params';
import { defineOptimizer } from '../types';
import { sigma } from '../params';
import { defaultPopulation } from './strategy';

/**
 * CMA-ES refuses models over this many parameters: a step keeps the d×d covariance and its
 * eigenvectors and eigendecomposes them every few steps on the CPU (O(d³)).
 */
export const CMA_ES_MAX_DIM = 300;

/** Restart schemes (hyper `restarts` is an index into this). */
export const CMA_RESTARTS = ['none', 'ipop'] as const;

/** λ of a run in d dimensions: the hyperparameter, or 4 + ⌊3 ln d⌋ when it is 0. */
export const cmaPopulation = (h: Readonly<Record<string, number>>, d: number) => (h.lambda >= 2 ? h.lambda : defaultPopulation(d));

export const CMA_ES = defineOptimizer({
  id: 'cma-es',
  label: 'CMA-ES (full covariance)',
  family: 'strategy',
  paper: {
    authors: 'Hansen & Ostermeier',
    title: 'Completely Derandomized Self-Adaptation in Evolution Strategies (CMA-ES); tutorial: arXiv 1604.00772',
    year: 2001,
    url: 'https://arxiv.org/abs/1604.00772',
  },
  equation:
    'xₖ = m + σ·N(0, C),  m ← Σ wᵢx_{i:λ},  C ← (1−c₁−c_μΣw)C + c₁p_cp_cᵀ + c_μΣ wᵢ°yᵢyᵢᵀ (active: w < 0 for the worst),  σ by cumulative step-size adaptation',
  memory: `3×d² (covariance C, its eigenvectors, C^(−½)); refuses more than ${CMA_ES_MAX_DIM} parameters`,
  description:
    'Covariance Matrix Adaptation: samples from a full Gaussian N(m, σ²C), moves the mean to a ' +
    'weighted average of the best half, and learns C from successful steps, so it adapts to rotated ' +
    'and ill-conditioned valleys. Active CMA (the default, as pycma) also shrinks C along the worst ' +
    'samples; IPOP restarts with a doubled population when the search stagnates. Its d×d covariance ' +
    `limits it to small models (at most ${CMA_ES_MAX_DIM} parameters here); it runs on the CPU and reads the λ losses back every step.`,
  hypers: [
    sigma(0.3, 'Step size σ of the search distribution (then adapted); changing it live sets the current σ.'),
    {
      name: 'lambda',
      label: 'population λ',
      default: 0,
      // Links written before λ = 0 meant "standard" ran λ = 16 when they did not name it.
      legacy: 16,
      min: 0,
      max: 256,
      log: false,
      integer: true,
      meaning: 'Samples per step; 0 is the standard 4 + ⌊3 ln d⌋ (18 for 114 parameters). λ = 1 is refused (no parent).',
      domain: domains.integerAtLeast(0),
    },
    {
      ...choiceParam('active', 'active update', ['off', 'on'], 'on: negative recombination weights for the worst samples (active CMA, pycma’s default); off: positive weights only (purecma).', 1),
      // Links written before the option ran the positive-only update.
      legacy: 0,
    },
    choiceParam('restarts', 'restarts', CMA_RESTARTS, 'ipop: on stagnation restart from the initial mean with the initial σ and twice the population (Auger & Hansen 2005).'),
  ],
  forwardPasses: (h) => (h.lambda >= 2 ? h.lambda : NaN),
  passesNote: 'λ (4 + ⌊3 ln d⌋ when λ = 0; doubled by each IPOP restart)',
  maxParams: CMA_ES_MAX_DIM,
});
