def init_state(params, hyper):
    """The snapshot θ̄ and its estimate g̃ [like each parameter]: the 2×d MeZO-SVRG keeps."""
    return {"snapshot": [p.clone() for p in params], "g": [torch.zeros_like(p) for p in params]}


def slope(params, loss_fn, seed, eps):
    """(L(θ + εz) − L(θ − εz)) / 2ε and (L₊ + L₋)/2 along z(seed); the weights end where they started."""
    perturb(params, seed, eps, "gaussian")
    loss_plus = loss_fn().item()
    perturb(params, seed, -2 * eps, "gaussian")
    loss_minus = loss_fn().item()
    perturb(params, seed, eps, "gaussian")
    return (loss_plus - loss_minus) / (2 * eps), 0.5 * (loss_plus + loss_minus)


def train_step(params, loss_fn, step, hyper, state):
    """MeZO-SVRG (Gautam et al. 2024, https://arxiv.org/abs/2404.08080, Algorithm 1):

    every T steps (2q̄ passes): θ̄ ← θ, g̃ ← (1/q̄) Σ gₖ·zₖ, θ ← θ − η₁·g̃
    otherwise (4 passes):      ĝ = (g_θ − g_θ̄)·z + g̃ with the same z at θ and θ̄,  θ ← θ − η·ĝ

    g̃ averages q̄ directions on the snapshot step's batch. Returns (L₊ + L₋)/2 at θ.
    """
    eps, lr, period, q_snap = hyper["eps"], hyper["lr"], int(hyper["period"]), int(hyper["qSnap"])
    t = step - 1  # the playground counts steps from 0
    if t % period == 0:
        for s, p in zip(state["snapshot"], params):
            s.copy_(p)
        for g in state["g"]:
            g.zero_()
        logged = 0.0
        for k in range(q_snap):
            seed = direction_seed(step, k)
            gk, lk = slope(params, loss_fn, seed, eps)
            logged += lk / q_snap
            torch.manual_seed(seed)
            for g, p in zip(state["g"], params):
                g.add_(draw(p, "gaussian"), alpha=gk / q_snap)
        for g, p in zip(state["g"], params):
            p.add_(g, alpha=-hyper["lrSnap"])
        return logged
    seed = direction_seed(step, 0)
    g_theta, logged = slope(params, loss_fn, seed, eps)
    current = [p.clone() for p in params]
    for p, s in zip(params, state["snapshot"]):
        p.copy_(s)
    g_bar, _ = slope(params, loss_fn, seed, eps)
    for p, c in zip(params, current):
        p.copy_(c)
    perturb(params, seed, -lr * (g_theta - g_bar), "gaussian")
    for g, p in zip(state["g"], params):
        p.add_(g, alpha=-lr)
    return logged
