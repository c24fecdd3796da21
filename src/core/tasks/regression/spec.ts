import { batchSetting, type TaskSpec } from '../shared/spec';

export const REGRESSION_SPEC: TaskSpec<'regression'> = {
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
    batchSetting(16),
  ],
};
