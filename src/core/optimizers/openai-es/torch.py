def init_state(params, hyper):
    # Each rule's state, created at its first use: Adam's moments, the momentum buffer b.
    return {"adam": None, "momentum": None}


def train_step(params, loss_fn, step, hyper, state):
    """OpenAI-ES (Salimans et al. 2017, https://arxiv.org/abs/1703.03864), n forward passes:

    εⱼ ~ N(0, I), j = 1..n/2, evaluated in antithetic pairs θ ± σεⱼ
    F̃ = centered ranks of the n losses, rank/(n−1) − ½
    ĝ = 1/(nσ) Σⱼ (F̃⁺ⱼ − F̃⁻ⱼ)·εⱼ;   then the rule: θ ← θ − η·ĝ (sgd, one seed at a time),
    Adam(ĝ) with β₁, β₂ and ε = 1e-8, or heavy ball b ← μ·b + ĝ, θ ← θ − η·b (momentum)

    Returns the mean of the n losses (the Gaussian-smoothed loss ES minimises).
    """
    lr, sigma = hyper["lr"], hyper["sigma"]
    pairs = max(1, int(hyper["n"]) // 2)
    plus, minus = [], []
    for j in range(pairs):
        seed = noise_seed(step, j)
        add_noise(params, seed, sigma)
        plus.append(loss_fn().item())
        add_noise(params, seed, -2 * sigma)
        minus.append(loss_fn().item())
        add_noise(params, seed, sigma)
    losses = plus + minus  # [n]
    shaped = [r / max(len(losses) - 1, 1) - 0.5 for r in ranks(losses)]
    coefs = [(shaped[j] - shaped[pairs + j]) / (2 * pairs * sigma) for j in range(pairs)]  # ĝ = Σⱼ coefⱼ·εⱼ
    if hyper["rule"] == "sgd":
        for j, c in enumerate(coefs):
            add_noise(params, noise_seed(step, j), -lr * c)
        return sum(losses) / len(losses)
    ghat = [torch.zeros_like(p) for p in params]  # ĝ [like each parameter]
    for j, c in enumerate(coefs):
        torch.manual_seed(noise_seed(step, j))
        for gh, p in zip(ghat, params):
            gh.add_(noise(p), alpha=c)
    if hyper["rule"] == "adam":
        if state["adam"] is None:
            state["adam"] = adam_init(params)
        adam_step(params, ghat, state["adam"], lr, hyper["beta1"], hyper["beta2"], 1e-8)
    else:
        if state["momentum"] is None:
            state["momentum"] = [torch.zeros_like(p) for p in params]  # b [like each parameter]
        for b, gh, p in zip(state["momentum"], ghat, params):
            b.mul_(hyper["momentum"]).add_(gh)
            p.add_(b, alpha=-lr)
    return sum(losses) / len(losses)
