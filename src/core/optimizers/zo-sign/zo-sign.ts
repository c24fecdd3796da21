/**
 * ZO-SGD-Sign as in ZO-Bench: Zhang et al., "Revisiting Zeroth-Order Optimization for
 * Memory-Efficient LLM Fine-Tuning: A Benchmark", ICML 2024. https://arxiv.org/abs/2402.11592
 *
 *   gₖ = two-point slope along zₖ;   θ ← θ − η·(1/q) Σₖ sign(gₖ)·zₖ
 *
 * Only the sign of the scalar is used; z keeps its magnitude (contrast zo-signsgd, the elementwise
 * sign of ĝ). Forward passes per step: 2q (central) or q + 1 (one-sided). Memory: inference only
 * (seed trick; no readback). E[sign(zᵀ∇L)·z] = √(2/π)·∇L/‖∇L‖ for Gaussian z: a normalised gradient.
 */
import { SeedTrickOptimizer } from '../../estimators/seed-trick';
import { signDirections } from '../../estimators/two-point';
import type { HyperInput } from '../hyper';

export const createZoSign = (hyper?: HyperInput, seed?: number) => new SeedTrickOptimizer('zo-sign', signDirections, hyper, seed);
