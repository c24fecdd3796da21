import { defineOptimizer } from '../types';
import { domains } from '../../params';
import { eps, lr } from '../params';

export const LOZO = defineOptimizer({
  id: 'lozo',
  label: 'LOZO (low-rank)',
  family: 'zeroth-order',
  paper: {
    authors: 'Chen et al.',
    title: 'Enhancing Zeroth-order Fine-tuning for Language Models with Low-rank Structures (LOZO)',
    year: 2025,
    url: 'https://arxiv.org/abs/2410.07698',
  },
  equation: 'Z = U Vᵀ per weight matrix,  g = (L(θ+εZ) − L(θ−εZ)) / 2ε,  θ ← θ − η·g·Z',
  memory: 'none kept: U and V are regenerated from seeds (Z materialised during the step)',
  description:
    'Two-point ZO-SGD whose direction for each weight matrix is low-rank, Z = U Vᵀ: U is fresh every ' +
    'step while V is kept for ν steps, so consecutive steps explore the same r-dimensional subspace ' +
    'of row space before it is refreshed ("lazy sampling"). Bias vectors use an ordinary Gaussian z.',
  hypers: [
    lr(0.03, 1e-6, 1),
    eps(),
    {
      name: 'rank',
      label: 'rank r',
      default: 1,
      min: 1,
      max: 16,
      log: false,
      integer: true,
      meaning: "Rank of each weight matrix's direction U Vᵀ.",
      domain: domains.integerAtLeast(1),
    },
    {
      name: 'nu',
      label: 'V period ν',
      default: 20,
      min: 1,
      max: 10000,
      log: true,
      integer: true,
      meaning: 'Steps between fresh draws of V (the shared subspace); U is redrawn every step.',
      domain: domains.integerAtLeast(1),
    },
  ],
  forwardPasses: () => 2,
});
