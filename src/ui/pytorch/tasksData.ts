import { TASK_ASSETS } from '../../core/tasks/assets';
import { decodeCheckpoint } from '../../core/tasks/sentiment/checkpoint';
import { FIRST_RATED, flippedWords, ratedWords } from '../../core/tasks/sentiment/corpus';
import { LEXICON } from '../../core/tasks/sentiment/lexicon';
import { DIGITS_HEADER_BYTES, digitsHeader } from '../../core/tasks/digits/data';
import { PY_BAG_OF_WORDS, PY_CLASSIFIER, PY_MLP, PY_SENTIMENT_CORPUS, wrapItems } from './snippets';
import type { TorchTask } from './tasks';

/**
 * PyTorch templates of the tasks that read `public/data/`: the three digit tasks and the sentiment
 * fine-tuning. The script embeds what the run uses, as base64 in one string literal: the digits
 * still 4-bit packed (the first `train` training digits and the 1,000 test digits), the checkpoint
 * whole. Architectures, tensor layouts, initial distributions, losses and metrics follow
 * src/core/tasks/{digits,autoencoder,sentiment}.ts; random streams are torch's.
 */

const DIGITS_FILE = TASK_ASSETS['digits-mlp'][0];
const CHECKPOINT_FILE = TASK_ASSETS['sentiment-finetune'][0];
/** Bytes before the labels in the digits format (src/cli/build-data.ts). */

/** Base64 of `bytes`, wrapped at 100 columns (btoa exists in browsers and in Node ≥ 16). */
export function base64Lines(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (btoa(binary).match(/.{1,100}/g) ?? []).join('\n');
}

/**
 * digits.bin with only the first `train` training digits and every test digit, same format:
 * "ZOD1" | u32 numTrain | u32 numTest | u8 side | u8 4 | u16 0 | labels | pixels, two per byte.
 */
export function digitSubset(bytes: Uint8Array, train: number): Uint8Array {
  const { numTrain, numTest, side } = digitsHeader(bytes);
  const pixels = side * side;
  const kept = Math.max(1, Math.min(train, numTrain));
  const rows = [...Array.from({ length: kept }, (_, i) => i), ...Array.from({ length: numTest }, (_, i) => numTrain + i)];
  const out = new Uint8Array(DIGITS_HEADER_BYTES + rows.length + Math.ceil((rows.length * pixels) / 2));
  out.set(bytes.subarray(0, DIGITS_HEADER_BYTES));
  new DataView(out.buffer).setUint32(4, kept, true);
  const base = DIGITS_HEADER_BYTES + numTrain + numTest;
  const outBase = DIGITS_HEADER_BYTES + rows.length;
  rows.forEach((row, i) => {
    out[DIGITS_HEADER_BYTES + i] = bytes[DIGITS_HEADER_BYTES + row];
    for (let p = 0; p < pixels; p++) {
      const from = row * pixels + p;
      const to = i * pixels + p;
      const byte = bytes[base + (from >> 1)];
      const grey = from & 1 ? byte & 15 : byte >> 4;
      out[outBase + (to >> 1)] |= to & 1 ? grey : grey << 4;
    }
  });
  return out;
}

/** Module-level imports the embedded data needs (the script itself imports math, torch and F). */
const IMPORTS = `import base64
import struct
`;

