/**
 * ZO-Adam: Adam fed with the two-point estimate, as benchmarked in ZO-Bench:
 * Zhang et al., "Revisiting Zeroth-Order Optimization for Memory-Efficient LLM Fine-Tuning:
 * A Benchmark", ICML 2024. https://arxiv.org/abs/2402.11592 (Adam: Kingma & Ba 2015; ZO-AdaMM:
 * Chen et al. 2019).
 *
 *   ĝ = (1/q) Σₖ gₖ zₖ
 *   m ← β₁m + (1−β₁)ĝ;  v ← β₂v + (1−β₂)ĝ²;  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + 1e-8)
 *
 * Forward passes per step: 2q (central) or q + 1 (one-sided). Extra memory: m and v (2×d), plus ĝ
 * materialised during the step. ε_Adam = 1e-8 as in ZO-Bench (the backprop `adam` uses tf.train's 1e-7).
 */
import { ZoRuleOptimizer } from '../../estimators/rule-optimizer';
import { adamRule } from '../../estimators/rules';
import type { HyperInput } from '../hyper';

export const createZoAdam = (hyper?: HyperInput, seed?: number) =>
  new ZoRuleOptimizer('zo-adam', adamRule(1e-8), hyper, seed);
