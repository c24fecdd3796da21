def init_state(params, hyper):
    return None


def update(params, slopes, hyper, state):
    """signSGD via a zeroth-order oracle (Liu et al. 2019, https://arxiv.org/abs/1810.10667):
    every weight moves by exactly η, along the sign of its coordinate of ĝ."""
    for gh, p in zip(estimate_vector(params, slopes, hyper), params):  # ĝ [like p]
        p.add_(torch.sign(gh), alpha=-hyper["lr"])
