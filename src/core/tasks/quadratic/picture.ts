import * as tf from '@tensorflow/tfjs';
import type { SpectrumPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { quadraticState } from './task';

/** The loss left in each band of eigen-directions, relative to the start. */
export const quadraticPicture: PictureBuilder = async (lanes, step) => {
  const remaining = await Promise.all(
    lanes.map(async (lane) => {
      const s = quadraticState.of(lane);
      const energy = tf.tidy(() => tf.unsortedSegmentSum(tf.mul(0.5, tf.mul(s.lambda, tf.square(s.theta))), s.band, s.numBands));
      const values = await energy.data();
      energy.dispose();
      return Float32Array.from(values, (e, b) => e / s.initialEnergy[b]);
    }),
  );
  const picture: SpectrumPicture = { kind: 'spectrum', step, lambda: quadraticState.of(lanes[0]).bandLambda.slice(), remaining };
  return picture;
};
