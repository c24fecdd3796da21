def bag_of_words(params, tokens):
    """Mean of the sentence's word vectors, then a linear layer: tokens [batch, MAX_WORDS] → [batch, 2]."""
    embedding, w, b = params  # E [V, D], W [D, 2], b [2]
    words = (tokens != PAD).float()  # [batch, MAX_WORDS]
    mean = (embedding[tokens] * words[..., None]).sum(1) / words.sum(1, keepdim=True)  # [batch, D]
    return mean @ w + b
