import base64
import struct

METRIC = "PSNR (dB)"
{{data}}

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
