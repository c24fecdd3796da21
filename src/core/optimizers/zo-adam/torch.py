def init_state(params, hyper):
    return adam_init(params)


def update(params, slopes, hyper, state):
    ghat = estimate_vector(params, slopes, hyper)  # ĝ [like each parameter]
    adam_step(params, ghat, state, hyper["lr"], hyper["beta1"], hyper["beta2"], 1e-8)
