def init_state(params, hyper):
    return None


def train_step(params, loss_fn, step, hyper, state):
    """Conservative ZO-SGD (ZO-Bench, Zhang et al. 2024; after Kim et al. 2021):

    L₀ = L(θ);  ĝ = (1/q) Σ gₖ·zₖ;  θ ← the argmin of L over {θ, θ − ηĝ, θ + ηĝ}  (ties keep θ)

    Forward passes: 2q + 3 central, q + 3 one-sided (L₀ is then the probes' base). The trial points
    are reached with the seed trick, Δ = −ηĝ = Σₖ (−η·gₖ/q)·zₖ. Returns L₀.
    """
    dist = hyper.get("dist", "gaussian")
    loss0 = loss_fn().item()
    slopes, _ = estimate(params, loss_fn, step, hyper, base=loss0)

    def move(factor):
        """θ ← θ + factor·Δ"""
        for seed, g in slopes:
            perturb(params, seed, -hyper["lr"] * g / len(slopes) * factor, dist)

    move(1)
    loss_descent = loss_fn().item()  # L(θ + Δ)
    move(-2)
    loss_ascent = loss_fn().item()  # L(θ − Δ); the weights are at θ − Δ now
    if loss_descent < loss0 and loss_descent < loss_ascent:
        move(2)  # to θ + Δ
    elif not loss_ascent < loss0:
        move(1)  # back to θ
    return loss0
