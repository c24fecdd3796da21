import type { Family } from '../../core/catalog/types';
import { BACKPROP_OPTIMIZERS } from './backprop';
import { ADAM_RULE } from './rules';
import { STRATEGY_OPTIMIZERS } from './strategies';

/**
 * PyTorch templates of the playground's optimizers, for "Export as PyTorch script". Every template
 * defines `init_state(params, hyper)` and `train_step(params, loss_fn, step, hyper, state) -> logged
 * train loss` (a float, the same quantity the playground's optimizer reports), which updates
 * `params` in place (the script's loop runs under `torch.no_grad()`). Hyperparameters are read from
 * `hyper[...]` at every step, with the playground's names, so the live changes in SCHEDULE apply.
 *
 * The zeroth-order rules (this file) set `usesEstimator`: the script then includes `ESTIMATOR`,
 * MeZO-style two-point SPSA whose direction z is regenerated from a per-(step, query) seed with
 * `torch.manual_seed` for the +ε, −2ε, +ε probes and again for the update, one parameter tensor at a
 * time, never stored. Rules that only transform the estimate define `update(params, slopes, hyper,
 * state)` and take `SPSA_STEP` as their `train_step`; rules with their own probes (zo-cons, hizoo,
 * lozo) write `train_step` on the estimator's helpers. Strategies are in strategies.ts, the backprop
 * baselines in backprop.ts. A new optimizer adds an entry to one of them.
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

export const ESTIMATOR = `def direction_seed(step, k):
    """One seed per (step, query): z is a pure function of it."""
    return (SEED * 1_000_003 + step) * 64 + k


def draw(p, dist):
    if dist == "rademacher":
        return torch.randint(0, 2, p.shape, device=p.device).to(p.dtype) * 2 - 1
    return torch.normal(mean=0.0, std=1.0, size=p.shape, device=p.device, dtype=p.dtype)


def z_scale(params, seed, dist):
    """1 for Gaussian or Rademacher z; √d/‖z‖ for z uniform on the sphere of radius √d."""
    if dist != "sphere":
        return 1.0
    torch.manual_seed(seed)
    squares = sum(float(torch.sum(draw(p, dist) ** 2)) for p in params)
    return math.sqrt(sum(p.numel() for p in params) / squares)


def perturb(params, seed, scale, dist):
    """θ ← θ + scale·z(seed), one tensor at a time (MeZO's zo_perturb_parameters)."""
    scale = scale * z_scale(params, seed, dist)
    torch.manual_seed(seed)
    for p in params:
        p.add_(draw(p, dist), alpha=scale)


def estimate(params, loss_fn, step, hyper, base=None):
    """Two-point SPSA: [(seed, slope gₖ)] for q directions, and the loss to log.

    central:   gₖ = (L(θ + εzₖ) − L(θ − εzₖ)) / 2ε   (probes +ε, −2ε, then +ε back to θ)
    one-sided: gₖ = (L(θ + εzₖ) − L(θ)) / ε, with L(θ) = base when the caller has it already
    """
    eps, q, dist = hyper["eps"], int(hyper.get("q", 1)), hyper.get("dist", "gaussian")
    one_sided = hyper.get("mode", "central") == "one-sided"
    if one_sided and base is None:
        base = loss_fn().item()
    slopes, logged = [], 0.0
    for k in range(q):
        seed = direction_seed(step, k)
        perturb(params, seed, eps, dist)
        loss_plus = loss_fn().item()
        if one_sided:
            perturb(params, seed, -eps, dist)
            slopes.append((seed, (loss_plus - base) / eps))
        else:
            perturb(params, seed, -2 * eps, dist)
            loss_minus = loss_fn().item()
            perturb(params, seed, eps, dist)
            slopes.append((seed, (loss_plus - loss_minus) / (2 * eps)))
            logged += 0.5 * (loss_plus + loss_minus) / q
    return slopes, (base if one_sided else logged)


def estimate_vector(params, slopes, hyper):
    """ĝ = (1/q) Σ gₖ·zₖ, materialised (rules with per-coordinate state need it)."""
    dist = hyper.get("dist", "gaussian")
    ghat = [torch.zeros_like(p) for p in params]
    for seed, g in slopes:
        scale = g * z_scale(params, seed, dist) / len(slopes)
        torch.manual_seed(seed)
        for gh, p in zip(ghat, params):
            gh.add_(draw(p, dist), alpha=scale)
    return ghat
`;

/** `train_step` of the rules that only transform the estimate: probe, then the rule's `update`. */
const SPSA_STEP = `def train_step(params, loss_fn, step, hyper, state):
    """Estimate from q probes, then the rule's update; returns the loss to log."""
    slopes, loss = estimate(params, loss_fn, step, hyper)
    update(params, slopes, hyper, state)
    return loss
`;

