CMA_ES_MAX_DIM = 300  # as the playground: C is d×d, eigendecomposed every few steps


def flat(params):
    return torch.cat([p.reshape(-1) for p in params]).to("cpu", torch.float64)  # [N]


def write(params, x):
    """θ ← x, the flat vector [N] back into the parameter tensors."""
    offset = 0
    for p in params:
        p.copy_(x[offset : offset + p.numel()].view(p.shape))
        offset += p.numel()


def cma_parameters(N, lam, active):
    """Strategy parameters for dimension N and population λ: purecma's (positive weights), or with
    active weights pycma's defaults (negative weights for the worst, tutorial eq. 53)."""
    mu = lam // 2
    raw = [math.log(lam / 2 + 0.5) - math.log(i + 1) for i in range(lam if active else mu)]
    weights = [w / sum(raw[:mu]) for w in raw[:mu]]
    mueff = 1 / sum(w * w for w in weights)
    cc = (4 + mueff / N) / (N + 4 + 2 * mueff / N)
    if active:
        cs = (mueff + 2) / (N + mueff + 3)
        c1 = min(1, lam / 6) * 2 / ((N + 1.3) ** 2 + mueff)
        cmu = min(1 - c1, 2 * (0.25 + mueff + 1 / mueff - 2) / ((N + 2) ** 2 + mueff))
        neg = raw[mu:]
        neg_sum = sum(abs(w) for w in neg)
        mueff_minus = neg_sum**2 / sum(w * w for w in neg) if neg_sum > 0 else 0
        scale = min(1 + c1 / cmu, 1 + 2 * mueff_minus / (mueff + 2), (1 - c1 - cmu) / (N * cmu))
        weights += [scale * w / neg_sum if neg_sum > 0 else 0.0 for w in neg]
        damps = 1 + 2 * max(0, math.sqrt((mueff - 1) / (N + 1)) - 1) + cs
    else:
        cs = (mueff + 2) / (N + mueff + 5)
        c1 = 2 / ((N + 1.3) ** 2 + mueff)
        cmu = min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((N + 2) ** 2 + mueff))
        damps = 2 * mueff / lam + 0.3 + cs
    return {
        "mu": mu,
        "weights": torch.tensor(weights, dtype=torch.float64),  # [μ] or [λ] when active
        "mueff": mueff,
        "cc": cc,
        "cs": cs,
        "c1": c1,
        "cmu": cmu,
        "damps": damps,
    }


def init_state(params, hyper):
    """m = θ, C = I; the state lives on the CPU in float64, as in the playground."""
    N = sum(p.numel() for p in params)
    if N > CMA_ES_MAX_DIM:
        raise SystemExit(
            f"cma-es keeps a full {N} x {N} covariance matrix and is limited to {CMA_ES_MAX_DIM} "
            f"parameters; this model has {N}. Export snes (diagonal covariance) or openai-es instead."
        )
    eye = torch.eye(N, dtype=torch.float64)
    zeros = torch.zeros(N, dtype=torch.float64)
    return {
        "m": flat(params),  # mean [N]
        "sigma": hyper["sigma"],
        "sigma_hyper": hyper["sigma"],
        "C": eye.clone(),  # covariance [N, N]
        "B": eye.clone(),  # its eigenvectors, as columns [N, N]
        "D": torch.ones(N, dtype=torch.float64),  # √eigenvalues [N]
        "invsqrt": eye.clone(),  # C^(−½) = B D⁻¹ Bᵀ [N, N]
        "pc": zeros.clone(),  # evolution path of C [N]
        "ps": zeros.clone(),  # evolution path of σ [N]
        "counteval": 0,
        "eigeneval": 0,
    }


def update_eigen(s):
    values, B = torch.linalg.eigh(s["C"])  # ascending eigenvalues, eigenvectors as columns
    s["B"], s["D"] = B, values.clamp(min=1e-300).sqrt()
    s["invsqrt"] = (B / s["D"]) @ B.T
    s["eigeneval"] = s["counteval"]


