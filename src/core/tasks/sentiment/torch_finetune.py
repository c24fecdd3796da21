import base64
import struct

METRIC = "accuracy"
# {{file}}, the checkpoint every lane starts from (`npm run pretrain`: backprop on the
# base domain). Format (little-endian): "ZOC1" | u32 numTensors | per tensor: u32 rank,
# u32 × rank dims | float32 values of every tensor. Here: E [V, D], W [D, 2], b [2].
CHECKPOINT = """
{{checkpoint}}
"""
{{corpus}}

# Positions in rated_words(V − FIRST_RATED) of the words whose polarity the shifted domain flips:
# round(shift · count) of them, chosen by a hash of the word as in the playground{{flipped_words}}
FLIPPED = {{flipped}}
EVAL_SENTENCES = 500


def load_checkpoint():
    """The checkpoint's tensors, exactly (float32 as stored, little-endian)."""
    blob = base64.b64decode(CHECKPOINT)
    if blob[:4] != b"ZOC1":
        raise ValueError("the embedded checkpoint is not a ZOC1 file")
    (count,) = struct.unpack_from("<I", blob, 4)
    offset, shapes = 8, []
    for _ in range(count):
        (rank,) = struct.unpack_from("<I", blob, offset)
        shapes.append(struct.unpack_from(f"<{rank}I", blob, offset + 4))
        offset += 4 + 4 * rank
    values = torch.frombuffer(bytearray(blob[offset:]), dtype=torch.float32)
    tensors = []
    for shape in shapes:
        size = math.prod(shape)
        tensors.append(values[:size].reshape(shape).clone())
        values = values[size:]
    return tensors


{{bag_of_words}}

{{classifier}}

class Task(Classifier):
    """Bag of embeddings (the mean of the sentence's word vectors, then a linear layer to 2 logits,
    softmax cross-entropy) fine-tuned from the checkpoint on the shifted domain, where the FLIPPED
    words have the opposite polarity. Eval loss and accuracy on 500 held-out sentences of it."""

    def __init__(self, seed, device):
        self.params = [t.to(device) for t in load_checkpoint()]  # E [V, D], W [D, 2], b [2]
        rated = rated_words(self.params[0].shape[0] - FIRST_RATED)
        gen = torch.Generator().manual_seed(seed)
        train_x, train_y = make_corpus(int(SETTINGS["sentences"]), rated, gen, FLIPPED)
        eval_x, eval_y = make_corpus(EVAL_SENTENCES, rated, gen, FLIPPED)
        self.train_x, self.train_y = train_x.to(device), train_y.to(device)  # [n, MAX_WORDS], [n]
        self.eval_x, self.eval_y = eval_x.to(device), eval_y.to(device)
        self.seed, self.device = seed, device

    def logits(self, tokens):
        return bag_of_words(self.params, tokens)  # [batch, 2]
