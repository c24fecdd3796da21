METRIC = "perplexity"
# The playground's name sets (src/core/tasks/gpt/names.ts, from public/data/names.txt), lists: {{lists}}.
# Training names, a name on both lists once:
TRAIN_NAMES = {{train}}
# The fixed held-out names evaluate() scores (at most 256, spread evenly over the held-out split):
EVAL_NAMES = {{eval}}
# Tokens: the boundary "." (id 0, makemore's start and end of a name), then the letters.
CHARS = "." + "".join(sorted(set("".join(TRAIN_NAMES + EVAL_NAMES))))
TUNING_MODES = {{tuning_modes}}

# ---- the model: src/core/tasks/gpt/torch_gpt.py --------------------------------------------

{{gpt}}

{{batch_rows}}


def name_rows(names, time):
    """makemore's rows: inputs ".emma", targets "emma." (each letter and the end), padded to time with
    inputs "." and targets -1 (ignored); a longer name keeps its first time predictions."""
    index = {c: i for i, c in enumerate(CHARS)}
    tokens = torch.zeros(len(names), time, dtype=torch.long)
    targets = torch.full((len(names), time), -1, dtype=torch.long)
    for i, name in enumerate(names):
        seq = [0] + [index[c] for c in name] + [0]
        n = min(time, len(seq) - 1)
        tokens[i, :n] = torch.tensor(seq[:n])
        targets[i, :n] = torch.tensor(seq[1 : n + 1])
    return tokens, targets


def trainable(name, layers, mode):
    """What each tuning mode trains (src/core/tasks/gpt/model/config.ts, isTrainableBase)."""
    if mode == "full":
        return True
    if mode == "lora":
        return "lora_" in name
    if mode == "prefix":
        return "prefix_" in name
    if mode == "bias":
        return name.endswith(".bias") or any(f".ln_{x}.weight" in name for x in ("1", "2", "f"))
    return name.startswith(f"transformer.h.{layers - 1}.") or name.startswith("transformer.ln_f.")


class Task:
    """makemore with a tiny GPT (Karpathy, https://github.com/karpathy/makemore): a batch of training
    names, one a row; loss = mean cross-entropy over each letter and the end token (padding masked).
    Metric: perplexity e^loss on the held-out names. Weights start from nanoGPT's init drawn by torch's
    generator, so they match the playground's in distribution, not number for number (prefix slots
    start at 0 here, from the model's keys and values of random tokens there)."""

    def __init__(self, seed, device):
        torch.manual_seed(seed)
        layers, mode = int(SETTINGS["layers"]), TUNING_MODES[int(SETTINGS["tune"])]
        self.time = min(int(SETTINGS["context"]), max(len(n) for n in TRAIN_NAMES + EVAL_NAMES) + 1)
        config = dict(vocab=len(CHARS), layers=layers, width=int(SETTINGS["width"]), heads=int(SETTINGS["heads"]), context=int(SETTINGS["context"]))
        extras = {"lora_rank": int(SETTINGS["rank"])} if mode == "lora" else {"prefix": int(SETTINGS["prefix"])} if mode == "prefix" else {}
        self.model = GPT(config, **extras).to(device)
        self.params = []
        for name, p in self.model.named_parameters():
            p.requires_grad_(trainable(name, layers, mode))
            if p.requires_grad:
                self.params.append(p)
        self.eval_tokens, self.eval_targets = (t.to(device) for t in name_rows(EVAL_NAMES, self.time))
        self.seed, self.device = seed, device

    def batch(self, step):
        rows = batch_rows(self.seed, step, int(SETTINGS["batch"]), len(TRAIN_NAMES))
        tokens, targets = name_rows([TRAIN_NAMES[i] for i in rows.tolist()], self.time)
        return tokens.to(self.device), targets.to(self.device)

    def loss(self, batch):
        tokens, targets = batch
        _, loss = self.model(tokens, targets.clamp(min=0), targets >= 0)
        return loss

    def evaluate(self):
        with torch.no_grad():
            loss = self.loss((self.eval_tokens, self.eval_targets)).item()
        return loss, math.exp(loss)