def train_step(params, loss_fn, step, hyper, state):
    """CMA-ES (Hansen & Ostermeier 2001; tutorial https://arxiv.org/abs/1604.00772), after pycma's
    purecma, λ forward passes; the weights hold m between steps:

    xₖ = m + σ·B(D ⊙ zₖ), zₖ ~ N(0, I)      (C = B D² Bᵀ)
    m ← Σᵢ wᵢ·x_{i:λ} over the μ = ⌊λ/2⌋ best
    p_σ ← (1−c_σ)p_σ + √(c_σ(2−c_σ)μ_eff)·C^(−½)(m − m_old)/σ
    p_c ← (1−c_c)p_c + h_σ√(c_c(2−c_c)μ_eff)·(m − m_old)/σ
    C ← (1 − c₁ − c_μ)C + c₁·p_c p_cᵀ + c_μ Σᵢ wᵢ yᵢyᵢᵀ,   yᵢ = (x_{i:λ} − m_old)/σ
    σ ← σ·exp(min(1, (c_σ/d_σ)(‖p_σ‖²/N − 1)/2))

    Active CMA (the default) adds negative weights for the worst samples; λ = 0 is 4 + ⌊3 ln N⌋. IPOP
    restarts are the playground's only (not exported). A live change of sigma sets the current σ.
    Returns the mean of the λ losses.
    """
    s = state
    N = s["m"].numel()
    lam = int(hyper["lambda"]) if hyper["lambda"] >= 2 else 4 + int(3 * math.log(N))  # 0: the standard λ
    active = hyper.get("active", "on") == "on"
    if hyper["sigma"] != s["sigma_hyper"]:
        s["sigma"] = s["sigma_hyper"] = hyper["sigma"]
    c = cma_parameters(N, lam, active)
    if s["counteval"] - s["eigeneval"] > lam / (c["c1"] + c["cmu"]) / N / 10:
        update_eigen(s)

    # ask: λ samples, each written to the weights and evaluated
    gen = torch.Generator().manual_seed(SEED * 1_000_003 + step)
    xs, losses = [], []
    for _ in range(lam):
        z = torch.randn(N, generator=gen, dtype=torch.float64)  # [N]
        x = s["m"] + s["sigma"] * (s["B"] @ (s["D"] * z))  # [N]
        write(params, x)
        losses.append(loss_fn().item())
        xs.append(x)
    s["counteval"] += lam

    # tell: rank the samples, then m, the paths, C and σ (purecma's order)
    sigma, m_old = s["sigma"], s["m"]
    ranked = torch.stack([xs[k] for k in sorted(range(lam), key=lambda k: (losses[k], k))])  # [λ, N]
    w, cs, cc, mueff = c["weights"], c["cs"], c["cc"], c["mueff"]
    best = ranked[: len(w)]  # the μ best, or all λ when active
    m = w[: c["mu"]] @ ranked[: c["mu"]]  # [N]
    y = m - m_old
    s["ps"] = (1 - cs) * s["ps"] + math.sqrt(cs * (2 - cs) * mueff) / sigma * (s["invsqrt"] @ y)
    ps_norm2 = float(s["ps"] @ s["ps"])
    hsig = 1.0 if ps_norm2 / N / (1 - (1 - cs) ** (2 * s["counteval"] / lam)) < 2 + 4 / (N + 1) else 0.0
    s["pc"] = (1 - cc) * s["pc"] + math.sqrt(cc * (2 - cc) * mueff) / sigma * hsig * y
    c1a = c["c1"] * (1 - (1 - hsig * hsig) * cc * (2 - cc))
    dy = (best - m_old) / sigma  # yᵢ [μ or λ, N]
    # active: wᵢ° = wᵢ·N/‖C^(−½)yᵢ‖² for the negative weights
    mahalanobis2 = ((s["invsqrt"] @ dy.T) ** 2).sum(0).clamp(min=1e-300)
    w_c = torch.where(w < 0, w * N / mahalanobis2, w)
    s["C"] = (1 - c1a - c["cmu"] * float(w.sum())) * s["C"] + c["c1"] * torch.outer(s["pc"], s["pc"]) + c["cmu"] * (dy.T * w_c) @ dy
    if active:  # pycma: ‖p_σ‖/E‖N(0, I)‖ − 1
        chi_n = math.sqrt(N) * (1 - 1 / (4 * N) + 1 / (21 * N * N))
        signal = math.sqrt(ps_norm2) / chi_n - 1
    else:  # purecma: (‖p_σ‖²/N − 1)/2
        signal = (ps_norm2 / N - 1) / 2
    s["sigma"] = sigma * math.exp(min(1.0, (cs / c["damps"]) * signal))
    s["m"] = m
    write(params, m)
    return sum(losses) / lam
