import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream } from '../../random/philox';
import { digits } from '../digits/data';
import type { ImagesPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { TASK_KEY, autoencoderState } from './task';

/** Test digits reconstructed in the picture, and decoder samples. */
const SHOWN = 8;
const SAMPLES = 8;

/**
 * Test digits with every lane's reconstructions, and samples decoded from codes drawn from a
 * Gaussian fitted to the test digits' codes (the same draws in every lane).
 */
export const autoencoderPicture: PictureBuilder = async (lanes, step) => {
  const data = digits();
  const pixels = data.side * data.side;
  const first = autoencoderState.of(lanes[0]);
  const rng = new Stream(first.seed, TASK_KEY, 0, 0, Purpose.data);
  const noise = tf.tensor2d(Float32Array.from({ length: SAMPLES * first.latent }, () => rng.normal()), [SAMPLES, first.latent]);
  const outputs = lanes.map((lane) =>
    tf.tidy(() => {
      const s = autoencoderState.of(lane);
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
  const picture: ImagesPicture = {
    kind: 'images',
    step,
    side: data.side,
    originals: data.pixels.slice(data.numTrain * pixels, (data.numTrain + SHOWN) * pixels),
    reconstructions: values.map(([r]) => Float32Array.from(r)),
    samples: values.map(([, s]) => Float32Array.from(s)),
  };
  return picture;
};
