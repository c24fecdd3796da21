def init_params(side, gen):
    """Two 3×3 convolutions with stride 2 and 'same' padding (14 → 7 → 4), c then 2c channels,
    tanh, then a dense layer to 10 logits. Kernels are torch's [out, in, kh, kw]: the playground's
    (tfjs) are [kh, kw, in, out], and permute(3, 2, 0, 1) maps one to the other."""
    c = int(SETTINGS["channels"])
    out = math.ceil(side / 4)
    flat = out * out * 2 * c
    return [
        glorot((c, 1, 3, 3), 9, 9 * c, gen),  # kernel 1 [c, 1, 3, 3]
        torch.zeros(c),
        glorot((2 * c, c, 3, 3), 9 * c, 18 * c, gen),  # kernel 2 [2c, c, 3, 3]
        torch.zeros(2 * c),
        glorot((flat, 10), flat, 10, gen),  # W [out·out·2c, 10]
        torch.zeros(10),
    ]


def model(params, side, x):
    k1, b1, k2, b2, w, b = params
    img = x.reshape(-1, 1, side, side)  # [batch, 1, side, side]
    h1 = torch.tanh(conv_same(img, k1, b1))  # [batch, c, 7, 7]
    h2 = torch.tanh(conv_same(h1, k2, b2))  # [batch, 2c, 4, 4]
    # W's rows read the feature map in the playground's (row, column, channel) order.
    return h2.permute(0, 2, 3, 1).reshape(len(x), -1) @ w + b
