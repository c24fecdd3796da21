/**
 * A small byte-pair-encoding tokenizer (Sennrich et al. 2016, https://arxiv.org/abs/1508.07909, in
 * GPT-2's form, Radford et al. 2019): text is first cut into pre-tokens (a word with its leading
 * space, a run of digits, a run of punctuation, whitespace), then each pre-token's characters are
 * merged pair by pair in the order the merges were learnt. The vocabulary is trained at data-build
 * time (src/cli/data/bpe-train.ts) and committed as `public/data/bpe.json`:
 *
 *   { "format": "zo-bpe-1", "alphabet": "\n !\"#…~", "merges": [[a, b], …] }
 *
 * Tokens 0 … alphabet.length − 1 are the alphabet's characters ('\n' first: the boundary between
 * records); merge i makes token alphabet.length + i, the concatenation of tokens a and b.
 */
export const BPE_FORMAT = 'zo-bpe-1';

/** GPT-2's pre-tokenizer pattern, restricted to ASCII (every corpus here is printable ASCII). */
export const PRETOKEN = /'(?:s|t|re|ve|m|ll|d)| ?[A-Za-z]+| ?[0-9]+| ?[^\sA-Za-z0-9]+|\s+(?!\S)|\s+/g;

/** The alphabet of the packed corpora: the record boundary '\n', then printable ASCII 32…126. */
export const BPE_ALPHABET = '\n' + Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

export interface BpeData {
  format: typeof BPE_FORMAT;
  alphabet: string;
  merges: [number, number][];
}

export interface BpeTokenizer {
  /** Token strings by id. */
  readonly vocab: readonly string[];
  /** The id of '\n', which separates records. */
  readonly boundary: number;
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

export function pretokenize(text: string): string[] {
  return text.match(PRETOKEN) ?? [];
}

/** Merge the pre-token's ids with the learnt merges, lowest rank first (GPT-2's `bpe`). */
export function applyMerges(ids: number[], rank: ReadonlyMap<number, number>, base: number): number[] {
  let parts = ids;
  const key = (a: number, b: number) => a * 65536 + b;
  for (;;) {
    let best = Infinity;
    for (let i = 1; i < parts.length; i++) best = Math.min(best, rank.get(key(parts[i - 1], parts[i])) ?? Infinity);
    if (best === Infinity) return parts;
    const next: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (i + 1 < parts.length && rank.get(key(parts[i], parts[i + 1])) === best) {
        next.push(base + best);
        i++;
      } else next.push(parts[i]);
    }
    parts = next;
  }
}

export function bpeTokenizer(data: BpeData): BpeTokenizer {
  if (data.format !== BPE_FORMAT) throw new Error(`bpe: format '${data.format}', expected '${BPE_FORMAT}'`);
  const base = data.alphabet.length;
  const vocab = [...data.alphabet];
  if (vocab.length !== base || new Set(vocab).size !== base) throw new Error('bpe: the alphabet has repeated characters');
  const rank = new Map<number, number>();
  data.merges.forEach(([a, b], i) => {
    if (!(a < base + i && b < base + i && a >= 0 && b >= 0)) throw new Error(`bpe: merge ${i} refers to a later token`);
    rank.set(a * 65536 + b, i);
    vocab.push(vocab[a] + vocab[b]);
  });
  const charId = new Map(vocab.slice(0, base).map((ch, i) => [ch, i]));
  const cache = new Map<string, number[]>();
  const encodeWord = (word: string): number[] => {
    let ids = cache.get(word);
    if (!ids) {
      ids = applyMerges(
        Array.from(word, (ch) => {
          const id = charId.get(ch);
          if (id === undefined) throw new Error(`bpe: '${ch}' (U+${ch.codePointAt(0)?.toString(16)}) is not in the alphabet`);
          return id;
        }),
        rank,
        base,
      );
      cache.set(word, ids);
    }
    return ids;
  };
  return {
    vocab,
    boundary: charId.get('\n') ?? -1,
    encode: (text) => pretokenize(text).flatMap(encodeWord),
    decode: (ids) =>
      ids.map((t) => {
        if (!(t >= 0 && t < vocab.length)) throw new Error(`bpe: no token ${t}`);
        return vocab[t];
      }).join(''),
  };
}

/** Parse `bpe.json`'s bytes. */
export function decodeBpe(bytes: Uint8Array): BpeTokenizer {
  return bpeTokenizer(JSON.parse(new TextDecoder().decode(bytes)) as BpeData);
}
