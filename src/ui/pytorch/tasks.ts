import { GRAMMAR } from '../../core/tasks/char-lm/grammar';
import { PY_BAG_OF_WORDS, PY_BATCH_ROWS, PY_CLASSIFIER, PY_GLOROT, PY_MLP, PY_SCALAR_DRAWS, PY_SENTIMENT_CORPUS, pyStr } from './snippets';
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

/**
 * The four 2-D classifiers (src/core/tasks/classify2d.ts, datasets2d.ts) share the MLP task; each
 * brings `class_points(c, m, noise, gen)`, m points of class c [m, 2], as in datasets2d.ts.
 */
const CLASS_POINTS: Record<string, { what: string; code: string }> = {
  spiral: {
    what: 'Two interleaved spirals',
    code: `def class_points(c, m, noise, gen):
    """Point i: r = R·i/m, t = turns·2π·i/m + cπ, (r sin t, r cos t) + jitter."""
    i = torch.arange(m, dtype=torch.float32)
    r = RADIUS * i / m
    t = SETTINGS["turns"] * 2 * math.pi * i / m + c * math.pi
    return torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1) + jitter((m, 2), noise, gen)
`,
  },
  moons: {
    what: 'Two interleaving half circles (scikit-learn’s make_moons)',
    code: `def class_points(c, m, noise, gen):
    """t ~ U(0, π); class 0 (cos t, sin t), class 1 (1 − cos t, ½ − sin t), centred and scaled by
    2.5; Gaussian noise of std R·noise."""
    t = math.pi * torch.rand(m, generator=gen)
    u, v = (torch.cos(t), torch.sin(t)) if c == 0 else (1 - torch.cos(t), 0.5 - torch.sin(t))
    moon = torch.stack([2.5 * (u - 0.5), 2.5 * (v - 0.25)], dim=1)
    return moon + RADIUS * noise * torch.randn(m, 2, generator=gen)
`,
  },
  circles: {
    what: 'A disc (class 1, r < R/2) inside a ring (class 0, 0.7R < r < R)',
    code: `def class_points(c, m, noise, gen):
    """Radius uniform in the disc's or the ring's range, angle uniform; jitter."""
    u = torch.rand(m, generator=gen)
    r = 0.5 * RADIUS * u if c == 1 else RADIUS * (0.7 + 0.3 * u)
    t = 2 * math.pi * torch.rand(m, generator=gen)
    return torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1) + jitter((m, 2), noise, gen)
`,
  },
  xor: {
    what: 'XOR: four quadrants, class 1 where x·y > 0',
    code: `def class_points(c, m, noise, gen):
    """A quadrant of the class, then a point uniform in it, 0.3 away from the axes; jitter."""
    sx = torch.randint(0, 2, (m,), generator=gen) * 2.0 - 1  # [m], ±1
    signs = torch.stack([sx, sx if c == 1 else -sx], dim=1)  # [m, 2]
    return signs * (0.3 + (RADIUS - 0.3) * torch.rand(m, 2, generator=gen)) + jitter((m, 2), noise, gen)
`,
  },
};

const classify2d = (id: string): TorchTask => ({
  code: `METRIC = "accuracy"
RADIUS = 4.0  # the data radius: inputs span about [-4, 4], and noise is relative to it


def jitter(shape, noise, gen):
    """Uniform in [−R·noise, R·noise]."""
    return RADIUS * noise * (2 * torch.rand(shape, generator=gen) - 1)


${CLASS_POINTS[id].code}

def two_classes(n, noise, gen):
    """n // 2 points of class 0, then as many of class 1: x [n, 2], y [n]."""
    per_class = n // 2
    x = torch.cat([class_points(c, per_class, noise, gen) for c in range(2)])
    return x, torch.arange(2).repeat_interleave(per_class)


${PY_MLP}

${PY_CLASSIFIER}

class Task(Classifier):
    """${CLASS_POINTS[id].what},
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
`,
});

const REGRESSION = `METRIC = "R²"
EVAL_POINTS = 200


def polynomial_samples(truth, n, noise, gen):
    """x ~ U(−1, 1), y = Σ cₖxᵏ + N(0, noise²): features [n, p] (x⁰ … x^degree) and y [n]."""
    x = 2 * torch.rand(n, generator=gen) - 1
    features = x[:, None] ** torch.arange(len(truth), dtype=torch.float32)
    return features, features @ truth + noise * torch.randn(n, generator=gen)


${PY_BATCH_ROWS}

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
`;