const DIGITS_DATA = (blob: string) => `# The playground's ${DIGITS_FILE} (MNIST, 2×2-averaged to 14×14), only the digits this run
# uses: the first \`train\` training digits and the 1,000 test digits (editing SETTINGS["train"]
# changes nothing: the rows are chosen at export). Format (little-endian): "ZOD1" | u32 numTrain |
# u32 numTest | u8 side | u8 bits (4) | u16 0 | labels: u8 × n | pixels: 4-bit grey levels, two per
# byte, high nibble first, row-major.
DIGITS = """
${blob}
"""


def load_digits():
    """(pixels [n, side²] in [0, 1], labels [n], numTrain, side), the training digits first."""
    blob = base64.b64decode(DIGITS)
    if blob[:4] != b"ZOD1" or blob[13] != 4:
        raise ValueError("the embedded digits are not a 4-bit ZOD1 file")
    num_train, num_test, side = struct.unpack_from("<IIB", blob, 4)
    n = num_train + num_test
    labels = torch.frombuffer(bytearray(blob[16 : 16 + n]), dtype=torch.uint8).long()
    packed = torch.frombuffer(bytearray(blob[16 + n :]), dtype=torch.uint8)
    grey = torch.stack([packed >> 4, packed & 15], dim=1).reshape(-1)[: n * side * side]
    return (grey.float() / 15).reshape(n, side * side), labels, num_train, side


${PY_MLP}

${PY_CLASSIFIER}

class DigitsTask(Classifier):
    """The digits on \`device\`, batches drawn with replacement from the training digits."""

    def __init__(self, seed, device):
        pixels, labels, num_train, self.side = load_digits()
        self.train_x, self.train_y = pixels[:num_train].to(device), labels[:num_train].to(device)  # [train, side²], [train]
        self.eval_x, self.eval_y = pixels[num_train:].to(device), labels[num_train:].to(device)  # [1000, side²], [1000]
        self.seed = seed
        self.device = device
`;

/** A classifier of the digits: the model code defines `init_params(side, gen)` and `model(params, side, x)`. */
const CLASSIFIER = (data: string, model: string) => `${IMPORTS}
METRIC = "accuracy"
${data}
${model}

class Task(DigitsTask):
    """Softmax cross-entropy; eval loss and accuracy on the 1,000 test digits."""

    def __init__(self, seed, device):
        super().__init__(seed, device)
        gen = torch.Generator().manual_seed(seed)
        self.params = [p.to(device) for p in init_params(self.side, gen)]

    def logits(self, x):
        return model(self.params, self.side, x)  # [batch, 10]
`;

const MLP_MODEL = `
def init_params(side, gen):
    """side² → hidden → 10, tanh."""
    return mlp_params([side * side, int(SETTINGS["hidden"]), 10], gen)


def model(params, side, x):
    return mlp(params, x)
`;

const CNN_MODEL = `
def conv_same(x, kernel, bias, stride=2):
    """tfjs's conv2d(x, kernel, stride, 'same'): the output is ⌈n/stride⌉ wide, and the padding that
    takes goes ⌊p/2⌋ before and the rest after (14 → 7 pads 0 and 1, 7 → 4 pads 1 and 1), which
    F.conv2d's symmetric padding cannot say: F.pad first."""
    pads = []
    for n, k in ((x.shape[3], kernel.shape[3]), (x.shape[2], kernel.shape[2])):  # F.pad: last dim first
        total = max((math.ceil(n / stride) - 1) * stride + k - n, 0)
        pads += [total // 2, total - total // 2]
    return F.conv2d(F.pad(x, pads), kernel, bias, stride=stride)


def init_params(side, gen):
    """Two 3×3 convolutions with stride 2 and 'same' padding (14 → 7 → 4), c then 2c channels,
    tanh, then a dense layer to 10 logits. Kernels are torch's [out, in, kh, kw]: the playground's
    (tfjs) are [kh, kw, in, out], and permute(3, 2, 0, 1) maps one to the other."""
    c = int(SETTINGS["channels"])
    out = math.ceil(side / 4)
    flat = out * out * 2 * c
    return [
        glorot((c, 1, 3, 3), 9, 9 * c, gen),  # kernel 1 [c, 1, 3, 3]
        torch.zeros(c),
        glorot((2 * c, c, 3, 3), 9 * c, 18 * c, gen),  # kernel 2 [2c, c, 3, 3]
        torch.zeros(2 * c),
        glorot((flat, 10), flat, 10, gen),  # W [out·out·2c, 10]
        torch.zeros(10),
    ]


def model(params, side, x):
    k1, b1, k2, b2, w, b = params
    img = x.reshape(-1, 1, side, side)  # [batch, 1, side, side]
    h1 = torch.tanh(conv_same(img, k1, b1))  # [batch, c, 7, 7]
    h2 = torch.tanh(conv_same(h1, k2, b2))  # [batch, 2c, 4, 4]
    # W's rows read the feature map in the playground's (row, column, channel) order.
    return h2.permute(0, 2, 3, 1).reshape(len(x), -1) @ w + b
`;

