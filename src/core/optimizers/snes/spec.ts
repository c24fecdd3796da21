import { defineOptimizer } from '../types';
import { lr, population, sigma } from '../params';

export const SNES = defineOptimizer({
  id: 'snes',
  label: 'SNES (separable NES)',
  family: 'strategy',
  paper: {
    authors: 'Wierstra, Schaul, Glasmachers, Sun, Peters & Schmidhuber',
    title: 'Natural Evolution Strategies',
    year: 2014,
    url: 'https://jmlr.org/papers/v15/wierstra14a.html',
  },
  equation: 'xₖ = μ + σ⊙sₖ,  μ ← μ + η·σ⊙Σ uₖsₖ,  σ ← σ⊙exp(½η_σ Σ uₖ(sₖ² − 1)),  η_σ = (3 + ln d)/(5√d)',
  memory: '1×d (per-parameter step sizes σ)',
  description:
    'A natural-gradient evolution strategy with a diagonal Gaussian search distribution: it moves the ' +
    "mean towards the better-ranked samples and grows or shrinks each parameter's own step size σᵢ " +
    'from how the good samples spread along it. The weights hold the mean μ.',
  hypers: [
    lr(1, 1e-4, 10),
    sigma(0.1, 'Initial per-parameter step size σ (then adapted); changing it restarts σ.'),
    population('lambda', 'population λ', 20, 2, 2, "Samples per step; the paper's default is 4 + ⌊3 ln d⌋ (18 for 114 parameters)."),
  ],
  forwardPasses: (h) => h.lambda,
});
