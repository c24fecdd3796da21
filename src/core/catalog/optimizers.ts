import { choiceParam, type OptimizerSpec, type ParamSpec, type Paper } from './types';

/**
 * Registry of optimizers (pure data, no tfjs: the UI reads it). Implementations live in
 * `src/core/optimizers/<id>.ts`; src/core/optimizers/README.md is the same table for readers.
 */

/** Direction families of the two-point estimators (hyper `dist` is an index into this). */
export const DISTRIBUTIONS = ['gaussian', 'rademacher', 'sphere'] as const;
/** Finite-difference modes (hyper `mode`). */
export const MODES = ['central', 'one-sided'] as const;
/** Update rules OpenAI-ES can feed its estimate to (hyper `rule`). */
export const RULES = ['sgd', 'adam'] as const;
/**
 * CMA-ES refuses models over this many parameters: a step keeps the d×d covariance and its
 * eigenvectors and eigendecomposes them every few steps on the CPU (O(d³)).
 */
export const CMA_ES_MAX_DIM = 300;

const lr = (value: number, min: number, max: number): ParamSpec => ({
  name: 'lr',
  label: 'learning rate η',
  default: value,
  min,
  max,
  log: true,
  meaning: 'Step size: how far each update moves the weights.',
});

const eps = (value = 1e-3): ParamSpec => ({
  name: 'eps',
  label: 'perturbation ε',
  default: value,
  min: 1e-6,
  max: 1,
  log: true,
  meaning: 'Radius of the probes θ ± εz used to difference the loss.',
});

const q: ParamSpec = {
  name: 'q',
  label: 'directions q',
  default: 1,
  min: 1,
  max: 64,
  log: false,
  integer: true,
  meaning: 'Random directions averaged per step; each costs two forward passes (one when one-sided).',
};

const dist = choiceParam(
  'dist',
  'directions',
  DISTRIBUTIONS,
  'Distribution of z: Gaussian N(0, I), Rademacher ±1, or uniform on the sphere of radius √d (all parameters together).',
);

const mode = choiceParam(
  'mode',
  'difference',
  MODES,
  'central: (L(θ+εz) − L(θ−εz))/2ε, two passes per direction; one-sided: (L(θ+εz) − L(θ))/ε, L(θ) shared by the q directions.',
);

const beta = (name: 'beta1' | 'beta2', value: number, max: number, meaning: string): ParamSpec => ({
  name,
  label: name === 'beta1' ? 'β₁' : 'β₂',
  default: value,
  min: 0,
  max,
  log: false,
  meaning,
});
const beta1 = beta('beta1', 0.9, 0.9999, 'Decay of the running mean of gradients (momentum).');
const beta2 = beta('beta2', 0.999, 0.99999, 'Decay of the running mean of squared gradients.');

const momentum = (value: number): ParamSpec => ({
  name: 'momentum',
  label: 'momentum μ',
  default: value,
  min: 0,
  max: 0.999,
  log: false,
  meaning: 'Fraction of the previous update carried into the next: b ← μb + g.',
});

const sigma = (value: number, meaning: string): ParamSpec => ({
  name: 'sigma',
  label: 'step size σ',
  default: value,
  min: 1e-4,
  max: 10,
  log: true,
  meaning,
});

const population = (name: string, label: string, value: number, min: number, meaning: string): ParamSpec => ({
  name,
  label,
  default: value,
  min,
  max: 256,
  log: true,
  integer: true,
  meaning,
});

const isOneSided = (h: Record<string, number>) => MODES[h.mode] === 'one-sided';
/** Passes of the two-point probes: 2q central, q + 1 one-sided. */
const twoPointPasses = (h: Record<string, number>) => (isOneSided(h) ? h.q + 1 : 2 * h.q);

const MEZO: Paper = {
  authors: 'Malladi et al.',
  title: 'Fine-Tuning Language Models with Just Forward Passes (MeZO)',
  year: 2023,
  url: 'https://arxiv.org/abs/2305.17333',
};
const ZO_BENCH: Paper = {
  authors: 'Zhang et al.',
  title: 'Revisiting Zeroth-Order Optimization for Memory-Efficient LLM Fine-Tuning: A Benchmark (ZO-Bench)',
  year: 2024,
  url: 'https://arxiv.org/abs/2402.11592',
};

