# The playground's corpus (src/core/tasks/sentiment/lexicon.ts, corpus.ts): AFINN-165 words (Finn Årup
# Nielsen, MIT) with their valence, 100 positive then 100 negative, and the neutral filler words.
LEXICON = {{lexicon}}
FILLERS = {{fillers}}
PAD = 0
MAX_WORDS = {{max_words}}
FIRST_RATED = 1 + len(FILLERS)  # token ids: PAD, the fillers, then the rated words in use


def rated_words(count):
    """count of the lexicon's words, spread evenly over it (so half positive), as indices into LEXICON."""
    return [math.floor((i + 0.5) * len(LEXICON) / count) for i in range(count)]


{{scalar_draws}}

def make_corpus(n, rated, gen, flipped=frozenset()):
    """n sentences of 5–10 filler words, 1–3 of them (distinct slots) replaced by rated words; the
    label is the sign of the summed valence (the last rated word is redrawn while the sum is 0).
    The valences of the rated words at the positions in flipped are negated (a domain shift).
    Token ids [n, MAX_WORDS] (PAD after the end), labels [n] (1 = positive)."""
    tokens, labels = [], []
    for _ in range(n):
        length = 5 + randint(MAX_WORDS - 4, gen)
        num_rated = 1 + randint(3, gen)
        row = [1 + randint(len(FILLERS), gen) for _ in range(length)]
        slots = []
        while len(slots) < num_rated:
            slot = randint(length, gen)
            if slot not in slots:
                slots.append(slot)
        valence = 0
        for j, slot in enumerate(slots):
            while True:
                word = randint(len(rated), gen)
                v = LEXICON[rated[word]][1] * (-1 if word in flipped else 1)
                if j < num_rated - 1 or valence + v != 0:
                    break
            valence += v
            row[slot] = FIRST_RATED + word
        tokens.append(row + [PAD] * (MAX_WORDS - length))
        labels.append(1 if valence > 0 else 0)
    return torch.tensor(tokens), torch.tensor(labels)
