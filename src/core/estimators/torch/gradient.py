def mark_trainable(params):
    for p in params:
        p.requires_grad_(True)


def gradient(params, loss_fn):
    """L(θ) and ∇L(θ) by backprop: one forward and one backward pass (≈ 3 forward passes)."""
    with torch.enable_grad():
        loss = loss_fn()
        grads = torch.autograd.grad(loss, params, allow_unused=True)
    # A parameter the loss does not reach has gradient 0.
    return loss.item(), [torch.zeros_like(p) if g is None else g for g, p in zip(grads, params)]
