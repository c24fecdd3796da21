def init_state(params, hyper):
    mark_trainable(params)
    return None


def train_step(params, loss_fn, step, hyper, state):
    """Gradient descent (Robbins & Monro 1951): θ ← θ − η·∇L(θ)."""
    loss, grads = gradient(params, loss_fn)
    for p, g in zip(params, grads):
        p.add_(g, alpha=-hyper["lr"])
    return loss