const TWO_POINT_NOTE =
  ' Options: Gaussian, Rademacher or √d-sphere directions; central or one-sided differences; q directions per step.';

export const OPTIMIZERS: readonly OptimizerSpec[] = [
  {
    id: 'zo-sgd',
    label: 'ZO-SGD (MeZO)',
    family: 'zeroth-order',
    paper: MEZO,
    equation: 'g = (L(θ+εz) − L(θ−εz)) / 2ε,  θ ← θ − η·g·z,  z ~ N(0, I) (mean over q directions)',
    memory: 'none: z is regenerated from the step seed, never stored',
    description:
      'Two-point SPSA: probe the loss at θ ± εz along a random direction z, and step along z by the ' +
      'measured slope. The direction is regenerated from a seed for the +ε, −2ε, +ε perturbations and ' +
      'the update, so the step needs no more memory than inference. The estimate is unbiased but its ' +
      'variance grows with the number of parameters d.' +
      TWO_POINT_NOTE,
    hypers: [lr(0.02, 1e-6, 1), eps(), q, dist, mode],
    forwardPasses: twoPointPasses,
  },
  {
    id: 'zo-sgd-mmt',
    label: 'ZO-SGD with momentum',
    family: 'zeroth-order',
    paper: ZO_BENCH,
    equation: 'ĝ = (1/q) Σ gₖzₖ,  b ← μ·b + ĝ,  θ ← θ − η·b',
    memory: '1×d (momentum buffer b)',
    description:
      'ZO-SGD whose noisy estimates are averaged over steps by a heavy-ball momentum buffer: the noise ' +
      'of successive directions partly cancels while the consistent gradient component accumulates. ' +
      'Costs one d-sized buffer, unlike plain ZO-SGD.' +
      TWO_POINT_NOTE,
    hypers: [lr(0.004, 1e-6, 1), eps(), momentum(0.9), q, dist, mode],
    forwardPasses: twoPointPasses,
  },
  {
    id: 'zo-sign',
    label: 'ZO-SGD-Sign (ZO-Bench)',
    family: 'zeroth-order',
    paper: ZO_BENCH,
    equation: 'θ ← θ − η·(1/q) Σ sign(gₖ)·zₖ',
    memory: 'none: seed trick',
    description:
      'Keeps only the sign of each measured slope and steps along the whole direction z. Its mean ' +
      'step is a normalised gradient, √(2/π)·∇L/‖∇L‖ for Gaussian z, so it ignores the loss scale: ' +
      'robust to outliers, but it never slows down near a minimum unless η is lowered.' +
      TWO_POINT_NOTE,
    hypers: [lr(0.01, 1e-6, 1), eps(), q, dist, mode],
    forwardPasses: twoPointPasses,
  },
  {
    id: 'zo-signsgd',
    label: 'ZO-signSGD',
    family: 'zeroth-order',
    paper: {
      authors: 'Liu, Chen, Chen & Hero',
      title: 'signSGD via Zeroth-Order Oracle',
      year: 2019,
      url: 'https://arxiv.org/abs/1810.10667',
    },
    equation: 'ĝ = (1/q) Σ gₖzₖ,  θ ← θ − η·sign(ĝ)  (elementwise)',
    memory: '1×d during the step (ĝ materialised)',
    description:
      'signSGD on the zeroth-order estimate: every weight moves by exactly η, in the direction of the ' +
      'sign of its coordinate of ĝ. With one Gaussian direction the chance a coordinate moves the ' +
      'right way follows Sheppard\'s formula, ½ + (1/π)·arcsin(∇ᵢL/‖∇L‖).' +
      TWO_POINT_NOTE,
    hypers: [lr(0.01, 1e-6, 1), eps(), q, dist, mode],
    forwardPasses: twoPointPasses,
  },
  {
    id: 'zo-cons',
    label: 'ZO-SGD-Cons (conservative)',
    family: 'zeroth-order',
    paper: ZO_BENCH,
    equation: 'L₀ = L(θ),  ĝ two-point,  θ ← the best of {θ, θ − ηĝ, θ + ηĝ} on this batch',
    memory: 'none: seed trick, the choice is made on the device',
    description:
      'A conservative ZO-SGD: it evaluates the loss before the step and at both θ − ηĝ and θ + ηĝ, and ' +
      'keeps whichever of the three is lowest, so a step never increases the minibatch loss. Three ' +
      'extra forward passes per step buy that guarantee.' +
      TWO_POINT_NOTE,
    hypers: [lr(0.04, 1e-6, 1), eps(), q, dist, mode],
    forwardPasses: (h) => twoPointPasses(h) + (isOneSided(h) ? 2 : 3),
  },
  {
    id: 'zo-adam',
    label: 'ZO-Adam',
    family: 'zeroth-order',
    paper: ZO_BENCH,
    equation: 'ĝ two-point,  m ← β₁m + (1−β₁)ĝ,  v ← β₂v + (1−β₂)ĝ²,  θ ← θ − η·m̂ / (√v̂ + 1e-8)',
    memory: '2×d (first and second moments)',
    description:
      'Adam fed with the zeroth-order estimate instead of the backprop gradient (the same update rule as ' +
      'the Adam lane). The per-coordinate normalisation tames the estimate\'s large variance, at the ' +
      'cost of two d-sized buffers.' +
      TWO_POINT_NOTE,
    hypers: [lr(0.01, 1e-6, 1), eps(), beta1, beta2, q, dist, mode],
    forwardPasses: twoPointPasses,
  },
  {
    id: 'hizoo',
    label: 'HiZOO (Hessian-informed)',
    family: 'zeroth-order',
    paper: {
      authors: 'Zhao et al.',
      title: 'Second-Order Fine-Tuning without Pain for LLMs: A Hessian Informed Zeroth-Order Optimizer (HiZOO)',
      year: 2025,
      url: 'https://arxiv.org/abs/2402.15173',
    },
    equation:
      'L± = L(θ ± εz/√H),  H ← (1−α)H + α·|L₊+L₋−2L₀|/(2ε²)·H⊙z⊙z,  θ ← θ − η·(L₊−L₋)/(2ε)·z/√H',
    memory: '1×d (diagonal Hessian estimate H)',
    description:
      'Spends a third forward pass, at θ itself, to measure curvature along the probe from the second ' +
      'difference L₊ + L₋ − 2L₀, and keeps a running diagonal Hessian estimate H that shrinks the probes ' +
      'and steps in directions of high curvature (a diagonal preconditioner, learned from loss values only).',
    hypers: [
      lr(0.05, 1e-6, 1),
      eps(),
      {
        name: 'alpha',
        label: 'Hessian smoothing α',
        default: 1e-4,
        min: 1e-8,
        max: 1,
        log: true,
        meaning: 'Weight of each new curvature measurement in the running Hessian estimate.',
      },
    ],
    forwardPasses: () => 3,
  },
  {
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
        meaning: 'Rank of each weight matrix\'s direction U Vᵀ.',
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
      },
    ],
    forwardPasses: () => 2,
  },
  {
    id: 'openai-es',
    label: 'OpenAI-ES',
    family: 'strategy',
    paper: {
      authors: 'Salimans, Ho, Chen, Sidor & Sutskever',
      title: 'Evolution Strategies as a Scalable Alternative to Reinforcement Learning',
      year: 2017,
      url: 'https://arxiv.org/abs/1703.03864',
    },
    equation: 'F̃ = centered ranks of L(θ ± σεⱼ),  ĝ = 1/(nσ) Σ F̃ᵢεᵢ,  θ ← θ − η·ĝ  (or Adam on ĝ)',
    memory: 'none with sgd (seed trick); 2×d with adam',
    description:
      'Evaluates a population of n antithetic perturbations θ ± σε, replaces each loss by its centered ' +
      'rank, and moves along the rank-weighted average of the perturbations. Ranks make the update ' +
      'invariant to any increasing transform of the loss and robust to outliers. The estimate can be ' +
      'fed to SGD or Adam.',
    hypers: [
      lr(0.05, 1e-6, 1),
      sigma(0.05, 'Standard deviation of the population\'s perturbations θ ± σε.'),
      population('n', 'population n', 20, 2, 'Evaluations per step, in antithetic pairs (an odd n is rounded down).'),
      choiceParam('rule', 'update rule', RULES, 'What the estimate ĝ is fed to: plain SGD or Adam (β₁ = 0.9, β₂ = 0.999).', 1),
    ],
    forwardPasses: (h) => 2 * Math.max(1, Math.floor(h.n / 2)),
  },
  {
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
      'mean towards the better-ranked samples and grows or shrinks each parameter\'s own step size σᵢ ' +
      'from how the good samples spread along it. The weights hold the mean μ.',
    hypers: [
      lr(1, 1e-4, 10),
      sigma(0.1, 'Initial per-parameter step size σ (then adapted); changing it restarts σ.'),
      population('lambda', 'population λ', 20, 2, 'Samples per step; the paper\'s default is 4 + ⌊3 ln d⌋ (18 for 114 parameters).'),
    ],
    forwardPasses: (h) => h.lambda,
  },
  {
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
      population('lambda', 'population λ', 16, 4, 'Samples per step; the standard default is 4 + ⌊3 ln d⌋ (18 for 114 parameters).'),
    ],
    forwardPasses: (h) => h.lambda,
  },
  {
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
      'success and shrinks after a failure so that about one step in five succeeds (Rechenberg\'s 1/5th ' +
      'rule). The parent is re-evaluated on each step\'s batch, so a step costs two forward passes.',
    hypers: [sigma(0.05, 'Initial mutation step size σ (then adapted); changing it restarts σ.')],
    forwardPasses: () => 2,
  },
  {
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
    hypers: [sigma(0.02, 'Size σ of every random trial step.')],
    forwardPasses: () => 2,
  },
  {
    id: 'sgd',
    label: 'SGD (backprop)',
    family: 'backprop',
    paper: {
      authors: 'Robbins & Monro',
      title: 'A Stochastic Approximation Method',
      year: 1951,
      url: 'https://doi.org/10.1214/aoms/1177729586',
    },
    equation: 'θ ← θ − η·∇L(θ)',
    memory: 'none beyond the gradient',
    description:
      'Plain gradient descent on the minibatch gradient from backpropagation: the first-order baseline ' +
      'for ZO-SGD, which estimates the same gradient from loss values alone.',
    hypers: [lr(0.1, 1e-6, 10)],
    forwardPasses: () => 3,
  },
  {
    id: 'momentum',
    label: 'Momentum (backprop)',
    family: 'backprop',
    paper: {
      authors: 'Polyak',
      title: 'Some methods of speeding up the convergence of iteration methods',
      year: 1964,
      url: 'https://doi.org/10.1016/0041-5553(64)90137-5',
    },
    equation: 'b ← μ·b + ∇L(θ),  θ ← θ − η·b',
    memory: '1×d (momentum buffer)',
    description:
      'Gradient descent with heavy-ball momentum on the backprop gradient (same form as ' +
      'tf.train.momentum): the baseline for ZO-SGD with momentum.',
    hypers: [lr(0.05, 1e-6, 10), momentum(0.9)],
    forwardPasses: () => 3,
  },
  {
    id: 'adam',
    label: 'Adam (backprop)',
    family: 'backprop',
    paper: {
      authors: 'Kingma & Ba',
      title: 'Adam: A Method for Stochastic Optimization',
      year: 2015,
      url: 'https://arxiv.org/abs/1412.6980',
    },
    equation:
      'm ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + 1e-7)',
    memory: '2×d (first and second moments)',
    description:
      'Adam on the backprop gradient (same form and ε = 1e-7 as tf.train.adam): the reference a ' +
      'zeroth-order lane is compared against.',
    hypers: [lr(0.01, 1e-6, 1), beta1, beta2],
    forwardPasses: () => 3,
  },
];

export function optimizerSpec(id: string): OptimizerSpec | undefined {
  return OPTIMIZERS.find((o) => o.id === id);
}
