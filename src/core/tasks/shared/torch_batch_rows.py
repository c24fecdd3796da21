def batch_rows(seed, step, count, n):
    """count rows of [0, n), drawn with replacement by the step's own generator: the same batches
    whatever the optimizer does."""
    gen = torch.Generator().manual_seed(seed * 1_000_003 + step)
    return torch.randint(n, (count,), generator=gen)
