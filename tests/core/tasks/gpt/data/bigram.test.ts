import { describe, expect, it } from 'vitest';
import { bigramCounts, bigramLoss, bigramNll, uniformLoss } from '../../../../../src/core/tasks/gpt/data/bigram';
import { charTokenizer, framed } from '../../../../../src/core/tasks/gpt/data/chars';

// Hand-checked corpus: train on "ab" and "b" (framed .ab. and .b.), V = 3 (., a, b).
// Pair counts: .→a 1, .→b 1, a→b 1, b→. 2; rows: '.' 2, 'a' 1, 'b' 2.
const tok = charTokenizer(['ab', 'b']);
const model = bigramCounts(['ab', 'b'].map((n) => framed(tok, n)), 3);

describe('bigram model from counts', () => {
  it('counts each pair of the framed names', () => {
    expect([...model.counts]).toEqual([0, 1, 1, 0, 0, 1, 2, 0, 0]);
  });

  it('scores a held-out name with add-one smoothing: (N[a][b] + 1) / (N[a] + V) per prediction', () => {
    // ".a." predicts a after '.', (1+1)/(2+3), then the end after 'a', (0+1)/(1+3): two predictions.
    expect(bigramLoss(model, [framed(tok, 'a')], 1)).toBeCloseTo(-(Math.log(2 / 5) + Math.log(1 / 4)) / 2, 12);
  });

  it('is +∞ unsmoothed on an unseen pair, and the maximum-likelihood loss on its own training set', () => {
    expect(bigramLoss(model, [framed(tok, 'a')], 0)).toBe(Infinity);
    // .ab.: ln(1/2) + ln(1/1) + ln(2/2); .b.: ln(1/2) + ln(2/2); five predictions.
    expect(bigramLoss(model, ['ab', 'b'].map((n) => framed(tok, n)), 0)).toBeCloseTo(-(2 * Math.log(1 / 2)) / 5, 12);
  });

  it('gives each row a distribution that sums to one, and ln V for the uniform model', () => {
    const nll = bigramNll(model, 1);
    for (let a = 0; a < 3; a++) expect(nll.slice(a * 3, a * 3 + 3).reduce((s, x) => s + Math.exp(-x), 0)).toBeCloseTo(1, 12);
    expect(uniformLoss(27)).toBeCloseTo(3.295836866, 9);
    expect(() => bigramNll(model, -1)).toThrow(/α/);
  });
});
