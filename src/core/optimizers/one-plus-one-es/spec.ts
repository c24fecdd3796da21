import { defineOptimizer } from '../types';
import { reeval, sigma } from '../params';

export const ONE_PLUS_ONE_ES = defineOptimizer({
  id: 'one-plus-one-es',
  label: '(1+1)-ES, 1/5 rule',
  family: 'strategy',
  paper: {
    authors: 'Rechenberg; Hansen, Arnold & Auger',
    title: 'Evolution Strategies (the (1+1)-ES with the 1/5th success rule)',
    year: 2015,
    url: 'https://hal.inria.fr/hal-01155533',
  },
  equation: "x' = θ + σz;  keep x' if L(x') ≤ L(θ);  σ ← σ·exp((1[success] − 1/5)/√(d+1))",
  memory: 'none: z is a seed-trick direction',
  description:
    'One parent, one mutant per step: keep the mutant if it is no worse. The step size grows after a ' +
    "success and shrinks after a failure so that about one step in five succeeds (Rechenberg's 1/5th " +
    "rule). With reeval on (minibatch tasks) the parent is re-evaluated on each step's batch, two forward " +
    'passes a step; off (deterministic tasks, new lanes there) its loss is kept, one pass a step.',
  hypers: [sigma(0.05, 'Initial mutation step size σ (then adapted); changing it restarts σ.'), reeval],
  forwardPasses: (h) => (h.reeval === 1 ? 2 : 1),
});
