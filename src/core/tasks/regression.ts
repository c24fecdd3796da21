import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import { Purpose, Stream, hashString } from '../rng';
import type { FitView } from '../views';
import { internals } from './internals';
import type { Batch, TaskFactory, ViewBuilder } from './types';

const TASK_KEY = hashString('regression');
const EVAL_POINTS = 200;
const GRID = 101;

/** x^0 … x^degree for every x, row-major [n × (degree + 1)]. */
export function powers(x: ArrayLike<number>, degree: number): Float32Array {
  const out = new Float32Array(x.length * (degree + 1));
  for (let i = 0; i < x.length; i++) {
    let p = 1;
    for (let k = 0; k <= degree; k++, p *= x[i]) out[i * (degree + 1) + k] = p;
  }
  return out;
}

const polynomial = (c: ArrayLike<number>, x: number) => {
  let y = 0;
  for (let k = c.length - 1; k >= 0; k--) y = y * x + c[k];
  return y;
};

/**
 * A seeded polynomial y = Σ cₖ xᵏ (degree d, cₖ ~ N(0, 1)) sampled at x ~ U(−1, 1) with Gaussian
 * noise of std `noise`. Degree 1 is linear regression. The model has the same form, so its best
 * eval MSE is the noise variance.
 */
export function regressionData(degree: number, points: number, noise: number, seed: number) {
  const coefRng = new Stream(seed, TASK_KEY, 0, 0, Purpose.data);
  const truth = Float32Array.from({ length: degree + 1 }, () => coefRng.normal());
  const sample = (n: number, stream: number) => {
    const rng = new Stream(seed, TASK_KEY, stream, 0, Purpose.data);
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    const eps = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 2 * rng.uniform() - 1;
      eps[i] = noise * rng.normal();
      y[i] = polynomial(truth, x[i]) + eps[i];
    }
    return { x, y, eps };
  };
  return { truth, train: sample(points, 1), eval: sample(EVAL_POINTS, 2) };
}

interface RegressionState {
  w: tf.Variable;
  train: { x: Float32Array; y: Float32Array };
  truth: Float32Array;
}

const state = internals<RegressionState>('regression');

/** Least squares on polynomial features; metric R² = 1 − MSE / Var(y) on the eval set. */
export const createRegression: TaskFactory = (settings, seed) => {
  const spec = taskSpec('regression')!;
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

  return state.attach(
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

export const regressionView: ViewBuilder = async (lanes, step) => {
  const { train, truth } = state.of(lanes[0]);
  const gridX = Float32Array.from({ length: GRID }, (_, i) => -1 + (2 * i) / (GRID - 1));
  const coefs = await Promise.all(lanes.map((lane) => state.of(lane).w.data()));
  const view: FitView = {
    kind: 'fit',
    step,
    x: train.x.slice(0, 500),
    y: train.y.slice(0, 500),
    gridX,
    truth: gridX.map((x) => polynomial(truth, x)),
    fits: coefs.map((c) => gridX.map((x) => polynomial(c, x))),
  };
  return view;
};
