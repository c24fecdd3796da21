import { domains } from '../../params';
import { defineOptimizer } from '../types';
import { eps, lr } from '../params';

/** Passes of step t: a snapshot step probes qSnap directions (2·qSnap), the others 4 (2 at θ, 2 at θ̄). */
export const svrgPassesAt = (h: Readonly<Record<string, number>>, t: number) => (t % h.period === 0 ? 2 * h.qSnap : 4);

export const MEZO_SVRG = defineOptimizer({
  id: 'mezo-svrg',
  label: 'MeZO-SVRG (variance-reduced)',
  family: 'zeroth-order',
  paper: {
    authors: 'Gautam, Park, Zhou, Raman & Ha',
    title: 'Variance-reduced Zeroth-Order Methods for Fine-Tuning Language Models (MeZO-SVRG)',
    year: 2024,
    url: 'https://arxiv.org/abs/2404.08080',
  },
  equation:
    'every T steps: θ̄ ← θ, g̃ ← (1/q̄) Σ gₖzₖ, θ ← θ − η₁g̃;  otherwise ĝ = (g_θ − g_θ̄)·z + g̃ (same z), θ ← θ − η·ĝ',
  memory: '2×d (the snapshot weights θ̄ and its estimate g̃)',
  description:
    'SVRG with zeroth-order estimates: every T steps a snapshot θ̄ and a many-direction SPSA estimate ' +
    'g̃ there are kept; in between, the two-point slope along z at θ minus the slope along the same z ' +
    'at θ̄ corrects g̃, a control variate whose variance vanishes near the snapshot. The paper takes ' +
    'g̃ on the full batch; here a step sees one minibatch, so g̃ averages q̄ directions on the ' +
    'snapshot step’s batch. The variance is lowest just after each snapshot (about that of g̃, q̄ times ' +
    'below MeZO’s) and rises as θ drifts from θ̄; a longer period T costs fewer passes (the mean falls ' +
    'towards 4 per step) but lets θ drift further.',
  hypers: [
    lr(0.02, 1e-6, 1),
    { ...lr(0.02, 1e-6, 1), name: 'lrSnap', label: 'snapshot step η₁', meaning: 'Step size of the snapshot steps, along g̃.' },
    eps(),
    {
      name: 'period',
      label: 'snapshot period T',
      default: 10,
      min: 2,
      max: 1000,
      log: true,
      integer: true,
      meaning: 'Steps between snapshots (θ̄, g̃); the other T − 1 steps use the control variate.',
      domain: domains.integerAtLeast(1),
    },
    {
      name: 'qSnap',
      label: 'snapshot directions q̄',
      default: 8,
      min: 1,
      max: 64,
      log: false,
      integer: true,
      meaning: 'Directions averaged into the snapshot estimate g̃ (2 forward passes each).',
      domain: domains.integerAtLeast(1),
    },
  ],
  // The mean over a period; the runner counts each step's own passes (svrgPassesAt).
  forwardPasses: (h) => (2 * h.qSnap + 4 * (h.period - 1)) / h.period,
});
