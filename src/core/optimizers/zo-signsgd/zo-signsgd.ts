/**
 * ZO-signSGD: Liu, Chen, Chen, Hero, "signSGD via Zeroth-Order Oracle", ICLR 2019.
 * https://arxiv.org/abs/1810.10667
 *
 *   ĝ = (1/q) Σₖ gₖ zₖ;   θ ← θ − η·sign(ĝ)   (elementwise)
 *
 * Forward passes per step: 2q (central) or q + 1 (one-sided). Extra memory: ĝ materialised during
 * the step (1×d). With q = 1 and Gaussian z, sign(ĝᵢ) = sign(zᵀ∇L)·sign(zᵢ), whose mean is
 * (2/π)·arcsin(∇ᵢL/‖∇L‖) (Sheppard's formula): every coordinate moves by exactly η.
 */
import { ZoRuleOptimizer } from '../../estimators/rule-optimizer';
import { signRule } from '../../estimators/rules';
import type { HyperInput } from '../hyper';

export const createZoSignSgd = (hyper?: HyperInput, seed?: number) =>
  new ZoRuleOptimizer('zo-signsgd', signRule(), hyper, seed);
