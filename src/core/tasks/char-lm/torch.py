METRIC = "perplexity"
# The playground's toy grammar (src/core/tasks/char-lm/grammar.ts).
GRAMMAR = {{grammar}}
# Characters of the text: space, full stop, then the letters the grammar uses, sorted.
CHARS = " ." + "".join(sorted(set("".join(word for words in GRAMMAR.values() for word in words))))
EVAL_SENTENCES = 100


{{scalar_draws}}

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


{{glorot}}

{{classifier}}

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
