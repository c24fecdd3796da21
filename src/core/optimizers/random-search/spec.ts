import { defineOptimizer } from '../types';
import { reeval, sigma } from '../params';

export const RANDOM_SEARCH = defineOptimizer({
  id: 'random-search',
  label: 'Random search',
  family: 'strategy',
  paper: {
    authors: 'Matyas',
    title: 'Random Optimization',
    year: 1965,
    url: 'https://en.wikipedia.org/wiki/Random_optimization',
  },
  equation: "x' = θ + σz;  θ ← x' if L(x') ≤ L(θ)  (σ fixed)",
  memory: 'none: z is a seed-trick direction',
  description:
    'The simplest baseline: try a random step of fixed size σ and keep it if the loss did not go up. ' +
    'It is the (1+1)-ES without step-size adaptation; every other method should beat it.',
  hypers: [sigma(0.02, 'Size σ of every random trial step.'), reeval],
  forwardPasses: (h) => (h.reeval === 1 ? 2 : 1),
});
