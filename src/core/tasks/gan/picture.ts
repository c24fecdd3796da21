import * as tf from '@tensorflow/tfjs';
import { digits } from '../digits/data';
import type { GanPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { ganState } from './task';

/** Generated digits per lane (a 4 × 4 grid), and real ones beside them. */
const SAMPLES = 16;
const REAL = 8;
/** D-loss points kept per lane; when full, every other one is dropped, the latest kept (the history stays even). */
const HISTORY = 256;

/**
 * Every lane's G(z) on the first fixed evaluation codes, and D's evaluation loss recorded at each
 * picture (so the history's steps are the picture's, the same in every lane).
 */
export const ganPicture: PictureBuilder = async (lanes, step) => {
  const data = digits();
  const pixels = data.side * data.side;
  const outputs = lanes.map((lane) =>
    tf.tidy(() => {
      const s = ganState.of(lane);
      const codes = tf.slice(s.evalCodes, [0, 0], [SAMPLES, -1]);
      const [d, g, realScore, fakeScore] = s.scores();
      g.dispose();
      return [tf.sigmoid(s.generator.apply(codes)), tf.stack([d, realScore, fakeScore])];
    }),
  );
  const values = await Promise.all(outputs.map((pair) => Promise.all(pair.map((t) => t.data()))));
  tf.dispose(outputs.flat());
  const histories = lanes.map((lane, i) => {
    const h = ganState.of(lane).history;
    if (h.steps[h.steps.length - 1] !== step) {
      h.steps.push(step);
      h.dLoss.push(values[i][1][0]);
      if (h.steps.length > HISTORY) for (const list of [h.steps, h.dLoss]) list.splice(0, list.length, ...list.filter((_, j) => (list.length - 1 - j) % 2 === 0));
    }
    return h;
  });
  const picture: GanPicture = {
    kind: 'gan',
    step,
    side: data.side,
    real: data.pixels.slice(data.numTrain * pixels, (data.numTrain + REAL) * pixels),
    samples: values.map(([s]) => Float32Array.from(s)),
    historySteps: Float32Array.from(histories[0].steps),
    dLoss: histories.map((h) => Float32Array.from(h.dLoss)),
    realScore: Float32Array.from(values, ([, v]) => v[1]),
    fakeScore: Float32Array.from(values, ([, v]) => v[2]),
  };
  return picture;
};
