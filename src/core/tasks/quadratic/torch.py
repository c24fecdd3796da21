METRIC = None


class Task:
    """f(θ) = ½ Σ λᵢθᵢ², λᵢ = κ^(i/(d−1)) log-spaced in [1, κ]; θ₀ ~ N(0, I)."""

    def __init__(self, seed, device):
        d = int(SETTINGS["d"])
        i = torch.arange(d, dtype=torch.float32)
        self.lam = (SETTINGS["kappa"] ** (i / max(d - 1, 1))).to(device)  # [d]
        gen = torch.Generator().manual_seed(seed)
        self.params = [torch.randn(d, generator=gen).to(device)]  # θ [d]

    def batch(self, step):
        return None

    def loss(self, batch):
        theta = self.params[0]
        return 0.5 * torch.sum(self.lam * theta * theta)

    def evaluate(self):
        return self.loss(None).item(), None
