import * as tf from '@tensorflow/tfjs';
import { bigramCounts, bigramNll } from '../data/bigram';
import type { Gpt } from '../model/gpt';
import type { Rows } from './corpora';

/** Total −ln p over the masked predictions of `rows`, their count and the characters they spell. */
export interface LossSum {
  nats: number;
  tokens: number;
  chars: number;
}

export const perToken = (s: LossSum): number => s.nats / s.tokens;
export const perChar = (s: LossSum): number => s.nats / s.chars;

/** Characters of the masked targets (a boundary token counts as one, as makemore counts the end). */
export function countChars(rows: Rows, vocab: readonly string[]): number {
  let chars = 0;
  rows.targets.forEach((row, i) => row.forEach((t, j) => (chars += rows.mask[i][j] * vocab[t].length)));
  return chars;
}

/** The model's summed loss over `rows`, `chunk` rows per forward pass (float64 sums across chunks). */
export function modelLoss(gpt: Gpt, rows: Rows, vocab: readonly string[], chunk = 64): LossSum {
  let nats = 0;
  let tokens = 0;
  const T = rows.tokens[0].length;
  for (let start = 0; start < rows.tokens.length; start += chunk) {
    const end = Math.min(start + chunk, rows.tokens.length);
    const n = rows.mask.slice(start, end).reduce((a, m) => a + m.reduce((x, y) => x + y, 0), 0);
    const mean = tf.tidy(() => {
      const t2 = (xs: number[][]) => tf.tensor2d(xs.slice(start, end), [end - start, T], 'int32');
      return gpt.loss(t2(rows.tokens), t2(rows.targets), t2(rows.mask));
    });
    nats += mean.dataSync()[0] * n;
    mean.dispose();
    tokens += n;
  }
  return { nats, tokens, chars: countChars(rows, vocab) };
}

/** The same predictions under the add-one bigram of `train` (each pair scored from its input token). */
export function bigramRowsLoss(train: readonly number[][], rows: Rows, vocab: readonly string[]): LossSum {
  const V = vocab.length;
  const nll = bigramNll(bigramCounts(train, V), 1);
  let nats = 0;
  let tokens = 0;
  rows.targets.forEach((row, i) =>
    row.forEach((t, j) => {
      if (!rows.mask[i][j]) return;
      nats += nll[rows.tokens[i][j] * V + t];
      tokens++;
    }),
  );
  return { nats, tokens, chars: countChars(rows, vocab) };
}
