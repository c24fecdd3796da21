def init_params(side, gen):
    """side² → hidden → 10, tanh."""
    return mlp_params([side * side, int(SETTINGS["hidden"]), 10], gen)


def model(params, side, x):
    return mlp(params, x)
