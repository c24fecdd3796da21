def init_state(params, hyper):
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
