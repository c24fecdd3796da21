def init_state(params, hyper):
    return None


def train_step(params, loss_fn, step, hyper, state):
    """Random search (Matyas 1965), the (1+1)-ES without step-size adaptation, 2 forward passes:

    x' = θ + σz, z ~ N(0, I);   θ ← x' if L(x') ≤ L(θ)  (both on this step's batch; σ fixed)

    Returns L(θ) before the step.
    """
    sigma, seed = hyper["sigma"], noise_seed(step, 0)
    parent = loss_fn().item()
    add_noise(params, seed, sigma)
    if not loss_fn().item() <= parent:
        add_noise(params, seed, -sigma)  # back to θ
    return parent
