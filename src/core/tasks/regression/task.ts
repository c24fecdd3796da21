import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream } from '../../random/philox';
import { internals } from '../shared/internals';
import type { Batch, TaskFactory } from '../types';
import { EVAL_POINTS, powers, regressionData } from './data';
import { REGRESSION_SPEC } from './spec';

interface RegressionState {
  w: tf.Variable;
  train: { x: Float32Array; y: Float32Array };
  truth: Float32Array;
}

/** What the picture reads from each lane's instance. */
export const regressionState = internals<RegressionState>('regression');

/** Least squares on polynomial features; metric R² = 1 − MSE / Var(y) on the eval set. */
export const createRegression: TaskFactory = (settings, seed) => {
  const spec = REGRESSION_SPEC;
  const { degree, points, noise } = settings;
  const batchSize = settings.batch;
  const p = degree + 1;
  const data = regressionData(degree, points, noise, seed);
  const trainX = powers(data.train.x, degree);
  const evalX = tf.tensor2d(powers(data.eval.x, degree), [EVAL_POINTS, p]); // [n, p]
  const evalY = tf.tensor2d(data.eval.y, [EVAL_POINTS, 1]); // [n, 1]
  const evalMean = data.eval.y.reduce((a, b) => a + b, 0) / EVAL_POINTS;
  const evalVar = data.eval.y.reduce((a, b) => a + (b - evalMean) ** 2, 0) / EVAL_POINTS;
  const w = tf.tidy(() => tf.variable(tf.zeros([p, 1]), true, undefined, 'float32')); // [p, 1]
  const mse = (x: tf.Tensor, y: tf.Tensor) => tf.mean(tf.square(tf.sub(tf.matMul(x as tf.Tensor2D, w), y))) as tf.Scalar;

  return regressionState.attach(
    {
      spec,
      params: [w],
      numParams: p,
      batch(step: number): Batch {
        const rng = new Stream(seed, step, 0, 0, Purpose.batch);
        const xb = new Float32Array(batchSize * p);
        const yb = new Float32Array(batchSize);
        for (let i = 0; i < batchSize; i++) {
          const r = rng.int(points);
          xb.set(trainX.subarray(r * p, (r + 1) * p), i * p);
          yb[i] = data.train.y[r];
        }
        return { x: tf.tensor2d(xb, [batchSize, p]), y: tf.tensor2d(yb, [batchSize, 1]) };
      },
      loss: (batch) => tf.tidy(() => mse(batch!.x, batch!.y)),
      evaluate: () =>
        tf.tidy(() => {
          const m = mse(evalX, evalY);
          return [m, tf.sub(1, tf.div(m, evalVar)) as tf.Scalar];
        }),
      dispose() {
        w.dispose();
        evalX.dispose();
        evalY.dispose();
      },
    },
    { w, train: data.train, truth: data.truth },
  );
};
