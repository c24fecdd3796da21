METRIC = "accuracy"
EVAL_SENTENCES = 500

{{corpus}}

{{glorot}}

{{bag_of_words}}

{{classifier}}

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
