def init_state(params, hyper):
    return {"sigma": None, "sigma_init": None}  # σ [like each parameter], made at the first step


def utilities(lam):
    """SNES/xNES fitness shaping for ranks 1..λ (best first); they sum to 0."""
    raw = [max(0.0, math.log(lam / 2 + 1) - math.log(k + 1)) for k in range(lam)]
    return [r / sum(raw) - 1 / lam for r in raw]


def add_scaled_noise(params, sigma, seed, sign):
    """θ ← θ + sign·σ⊙s(seed), s ~ N(0, I) regenerated from its seed."""
    torch.manual_seed(seed)
    for p, sd in zip(params, sigma):
        p.add_(sd * noise(p), alpha=sign)


def train_step(params, loss_fn, step, hyper, state):
    """SNES (Wierstra et al. 2014, JMLR 15, Algorithm 6), λ forward passes; the weights hold μ:

    sₖ ~ N(0, I), xₖ = μ + σ⊙sₖ;   uₖ = utility of sample k's rank
    μ ← μ + η·σ⊙Σₖ uₖsₖ;   σ ← σ⊙exp(½η_σ Σₖ uₖ(sₖ² − 1)),   η_σ = (3 + ln d)/(5√d)

    σ starts at the hyperparameter sigma and restarts there when it changes. Returns the mean of
    the λ losses.
    """
    lr, lam = hyper["lr"], int(hyper["lambda"])
    if hyper["sigma"] != state["sigma_init"]:
        state["sigma_init"] = hyper["sigma"]
        state["sigma"] = [torch.full_like(p, hyper["sigma"]) for p in params]
    sigma = state["sigma"]
    d = sum(p.numel() for p in params)
    eta_sigma = (3 + math.log(d)) / (5 * math.sqrt(d))
    losses = []  # [λ]
    for k in range(lam):
        add_scaled_noise(params, sigma, noise_seed(step, k), 1)
        losses.append(loss_fn().item())
        add_scaled_noise(params, sigma, noise_seed(step, k), -1)
    shaped = utilities(lam)
    u = [shaped[r] for r in ranks(losses)]  # uₖ by each sample's rank
    grad_mu = [torch.zeros_like(p) for p in params]  # Σ uₖsₖ
    grad_sigma = [torch.zeros_like(p) for p in params]  # Σ uₖ(sₖ² − 1)
    for k in range(lam):
        torch.manual_seed(noise_seed(step, k))
        for gm, gs, p in zip(grad_mu, grad_sigma, params):
            s = noise(p)
            gm.add_(s, alpha=u[k])
            gs.add_(s * s - 1, alpha=u[k])
    for p, sd, gm, gs in zip(params, sigma, grad_mu, grad_sigma):
        p.add_(sd * gm, alpha=lr)
        sd.mul_(torch.exp(gs * (eta_sigma / 2)))
    return sum(losses) / lam
