METRIC = "R²"
EVAL_POINTS = 200


def polynomial_samples(truth, n, noise, gen):
    """x ~ U(−1, 1), y = Σ cₖxᵏ + N(0, noise²): features [n, p] (x⁰ … x^degree) and y [n]."""
    x = 2 * torch.rand(n, generator=gen) - 1
    features = x[:, None] ** torch.arange(len(truth), dtype=torch.float32)
    return features, features @ truth + noise * torch.randn(n, generator=gen)


{{batch_rows}}

class Task:
    """Least squares: fit y = Σ wₖxᵏ (k ≤ degree, w from 0) to noisy samples of a seeded polynomial
    of the same degree (cₖ ~ N(0, 1)). Metric: R² = 1 − MSE/Var(y) on held-out points."""

    def __init__(self, seed, device):
        gen = torch.Generator().manual_seed(seed)
        p, noise = int(SETTINGS["degree"]) + 1, SETTINGS["noise"]
        truth = torch.randn(p, generator=gen)  # c [p]
        train_x, train_y = polynomial_samples(truth, int(SETTINGS["points"]), noise, gen)
        eval_x, eval_y = polynomial_samples(truth, EVAL_POINTS, noise, gen)
        self.train_x, self.train_y = train_x.to(device), train_y.to(device)  # [n, p], [n]
        self.eval_x, self.eval_y = eval_x.to(device), eval_y.to(device)
        self.eval_var = eval_y.var(unbiased=False).item()
        self.params = [torch.zeros(p, device=device)]  # w [p]
        self.seed, self.device = seed, device

    def mse(self, x, y):
        return torch.mean((x @ self.params[0] - y) ** 2)

    def batch(self, step):
        rows = batch_rows(self.seed, step, int(SETTINGS["batch"]), len(self.train_y)).to(self.device)
        return self.train_x[rows], self.train_y[rows]

    def loss(self, batch):
        return self.mse(*batch)

    def evaluate(self):
        mse = self.mse(self.eval_x, self.eval_y).item()
        return mse, 1 - mse / self.eval_var
