import type { Paper } from './types';
import { MODES, dist, mode, q } from './params';

/**
 * What the specs of the two-point family share (pure data): its options, forward passes and the
 * benchmark paper most of its members come from. The estimator itself is src/core/estimators/two-point.ts.
 */

export const ZO_BENCH: Paper = {
  authors: 'Zhang et al.',
  title: 'Revisiting Zeroth-Order Optimization for Memory-Efficient LLM Fine-Tuning: A Benchmark (ZO-Bench)',
  year: 2024,
  url: 'https://arxiv.org/abs/2402.11592',
};

export const TWO_POINT_NOTE =
  ' Options: Gaussian, Rademacher or √d-sphere directions; central or one-sided differences; q directions per step.';

/** The family's options, after the method's own hyperparameters: q, dist, mode. */
export const TWO_POINT_OPTIONS = [q, dist, mode] as const;

export const isOneSided = (h: Readonly<Record<string, number>>) => MODES[h.mode] === 'one-sided';

/** Passes of the two-point probes: 2q central, q + 1 one-sided. */
export const twoPointPasses = (h: Readonly<Record<string, number>>) => (isOneSided(h) ? h.q + 1 : 2 * h.q);
