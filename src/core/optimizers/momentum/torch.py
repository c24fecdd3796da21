def init_state(params, hyper):
    mark_trainable(params)
    return [torch.zeros_like(p) for p in params]  # b, tf.train.momentum's accumulator [like each parameter]


def train_step(params, loss_fn, step, hyper, state):
    """Heavy ball (Polyak 1964) in tf.train.momentum's form: b ← μ·b + ∇L(θ), θ ← θ − η·b.

    (torch.optim.SGD's momentum is the same recursion with dampening 0.)
    """
    loss, grads = gradient(params, loss_fn)
    for b, g, p in zip(state, grads, params):
        b.mul_(hyper["momentum"]).add_(g)
        p.add_(b, alpha=-hyper["lr"])
    return loss
