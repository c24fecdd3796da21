def train_step(params, loss_fn, step, hyper, state):
    """Estimate from q probes, then the rule's update; returns the loss to log."""
    slopes, loss = estimate(params, loss_fn, step, hyper)
    update(params, slopes, hyper, state)
    return loss
