import base64

METRIC = "accuracy"
# {{file}}: the GPT pre-trained with backprop on Brown text (`npm run pretrain`), a "ZOG1" file
# (format in load_checkpoint below), which every lane starts from.
CHECKPOINT = """
{{checkpoint}}
"""
TUNING_MODES = {{tuning_modes}}
# The label words of the classes (ham, spam), each a single token of the playground's BPE
# (public/data/bpe.json), and their token ids: a class's score is its word's log-probability.
LABEL_WORDS = {{label_words}}
LABEL_TOKENS = {{label_tokens}}
# Each example as (label, "message", BPE ids of "\n<message>{{template_comment}}"): the record boundary
# "\n" (id {{boundary}}) as every record of the pre-training stream starts, the message (its first
# tokens, so that the prompt fits the context), then the template. The k-shot training set is the
# playground's for seed {{seed}} ({{k}} messages per class of public/data/spam.txt's training split):
TRAIN = {{train}}
# Every held-out message:
EVAL = {{eval}}

# ---- the model: src/core/tasks/gpt/torch_gpt.py --------------------------------------------

{{gpt}}

{{batch_rows}}


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


def prompt_rows(examples, boundary):
    """Inputs [n, T] (padded after the prompt with the boundary: the model is causal), the position of
    each prompt's last token [n] and the labels [n]."""
    time = max(len(ids) for _, _, ids in examples)
    tokens = torch.full((len(examples), time), boundary, dtype=torch.long)
    for i, (_, _, ids) in enumerate(examples):
        tokens[i, : len(ids)] = torch.tensor(ids)
    last = torch.tensor([len(ids) - 1 for _, _, ids in examples])
    labels = torch.tensor([label for label, _, _ in examples])
    return tokens, last, labels


class Task:
    """Prompt-based fine-tuning (LM-BFF, Gao et al. 2021, https://arxiv.org/abs/2012.15723), MeZO's
    setting (Malladi et al. 2023, https://arxiv.org/abs/2305.17333): the GPT reads the prompt and each
    class is scored by the log-probability of its label word coming next; the loss is the
    cross-entropy over those scores, the metric the accuracy of their argmax on the held-out messages.
    The weights are the checkpoint's, to the bit; what the tuning mode does not train is frozen
    (requires_grad False, never perturbed). LoRA's A is drawn by torch's generator (B = 0, so the start
    is the checkpoint either way); prefix slots start at 0 here, from the model's keys and values of
    random tokens in the playground. Batches are drawn by torch's generator, in distribution."""

    def __init__(self, seed, device):
        torch.manual_seed(seed)
        mode = TUNING_MODES[int(SETTINGS["tune"])]
        extras = {"lora_rank": int(SETTINGS["rank"])} if mode == "lora" else {"prefix": int(SETTINGS["prefix"])} if mode == "prefix" else {}
        self.model = GPT.from_checkpoint(base64.b64decode(CHECKPOINT), **extras).to(device)
        layers = self.model.config["layers"]
        self.params = []
        for name, p in self.model.named_parameters():
            p.requires_grad_(trainable(name, layers, mode))
            if p.requires_grad:
                self.params.append(p)
        self.words = torch.tensor(LABEL_TOKENS, device=device)
        self.train = [t.to(device) for t in prompt_rows(TRAIN, {{boundary}})]
        self.eval = [t.to(device) for t in prompt_rows(EVAL, {{boundary}})]
        self.seed, self.device = seed, device

    def batch(self, step):
        rows = batch_rows(self.seed, step, int(SETTINGS["batch"]), len(TRAIN)).to(self.device)
        return [t[rows] for t in self.train]

    def scores(self, tokens, last):
        """Each class's score [n, classes]: log p(label word | prompt)."""
        logits = self.model(tokens)  # [n, T, V]
        log_probs = F.log_softmax(logits[torch.arange(len(tokens), device=tokens.device), last], dim=-1)  # [n, V]
        return log_probs[:, self.words]

    def loss(self, batch):
        tokens, last, labels = batch
        return F.cross_entropy(self.scores(tokens, last), labels)

    def evaluate(self):
        tokens, last, labels = self.eval
        with torch.no_grad():
            scores = self.scores(tokens, last)
            return F.cross_entropy(scores, labels).item(), (scores.argmax(1) == labels).float().mean().item()
