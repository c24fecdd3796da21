import { Purpose, Stream, hashString } from '../../random/philox';
import { LEXICON } from './lexicon';

/**
 * A seeded synthetic review corpus for sentiment classification. A sentence is 5–10 words: 1–3
 * rated words of the AFINN-165 subset (lexicon.ts) among neutral filler words; its label is
 * the sign of the summed valence (ties are redrawn), so a bag-of-words model can be exact.
 * A domain shift flips the polarity of a fixed fraction of the rated words (chosen by hash, the
 * same for every seed), as "unpredictable" is praise for a film and a complaint about a car.
 */

export const FILLERS = [
  'the', 'movie', 'film', 'plot', 'story', 'acting', 'was', 'is', 'and', 'but', 'a', 'it',
  'really', 'quite', 'very', 'this', 'i', 'found', 'felt', 'so', 'overall', 'ending', 'cast', 'music',
] as const;

export const PAD = 0;
export const MAX_WORDS = 10;
export const FIRST_RATED = 1 + FILLERS.length;

/**
 * The rated words in use: `count` of the lexicon's, spread evenly over it (half positive, half
 * negative, as the lexicon is), as indices into LEXICON. Fewer words make a denser, easier task.
 */
export function ratedWords(count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * LEXICON.length) / count));
}

/** Vocabulary: padding, fillers, then the rated words in use. */
export function vocabulary(rated: readonly number[]): string[] {
  return ['<pad>', ...FILLERS, ...rated.map((i) => LEXICON[i][0])];
}

/** Positions in `rated` of the words whose polarity the shifted domain flips (chosen by hash). */
export function flippedWords(shift: number, rated: readonly number[]): Set<number> {
  const order = rated.map((_, j) => j).sort((a, b) => hashString(LEXICON[rated[a]][0]) - hashString(LEXICON[rated[b]][0]));
  return new Set(order.slice(0, Math.round(shift * rated.length)));
}

export interface Corpus {
  /** Token ids, [n × MAX_WORDS], PAD after the sentence's end. */
  tokens: Int32Array;
  /** 1 = positive, 0 = negative. */
  labels: Uint8Array;
}

/** `n` sentences over the `rated` words from stream (seed, key, stream); `flipped` valences are negated. */
export function makeCorpus(n: number, seed: number, key: number, stream: number, rated: readonly number[], flipped: Set<number> = new Set()): Corpus {
  const rng = new Stream(seed, key, stream, 0, Purpose.data);
  const tokens = new Int32Array(n * MAX_WORDS);
  const labels = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const length = 5 + rng.int(MAX_WORDS - 4);
    const numRated = 1 + rng.int(3);
    const row = tokens.subarray(s * MAX_WORDS, (s + 1) * MAX_WORDS);
    for (let i = 0; i < length; i++) row[i] = 1 + rng.int(FILLERS.length);
    let valence = 0;
    const slots = new Set<number>();
    while (slots.size < numRated) slots.add(rng.int(length));
    const ratedSlots = [...slots];
    ratedSlots.forEach((slot, j) => {
      let word: number;
      let v: number;
      do {
        word = rng.int(rated.length);
        v = LEXICON[rated[word]][1] * (flipped.has(word) ? -1 : 1);
      } while (j === ratedSlots.length - 1 && valence + v === 0);
      valence += v;
      row[slot] = FIRST_RATED + word;
    });
    labels[s] = valence > 0 ? 1 : 0;
  }
  return { tokens, labels };
}

/** The words of sentence `s`. */
export function sentenceText(corpus: Corpus, s: number, vocab: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < MAX_WORDS; i++) {
    const t = corpus.tokens[s * MAX_WORDS + i];
    if (t !== PAD) words.push(vocab[t]);
  }
  return words.join(' ');
}