/** A rule given as `init_state` + `update`, stepped by SPSA_STEP. */
const spsaRule = (summary: string, code: string): TorchOptimizer => ({ summary, usesEstimator: true, code: `${code}\n\n${SPSA_STEP}` });

const ZO_SGD = spsaRule(
  'ZO-SGD (MeZO): θ ← θ − η·(1/q) Σ gₖ·zₖ, each zₖ regenerated from its seed.',
  `def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    """MeZO (Malladi et al. 2023, Algorithm 1): θ ← θ − η·(1/q) Σ gₖ·zₖ, one seed at a time."""
    for seed, g in slopes:
        perturb(params, seed, -hyper["lr"] * g / len(slopes), hyper.get("dist", "gaussian"))
`,
);

const ZO_SIGN = spsaRule(
  'ZO-SGD-Sign: θ ← θ − η·(1/q) Σ sign(gₖ)·zₖ, each zₖ regenerated from its seed.',
  `def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    """ZO-Bench (Zhang et al. 2024): only the sign of each slope; z keeps its magnitude."""
    for seed, g in slopes:
        sign = (g > 0) - (g < 0)
        perturb(params, seed, -hyper["lr"] * sign / len(slopes), hyper.get("dist", "gaussian"))
`,
);

const ZO_SIGNSGD = spsaRule(
  'ZO-signSGD: θ ← θ − η·sign(ĝ), elementwise, ĝ = (1/q) Σ gₖ·zₖ materialised for the step.',
  `def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    """signSGD via a zeroth-order oracle (Liu et al. 2019, https://arxiv.org/abs/1810.10667):
    every weight moves by exactly η, along the sign of its coordinate of ĝ."""
    for gh, p in zip(estimate_vector(params, slopes, hyper), params):  # ĝ [like p]
        p.add_(torch.sign(gh), alpha=-hyper["lr"])
`,
);

const ZO_SGD_MMT = spsaRule(
  'ZO-SGD with momentum: b ← μ·b + ĝ, θ ← θ − η·b (one d-sized buffer).',
  `def init_state(params, hyper):
    return [torch.zeros_like(p) for p in params]  # b [like each parameter]


def update(params, slopes, hyper, state):
    """Heavy ball on ĝ (ZO-Bench), as tf.train.momentum accumulates: b ← μ·b + ĝ, θ ← θ − η·b."""
    for b, gh, p in zip(state, estimate_vector(params, slopes, hyper), params):
        b.mul_(hyper["momentum"]).add_(gh)
        p.add_(b, alpha=-hyper["lr"])
`,
);

const ZO_ADAM = spsaRule(
  'ZO-Adam: Adam on the zeroth-order estimate ĝ (two d-sized moment buffers, ε = 1e-8 as ZO-Bench).',
  `${ADAM_RULE}

def init_state(params, hyper):
    return adam_init(params)


def update(params, slopes, hyper, state):
    ghat = estimate_vector(params, slopes, hyper)  # ĝ [like each parameter]
    adam_step(params, ghat, state, hyper["lr"], hyper["beta1"], hyper["beta2"], 1e-8)
`,
);

