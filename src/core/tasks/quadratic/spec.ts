import type { TaskSpec } from '../shared/spec';

export const QUADRATIC_SPEC: TaskSpec<'quadratic'> = {
  id: 'quadratic',
  label: 'Quadratic (d dimensions)',
  description:
    'f(θ) = ½ Σ λᵢθᵢ² with eigenvalues λᵢ log-spaced from 1 to κ (over the first r coordinates when a rank r is set; the rest are 0). The gradient is known in closed ' +
    'form, so it is the task where the cost of dimension for zeroth-order methods shows plainly. ' +
    'Picture: the loss left in each band of eigen-directions, relative to the start.',
  metric: null,
  // ZO-SGD's stable step is ~1/(L(d+2)) against GD's 1/L: its second moment is (d+2)‖∇f‖² for q = 1
  // (src/core/optimizers/README.md; Nesterov & Spokoiny 2017, https://doi.org/10.1007/s10208-015-9296-2).
  // 0.001 suits d = 100, κ = 10.
  suggested: {
    'zo-sgd': { lr: 0.001 }, 'zo-sgd-mmt': { lr: 0.0002 }, 'zo-cons': { lr: 0.004 }, 'zo-adam': { lr: 0.05 },
    hizoo: { lr: 0.002 }, lozo: { lr: 0.002 }, 'zo-sign': { lr: 0.02 }, 'zo-signsgd': { lr: 0.02 },
    'openai-es': { lr: 0.01 }, sgd: { lr: 0.1 }, momentum: { lr: 0.02 }, adam: { lr: 0.01 },
    // Sparse-MeZO perturbs a quarter of the coordinates (its stable step grows accordingly); MeZO-SVRG's
    // snapshot step averages q̄ = 8 directions; ZO-BCD on one tensor is MeZO.
    'sparse-mezo': { lr: 0.002 }, 'mezo-svrg': { lr: 0.001, lrSnap: 0.004 }, 'zo-bcd': { lr: 0.001 },
  },
  // Deterministic losses: new (1+1) lanes keep the parent's loss (1 pass a step); links that do not
  // name reeval replay with it on, as they were written.
  newLaneSuggested: { 'one-plus-one-es': { reeval: 0 }, 'random-search': { reeval: 0 } },
  settings: [
    { name: 'd', label: 'dimension d', default: 100, min: 2, max: 1000000, log: true, integer: true, meaning: 'Number of parameters.' },
    { name: 'kappa', label: 'condition κ', default: 10, min: 1, max: 1000000, log: true, meaning: 'Ratio of the largest to the smallest curvature.' },
    // 0 (full rank) keeps every link written before the setting existed as it was.
    { name: 'rank', label: 'rank r', default: 0, min: 0, max: 1000000, log: false, integer: true, meaning: 'Nonzero eigenvalues r (r ≤ d; 0: all d). MeZO’s rate depends on r, not d.' },
  ],
};
