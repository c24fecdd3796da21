import * as tf from '@tensorflow/tfjs';
import type { Bounds } from '../picture';
import type { LandscapeId } from './spec';

/**
 * Classic 2-D test functions, with the domains and minima of Surjanovic & Bingham's Virtual Library
 * of Simulation Experiments (https://www.sfu.ca/~ssurjano/optimization.html). Each has a tfjs form
 * (the task's loss) and a plain-number twin (the picture's heat map, and the tests' reference).
 * θ = (x, y) is one variable of shape [2].
 */
interface Landscape {
  loss: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor;
  f: (x: number, y: number) => number;
  /** The region drawn (widened to include the start point). */
  bounds: Bounds;
  minima: [number, number][];
}

const TWO_PI = 2 * Math.PI;
/** Keeps Ackley's √ differentiable at the origin: f(0, 0) moves by ≈ 2·10⁻⁶·20·0.2, below float32 noise. */
const ACKLEY_EPS = 1e-12;

export const LANDSCAPES: Readonly<Record<LandscapeId, Landscape>> = {
  rosenbrock: {
    loss: (x, y) => tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))),
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    bounds: [-2, 2, -1, 3],
    minima: [[1, 1]],
  },
  rastrigin: {
    loss: (x, y) =>
      tf.add(
        tf.add(20, tf.sub(tf.square(x), tf.mul(10, tf.cos(tf.mul(TWO_PI, x))))),
        tf.sub(tf.square(y), tf.mul(10, tf.cos(tf.mul(TWO_PI, y)))),
      ),
    f: (x, y) => 20 + x * x - 10 * Math.cos(TWO_PI * x) + y * y - 10 * Math.cos(TWO_PI * y),
    bounds: [-5.12, 5.12, -5.12, 5.12],
    minima: [[0, 0]],
  },
  ackley: {
    loss: (x, y) => {
      const r = tf.sqrt(tf.add(tf.mul(0.5, tf.add(tf.square(x), tf.square(y))), ACKLEY_EPS));
      const c = tf.mul(0.5, tf.add(tf.cos(tf.mul(TWO_PI, x)), tf.cos(tf.mul(TWO_PI, y))));
      return tf.add(tf.sub(tf.mul(-20, tf.exp(tf.mul(-0.2, r))), tf.exp(c)), Math.E + 20);
    },
    f: (x, y) =>
      -20 * Math.exp(-0.2 * Math.sqrt(0.5 * (x * x + y * y))) -
      Math.exp(0.5 * (Math.cos(TWO_PI * x) + Math.cos(TWO_PI * y))) +
      Math.E +
      20,
    bounds: [-5, 5, -5, 5],
    minima: [[0, 0]],
  },
  himmelblau: {
    loss: (x, y) =>
      tf.add(tf.square(tf.add(tf.square(x), tf.sub(y, 11))), tf.square(tf.add(x, tf.sub(tf.square(y), 7)))),
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    bounds: [-5, 5, -5, 5],
    minima: [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ],
  },
  beale: {
    loss: (x, y) => {
      const term = (c: number, power: number) => tf.square(tf.add(tf.sub(c, x), tf.mul(x, tf.pow(y, power))));
      return tf.addN([term(1.5, 1), term(2.25, 2), term(2.625, 3)]);
    },
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    bounds: [-4.5, 4.5, -4.5, 4.5],
    minima: [[3, 0.5]],
  },
  booth: {
    loss: (x, y) => tf.add(tf.square(tf.sub(tf.add(x, tf.mul(2, y)), 7)), tf.square(tf.sub(tf.add(tf.mul(2, x), y), 5))),
    f: (x, y) => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
    bounds: [-10, 10, -10, 10],
    minima: [[1, 3]],
  },
};

