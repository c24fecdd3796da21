import * as tf from '@tensorflow/tfjs';
import { hashString } from '../../random/philox';
import { digits } from '../digits/data';
import { internals } from '../shared/internals';
import { batchRows, createMlp, gatherRows, type Mlp } from '../shared/mlp';
import type { Batch, TaskFactory } from '../types';
import { AUTOENCODER_SPEC } from './spec';

export const TASK_KEY = hashString('digit-autoencoder');

interface AutoencoderState {
  encoder: Mlp;
  decoder: Mlp;
  testX: tf.Tensor2D; // [numTest, side²]
  latent: number;
  seed: number;
}

/** What the picture reads from each lane's instance. */
export const autoencoderState = internals<AutoencoderState>('digit-autoencoder');

/**
 * A tiny autoencoder on the packed digits: encoder side² → h → k (tanh hidden, linear code),
 * decoder k → h → side² with a sigmoid, loss = mean squared error per pixel. Metric: PSNR in dB,
 * 10·log₁₀(1 / MSE) on the test digits (pixels in [0, 1]). Samples decode codes drawn from a
 * Gaussian fitted to the test digits' codes, so the decoder works as a generator.
 */
export const createAutoencoder: TaskFactory = (settings, seed) => {
  const spec = AUTOENCODER_SPEC;
  const data = digits();
  const pixels = data.side * data.side;
  const numTrain = Math.min(settings.train, data.numTrain);
  const batchSize = settings.batch;
  const { hidden, latent } = settings;
  const encoder = createMlp([pixels, hidden, latent], seed, TASK_KEY);
  const decoder = createMlp([latent, hidden, pixels], seed, TASK_KEY + 1);
  const testX = tf.tensor2d(data.pixels.subarray(data.numTrain * pixels), [data.numTest, pixels]);
  const mse = (x: tf.Tensor) => tf.mean(tf.square(tf.sub(tf.sigmoid(decoder.apply(encoder.apply(x))), x))) as tf.Scalar;
  return autoencoderState.attach(
    {
      spec,
      params: [...encoder.params, ...decoder.params],
      numParams: encoder.numParams + decoder.numParams,
      batch(step: number): Batch {
        const x = tf.tensor2d(gatherRows(data.pixels, pixels, batchRows(seed, step, batchSize, numTrain)), [batchSize, pixels]);
        return { x, y: x.clone() }; // [batch, side²]: the target is the input
      },
      loss: (batch) => tf.tidy(() => mse(batch!.x)),
      evaluate: () =>
        tf.tidy(() => {
          const m = mse(testX);
          return [m, tf.mul(-10 / Math.LN10, tf.log(m)) as tf.Scalar];
        }),
      dispose() {
        tf.dispose([...encoder.params, ...decoder.params, testX]);
      },
    },
    { encoder, decoder, testX, latent, seed },
  );
};
