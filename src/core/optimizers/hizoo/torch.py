def init_state(params, hyper):
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
