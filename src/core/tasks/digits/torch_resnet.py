def residual_stage(c_in, c_out, gen):
    """K1, b1, K2 (zero at the start, as in Fixup), b2 and the 1×1 projection P of the skip path."""
    return [
        glorot((c_out, c_in, 3, 3), 9 * c_in, 9 * c_out, gen),  # K1 [c_out, c_in, 3, 3]
        torch.zeros(c_out),
        torch.zeros(c_out, c_out, 3, 3),  # K2
        torch.zeros(c_out),
        glorot((c_out, c_in, 1, 1), c_in, c_out, gen),  # P [c_out, c_in, 1, 1]
    ]


def init_params(side, gen):
    """A 3×3 stem (c channels), residual stages to 2c and 4c channels that halve the image (14 → 7 →
    4), global average pooling and a dense layer to 10 logits. Kernels are torch's [out, in, kh, kw]:
    the playground's (tfjs) are [kh, kw, in, out], and permute(3, 2, 0, 1) maps one to the other."""
    c = int(SETTINGS["channels"])
    stem = [glorot((c, 1, 3, 3), 9, 9 * c, gen), torch.zeros(c)]
    stage1 = residual_stage(c, 2 * c, gen)
    stage2 = residual_stage(2 * c, 4 * c, gen)
    head = [glorot((4 * c, 10), 4 * c, 10, gen), torch.zeros(10)]  # W [4c, 10]
    return stem + stage1 + stage2 + head


def stage(params, h):
    """Pre-activation residual stage without batch norm: a = tanh(h), P a + K2 tanh(K1 a + b1) + b2."""
    k1, b1, k2, b2, p = params
    a = torch.tanh(h)
    branch = conv_same(torch.tanh(conv_same(a, k1, b1)), k2, b2, stride=1)
    return conv_same(a, p, None) + branch


def model(params, side, x):
    img = x.reshape(-1, 1, side, side)  # [batch, 1, side, side]
    h0 = conv_same(img, params[0], params[1], stride=1)  # [batch, c, 14, 14]
    h2 = stage(params[7:12], stage(params[2:7], h0))  # [batch, 4c, 4, 4]
    return torch.tanh(h2).mean(dim=(2, 3)) @ params[12] + params[13]
