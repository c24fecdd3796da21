import type { Family } from './types';
import ADAM_RULE from '../estimators/torch/adam.py?raw';
import GRADIENT from '../estimators/torch/gradient.py?raw';
import NOISE from '../estimators/torch/noise.py?raw';
import RANKS from '../estimators/torch/ranks.py?raw';
import SPSA_STEP from '../estimators/torch/spsa_step.py?raw';
import TWO_POINT from '../estimators/torch/two_point.py?raw';
import ADAM from './adam/torch.py?raw';
import CMA_ES from './cma-es/torch.py?raw';
import FZOO from './fzoo/torch.py?raw';
import HIZOO from './hizoo/torch.py?raw';
import LOZO from './lozo/torch.py?raw';
import MEZO_SVRG from './mezo-svrg/torch.py?raw';
import MOMENTUM from './momentum/torch.py?raw';
import ONE_PLUS_ONE_ES from './one-plus-one-es/torch.py?raw';
import OPENAI_ES from './openai-es/torch.py?raw';
import RANDOM_SEARCH from './random-search/torch.py?raw';
import SGD from './sgd/torch.py?raw';
import SNES from './snes/torch.py?raw';
import SPARSE_MEZO from './sparse-mezo/torch.py?raw';
import type { OptimizerId } from './specs';
import ZO_ADAM from './zo-adam/torch.py?raw';
import ZO_BCD from './zo-bcd/torch.py?raw';
import ZO_CONS from './zo-cons/torch.py?raw';
import ZO_SGD from './zo-sgd/torch.py?raw';
import ZO_SGD_MMT from './zo-sgd-mmt/torch.py?raw';
import ZO_SIGN from './zo-sign/torch.py?raw';
import ZO_SIGNSGD from './zo-signsgd/torch.py?raw';

/**
 * PyTorch templates of the optimizers, for "Export as PyTorch script" (pure text: no tfjs; the
 * CLI's run path never imports this module). Each optimizer's template is the real Python file
 * `<id>/torch.py`, defining `init_state(params, hyper)` and `train_step(params, loss_fn, step,
 * hyper, state) -> logged train loss` (a float, the same quantity the playground's optimizer
 * reports), which updates `params` in place (the script's loop runs under `torch.no_grad()`).
 * Hyperparameters are read from `hyper[...]` at every step, with the playground's names, so the
 * live changes in SCHEDULE apply.
 *
 * The shared Python lives beside the machinery it mirrors, in src/core/estimators/torch/: the
 * two-point estimator (ESTIMATOR: MeZO-style SPSA whose direction z is regenerated from a
 * per-(step, query) seed with `torch.manual_seed` for the +ε, −2ε, +ε probes and again for the
 * update, one parameter tensor at a time, never stored), the step of the rules that only transform
 * the estimate (`update(params, slopes, hyper, state)` then SPSA_STEP as their `train_step`), the
 * strategies' seeded noise and ranks, Adam in tf.train's form, and the backprop gradient. A
 * template lists the pieces it needs below; the script builder adds ESTIMATOR when `usesEstimator`.
 */
export interface TorchOptimizer {
  /** One line for the script's docstring. */
  summary: string;
  /** Whether the script includes ESTIMATOR (direction_seed, draw, perturb, estimate, estimate_vector). */
  usesEstimator: boolean;
  /** Python source of `init_state` and `train_step` (and their helpers). */
  code: string;
}

/** The script docstring's paragraph on how the optimizer's family trains (text, wrapped at 100). */
export const FAMILY_NOTES: Readonly<Record<Family, string>> = {
  'zeroth-order': `Zeroth-order training in the style of MeZO (Malladi et al. 2023, https://arxiv.org/abs/2305.17333):
the loss is only ever evaluated, never differentiated, and each random direction z is regenerated
from its seed with torch.manual_seed for the +eps, -2eps, +eps probes and for the update, so a step
needs no more memory than inference. Random streams differ from the playground's (Philox there,
torch's generator here): the curves match in distribution, not number for number.`,
  strategy: `An evolution strategy: the loss is only ever evaluated, never differentiated. Each member's noise
is regenerated from a per-(step, member) seed with torch.manual_seed rather than stored, MeZO style
(CMA-ES keeps its lambda samples: it needs them all to update its mean and covariance). Random
streams differ from the playground's (Philox there, torch's generator here): the curves match in
distribution, not number for number.`,
  backprop: `A backprop baseline: the gradient comes from torch.autograd, and the update is the playground's
rule in tf.train's form. Where the task draws nothing at random (the 2-D landscapes) the losses
match the playground's to float32 rounding; elsewhere data, initial weights and batches come from
torch's generator rather than Philox, so the curves match in distribution, not number for number.`,
};

/** The two-point estimator's Python (direction_seed, draw, z_scale, perturb, estimate, estimate_vector). */
export const ESTIMATOR: string = TWO_POINT;

