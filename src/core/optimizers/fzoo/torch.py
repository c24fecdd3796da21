def init_state(params, hyper):
    return None


def train_step(params, loss_fn, step, hyper, state):
    """FZOO (Dang et al. 2025, https://arxiv.org/abs/2506.09034), N + 1 forward passes:

    l₀ = L(θ),  lᵢ = L(θ + εuᵢ),  uᵢ ∈ {±1}^d
    g = (1/(εN)) Σ (lᵢ − l₀)·uᵢ,   σ = std(l₁ … l_N)  (N − 1 in the denominator)
    θ ← θ − η·g/σ

    Each uᵢ is regenerated from its seed (never stored). Returns l₀.
    """
    lr, eps, n = hyper["lr"], hyper["eps"], int(hyper["n"])
    loss0 = loss_fn().item()
    losses = []
    for i in range(n):
        seed = direction_seed(step, i)
        perturb(params, seed, eps, "rademacher")
        losses.append(loss_fn().item())
        perturb(params, seed, -eps, "rademacher")
    sigma = max(float(torch.tensor(losses, dtype=torch.float64).std(unbiased=True)), 1e-30)
    for i, li in enumerate(losses):
        perturb(params, direction_seed(step, i), -lr * (li - loss0) / (eps * n * sigma), "rademacher")
    return loss0
