def init_state(params, hyper):
    return None


def small_weight_mask(p, sparsity):
    """m = 1[|θ| ≤ h], h the k-th smallest |θ| of the tensor, k = max(1, round((1 − s)·n))."""
    k = max(1, round((1 - sparsity) * p.numel()))
    if k >= p.numel():
        return torch.ones_like(p)
    h = p.abs().reshape(-1).kthvalue(k).values
    return (p.abs() <= h).to(p.dtype)


def train_step(params, loss_fn, step, hyper, state):
    """Sparse-MeZO (Liu et al. 2024, https://arxiv.org/abs/2402.15751), 2 forward passes:

    m = 1[|θ| ≤ h] per tensor, recomputed from the weights every step (never stored)
    g = (L(θ + ε·m⊙z) − L(θ − ε·m⊙z)) / 2ε,   θ ← θ − η·g·m⊙z

    Returns (L₊ + L₋)/2.
    """
    lr, eps, sparsity = hyper["lr"], hyper["eps"], hyper["sparsity"]
    masks = [small_weight_mask(p, sparsity) for p in params]
    seed = direction_seed(step, 0)

    def shift(scale):
        torch.manual_seed(seed)
        for p, m in zip(params, masks):
            p.add_(draw(p, "gaussian") * m, alpha=scale)

    shift(eps)
    loss_plus = loss_fn().item()
    shift(-2 * eps)
    loss_minus = loss_fn().item()
    shift(eps)
    shift(-lr * (loss_plus - loss_minus) / (2 * eps))
    return 0.5 * (loss_plus + loss_minus)
