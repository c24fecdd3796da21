def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    """ZO-Bench (Zhang et al. 2024): only the sign of each slope; z keeps its magnitude."""
    for seed, g in slopes:
        sign = (g > 0) - (g < 0)
        perturb(params, seed, -hyper["lr"] * sign / len(slopes), hyper.get("dist", "gaussian"))
