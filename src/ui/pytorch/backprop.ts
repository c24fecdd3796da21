import type { TorchOptimizer } from './optimizers';
import { ADAM_RULE } from './rules';

/**
 * PyTorch templates of the backprop baselines (src/core/optimizers/backprop.ts): the true gradient
 * by autograd, then the playground's rule in tf.train's form. The script's loop runs under
 * `torch.no_grad()`, so `gradient` turns autograd back on for the forward and backward pass; the
 * parameters are marked `requires_grad` once, in `init_state`. Logged train loss: L(θ) before the
 * update, as in the playground.
 */

const GRADIENT = `def mark_trainable(params):
    for p in params:
        p.requires_grad_(True)


def gradient(params, loss_fn):
    """L(θ) and ∇L(θ) by backprop: one forward and one backward pass (≈ 3 forward passes)."""
    with torch.enable_grad():
        loss = loss_fn()
        grads = torch.autograd.grad(loss, params, allow_unused=True)
    # A parameter the loss does not reach has gradient 0.
    return loss.item(), [torch.zeros_like(p) if g is None else g for g, p in zip(grads, params)]
`;

const SGD: TorchOptimizer = {
  summary: 'SGD on the backprop gradient: θ ← θ − η·∇L(θ).',
  usesEstimator: false,
  code: `${GRADIENT}

def init_state(params, hyper):
    mark_trainable(params)
    return None


def train_step(params, loss_fn, step, hyper, state):
    """Gradient descent (Robbins & Monro 1951): θ ← θ − η·∇L(θ)."""
    loss, grads = gradient(params, loss_fn)
    for p, g in zip(params, grads):
        p.add_(g, alpha=-hyper["lr"])
    return loss
`,
};

const MOMENTUM: TorchOptimizer = {
  summary: 'Heavy-ball momentum on the backprop gradient, as tf.train.momentum: b ← μ·b + ∇L, θ ← θ − η·b.',
  usesEstimator: false,
  code: `${GRADIENT}

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
`,
};

const ADAM: TorchOptimizer = {
  summary: 'Adam on the backprop gradient, as tf.train.adam (ε = 1e-7 added to √v̂).',
  usesEstimator: false,
  code: `${GRADIENT}

${ADAM_RULE}

def init_state(params, hyper):
    mark_trainable(params)
    return adam_init(params)


def train_step(params, loss_fn, step, hyper, state):
    """Adam with tf.train.adam's ε = 1e-7 (torch.optim.Adam's default is 1e-8)."""
    loss, grads = gradient(params, loss_fn)
    adam_step(params, grads, state, hyper["lr"], hyper["beta1"], hyper["beta2"], 1e-7)
    return loss
`,
};

export const BACKPROP_OPTIMIZERS: Readonly<Record<string, TorchOptimizer>> = {
  sgd: SGD,
  momentum: MOMENTUM,
  adam: ADAM,
};
