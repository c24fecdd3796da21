import { FILLERS, MAX_WORDS } from '../../core/tasks/sentiment/corpus';
import { LEXICON } from '../../core/tasks/sentiment/lexicon';

/**
 * Python snippets the task templates share (src/ui/pytorch/tasks.ts and tasksData.ts): a template
 * includes the ones it calls. Apart from the templates so that both files can import them.
 */

/** Glorot-normal initial weights, as createMlp and glorotVariable draw them. */
export const PY_GLOROT = `def glorot(shape, fan_in, fan_out, gen):
    """Glorot normal, std √(2/(fan_in + fan_out)), as the playground's createMlp and glorotVariable."""
    return torch.randn(*shape, generator=gen) * math.sqrt(2.0 / (fan_in + fan_out))
`;

/** Batch rows from the step alone, as batchRows: every lane sees the same batches. */
export const PY_BATCH_ROWS = `def batch_rows(seed, step, count, n):
    """count rows of [0, n), drawn with replacement by the step's own generator: the same batches
    whatever the optimizer does."""
    gen = torch.Generator().manual_seed(seed * 1_000_003 + step)
    return torch.randint(n, (count,), generator=gen)
`;

/**
 * Softmax classification on `train_x`/`train_y` (batches by batch_rows) with eval loss and accuracy
 * on `eval_x`/`eval_y`: a task subclasses it, sets those, `seed` and `device`, and defines `logits`.
 */
export const PY_CLASSIFIER = `${PY_BATCH_ROWS}

class Classifier:
    """Softmax cross-entropy on self.logits(x) → [batch, classes]; eval loss and accuracy."""

    def batch(self, step):
        rows = batch_rows(self.seed, step, int(SETTINGS["batch"]), len(self.train_y)).to(self.device)
        return self.train_x[rows], self.train_y[rows]

    def loss(self, batch):
        x, y = batch
        return F.cross_entropy(self.logits(x), y)

    def evaluate(self):
        logits = self.logits(self.eval_x)
        accuracy = (logits.argmax(-1) == self.eval_y).float().mean().item()
        return F.cross_entropy(logits, self.eval_y).item(), accuracy
`;

/** A dense tanh net as createMlp builds it: Glorot weights and zero biases, in the playground's draw order. */
export const PY_MLP = `${PY_GLOROT}

def mlp_params(sizes, gen):
    """[W [in, out], b [out], …] for a dense net of the given widths: Glorot weights, zero biases."""
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        params += [glorot((fan_in, fan_out), fan_in, fan_out, gen), torch.zeros(fan_out)]
    return params


def mlp(params, x):
    """tanh between the layers, none after the last."""
    h = x
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = torch.tanh(h)
    return h
`;

/** The sentiment model's forward pass (sentiment from scratch and fine-tuned). */
export const PY_BAG_OF_WORDS = `def bag_of_words(params, tokens):
    """Mean of the sentence's word vectors, then a linear layer: tokens [batch, MAX_WORDS] → [batch, 2]."""
    embedding, w, b = params  # E [V, D], W [D, 2], b [2]
    words = (tokens != PAD).float()  # [batch, MAX_WORDS]
    mean = (embedding[tokens] * words[..., None]).sum(1) / words.sum(1, keepdim=True)  # [batch, D]
    return mean @ w + b
`;

/** One draw at a time, for the generators that build text word by word. */
export const PY_SCALAR_DRAWS = `def randint(n, gen):
    return int(torch.randint(n, (1,), generator=gen))


def uniform(gen):
    return float(torch.rand(1, generator=gen))
`;

/** Items in lines of at most about `width` characters, each line the items joined by ', ' (no item is split). */
export function wrapItems(items: readonly string[], width = 96): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + item.length + 2 <= width) lines[last] += `, ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** `NAME = [item, item, …]` as one literal, wrapped to lines of at most ~100 characters. */
const pyList = (name: string, items: readonly string[]): string =>
  `${name} = [\n${wrapItems(items).map((line) => `    ${line},`).join('\n')}\n]`;

/** A Python string literal (JSON's escapes are Python's for these ASCII words). */
export const pyStr = (s: string) => JSON.stringify(s);

/**
 * The sentiment corpus (src/core/tasks/corpus.ts) with the playground's lexicon and fillers
 * embedded: `rated_words(count)` and `make_corpus(n, rated, gen, flipped)`.
 */
export const PY_SENTIMENT_CORPUS = `# The playground's corpus (src/core/tasks/data/lexicon.ts and corpus.ts): AFINN-165 words (Finn Årup
# Nielsen, MIT) with their valence, 100 positive then 100 negative, and the neutral filler words.
${pyList('LEXICON', LEXICON.map(([word, valence]) => `(${pyStr(word)}, ${valence})`))}
${pyList('FILLERS', FILLERS.map(pyStr))}
PAD = 0
MAX_WORDS = ${MAX_WORDS}
FIRST_RATED = 1 + len(FILLERS)  # token ids: PAD, the fillers, then the rated words in use


def rated_words(count):
    """count of the lexicon's words, spread evenly over it (so half positive), as indices into LEXICON."""
    return [math.floor((i + 0.5) * len(LEXICON) / count) for i in range(count)]


${PY_SCALAR_DRAWS}

def make_corpus(n, rated, gen, flipped=frozenset()):
    """n sentences of 5–10 filler words, 1–3 of them (distinct slots) replaced by rated words; the
    label is the sign of the summed valence (the last rated word is redrawn while the sum is 0).
    The valences of the rated words at the positions in flipped are negated (a domain shift).
    Token ids [n, MAX_WORDS] (PAD after the end), labels [n] (1 = positive)."""
    tokens, labels = [], []
    for _ in range(n):
        length = 5 + randint(MAX_WORDS - 4, gen)
        num_rated = 1 + randint(3, gen)
        row = [1 + randint(len(FILLERS), gen) for _ in range(length)]
        slots = []
        while len(slots) < num_rated:
            slot = randint(length, gen)
            if slot not in slots:
                slots.append(slot)
        valence = 0
        for j, slot in enumerate(slots):
            while True:
                word = randint(len(rated), gen)
                v = LEXICON[rated[word]][1] * (-1 if word in flipped else 1)
                if j < num_rated - 1 or valence + v != 0:
                    break
            valence += v
            row[slot] = FIRST_RATED + word
        tokens.append(row + [PAD] * (MAX_WORDS - length))
        labels.append(1 if valence > 0 else 0)
    return torch.tensor(tokens), torch.tensor(labels)
`;
