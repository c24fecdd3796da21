/**
 * PyTorch templates of zeroth-order update rules, MeZO style. They share `ESTIMATOR`: two-point
 * SPSA whose direction z is regenerated from a per-(step, query) seed with `torch.manual_seed` for
 * the +ε, −2ε, +ε probes and again for the update, one parameter tensor at a time, never stored.
 * Every template defines `init_state(params, hyper)` and
 * `train_step(params, loss_fn, step, hyper, state) -> logged train loss`, which updates `params` in
 * place (the script's loop runs under `torch.no_grad()`). SPSA rules set `usesEstimator`: the script
 * then includes `ESTIMATOR`, whose `train_step` calls the rule's `update(params, slopes, hyper, state)`.
 * A new optimizer adds an entry here.
 */
export interface TorchOptimizer {
  /** One line for the script's docstring. */
  summary: string;
  /** Whether the script includes ESTIMATOR (and the code defines `update` rather than `train_step`). */
  usesEstimator: boolean;
  /** Python source of `init_state` and `update` (SPSA rules) or `train_step`. */
  code: string;
}

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


def estimate(params, loss_fn, step, hyper):
    """Two-point SPSA: [(seed, slope gₖ)] for q directions, and the loss to log.

    central:   gₖ = (L(θ + εzₖ) − L(θ − εzₖ)) / 2ε   (probes +ε, −2ε, then +ε back to θ)
    one-sided: gₖ = (L(θ + εzₖ) − L(θ)) / ε
    """
    eps, q, dist = hyper["eps"], int(hyper.get("q", 1)), hyper.get("dist", "gaussian")
    one_sided = hyper.get("mode", "central") == "one-sided"
    base = loss_fn().item() if one_sided else None
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


def train_step(params, loss_fn, step, hyper, state):
    """Estimate from q probes, then the rule's update; returns the loss to log."""
    slopes, loss = estimate(params, loss_fn, step, hyper)
    update(params, slopes, hyper, state)
    return loss
`;

const ZO_SGD: TorchOptimizer = {
  summary: 'ZO-SGD (MeZO): θ ← θ − η·(1/q) Σ gₖ·zₖ, each zₖ regenerated from its seed.',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    for seed, g in slopes:
        perturb(params, seed, -hyper["lr"] * g / len(slopes), hyper.get("dist", "gaussian"))
`,
};

const ZO_SIGN: TorchOptimizer = {
  summary: 'ZO-SGD-Sign: θ ← θ − η·(1/q) Σ sign(gₖ)·zₖ, each zₖ regenerated from its seed.',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    for seed, g in slopes:
        sign = (g > 0) - (g < 0)
        perturb(params, seed, -hyper["lr"] * sign / len(slopes), hyper.get("dist", "gaussian"))
`,
};

const ZO_SGD_MMT: TorchOptimizer = {
  summary: 'ZO-SGD with momentum: b ← μ·b + ĝ, θ ← θ − η·b (one d-sized buffer).',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return [torch.zeros_like(p) for p in params]


def update(params, slopes, hyper, state):
    for b, gh, p in zip(state, estimate_vector(params, slopes, hyper), params):
        b.mul_(hyper["momentum"]).add_(gh)
        p.add_(b, alpha=-hyper["lr"])
`,
};

const ZO_ADAM: TorchOptimizer = {
  summary: 'ZO-Adam: Adam on the zeroth-order estimate ĝ (two d-sized moment buffers).',
  usesEstimator: true,
  code: `def init_state(params, hyper):
    return {"t": 0, "m": [torch.zeros_like(p) for p in params], "v": [torch.zeros_like(p) for p in params]}


def update(params, slopes, hyper, state):
    beta1, beta2 = hyper["beta1"], hyper["beta2"]
    state["t"] += 1
    t = state["t"]
    for m, v, gh, p in zip(state["m"], state["v"], estimate_vector(params, slopes, hyper), params):
        m.mul_(beta1).add_(gh, alpha=1 - beta1)
        v.mul_(beta2).addcmul_(gh, gh, value=1 - beta2)
        denom = (v / (1 - beta2**t)).sqrt_().add_(1e-8)
        p.addcdiv_(m, denom, value=-hyper["lr"] / (1 - beta1**t))
`,
};

export const TORCH_OPTIMIZERS: Readonly<Record<string, TorchOptimizer>> = {
  'zo-sgd': ZO_SGD,
  'zo-sign': ZO_SIGN,
  'zo-sgd-mmt': ZO_SGD_MMT,
  'zo-adam': ZO_ADAM,
};