const AUTOENCODER = (data: string) => `${IMPORTS}
METRIC = "PSNR (dB)"
${data}

class Task(DigitsTask):
    """Encoder side² → h → k (tanh hidden, linear code), decoder k → h → side² with a sigmoid; loss
    = mean squared error per pixel. Metric: PSNR = 10·log₁₀(1 / MSE) on the test digits."""

    def __init__(self, seed, device):
        super().__init__(seed, device)
        gen = torch.Generator().manual_seed(seed)
        pixels, hidden, latent = self.side * self.side, int(SETTINGS["hidden"]), int(SETTINGS["latent"])
        encoder = mlp_params([pixels, hidden, latent], gen)
        decoder = mlp_params([latent, hidden, pixels], gen)
        self.params = [p.to(device) for p in encoder + decoder]

    def reconstruct(self, x):
        code = mlp(self.params[:4], x)  # [batch, k]
        return torch.sigmoid(mlp(self.params[4:], code))  # [batch, side²]

    def mse(self, x):
        return torch.mean((self.reconstruct(x) - x) ** 2)

    def loss(self, batch):
        x, _ = batch
        return self.mse(x)

    def evaluate(self):
        mse = self.mse(self.eval_x).item()
        return mse, 10 * math.log10(1 / mse)
`;

function digitsTask(template: (data: string) => string): TorchTask {
  return {
    assets: [DIGITS_FILE],
    code: ({ settings, assets }) => template(DIGITS_DATA(base64Lines(digitSubset(assets[DIGITS_FILE], settings.train ?? Infinity)))),
  };
}

/** The fine-tuning task over sentiment's corpus (snippets.ts), from the embedded checkpoint. */
const SENTIMENT_FINETUNE = (checkpoint: string, flipped: readonly number[], words: readonly string[]) => `${IMPORTS}
METRIC = "accuracy"
# ${CHECKPOINT_FILE}, the checkpoint every lane starts from (\`npm run pretrain\`: backprop on the
# base domain). Format (little-endian): "ZOC1" | u32 numTensors | per tensor: u32 rank,
# u32 × rank dims | float32 values of every tensor. Here: E [V, D], W [D, 2], b [2].
CHECKPOINT = """
${checkpoint}
"""
${PY_SENTIMENT_CORPUS}

# Positions in rated_words(V − FIRST_RATED) of the words whose polarity the shifted domain flips:
# round(shift · count) of them, chosen by a hash of the word as in the playground${words.length ? ':' : ' (none).'}
${wrapItems(words).map((line) => `#   ${line}\n`).join('')}FLIPPED = ${flipped.length ? `{
${wrapItems(flipped.map(String)).map((line) => `    ${line},`).join('\n')}
}` : 'set()'}
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


${PY_BAG_OF_WORDS}

${PY_CLASSIFIER}

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
`;

export const TORCH_DATA_TASKS: Readonly<Record<string, TorchTask>> = {
  'digits-mlp': digitsTask((data) => CLASSIFIER(data, MLP_MODEL)),
  'digits-cnn': digitsTask((data) => CLASSIFIER(data, CNN_MODEL)),
  'digit-autoencoder': digitsTask(AUTOENCODER),
  'sentiment-finetune': {
    assets: [CHECKPOINT_FILE],
    code: ({ settings, assets }) => {
      const bytes = assets[CHECKPOINT_FILE];
      const [embedding] = decodeCheckpoint(bytes);
      const rated = ratedWords(embedding.shape[0] - FIRST_RATED);
      const flipped = [...flippedWords(settings.shift ?? 0, rated)].sort((a, b) => a - b);
      return SENTIMENT_FINETUNE(base64Lines(bytes), flipped, flipped.map((j) => LEXICON[rated[j]][0]));
    },
  },
};
