import base64

METRIC = "perplexity"
# {{file}}, the checkpoint every lane starts from (`npm run pretrain`: Adam on {{pretrained_on}}),
# in the playground's ZOG1 format (read by load_checkpoint below). Its recorded loss on the
# held-out rows below is {{shifted_loss}} nats per token: the run's step-0 eval loss.
CHECKPOINT = """
{{checkpoint}}
"""
SOURCE = {{source}}
TUNING_MODES = {{tuning_modes}}
{{data}}

# ---- the model: src/core/tasks/gpt/torch_gpt.py --------------------------------------------

{{gpt}}

{{batch_rows}}


def name_rows(names, time):
    """makemore's rows: inputs ".emma", targets "emma." (each letter and the end), padded to time with
    inputs "." and targets -1 (ignored)."""
    index = {c: i for i, c in enumerate(CHARS)}
    tokens = torch.zeros(len(names), time, dtype=torch.long)
    targets = torch.full((len(names), time), -1, dtype=torch.long)
    for i, name in enumerate(names):
        seq = [0] + [index[c] for c in name] + [0]
        n = min(time, len(seq) - 1)
        tokens[i, :n] = torch.tensor(seq[:n])
        targets[i, :n] = torch.tensor(seq[1 : n + 1])
    return tokens, targets


def stream_rows(stream, time, starts=None):
    """Windows of a token stream: at each start s, tokens stream[s:s+time] and targets stream[s+1:s+time+1];
    without starts, consecutive windows (every target once, -1 past the end)."""
    stream = torch.tensor(stream, dtype=torch.long)
    if starts is None:
        starts = range(0, len(stream) - 1, time)
    tokens = torch.zeros(len(starts), time, dtype=torch.long)
    targets = torch.full((len(starts), time), -1, dtype=torch.long)
    for i, s in enumerate(starts):
        n = min(time, len(stream) - 1 - s)
        tokens[i, :n] = stream[s : s + n]
        targets[i, :n] = stream[s + 1 : s + 1 + n]
    return tokens, targets


def trainable(name, layers, mode):
    """What each tuning mode trains (src/core/tasks/gpt/model/config.ts, isTrainableBase); the rest is frozen."""
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
    """MeZO's setting (Malladi et al. 2023, https://arxiv.org/abs/2305.17333): the checkpoint's weights,
    fine-tuned on a corpus it was not trained on, moving only what the tuning mode trains (requires_grad
    off for the rest; the optimizer perturbs and updates self.params alone, so d is their count).
    A batch is SETTINGS["batch"] training names (names) or windows of the running text (brown); the eval
    loss is on every held-out row, the metric its perplexity. LoRA's A is drawn by torch's generator
    (B = 0, so the start is the checkpoint's exactly); prefix slots start at 0 here, from the model's
    keys and values of random tokens in the playground."""

    def __init__(self, seed, device):
        torch.manual_seed(seed)
        config, _ = load_checkpoint(base64.b64decode(CHECKPOINT))
        layers, mode = config["layers"], TUNING_MODES[int(SETTINGS["tune"])]
        extras = {"lora_rank": int(SETTINGS["rank"])} if mode == "lora" else {"prefix": int(SETTINGS["prefix"])} if mode == "prefix" else {}
        self.model = GPT.from_checkpoint(base64.b64decode(CHECKPOINT), **extras).to(device)
        self.params = []
        for name, p in self.model.named_parameters():
            p.requires_grad_(trainable(name, layers, mode))
            if p.requires_grad:
                self.params.append(p)
        if SOURCE == "names":
            self.time = min(config["context"], max(len(n) for n in TRAIN_NAMES + EVAL_NAMES) + 1)
            held = name_rows(EVAL_NAMES, self.time)
        else:
            self.time = config["context"]
            held = stream_rows(EVAL_STREAM, self.time)
        self.eval_tokens, self.eval_targets = (t.to(device) for t in held)
        self.seed, self.device = seed, device

    def batch(self, step):
        count = int(SETTINGS["batch"])
        if SOURCE == "names":
            rows = batch_rows(self.seed, step, count, len(TRAIN_NAMES))
            tokens, targets = name_rows([TRAIN_NAMES[i] for i in rows.tolist()], self.time)
        else:
            starts = batch_rows(self.seed, step, count, len(TRAIN_STREAM) - self.time)
            tokens, targets = stream_rows(TRAIN_STREAM, self.time, starts.tolist())
        return tokens.to(self.device), targets.to(self.device)

    def loss(self, batch):
        tokens, targets = batch
        _, loss = self.model(tokens, targets.clamp(min=0), targets >= 0)
        return loss

    def evaluate(self):
        with torch.no_grad():
            loss = self.loss((self.eval_tokens, self.eval_targets)).item()
        return loss, math.exp(loss)
