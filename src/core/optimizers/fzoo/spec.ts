import { defineOptimizer } from '../types';
import { eps, lr, population } from '../params';

export const FZOO = defineOptimizer({
  id: 'fzoo',
  label: 'FZOO (batched, σ-normalised)',
  family: 'zeroth-order',
  paper: {
    authors: 'Dang, Guo, Zhao, Ye, Zheng, Dai & Tsang',
    title: 'FZOO: Fast Zeroth-Order Optimizer for Fine-Tuning Large Language Models towards Adam-Scale Speed',
    year: 2025,
    url: 'https://arxiv.org/abs/2506.09034',
  },
  equation: 'lᵢ = L(θ+εuᵢ), u ~ ±1;  g = (1/(εN)) Σ (lᵢ − l₀)uᵢ;  σ = std(l₁…l_N);  θ ← θ − η·g/σ',
  memory: 'none: the N Rademacher directions are regenerated from seeds',
  description:
    'A batch of N one-sided Rademacher probes around θ shares one base loss L(θ); the step is divided ' +
    'by the standard deviation of the N probe losses, which is about ε‖∇L‖, so FZOO is a zeroth-order ' +
    'normalised SGD: large steps where the loss is flat, small ones where it is steep. The authors ' +
    'report about 3× fewer forward passes than MeZO.',
  hypers: [
    lr(1e-4, 1e-7, 0.1),
    eps(),
    population('n', 'probes N', 8, 2, 2, 'One-sided Rademacher probes per step (N + 1 forward passes); N ≥ 2 for their spread.'),
  ],
  forwardPasses: (h) => h.n + 1,
});
