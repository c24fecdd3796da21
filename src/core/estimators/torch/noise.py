def noise_seed(step, member):
    """One seed per (step, member): the member's noise is a pure function of it (MeZO's trick)."""
    return (SEED * 1_000_003 + step) * 1024 + member


def noise(p):
    """N(0, I) shaped like p, from torch's global generator (seeded by the caller)."""
    return torch.randn(p.shape, device=p.device, dtype=p.dtype)


def add_noise(params, seed, scale):
    """θ ← θ + scale·ε(seed), ε ~ N(0, I), regenerated from its seed, never stored."""
    torch.manual_seed(seed)
    for p in params:
        p.add_(noise(p), alpha=scale)
