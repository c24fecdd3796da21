/**
 * The character tokenizer: one token per character seen in the corpus, plus a boundary token at id 0
 * (makemore's '.', https://github.com/karpathy/makemore): a name is read as `.emma.`, so the model
 * learns where names start and end, and a sample ends when the boundary comes out again. On the
 * names, V = 26 letters + 1 boundary = 27. Running text holds '.', so it takes '\n' as its boundary
 * (`charTokenizer(sentences, '\n')`), the separator of its records.
 */
export interface CharTokenizer {
  /** Token strings by id; id 0 is the boundary. */
  readonly vocab: readonly string[];
  readonly boundary: number;
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

/** The boundary token's printed form (it never occurs inside a record: records are checked). */
export const BOUNDARY = '.';

export function charTokenizer(corpus: Iterable<string>, boundary = BOUNDARY): CharTokenizer {
  const chars = new Set<string>();
  for (const text of corpus) for (const ch of text) chars.add(ch);
  if (chars.has(boundary)) throw new Error(`char tokenizer: the boundary '${boundary}' occurs in the corpus`);
  const vocab = [boundary, ...[...chars].sort()];
  const ids = new Map(vocab.map((ch, i) => [ch, i]));
  return {
    vocab,
    boundary: 0,
    encode(text) {
      return Array.from(text, (ch) => {
        const id = ids.get(ch);
        if (id === undefined || id === 0) throw new Error(`char tokenizer: '${ch}' is not in the vocabulary`);
        return id;
      });
    },
    decode(tokens) {
      return tokens.map((t) => {
        if (!(t >= 0 && t < vocab.length)) throw new Error(`char tokenizer: no token ${t}`);
        return vocab[t];
      }).join('');
    },
  };
}

/** A record framed by the boundary on both sides: `.emma.` → [0, e, m, m, a, 0]. */
export function framed(tok: CharTokenizer, text: string): number[] {
  return [tok.boundary, ...tok.encode(text), tok.boundary];
}
