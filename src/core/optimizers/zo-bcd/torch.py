def init_state(params, hyper):
    return None


def perturb_block(params, b, seed, scale):
    """θ_b ← θ_b + scale·z_b(seed), the other tensors untouched (z_b regenerated, never stored)."""
    torch.manual_seed(seed)
    p = params[b]
    p.add_(draw(p, "gaussian"), alpha=scale)


def train_step(params, loss_fn, step, hyper, state):
    """ZO-BCD: block-coordinate MeZO, one parameter tensor per step (LeZO, Wang et al. 2024,
    https://arxiv.org/abs/2410.09823), 2 forward passes:

    b = step mod B (cyclic) or uniform from the step seed (random)
    g = (L(θ + εz_b) − L(θ − εz_b)) / 2ε,   θ_b ← θ_b − η·g·z_b

    Returns (L₊ + L₋)/2.
    """
    lr, eps = hyper["lr"], hyper["eps"]
    seed = direction_seed(step, 0)
    if hyper.get("order", "cyclic") == "cyclic":
        b = step % len(params)
    else:
        b = int(torch.randint(len(params), (1,), generator=torch.Generator().manual_seed(seed)))
    perturb_block(params, b, seed, eps)
    loss_plus = loss_fn().item()
    perturb_block(params, b, seed, -2 * eps)
    loss_minus = loss_fn().item()
    perturb_block(params, b, seed, eps)
    perturb_block(params, b, seed, -lr * (loss_plus - loss_minus) / (2 * eps))
    return 0.5 * (loss_plus + loss_minus)
