import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import { Purpose, Stream, hashString } from '../rng';
import type { ImagesView } from '../views';
import { digits } from './digitData';
import { internals } from './internals';
import { batchRows, createMlp, gatherRows, type Mlp } from './mlp';
import type { Batch, TaskFactory, ViewBuilder } from './types';

const TASK_KEY = hashString('digit-autoencoder');
/** Test digits reconstructed in the picture, and decoder samples. */
const SHOWN = 8;
const SAMPLES = 8;

interface AutoencoderState {
  encoder: Mlp;
  decoder: Mlp;
  testX: tf.Tensor2D; // [numTest, side²]
  latent: number;
  seed: number;
}

const state = internals<AutoencoderState>('digit-autoencoder');

/**
 * A tiny autoencoder on the packed digits: encoder side² → h → k (tanh hidden, linear code),
 * decoder k → h → side² with a sigmoid, loss = mean squared error per pixel. Metric: PSNR in dB,
 * 10·log₁₀(1 / MSE) on the test digits (pixels in [0, 1]). Samples decode codes drawn from a
 * Gaussian fitted to the test digits' codes, so the decoder works as a generator.
 */
export const createAutoencoder: TaskFactory = (settings, seed) => {
  const spec = taskSpec('digit-autoencoder')!;
  const data = digits();
  const pixels = data.side * data.side;
  const numTrain = Math.min(settings.train, data.numTrain);
  const batchSize = settings.batch;
  const { hidden, latent } = settings;
  const encoder = createMlp([pixels, hidden, latent], seed, TASK_KEY);
  const decoder = createMlp([latent, hidden, pixels], seed, TASK_KEY + 1);
  const testX = tf.tensor2d(data.pixels.subarray(data.numTrain * pixels), [data.numTest, pixels]);
  const mse = (x: tf.Tensor) => tf.mean(tf.square(tf.sub(tf.sigmoid(decoder.apply(encoder.apply(x))), x))) as tf.Scalar;
  return state.attach(
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

export const autoencoderView: ViewBuilder = async (lanes, step) => {
  const data = digits();
  const pixels = data.side * data.side;
  const first = state.of(lanes[0]);
  const rng = new Stream(first.seed, TASK_KEY, 0, 0, Purpose.data);
  const noise = tf.tensor2d(Float32Array.from({ length: SAMPLES * first.latent }, () => rng.normal()), [SAMPLES, first.latent]);
  const outputs = lanes.map((lane) =>
    tf.tidy(() => {
      const s = state.of(lane);
      const codes = s.encoder.apply(s.testX); // [numTest, k]
      const { mean, variance } = tf.moments(codes, 0);
      const drawn = tf.add(mean, tf.mul(tf.sqrt(variance), noise)); // [samples, k]
      const shown = tf.slice(s.testX, [0, 0], [SHOWN, pixels]);
      return [tf.sigmoid(s.decoder.apply(s.encoder.apply(shown))), tf.sigmoid(s.decoder.apply(drawn))];
    }),
  );
  noise.dispose();
  const values = await Promise.all(outputs.map((pair) => Promise.all(pair.map((t) => t.data()))));
  tf.dispose(outputs.flat());
  const view: ImagesView = {
    kind: 'images',
    step,
    side: data.side,
    originals: data.pixels.slice(data.numTrain * pixels, (data.numTrain + SHOWN) * pixels),
    reconstructions: values.map(([r]) => Float32Array.from(r)),
    samples: values.map(([, s]) => Float32Array.from(s)),
  };
  return view;
};
