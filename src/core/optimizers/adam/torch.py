def init_state(params, hyper):
    mark_trainable(params)
    return adam_init(params)


def train_step(params, loss_fn, step, hyper, state):
    """Adam with tf.train.adam's ε = 1e-7 (torch.optim.Adam's default is 1e-8)."""
    loss, grads = gradient(params, loss_fn)
    adam_step(params, grads, state, hyper["lr"], hyper["beta1"], hyper["beta2"], 1e-7)
    return loss
