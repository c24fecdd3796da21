/**
 * ZO-SGD with MeZO's seed trick.
 * Malladi et al., "Fine-Tuning Language Models with Just Forward Passes", NeurIPS 2023.
 * https://arxiv.org/abs/2305.17333 (estimator: Spall 1992, SPSA).
 *
 *   for k = 1..q:  zₖ from seed (run seed, step, k)   (Gaussian | Rademacher | √d-sphere)
 *                  gₖ = (L(θ + εzₖ) − L(θ − εzₖ)) / 2ε      central
 *                  gₖ = (L(θ + εzₖ) − L(θ)) / ε             one-sided, L(θ) shared
 *   θ ← θ − η · (1/q) Σₖ gₖ zₖ
 *
 * Forward passes per step: 2q (central) or q + 1 (one-sided). Memory: inference only. zₖ is
 * regenerated from its key for the +ε, −2ε, +ε perturbations and for the update
 * (princeton-nlp/MeZO `zo_perturb_parameters`), so no d-sized direction is ever kept. gₖ stays on
 * the device: the step never reads back. Logged training loss: mean over k of (L₊ + L₋)/2, which
 * equals L(θ) + O(ε²) (central), or L(θ) (one-sided).
 */
import { SeedTrickOptimizer } from '../../estimators/seed-trick';
import { gradientDirections } from '../../estimators/two-point';
import type { HyperInput } from '../hyper';

export const createZoSgd = (hyper?: HyperInput, seed?: number) => new SeedTrickOptimizer('zo-sgd', gradientDirections, hyper, seed);
