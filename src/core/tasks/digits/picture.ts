import * as tf from '@tensorflow/tfjs';
import type { DigitsPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { digits } from './data';
import { digitsState } from './task';

/** Test digits shown in the picture. */
const SHOWN = 16;

/** Test digits with each lane's guesses, and its confusion matrix over the whole test set. */
export const digitsPicture: PictureBuilder = async (lanes, step) => {
  const data = digits();
  const pixels = data.side * data.side;
  const guesses = lanes.map((lane) => tf.tidy(() => tf.argMax(digitsState.of(lane).model.apply(digitsState.of(lane).testX), -1)));
  const predicted = await Promise.all(guesses.map((g) => g.data()));
  tf.dispose(guesses);
  const testLabels = data.labels.subarray(data.numTrain);
  const confusion = predicted.map((p) => {
    const m = new Uint32Array(100);
    testLabels.forEach((label, i) => m[label * 10 + p[i]]++);
    return m;
  });
  const shown = data.pixels.subarray(data.numTrain * pixels, (data.numTrain + SHOWN) * pixels);
  const picture: DigitsPicture = {
    kind: 'digits',
    step,
    side: data.side,
    images: Uint8Array.from(shown, (v) => Math.round(v * 255)),
    labels: Uint8Array.from(testLabels.subarray(0, SHOWN)),
    predictions: predicted.map((p) => Uint8Array.from(p.subarray(0, SHOWN))),
    confusion,
  };
  return picture;
};
