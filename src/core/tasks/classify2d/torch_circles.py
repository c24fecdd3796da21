def class_points(c, m, noise, gen):
    """Radius uniform in the disc's or the ring's range, angle uniform; jitter."""
    u = torch.rand(m, generator=gen)
    r = 0.5 * RADIUS * u if c == 1 else RADIUS * (0.7 + 0.3 * u)
    t = 2 * math.pi * torch.rand(m, generator=gen)
    return torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1) + jitter((m, 2), noise, gen)
