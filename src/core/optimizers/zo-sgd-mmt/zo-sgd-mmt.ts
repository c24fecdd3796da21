/**
 * ZO-SGD with momentum (ZO-SGD-MMT), as benchmarked in ZO-Bench:
 * Zhang et al., "Revisiting Zeroth-Order Optimization for Memory-Efficient LLM Fine-Tuning:
 * A Benchmark", ICML 2024. https://arxiv.org/abs/2402.11592 (heavy ball: Polyak 1964).
 *
 *   ĝ = (1/q) Σₖ gₖ zₖ   (two-point, see src/core/estimators/two-point.ts)
 *   b ← μ·b + ĝ;  θ ← θ − η·b
 *
 * Forward passes per step: 2q (central) or q + 1 (one-sided). Extra memory: the momentum buffer b
 * (1×d), plus ĝ materialised during the step. Logged loss as in zo-sgd.
 */
import { ZoRuleOptimizer } from '../../estimators/rule-optimizer';
import { momentumRule } from '../../estimators/rules';
import type { HyperInput } from '../hyper';

export const createZoSgdMmt = (hyper?: HyperInput, seed?: number) =>
  new ZoRuleOptimizer('zo-sgd-mmt', momentumRule(), hyper, seed);
