def randint(n, gen):
    return int(torch.randint(n, (1,), generator=gen))


def uniform(gen):
    return float(torch.rand(1, generator=gen))
