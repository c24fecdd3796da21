def conv_same(x, kernel, bias, stride=2):
    """tfjs's conv2d(x, kernel, stride, 'same'): the output is ⌈n/stride⌉ wide, and the padding that
    takes goes ⌊p/2⌋ before and the rest after (14 → 7 pads 0 and 1, 7 → 4 pads 1 and 1), which
    F.conv2d's symmetric padding cannot say: F.pad first."""
    pads = []
    for n, k in ((x.shape[3], kernel.shape[3]), (x.shape[2], kernel.shape[2])):  # F.pad: last dim first
        total = max((math.ceil(n / stride) - 1) * stride + k - n, 0)
        pads += [total // 2, total - total // 2]
    return F.conv2d(F.pad(x, pads), kernel, bias, stride=stride)
