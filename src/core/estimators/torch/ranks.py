def ranks(losses):
    """Ascending ranks 0..n−1 (0 = lowest loss = best), ties broken by index."""
    order = sorted(range(len(losses)), key=lambda k: (losses[k], k))
    rank = [0] * len(losses)
    for r, k in enumerate(order):
        rank[k] = r
    return rank
