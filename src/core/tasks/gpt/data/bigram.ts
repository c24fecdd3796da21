import { charTokenizer, framed } from './chars';

/**
 * The reference lines of the name tasks' loss chart, computed exactly from counts.
 *
 * Loss is counted makemore's way (Karpathy, https://github.com/karpathy/makemore, and his "building
 * makemore" bigram lecture): a name of n letters framed as `.name.` contributes n + 1 predictions
 * (each letter, then the end token), and the figure is the mean −ln p over all of them, in nats per
 * character. The uniform model predicts every one of the V tokens alike, so its loss is ln V whatever
 * the text. The bigram model predicts token b after a with p(b | a) = (N[a][b] + α) / (N[a] + αV):
 * α = 1 is add-one (Laplace) smoothing; α = 0 is the maximum-likelihood model, whose held-out loss is
 * +∞ as soon as a held-out name has a pair never seen in training.
 */
export interface BigramCounts {
  /** Vocabulary size V. */
  readonly size: number;
  /** N[a·V + b]: how often b follows a in the training sequences, [V × V]. */
  readonly counts: Float64Array;
}

/** Count the pairs of framed sequences (e.g. `framed(tok, name)` for each training name). */
export function bigramCounts(sequences: Iterable<readonly number[]>, size: number): BigramCounts {
  const counts = new Float64Array(size * size);
  for (const seq of sequences)
    for (let i = 1; i < seq.length; i++) {
      const a = seq[i - 1];
      const b = seq[i];
      if (!(a >= 0 && a < size && b >= 0 && b < size)) throw new Error(`bigram: token out of range at ${i}`);
      counts[a * size + b]++;
    }
  return { size, counts };
}

/** The model's −ln p of every next token, [V × V] (Infinity where α = 0 and the pair is unseen). */
export function bigramNll({ size, counts }: BigramCounts, alpha: number): Float64Array {
  if (!(alpha >= 0)) throw new Error(`bigram: smoothing α must be ≥ 0, got ${alpha}`);
  const nll = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    let row = 0;
    for (let b = 0; b < size; b++) row += counts[a * size + b];
    for (let b = 0; b < size; b++) {
      const num = counts[a * size + b] + alpha;
      nll[a * size + b] = num > 0 ? -Math.log(num / (row + alpha * size)) : Infinity;
    }
  }
  return nll;
}

/** Mean nats per predicted token of framed sequences under a bigram model (α as in bigramNll). */
export function bigramLoss(model: BigramCounts, sequences: Iterable<readonly number[]>, alpha: number): number {
  const nll = bigramNll(model, alpha);
  let total = 0;
  let n = 0;
  for (const seq of sequences)
    for (let i = 1; i < seq.length; i++) {
      total += nll[seq[i - 1] * model.size + seq[i]];
      n++;
    }
  if (n === 0) throw new Error('bigram: no predictions to score');
  return total / n;
}

/** The uniform model's loss: ln V nats per token. */
export const uniformLoss = (size: number): number => Math.log(size);

export interface ReferenceLines {
  /** V: the letters of the training names and the boundary. */
  vocabSize: number;
  /** ln V. */
  uniform: number;
  /** Held-out loss of the add-one bigram trained on `train`. */
  bigram: number;
  /** Held-out loss of the unsmoothed bigram (+∞ when a held-out pair was never seen). */
  bigramUnsmoothed: number;
  /** The unsmoothed bigram's loss on its own training names (the best any bigram does there). */
  bigramTrain: number;
}

/** The loss chart's reference lines for a name task: train on `train`, score on `held` (chars). */
export function nameReferenceLines(train: readonly string[], held: readonly string[]): ReferenceLines {
  const tok = charTokenizer([...train, ...held]);
  const size = tok.vocab.length;
  const trainSeqs = train.map((n) => framed(tok, n));
  const heldSeqs = held.map((n) => framed(tok, n));
  const model = bigramCounts(trainSeqs, size);
  return {
    vocabSize: size,
    uniform: uniformLoss(size),
    bigram: bigramLoss(model, heldSeqs, 1),
    bigramUnsmoothed: bigramLoss(model, heldSeqs, 0),
    bigramTrain: bigramLoss(model, trainSeqs, 0),
  };
}
