METRIC = "accuracy"
RADIUS = 4.0  # the data radius: inputs span about [-4, 4], and noise is relative to it


def jitter(shape, noise, gen):
    """Uniform in [−R·noise, R·noise]."""
    return RADIUS * noise * (2 * torch.rand(shape, generator=gen) - 1)


{{class_points}}

def two_classes(n, noise, gen):
    """n // 2 points of class 0, then as many of class 1: x [n, 2], y [n]."""
    per_class = n // 2
    x = torch.cat([class_points(c, per_class, noise, gen) for c in range(2)])
    return x, torch.arange(2).repeat_interleave(per_class)


{{mlp}}

{{classifier}}

class Task(Classifier):
    """{{what}},
    classified by a 2 → h → h → 2 tanh MLP with softmax cross-entropy."""

    def __init__(self, seed, device):
        gen = torch.Generator().manual_seed(seed)
        n, noise = int(SETTINGS["points"]), SETTINGS["noise"]
        train_x, train_y = two_classes(n, noise, gen)
        eval_x, eval_y = two_classes(n, noise, gen)
        self.train_x, self.train_y = train_x.to(device), train_y.to(device)  # [n, 2], [n]
        self.eval_x, self.eval_y = eval_x.to(device), eval_y.to(device)
        hidden = int(SETTINGS["hidden"])
        self.params = [p.to(device) for p in mlp_params([2, hidden, hidden, 2], gen)]  # W [in, out], b [out], …
        self.seed, self.device = seed, device

    def logits(self, x):
        return mlp(self.params, x)  # [batch, 2]
