import { domains } from '../../params';
import { defineOptimizer } from '../types';
import { eps, lr } from '../params';

export const SPARSE_MEZO = defineOptimizer({
  id: 'sparse-mezo',
  label: 'Sparse-MeZO (small weights only)',
  family: 'zeroth-order',
  paper: {
    authors: 'Liu, Zhu, Gong, Cheng, Hsieh & You',
    title: 'Sparse MeZO: Less Parameters for Better Performance in Zeroth-Order LLM Fine-Tuning',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.15751',
  },
  equation: 'm = 1[|θ| ≤ h] per tensor (h: its (1−s)-quantile of |θ|);  g = (L(θ+εm⊙z) − L(θ−εm⊙z)) / 2ε;  θ ← θ − η·g·m⊙z',
  memory: 'none kept: the mask is recomputed from the weights each step (m⊙z materialised during the step)',
  description:
    'MeZO restricted to the small-magnitude weights: each step, in every tensor, only the fraction ' +
    '1 − s of weights with the smallest |θ| is perturbed and updated. The authors find the estimation ' +
    'error hurts more on large weights, and report +9% accuracy and a 3.5× speed-up over MeZO on RTE. ' +
    'The mask is a function of the current weights, recomputed every step, never stored.',
  hypers: [
    lr(0.02, 1e-6, 1),
    eps(),
    {
      name: 'sparsity',
      label: 'sparsity s',
      default: 0.75,
      min: 0,
      max: 0.99,
      log: false,
      meaning: 'Fraction of each tensor left alone (its largest |θ|); 0 is MeZO.',
      domain: domains.halfOpen(0, 1),
    },
  ],
  forwardPasses: () => 2,
});
