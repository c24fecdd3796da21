def class_points(c, m, noise, gen):
    """A quadrant of the class, then a point uniform in it, 0.3 away from the axes; jitter."""
    sx = torch.randint(0, 2, (m,), generator=gen) * 2.0 - 1  # [m], ±1
    signs = torch.stack([sx, sx if c == 1 else -sx], dim=1)  # [m, 2]
    return signs * (0.3 + (RADIUS - 0.3) * torch.rand(m, 2, generator=gen)) + jitter((m, 2), noise, gen)
