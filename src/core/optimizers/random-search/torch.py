def init_state(params, hyper):
    return {"parent": None}  # the kept L(θ) when reeval is off


def train_step(params, loss_fn, step, hyper, state):
    """Random search (Matyas 1965), the (1+1)-ES without step-size adaptation, 2 forward passes:

    x' = θ + σz, z ~ N(0, I);   θ ← x' if L(x') ≤ L(θ)  (both on this step's batch; σ fixed)

    Returns L(θ) before the step.
    """
    sigma, seed = hyper["sigma"], noise_seed(step, 0)
    keep = hyper.get("reeval", "on") == "off"  # off: keep L(θ) (deterministic tasks), 1 pass a step
    parent = state["parent"] if keep and state["parent"] is not None else loss_fn().item()
    add_noise(params, seed, sigma)
    child = loss_fn().item()
    if not child <= parent:
        add_noise(params, seed, -sigma)  # back to θ
    state["parent"] = min(child, parent) if keep else None
    return parent
