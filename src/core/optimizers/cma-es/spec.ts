import { defineOptimizer } from '../types';
import { population, sigma } from '../params';

/**
 * CMA-ES refuses models over this many parameters: a step keeps the d×d covariance and its
 * eigenvectors and eigendecomposes them every few steps on the CPU (O(d³)).
 */
export const CMA_ES_MAX_DIM = 300;

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
    'xₖ = m + σ·N(0, C),  m ← Σ wᵢx_{i:λ},  C ← (1−c₁−c_μ)C + c₁p_cp_cᵀ + c_μΣ wᵢyᵢyᵢᵀ,  σ by cumulative step-size adaptation',
  memory: `2×d² (covariance C and its eigenvectors); refuses more than ${CMA_ES_MAX_DIM} parameters`,
  description:
    'Covariance Matrix Adaptation: samples from a full Gaussian N(m, σ²C), moves the mean to a ' +
    'weighted average of the best half, and learns C from successful steps, so it adapts to rotated ' +
    'and ill-conditioned valleys. Its d×d covariance limits it to small models (at most ' +
    `${CMA_ES_MAX_DIM} parameters here); it runs on the CPU and reads the λ losses back every step.`,
  hypers: [
    sigma(0.3, 'Step size σ of the search distribution (then adapted); changing it live sets the current σ.'),
    // λ ≥ 2 keeps μ = ⌊λ/2⌋ ≥ 1 parent; the slider starts at 4, the usual smallest population.
    population('lambda', 'population λ', 16, 4, 2, 'Samples per step; the standard default is 4 + ⌊3 ln d⌋ (18 for 114 parameters).'),
  ],
  forwardPasses: (h) => h.lambda,
});
