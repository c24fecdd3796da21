import { choiceParam } from '../../params';
import { defineOptimizer } from '../types';
import { RULES, beta1, beta2, lr, momentum, population, sigma } from '../params';

export const OPENAI_ES = defineOptimizer({
  id: 'openai-es',
  label: 'OpenAI-ES',
  family: 'strategy',
  paper: {
    authors: 'Salimans, Ho, Chen, Sidor & Sutskever',
    title: 'Evolution Strategies as a Scalable Alternative to Reinforcement Learning',
    year: 2017,
    url: 'https://arxiv.org/abs/1703.03864',
  },
  equation: 'F̃ = centered ranks of L(θ ± σεⱼ),  ĝ = 1/(nσ) Σ F̃ᵢεᵢ,  θ ← θ − η·ĝ  (or Adam or momentum on ĝ)',
  memory: 'none with sgd (seed trick); 2×d with adam; 1×d with momentum',
  description:
    'Evaluates a population of n antithetic perturbations θ ± σε, replaces each loss by its centered ' +
    'rank, and moves along the rank-weighted average of the perturbations. Ranks make the update ' +
    'invariant to any increasing transform of the loss and robust to outliers. The estimate can be ' +
    'fed to SGD, Adam or heavy-ball momentum.',
  hypers: [
    lr(0.05, 1e-6, 1),
    sigma(0.05, "Standard deviation of the population's perturbations θ ± σε."),
    population('n', 'population n', 20, 2, 2, 'Evaluations per step, in antithetic pairs (an odd n is rounded down).'),
    choiceParam(
      'rule',
      'update rule',
      RULES,
      'What the estimate ĝ is fed to: plain SGD (seed trick, no state), Adam (β₁, β₂ below; ε = 1e-8) or heavy-ball momentum (μ below).',
      1,
    ),
    { ...beta1, meaning: `${beta1.meaning} Used when rule = adam.` },
    { ...beta2, meaning: `${beta2.meaning} Used when rule = adam.` },
    { ...momentum(0.9), meaning: `${momentum(0.9).meaning} Used when rule = momentum.` },
  ],
  forwardPasses: (h) => 2 * Math.max(1, Math.floor(h.n / 2)),
});
