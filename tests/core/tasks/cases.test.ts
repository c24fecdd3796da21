import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { charLogProbs } from '../../../src/core/tasks/char-lm/task';
import { CHARS } from '../../../src/core/tasks/char-lm/text';
import { digits } from '../../../src/core/tasks/digits/data';
import { regressionData } from '../../../src/core/tasks/regression/data';
import { decodeCheckpoint, encodeCheckpoint } from '../../../src/core/tasks/sentiment/checkpoint';
import { FILLERS, FIRST_RATED, flippedWords, makeCorpus, ratedWords } from '../../../src/core/tasks/sentiment/corpus';
import { LEXICON } from '../../../src/core/tasks/sentiment/lexicon';
import { make, setUpTasks, value } from '../../helpers/tasks';

beforeAll(setUpTasks);

/** Each task's loss and metric against a case computed by hand (or by an independent formula). */
describe('task losses and metrics: hand-computed cases', () => {
  // argMax of equal logits picks class 0, whose share of each balanced eval set is 1/K.
  it.each([
    ['spiral', 2],
    ['moons', 2],
    ['circles', 2],
    ['xor', 2],
    ['digits-mlp', 10],
    ['digits-cnn', 10],
    ['digits-resnet', 10],
  ] as const)('%s: a zero output layer predicts uniformly over K = %i classes: loss ln K, accuracy 1/K', (id, classes) => {
    const t = make(id);
    const n = t.params.length;
    t.params[n - 2].assign(tf.zerosLike(t.params[n - 2]));
    t.params[n - 1].assign(tf.zerosLike(t.params[n - 1]));
    const [loss, acc] = t.evaluate();
    expect(value(loss)).toBeCloseTo(Math.log(classes), 5);
    expect(value(acc)).toBeCloseTo(1 / classes, 6);
    t.dispose();
  });

  it('regression at the true coefficients: eval MSE is the mean squared noise, R² = 1 − MSE/Var(y)', () => {
    const settings = { degree: 3, points: 100, noise: 0.3, batch: 16 };
    const data = regressionData(3, 100, 0.3, 1);
    const t = make('regression', settings);
    t.params[0].assign(tf.tensor2d(data.truth, [4, 1]));
    const mse = data.eval.eps.reduce((a, e) => a + e * e, 0) / data.eval.eps.length;
    const mean = data.eval.y.reduce((a, b) => a + b, 0) / data.eval.y.length;
    const variance = data.eval.y.reduce((a, b) => a + (b - mean) ** 2, 0) / data.eval.y.length;
    const [loss, r2] = t.evaluate();
    expect(value(loss)).toBeCloseTo(mse, 4);
    expect(value(r2)).toBeCloseTo(1 - mse / variance, 4);
    expect(mse).toBeCloseTo(0.09, 1); // the noise's variance, 0.3²
    t.dispose();
  });

  it('digits: the packed set is 600 training and 100 test digits per class, pixels in [0, 1]', () => {
    const d = digits();
    expect([d.numTrain, d.numTest, d.side]).toEqual([6000, 1000, 14]);
    const count = (from: number, to: number) => Array.from({ length: 10 }, (_, c) => d.labels.subarray(from, to).filter((l) => l === c).length);
    expect(count(0, 6000)).toEqual(Array(10).fill(600));
    expect(count(6000, 7000)).toEqual(Array(10).fill(100));
    expect(d.pixels.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(d.pixels.reduce((a, b) => Math.max(a, b))).toBe(1);
  });

  it('digit-autoencoder: a decoder that outputs ½ everywhere has MSE mean((x − ½)²) and PSNR −10 log₁₀ MSE', () => {
    const t = make('digit-autoencoder');
    const n = t.params.length;
    t.params[n - 2].assign(tf.zerosLike(t.params[n - 2]));
    t.params[n - 1].assign(tf.zerosLike(t.params[n - 1]));
    const d = digits();
    const test = d.pixels.subarray(d.numTrain * 196);
    const mse = test.reduce((a, x) => a + (x - 0.5) ** 2, 0) / test.length;
    const [loss, psnr] = t.evaluate();
    expect(value(loss)).toBeCloseTo(mse, 5);
    expect(value(psnr)).toBeCloseTo(-10 * Math.log10(mse), 3);
    t.dispose();
  });

  it('sentiment: the classifier that scores each word by its valence is 100% accurate; a uniform one is ln 2', () => {
    const t = make('sentiment', { dim: 2, words: 40 });
    const rated = ratedWords(40);
    const V = FIRST_RATED + rated.length;
    const embedding = new Float32Array(V * 2);
    rated.forEach((w, j) => (embedding[(FIRST_RATED + j) * 2] = LEXICON[w][1]));
    t.params[0].assign(tf.tensor2d(embedding, [V, 2]));
    t.params[1].assign(tf.tensor2d([-10, 10, 0, 0], [2, 2])); // logit₁ − logit₀ = 20 · mean valence
    t.params[2].assign(tf.zeros([2]));
    const [, acc] = t.evaluate();
    expect(value(acc)).toBe(1);
    t.params[1].assign(tf.zeros([2, 2]));
    const [loss] = t.evaluate();
    expect(value(loss)).toBeCloseTo(Math.log(2), 6);
    t.dispose();
  });

  it('sentiment corpus: labels are the sign of the summed valence, with the shifted words negated', () => {
    const rated = ratedWords(40);
    expect(rated.filter((w) => LEXICON[w][1] > 0).length).toBe(20);
    const flipped = flippedWords(0.3, rated);
    expect(flipped.size).toBe(12);
    const corpus = makeCorpus(300, 4, 9, 0, rated, flipped);
    const used = new Set<number>();
    for (let s = 0; s < 300; s++) {
      let sum = 0;
      for (const token of corpus.tokens.subarray(s * 10, s * 10 + 10)) {
        const j = token - 1 - FILLERS.length;
        if (j >= 0) {
          used.add(j);
          sum += LEXICON[rated[j]][1] * (flipped.has(j) ? -1 : 1);
        }
      }
      expect(sum).not.toBe(0);
      expect(corpus.labels[s]).toBe(sum > 0 ? 1 : 0);
    }
    expect(used.size).toBe(40); // every rated word in use occurs
  });

  it('sentiment-finetune starts from the pre-trained checkpoint: perfect on the base domain, hurt by the shift', () => {
    const base = make('sentiment-finetune', { shift: 0 });
    const shifted = make('sentiment-finetune', { shift: 0.3 });
    const accBase = value(base.evaluate()[1]);
    const accShifted = value(shifted.evaluate()[1]);
    expect(accBase).toBeGreaterThan(0.99);
    expect(accShifted).toBeLessThan(0.85);
    expect(Array.from(base.params[0].dataSync())).toEqual(Array.from(shifted.params[0].dataSync()));
    base.dispose();
    shifted.dispose();
  });

  it('checkpoints round-trip exactly', () => {
    const tensors = [
      { shape: [2, 3], values: Float32Array.from([1, -2, 3.5, 1e-7, 0, 42]) },
      { shape: [1], values: Float32Array.from([-0.25]) },
    ];
    expect(decodeCheckpoint(encodeCheckpoint(tensors))).toEqual(tensors);
  });

  it('char-lm: zero output layer → loss ln V and perplexity V; the plain-number twin matches the model', () => {
    const t = make('char-lm');
    const V = CHARS.length;
    const batch = t.batch(1)!;
    // Twin check on the batch: −mean log p(next) from charLogProbs equals the task's loss.
    const weights = t.params.map((p) => p.dataSync() as Float32Array);
    const shape = { context: 6, embed: 8, hidden: 64 };
    const x = batch.x.arraySync() as number[][];
    const y = batch.y.arraySync() as number[][];
    let nll = 0;
    x.forEach((row, i) => {
      const ctx = Array.from({ length: 6 }, (_, k) => row.slice(k * V, (k + 1) * V).indexOf(1));
      nll -= charLogProbs(weights, shape, ctx)[y[i].indexOf(1)];
    });
    expect(value(t.loss(batch))).toBeCloseTo(nll / x.length, 4);
    t.params[3].assign(tf.zerosLike(t.params[3]));
    t.params[4].assign(tf.zerosLike(t.params[4]));
    const [loss, perplexity] = t.evaluate();
    expect(value(loss)).toBeCloseTo(Math.log(V), 5);
    expect(value(perplexity)).toBeCloseTo(V, 3);
    tf.dispose([batch.x, batch.y]);
    t.dispose();
  });
});
