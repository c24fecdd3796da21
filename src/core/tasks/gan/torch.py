import base64
import struct

METRIC = "D loss"
{{data}}

# The discriminator's Adam, the playground's (DCGAN's β₁ = 0.5).
D_ADAM = {"betas": (0.5, 0.999), "eps": 1e-8}
EVAL_CODES = 1000


class Task(DigitsTask):
    """A GAN: self.params are the generator's k → h → side² (tanh, sigmoid pixels), the lane's
    optimizer trains them on the non-saturating loss −mean log D(G(z)) with D fixed. after_step
    then trains the discriminator side² → h_D → 1 by backprop with torch.optim.Adam on the same
    batch: −mean log D(x) − mean log(1 − D(G(z))). Eval: the generator's loss and (the metric) D's
    loss on the test digits and fixed codes."""

    def __init__(self, seed, device):
        super().__init__(seed, device)
        gen = torch.Generator().manual_seed(seed)
        pixels, latent = self.side * self.side, int(SETTINGS["latent"])
        generator = mlp_params([latent, int(SETTINGS["hidden"]), pixels], gen)
        discriminator = mlp_params([pixels, int(SETTINGS["dHidden"]), 1], gen)
        self.params = [p.to(device) for p in generator]
        self.d_params = [p.to(device).requires_grad_() for p in discriminator]
        self.d_optimizer = torch.optim.Adam(self.d_params, lr=SETTINGS["dLr"], **D_ADAM)
        self.eval_codes = torch.randn(EVAL_CODES, latent, generator=gen).to(device)  # [EVAL_CODES, k]

    def batch(self, step):
        """Real digits [batch, side²] and codes z ~ N(0, I) [batch, k], from the step's own generators."""
        x, _ = super().batch(step)
        gen = torch.Generator().manual_seed(self.seed * 1_000_003 + step + (1 << 40))
        z = torch.randn(len(x), int(SETTINGS["latent"]), generator=gen).to(self.device)
        return x, z

    def generate(self, z):
        return torch.sigmoid(mlp(self.params, z))  # [n, side²] in (0, 1)

    def d_logits(self, x):
        return mlp(self.d_params, x)  # [n, 1]

    def loss(self, batch):
        _, z = batch
        return F.softplus(-self.d_logits(self.generate(z))).mean()

    def d_loss(self, real, fake):
        # −log σ(l) = softplus(−l), −log(1 − σ(l)) = softplus(l)
        return F.softplus(-self.d_logits(real)).mean() + F.softplus(self.d_logits(fake)).mean()

    def after_step(self, batch):
        """One Adam step of D on the step's batch, after the generator's step."""
        x, z = batch
        fake = self.generate(z).detach()
        with torch.enable_grad():
            self.d_optimizer.zero_grad()
            self.d_loss(x, fake).backward()
        self.d_optimizer.step()

    def evaluate(self):
        fake = self.generate(self.eval_codes)
        return F.softplus(-self.d_logits(fake)).mean().item(), self.d_loss(self.eval_x, fake).item()
