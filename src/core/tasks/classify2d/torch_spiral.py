def class_points(c, m, noise, gen):
    """Point i: r = R·i/m, t = turns·2π·i/m + cπ, (r sin t, r cos t) + jitter."""
    i = torch.arange(m, dtype=torch.float32)
    r = RADIUS * i / m
    t = SETTINGS["turns"] * 2 * math.pi * i / m + c * math.pi
    return torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1) + jitter((m, 2), noise, gen)
