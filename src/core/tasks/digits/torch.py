import base64
import struct

METRIC = "accuracy"
{{data}}

{{model}}

class Task(DigitsTask):
    """Softmax cross-entropy; eval loss and accuracy on the 1,000 test digits."""

    def __init__(self, seed, device):
        super().__init__(seed, device)
        gen = torch.Generator().manual_seed(seed)
        self.params = [p.to(device) for p in init_params(self.side, gen)]

    def logits(self, x):
        return model(self.params, self.side, x)  # [batch, 10]
