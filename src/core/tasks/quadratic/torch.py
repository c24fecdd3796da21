METRIC = None


class Task:
    """f(θ) = ½ Σ λᵢθᵢ², λᵢ = κ^(i/(r−1)) log-spaced in [1, κ] for i < r (r = d unless a rank is set), 0 beyond; θ₀ ~ N(0, I)."""

    def __init__(self, seed, device):
        d = int(SETTINGS["d"])
        r = min(int(SETTINGS.get("rank", 0)), d) or d  # rank r: the other d − r eigenvalues are 0
        i = torch.arange(d, dtype=torch.float32)
        self.lam = torch.where(i < r, SETTINGS["kappa"] ** (i / max(r - 1, 1)), torch.zeros(d)).to(device)  # [d]
        gen = torch.Generator().manual_seed(seed)
        self.params = [torch.randn(d, generator=gen).to(device)]  # θ [d]

    def batch(self, step):
        return None

    def loss(self, batch):
        theta = self.params[0]
        return 0.5 * torch.sum(self.lam * theta * theta)

    def evaluate(self):
        return self.loss(None).item(), None
