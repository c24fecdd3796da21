def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    """MeZO (Malladi et al. 2023, Algorithm 1): θ ← θ − η·(1/q) Σ gₖ·zₖ, one seed at a time."""
    for seed, g in slopes:
        perturb(params, seed, -hyper["lr"] * g / len(slopes), hyper.get("dist", "gaussian"))
