def init_state(params, hyper):
    return [torch.zeros_like(p) for p in params]  # b [like each parameter]


def update(params, slopes, hyper, state):
    """Heavy ball on ĝ (ZO-Bench), as tf.train.momentum accumulates: b ← μ·b + ĝ, θ ← θ − η·b."""
    for b, gh, p in zip(state, estimate_vector(params, slopes, hyper), params):
        b.mul_(hyper["momentum"]).add_(gh)
        p.add_(b, alpha=-hyper["lr"])
