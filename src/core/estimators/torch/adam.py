def adam_init(params):
    """Adam's moments m, v (one tensor like each parameter) and the running products β₁ᵗ, β₂ᵗ,
    float32 scalars as tf.train.adam keeps them."""
    return {
        "m": [torch.zeros_like(p) for p in params],
        "v": [torch.zeros_like(p) for p in params],
        "beta1_t": torch.ones((), dtype=torch.float32),
        "beta2_t": torch.ones((), dtype=torch.float32),
    }


def adam_step(params, grads, state, lr, beta1, beta2, epsilon):
    """Adam (Kingma & Ba 2015, https://arxiv.org/abs/1412.6980, Algorithm 1), as tf.train.adam:

    m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)
    """
    state["beta1_t"].mul_(beta1)
    state["beta2_t"].mul_(beta2)
    c1, c2 = 1 - state["beta1_t"], 1 - state["beta2_t"]  # 0-d float32
    for m, v, g, p in zip(state["m"], state["v"], grads, params):
        m.mul_(beta1).add_(g, alpha=1 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
        p.add_((m / c1) / ((v / c2).sqrt_() + epsilon), alpha=-lr)
