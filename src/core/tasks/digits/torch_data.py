# The playground's {{file}} (MNIST, 2×2-averaged to 14×14), only the digits this run
# uses: the first `train` training digits and the 1,000 test digits (editing SETTINGS["train"]
# changes nothing: the rows are chosen at export). Format (little-endian): "ZOD1" | u32 numTrain |
# u32 numTest | u8 side | u8 bits (4) | u16 0 | labels: u8 × n | pixels: 4-bit grey levels, two per
# byte, high nibble first, row-major.
DIGITS = """
{{digits}}
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


{{mlp}}

{{classifier}}

class DigitsTask(Classifier):
    """The digits on `device`, batches drawn with replacement from the training digits."""

    def __init__(self, seed, device):
        pixels, labels, num_train, self.side = load_digits()
        self.train_x, self.train_y = pixels[:num_train].to(device), labels[:num_train].to(device)  # [train, side²], [train]
        self.eval_x, self.eval_y = pixels[num_train:].to(device), labels[num_train:].to(device)  # [1000, side²], [1000]
        self.seed = seed
        self.device = device