/** Python pieces two blank lines apart, as top-level definitions are (each piece ends with a newline). */
const join = (...pieces: string[]) => pieces.join('\n\n');

/** A rule given as `init_state` + `update` (after the pieces it needs), stepped by SPSA_STEP. */
const spsaRule = (summary: string, ...code: string[]): TorchOptimizer => ({ summary, usesEstimator: true, code: join(...code, SPSA_STEP) });

/** A template with its own probes on the estimator's helpers (zo-cons, hizoo, lozo). */
const onEstimator = (summary: string, code: string): TorchOptimizer => ({ summary, usesEstimator: true, code });

/** A template without the estimator, after the shared pieces it needs. */
const standalone = (summary: string, ...code: string[]): TorchOptimizer => ({ summary, usesEstimator: false, code: join(...code) });

export const TORCH_OPTIMIZERS: Readonly<Record<OptimizerId, TorchOptimizer>> = {
  'zo-sgd': spsaRule('ZO-SGD (MeZO): θ ← θ − η·(1/q) Σ gₖ·zₖ, each zₖ regenerated from its seed.', ZO_SGD),
  'zo-sgd-mmt': spsaRule('ZO-SGD with momentum: b ← μ·b + ĝ, θ ← θ − η·b (one d-sized buffer).', ZO_SGD_MMT),
  'zo-sign': spsaRule('ZO-SGD-Sign: θ ← θ − η·(1/q) Σ sign(gₖ)·zₖ, each zₖ regenerated from its seed.', ZO_SIGN),
  'zo-signsgd': spsaRule('ZO-signSGD: θ ← θ − η·sign(ĝ), elementwise, ĝ = (1/q) Σ gₖ·zₖ materialised for the step.', ZO_SIGNSGD),
  'zo-cons': onEstimator('ZO-SGD-Cons: L₀ = L(θ), ĝ two-point, then the best of {θ, θ − ηĝ, θ + ηĝ} on this batch.', ZO_CONS),
  'zo-adam': spsaRule('ZO-Adam: Adam on the zeroth-order estimate ĝ (two d-sized moment buffers, ε = 1e-8 as ZO-Bench).', ADAM_RULE, ZO_ADAM),
  hizoo: onEstimator('HiZOO: probes θ ± ε·z/√H, a running diagonal Hessian H from L₊ + L₋ − 2L₀, θ ← θ − η·g·z/√H.', HIZOO),
  lozo: onEstimator('LOZO: two-point ZO-SGD along Z = U Vᵀ per weight matrix (U fresh each step, V every ν steps).', LOZO),
  fzoo: onEstimator('FZOO: N one-sided Rademacher probes around one base loss, θ ← θ − η·g/σ with σ the spread of the probe losses.', FZOO),
  'sparse-mezo': onEstimator('Sparse-MeZO: MeZO on the small-magnitude weights only, the mask recomputed from θ every step.', SPARSE_MEZO),
  'mezo-svrg': onEstimator('MeZO-SVRG: a q̄-direction snapshot estimate g̃ at θ̄ every T steps, ĝ = (g_θ − g_θ̄)·z + g̃ in between.', MEZO_SVRG),
  'zo-bcd': onEstimator('ZO-BCD: MeZO on one parameter tensor per step (cyclic or random), the others untouched.', ZO_BCD),
  'openai-es': standalone('OpenAI-ES: antithetic pairs θ ± σεⱼ, centered ranks, ĝ = 1/(nσ) Σ F̃ᵢεᵢ fed to SGD, Adam or momentum.', NOISE, RANKS, ADAM_RULE, OPENAI_ES),
  snes: standalone('SNES: xₖ = μ + σ⊙sₖ, rank utilities uₖ, μ ← μ + η·σ⊙Σ uₖsₖ, σ ← σ⊙exp(½η_σ Σ uₖ(sₖ² − 1)).', NOISE, RANKS, SNES),
  'cma-es': standalone('CMA-ES: xₖ = m + σ·N(0, C), weighted recombination of the best half, rank-one and rank-μ updates of C, CSA for σ.', CMA_ES),
  'one-plus-one-es': standalone("(1+1)-ES: x' = θ + σz kept if no worse; σ adapted by the 1/5th success rule.", NOISE, ONE_PLUS_ONE_ES),
  'random-search': standalone("Random search: x' = θ + σz kept if no worse, σ fixed.", NOISE, RANDOM_SEARCH),
  sgd: standalone('SGD on the backprop gradient: θ ← θ − η·∇L(θ).', GRADIENT, SGD),
  momentum: standalone('Heavy-ball momentum on the backprop gradient, as tf.train.momentum: b ← μ·b + ∇L, θ ← θ − η·b.', GRADIENT, MOMENTUM),
  adam: standalone('Adam on the backprop gradient, as tf.train.adam (ε = 1e-7 added to √v̂).', GRADIENT, ADAM_RULE, ADAM),
};