/** Sentiment from scratch (src/core/tasks/sentiment.ts). */
const SENTIMENT = `METRIC = "accuracy"
EVAL_SENTENCES = 500

${PY_SENTIMENT_CORPUS}

${PY_GLOROT}

${PY_BAG_OF_WORDS}

${PY_CLASSIFIER}

class Task(Classifier):
    """Bag of embeddings (fastText-like): the mean of the sentence's word vectors E[w] ∈ ℝᴰ, then
    a linear layer to 2 logits; softmax cross-entropy. Params [E (V × D), W (D × 2), b (2)]."""

    def __init__(self, seed, device):
        gen = torch.Generator().manual_seed(seed)
        rated = rated_words(int(SETTINGS["words"]))
        train_x, train_y = make_corpus(int(SETTINGS["sentences"]), rated, gen)
        eval_x, eval_y = make_corpus(EVAL_SENTENCES, rated, gen)
        self.train_x, self.train_y = train_x.to(device), train_y.to(device)  # [n, MAX_WORDS], [n]
        self.eval_x, self.eval_y = eval_x.to(device), eval_y.to(device)
        vocab, dim = FIRST_RATED + len(rated), int(SETTINGS["dim"])
        params = [glorot((vocab, dim), dim, dim, gen), glorot((dim, 2), dim, 2, gen), torch.zeros(2)]
        self.params = [p.to(device) for p in params]  # E [V, D], W [D, 2], b [2]
        self.seed, self.device = seed, device

    def logits(self, tokens):
        return bag_of_words(self.params, tokens)  # [batch, 2]
`;

/** The character language model (src/core/tasks/charlm.ts), with the playground's grammar embedded. */
const CHAR_LM = `METRIC = "perplexity"
# The playground's toy grammar (src/core/tasks/grammar.ts).
GRAMMAR = {
${Object.entries(GRAMMAR).map(([part, words]) => `    ${pyStr(part)}: [${words.map(pyStr).join(', ')}],`).join('\n')}
}
# Characters of the text: space, full stop, then the letters the grammar uses, sorted.
CHARS = " ." + "".join(sorted(set("".join(word for words in GRAMMAR.values() for word in words))))
EVAL_SENTENCES = 100


${PY_SCALAR_DRAWS}

def grammar_text(sentences, gen):
    """S → NP VP ".", NP → Det [Adj] Noun, VP → Verb NP (p 0.6) | Intransitive [Adverb];
    sentences joined by spaces."""

    def pick(part):
        return GRAMMAR[part][randint(len(GRAMMAR[part]), gen)]

    def noun_phrase():
        words = [pick("det")] + ([pick("adj")] if uniform(gen) < 0.5 else [])
        return " ".join(words + [pick("noun")])

    def verb_phrase():
        if uniform(gen) < 0.6:
            return pick("verb") + " " + noun_phrase()
        return " ".join([pick("intransitive")] + ([pick("adverb")] if uniform(gen) < 0.5 else []))

    return " ".join(noun_phrase() + " " + verb_phrase() + "." for _ in range(sentences))


def windows(text, context):
    """Every character of text with the context characters before it (spaces before the start), as
    ids into CHARS: contexts [n, context] and next characters [n]."""
    index = {c: i for i, c in enumerate(CHARS)}
    ids = torch.tensor([index[c] for c in " " * context + text])
    rows = ids.unfold(0, context + 1, 1)  # [n, context + 1]
    return rows[:, :context].contiguous(), rows[:, context].contiguous()


${PY_GLOROT}

${PY_CLASSIFIER}

class Task(Classifier):
    """Bengio et al. (2003): the previous context characters' embeddings (size embed), concatenated,
    a tanh hidden layer, softmax over the next character; cross-entropy per character (nats).
    Metric: perplexity e^loss on held-out text."""

    def __init__(self, seed, device):
        gen = torch.Generator().manual_seed(seed)
        context, embed, hidden = int(SETTINGS["context"]), int(SETTINGS["embed"]), int(SETTINGS["hidden"])
        train_x, train_y = windows(grammar_text(int(SETTINGS["sentences"]), gen), context)
        eval_x, eval_y = windows(grammar_text(EVAL_SENTENCES, gen), context)
        self.train_x, self.train_y = train_x.to(device), train_y.to(device)  # [n, context], [n]
        self.eval_x, self.eval_y = eval_x.to(device), eval_y.to(device)
        chars = len(CHARS)
        params = [
            glorot((chars, embed), embed, embed, gen),  # E [chars, embed]
            glorot((context * embed, hidden), context * embed, hidden, gen),  # W1 [context·embed, hidden]
            torch.zeros(hidden),  # b1
            glorot((hidden, chars), hidden, chars, gen),  # W2 [hidden, chars]
            torch.zeros(chars),  # b2
        ]
        self.params = [p.to(device) for p in params]
        self.seed, self.device = seed, device

    def logits(self, x):
        embedding, w1, b1, w2, b2 = self.params
        h = torch.tanh(embedding[x].flatten(1) @ w1 + b1)  # [batch, hidden]
        return h @ w2 + b2  # [batch, chars]

    def evaluate(self):
        loss = F.cross_entropy(self.logits(self.eval_x), self.eval_y).item()
        return loss, math.exp(loss)
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
  ...Object.fromEntries(Object.keys(CLASS_POINTS).map((id) => [id, classify2d(id)])),
  quadratic: { code: QUADRATIC },
  regression: { code: REGRESSION },
  sentiment: { code: SENTIMENT },
  'char-lm': { code: CHAR_LM },
  ...Object.fromEntries(Object.entries(LANDSCAPES).map(([id, formula]) => [id, landscape(id, formula)])),
  ...TORCH_DATA_TASKS,
};
