{{glorot}}

def mlp_params(sizes, gen):
    """[W [in, out], b [out], …] for a dense net of the given widths: Glorot weights, zero biases."""
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        params += [glorot((fan_in, fan_out), fan_in, fan_out, gen), torch.zeros(fan_out)]
    return params


def mlp(params, x):
    """tanh between the layers, none after the last."""
    h = x
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = torch.tanh(h)
    return h
