def direction_seed(step, k):
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


def estimate(params, loss_fn, step, hyper, base=None):
    """Two-point SPSA: [(seed, slope gₖ)] for q directions, and the loss to log.

    central:   gₖ = (L(θ + εzₖ) − L(θ − εzₖ)) / 2ε   (probes +ε, −2ε, then +ε back to θ)
    one-sided: gₖ = (L(θ + εzₖ) − L(θ)) / ε, with L(θ) = base when the caller has it already
    """
    eps, q, dist = hyper["eps"], int(hyper.get("q", 1)), hyper.get("dist", "gaussian")
    one_sided = hyper.get("mode", "central") == "one-sided"
    if one_sided and base is None:
        base = loss_fn().item()
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
