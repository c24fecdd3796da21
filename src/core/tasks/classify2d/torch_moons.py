def class_points(c, m, noise, gen):
    """t ~ U(0, π); class 0 (cos t, sin t), class 1 (1 − cos t, ½ − sin t), centred and scaled by
    2.5; Gaussian noise of std R·noise."""
    t = math.pi * torch.rand(m, generator=gen)
    u, v = (torch.cos(t), torch.sin(t)) if c == 0 else (1 - torch.cos(t), 0.5 - torch.sin(t))
    moon = torch.stack([2.5 * (u - 0.5), 2.5 * (v - 0.25)], dim=1)
    return moon + RADIUS * noise * torch.randn(m, 2, generator=gen)
