{{batch_rows}}

class Classifier:
    """Softmax cross-entropy on self.logits(x) → [batch, classes]; eval loss and accuracy."""

    def batch(self, step):
        rows = batch_rows(self.seed, step, int(SETTINGS["batch"]), len(self.train_y)).to(self.device)
        return self.train_x[rows], self.train_y[rows]

    def loss(self, batch):
        x, y = batch
        return F.cross_entropy(self.logits(x), y)

    def evaluate(self):
        logits = self.logits(self.eval_x)
        accuracy = (logits.argmax(-1) == self.eval_y).float().mean().item()
        return F.cross_entropy(logits, self.eval_y).item(), accuracy
