import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream, hashString } from '../../random/philox';
import { digits } from '../digits/data';
import { internals } from '../shared/internals';
import { batchRows, createMlp, gatherRows, type Mlp } from '../shared/mlp';
import type { Batch, TaskFactory } from '../types';
import { DIGITS_GAN_SPEC } from './spec';

export const TASK_KEY = hashString('digits-gan');

/** The discriminator's Adam (DCGAN's β₁ = 0.5; ε as torch.optim.Adam's, so the export matches). */
export const D_ADAM = { beta1: 0.5, beta2: 0.999, epsilon: 1e-8 } as const;

/** Fixed codes of the evaluation (and the first of them: the picture's samples), one per test digit. */
const EVAL_CODES = 1000;

interface GanState {
  generator: Mlp;
  discriminator: Mlp;
  /** On the test digits and the fixed codes: [D loss, G loss, mean D(real), mean D(fake)]. */
  scores(): tf.Scalar[];
  evalCodes: tf.Tensor2D; // [EVAL_CODES, k]
  /** D's evaluation loss at the steps the picture was drawn (its history in the picture). */
  history: { steps: number[]; dLoss: number[] };
}

/** What the picture reads from each lane's instance. */
export const ganState = internals<GanState>('digits-gan');

/** −log σ(l) = softplus(−l) and −log(1 − σ(l)) = softplus(l): the logistic losses, stable in l. */
const realLoss = (logits: tf.Tensor) => tf.mean(tf.softplus(tf.neg(logits))) as tf.Scalar;
const fakeLoss = (logits: tf.Tensor) => tf.mean(tf.softplus(logits)) as tf.Scalar;

/**
 * A GAN on the packed digits (Goodfellow et al. 2014, https://arxiv.org/abs/1406.2661). The
 * instance's params are the generator's only: loss(batch) is the non-saturating generator loss
 * −mean log D(G(z)) on the batch's codes z, a function of G's weights with D held fixed, so a
 * zeroth-order lane learns from D's score alone. afterStep then trains D by backprop and Adam on
 * the same batch: −mean log D(x) − mean log(1 − D(G(z))). D and its Adam state belong to the
 * instance (one per lane, built from the same seed, updated identically) and go with dispose().
 * A batch is x: real digits [batch, side²] and y: codes z ~ N(0, I) [batch, k], both drawn from
 * the step's streams, so every lane sees the same ones.
 */
export const createDigitsGan: TaskFactory = (settings, seed) => {
  const spec = DIGITS_GAN_SPEC;
  const data = digits();
  const pixels = data.side * data.side;
  const numTrain = Math.min(settings.train, data.numTrain);
  const batchSize = settings.batch;
  const { latent, hidden, dHidden } = settings;
  const generator = createMlp([latent, hidden, pixels], seed, TASK_KEY);
  const discriminator = createMlp([pixels, dHidden, 1], seed, TASK_KEY + 1);
  const dOptimizer = tf.train.adam(settings.dLr, D_ADAM.beta1, D_ADAM.beta2, D_ADAM.epsilon);
  const codeStream = new Stream(seed, TASK_KEY, 0, 0, Purpose.data);
  const evalCodes = tf.tensor2d(Float32Array.from({ length: EVAL_CODES * latent }, () => codeStream.normal()), [EVAL_CODES, latent]);
  const testX = tf.tensor2d(data.pixels.subarray(data.numTrain * pixels), [data.numTest, pixels]);
  const generate = (z: tf.Tensor) => tf.sigmoid(generator.apply(z)); // [n, side²] in (0, 1)
  const dLoss = (real: tf.Tensor, fake: tf.Tensor) => tf.add(realLoss(discriminator.apply(real)), fakeLoss(discriminator.apply(fake))) as tf.Scalar;
  const scores = () =>
    tf.tidy(() => {
      const real = discriminator.apply(testX); // [numTest, 1] logits
      const fake = discriminator.apply(generate(evalCodes)); // [EVAL_CODES, 1]
      const d = tf.add(realLoss(real), fakeLoss(fake)) as tf.Scalar;
      return [d, realLoss(fake), tf.mean(tf.sigmoid(real)) as tf.Scalar, tf.mean(tf.sigmoid(fake)) as tf.Scalar];
    });
  return ganState.attach(
    {
      spec,
      params: generator.params,
      numParams: generator.numParams,
      batch(step: number): Batch {
        const rows = batchRows(seed, step, batchSize, numTrain);
        const rng = new Stream(seed, step, 1, 0, Purpose.batch);
        return {
          x: tf.tensor2d(gatherRows(data.pixels, pixels, rows), [batchSize, pixels]), // [batch, side²] real digits
          y: tf.tensor2d(Float32Array.from({ length: batchSize * latent }, () => rng.normal()), [batchSize, latent]), // [batch, k] codes
        };
      },
      loss: (batch) => tf.tidy(() => realLoss(discriminator.apply(generate(batch!.y)))),
      afterStep(batch) {
        tf.tidy(() => {
          const fake = generate(batch!.y); // G's step is done: D sees the new generator's digits
          dOptimizer.minimize(() => dLoss(batch!.x, fake), false, discriminator.params);
        });
      },
      evaluate: () =>
        tf.tidy(() => {
          const [d, g] = scores();
          return [g, d];
        }),
      dispose() {
        dOptimizer.dispose();
        tf.dispose([...generator.params, ...discriminator.params, evalCodes, testX]);
      },
    },
    { generator, discriminator, scores, evalCodes, history: { steps: [], dLoss: [] } },
  );
};
