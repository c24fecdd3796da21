import { TORCH_DATA_TASKS } from './tasksData';

/**
 * PyTorch templates of the playground's tasks, for "Export as PyTorch script". Each defines a
 * class `Task(seed, device)` with `params` (a list of tensors, updated in place), `batch(step)`,
 * `loss(batch)` (a 0-d tensor), `evaluate()` → (eval loss, metric or None), and `METRIC` (its name).
 * The code reads the task's settings from the `SETTINGS` dict the script defines.
 * Data and initial weights follow the playground's recipe with torch's generator, so they match in
 * distribution, not number for number. A new task adds an entry here.
 */
export interface TorchTask {
  /** Files of `public/data/` the script embeds (the exporter fetches them first). */
  assets?: readonly string[];
  /** Python source of `class Task` (and helpers), at module level; a function when it embeds data. */
  code: string | ((ctx: { settings: Readonly<Record<string, number>>; assets: Readonly<Record<string, Uint8Array>> }) => string);
}

const SPIRAL = `METRIC = "accuracy"
RADIUS = 4.0  # outer radius of the spirals: inputs span about [-4, 4]


def spiral_points(n, noise, turns, gen):
    """Class c, point i of n per class: r = R·i/n, t = turns·2π·i/n + cπ, (r sin t, r cos t) + jitter."""
    per_class = n // 2
    i = torch.arange(per_class, dtype=torch.float32)
    r = RADIUS * i / per_class
    xs, ys = [], []
    for c in range(2):
        t = turns * 2 * math.pi * i / per_class + c * math.pi
        jitter = RADIUS * noise * (2 * torch.rand(per_class, 2, generator=gen) - 1)
        xs.append(torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1) + jitter)
        ys.append(torch.full((per_class,), c, dtype=torch.long))
    return torch.cat(xs), torch.cat(ys)


class Task:
    """Two interleaved spirals, a 2 → h → h → 2 tanh MLP, softmax cross-entropy."""

    def __init__(self, seed, device):
        gen = torch.Generator().manual_seed(seed)
        n, noise, turns = int(SETTINGS["points"]), SETTINGS["noise"], SETTINGS["turns"]
        train_x, train_y = spiral_points(n, noise, turns, gen)
        eval_x, eval_y = spiral_points(n, noise, turns, gen)
        self.train_x, self.train_y = train_x.to(device), train_y.to(device)  # [n, 2], [n]
        self.eval_x, self.eval_y = eval_x.to(device), eval_y.to(device)
        hidden = int(SETTINGS["hidden"])
        sizes = [2, hidden, hidden, 2]
        self.params = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            std = math.sqrt(2.0 / (fan_in + fan_out))  # Glorot normal, zero biases
            self.params.append((torch.randn(fan_in, fan_out, generator=gen) * std).to(device))  # W [in, out]
            self.params.append(torch.zeros(fan_out, device=device))  # b [out]
        self.seed = seed
        self.device = device

    def logits(self, x):
        h = x
        for i in range(0, len(self.params), 2):
            h = h @ self.params[i] + self.params[i + 1]
            if i + 2 < len(self.params):
                h = torch.tanh(h)
        return h

    def batch(self, step):
        # The step's own generator: the same batch whatever the optimizer does.
        gen = torch.Generator().manual_seed(self.seed * 1_000_003 + step)
        rows = torch.randint(len(self.train_y), (int(SETTINGS["batch"]),), generator=gen).to(self.device)
        return self.train_x[rows], self.train_y[rows]

    def loss(self, batch):
        x, y = batch
        return F.cross_entropy(self.logits(x), y)

    def evaluate(self):
        logits = self.logits(self.eval_x)
        accuracy = (logits.argmax(-1) == self.eval_y).float().mean().item()
        return F.cross_entropy(logits, self.eval_y).item(), accuracy
`;

const QUADRATIC = `METRIC = None


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
`;

/** The 2-D test functions, as in src/core/tasks/landscape.ts: θ = (x, y), one tensor of shape [2]. */
const LANDSCAPES: Record<string, string> = {
  rosenbrock: '(1 - x) ** 2 + 100 * (y - x * x) ** 2',
  rastrigin: '20 + x * x - 10 * torch.cos(2 * math.pi * x) + y * y - 10 * torch.cos(2 * math.pi * y)',
  ackley:
    '-20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x * x + y * y) + 1e-12))' +
    ' - torch.exp(0.5 * (torch.cos(2 * math.pi * x) + torch.cos(2 * math.pi * y))) + math.e + 20',
  himmelblau: '(x * x + y - 11) ** 2 + (x + y * y - 7) ** 2',
  beale: '(1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y**3) ** 2',
  booth: '(x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2',
};

const landscape = (id: string, formula: string): TorchTask => ({
  code: `METRIC = None


class Task:
    """The ${id} function f(x, y) = ${formula}, starting at (x0, y0)."""

    def __init__(self, seed, device):
        self.params = [torch.tensor([SETTINGS["x0"], SETTINGS["y0"]], dtype=torch.float32, device=device)]  # [2]

    def batch(self, step):
        return None

    def loss(self, batch):
        x, y = self.params[0][0], self.params[0][1]
        return ${formula}

    def evaluate(self):
        return self.loss(None).item(), None
`,
});

export const TORCH_TASKS: Readonly<Record<string, TorchTask>> = {
  spiral: { code: SPIRAL },
  quadratic: { code: QUADRATIC },
  ...Object.fromEntries(Object.entries(LANDSCAPES).map(([id, formula]) => [id, landscape(id, formula)])),
  ...TORCH_DATA_TASKS,
};
