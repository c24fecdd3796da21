def init_state(params, hyper):
    return {"sigma": None, "sigma_init": None, "parent": None}  # the adapted σ, its start, the kept L(θ)


def train_step(params, loss_fn, step, hyper, state):
    """(1+1)-ES with the 1/5th success rule (Rechenberg 1973; Hansen, Arnold & Auger 2015,
    https://hal.inria.fr/hal-01155533), 2 forward passes:

    x' = θ + σz, z ~ N(0, I);   success = L(x') ≤ L(θ)  (both on this step's batch)
    θ ← x' on success;   σ ← σ·exp((1[success] − 1/5)/√(d + 1))

    σ starts at the hyperparameter sigma and restarts there when it changes. Returns L(θ) before
    the step.
    """
    if hyper["sigma"] != state["sigma_init"]:
        state["sigma_init"] = state["sigma"] = hyper["sigma"]
    sigma, seed = state["sigma"], noise_seed(step, 0)
    keep = hyper.get("reeval", "on") == "off"  # off: keep L(θ) (deterministic tasks), 1 pass a step
    parent = state["parent"] if keep and state["parent"] is not None else loss_fn().item()
    add_noise(params, seed, sigma)
    child = loss_fn().item()
    success = child <= parent
    state["parent"] = (child if success else parent) if keep else None
    if not success:
        add_noise(params, seed, -sigma)  # back to θ
    d = sum(p.numel() for p in params)
    state["sigma"] = sigma * math.exp((float(success) - 0.2) / math.sqrt(d + 1))
    return parent
