def glorot(shape, fan_in, fan_out, gen):
    """Glorot normal, std √(2/(fan_in + fan_out)), as the playground's createMlp and glorotVariable."""
    return torch.randn(*shape, generator=gen) * math.sqrt(2.0 / (fan_in + fan_out))