const ZO_CONS: TorchOptimizer = {
  summary: 'ZO-SGD-Cons: L₀ = L(θ), ĝ two-point, then the best of {θ, θ − ηĝ, θ + ηĝ} on this batch.',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return None


def train_step(params, loss_fn, step, hyper, state):
    """Conservative ZO-SGD (ZO-Bench, Zhang et al. 2024; after Kim et al. 2021):

    L₀ = L(θ);  ĝ = (1/q) Σ gₖ·zₖ;  θ ← the argmin of L over {θ, θ − ηĝ, θ + ηĝ}  (ties keep θ)

    Forward passes: 2q + 3 central, q + 3 one-sided (L₀ is then the probes' base). The trial points
    are reached with the seed trick, Δ = −ηĝ = Σₖ (−η·gₖ/q)·zₖ. Returns L₀.
    """
    dist = hyper.get("dist", "gaussian")
    loss0 = loss_fn().item()
    slopes, _ = estimate(params, loss_fn, step, hyper, base=loss0)

    def move(factor):
        """θ ← θ + factor·Δ"""
        for seed, g in slopes:
            perturb(params, seed, -hyper["lr"] * g / len(slopes) * factor, dist)

    move(1)
    loss_descent = loss_fn().item()  # L(θ + Δ)
    move(-2)
    loss_ascent = loss_fn().item()  # L(θ − Δ); the weights are at θ − Δ now
    if loss_descent < loss0 and loss_descent < loss_ascent:
        move(2)  # to θ + Δ
    elif not loss_ascent < loss0:
        move(1)  # back to θ
    return loss0
`,
};

const HIZOO: TorchOptimizer = {
  summary: 'HiZOO: probes θ ± ε·z/√H, a running diagonal Hessian H from L₊ + L₋ − 2L₀, θ ← θ − η·g·z/√H.',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return [torch.ones_like(p) for p in params]  # H, the diagonal Hessian estimate [like each parameter]


def shift(params, H, seed, scale):
    """θ ← θ + scale·z/√H, z ~ N(0, I) regenerated from its seed (never stored)."""
    torch.manual_seed(seed)
    for p, h in zip(params, H):
        p.add_(draw(p, "gaussian") / h.sqrt(), alpha=scale)


def train_step(params, loss_fn, step, hyper, state):
    """HiZOO (Zhao et al. 2025, https://arxiv.org/abs/2402.15173, Algorithm 1), 3 forward passes:

    L₀ = L(θ),  L± = L(θ ± ε·z/√H)
    H ← (1−α)·H + α·|L₊ + L₋ − 2L₀| / (2ε²) · H ⊙ z ⊙ z
    θ ← θ − η·(L₊ − L₋)/(2ε) · z/√H          (with the updated H)

    H is the paper's Hessian (Σ = H⁻¹ shapes the probe). Returns L₀.
    """
    lr, eps, alpha = hyper["lr"], hyper["eps"], hyper["alpha"]
    H = state
    seed = direction_seed(step, 0)
    loss0 = loss_fn().item()
    shift(params, H, seed, eps)
    loss_plus = loss_fn().item()
    shift(params, H, seed, -2 * eps)
    loss_minus = loss_fn().item()
    shift(params, H, seed, eps)
    g = (loss_plus - loss_minus) / (2 * eps)
    curvature = abs(loss_plus + loss_minus - 2 * loss0) / (2 * eps * eps)
    torch.manual_seed(seed)
    for p, h in zip(params, H):
        z = draw(p, "gaussian")  # the probe's z again [like p]
        h.mul_(1 - alpha + alpha * curvature * z * z)  # H ⊙ ((1−α) + α·c·z²)
        p.add_(z / h.sqrt(), alpha=-lr * g)
    return loss0
`,
};

const LOZO: TorchOptimizer = {
  summary: 'LOZO: two-point ZO-SGD along Z = U Vᵀ per weight matrix (U fresh each step, V every ν steps).',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return None


def directions(params, step, hyper):
    """Yields (p, Z) one tensor at a time: Z = U Vᵀ for a weight matrix, z ~ N(0, I) for the rest.

    U [m, r] and the vectors' z come from the step's seed; V [n, r] from a seed per period of ν
    steps (lazy sampling), so both are regenerated for every use rather than stored.
    """
    rank, nu = int(hyper["rank"]), int(hyper["nu"])
    v_gen = torch.Generator().manual_seed(direction_seed((step - 1) // nu, 1))
    torch.manual_seed(direction_seed(step, 0))
    for p in params:
        if p.dim() == 2:
            m, n = p.shape
            u = torch.randn(m, rank, device=p.device, dtype=p.dtype)  # U [m, r]
            v = torch.randn(n, rank, generator=v_gen).to(p.device, p.dtype)  # V [n, r]
            yield p, u @ v.T  # Z [m, n]
        else:
            yield p, draw(p, "gaussian")  # z [like p]


def shift(params, step, hyper, scale):
    """θ ← θ + scale·Z"""
    for p, z in directions(params, step, hyper):
        p.add_(z, alpha=scale)


def train_step(params, loss_fn, step, hyper, state):
    """LOZO (Chen et al. 2025, https://arxiv.org/abs/2410.07698), 2 forward passes:

    g = (L(θ + εZ) − L(θ − εZ)) / 2ε;   θ ← θ − η·g·Z

    No 1/r factor, as in the authors' code (lowrank_zo_update). Returns (L₊ + L₋)/2.
    """
    lr, eps = hyper["lr"], hyper["eps"]
    shift(params, step, hyper, eps)
    loss_plus = loss_fn().item()
    shift(params, step, hyper, -2 * eps)
    loss_minus = loss_fn().item()
    shift(params, step, hyper, eps)
    shift(params, step, hyper, -lr * (loss_plus - loss_minus) / (2 * eps))
    return 0.5 * (loss_plus + loss_minus)
`,
};

export const TORCH_OPTIMIZERS: Readonly<Record<string, TorchOptimizer>> = {
  'zo-sgd': ZO_SGD,
  'zo-sgd-mmt': ZO_SGD_MMT,
  'zo-sign': ZO_SIGN,
  'zo-signsgd': ZO_SIGNSGD,
  'zo-cons': ZO_CONS,
  'zo-adam': ZO_ADAM,
  hizoo: HIZOO,
  lozo: LOZO,
  ...STRATEGY_OPTIMIZERS,
  ...BACKPROP_OPTIMIZERS,
};
