import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import type { Bounds, LandscapeView } from '../views';
import { internals } from './internals';
import { PathRecorder } from './path';
import type { TaskFactory, ViewBuilder } from './types';

/**
 * Classic 2-D test functions (Surjanovic & Bingham's Virtual Library of Simulation Experiments;
 * minima as in REFERENCE.md). Each has a tfjs form (the task's loss) and a plain-number twin (the
 * picture's heat map, and the tests' reference). θ = (x, y) is one variable of shape [2].
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

export const LANDSCAPES: Record<string, Landscape> = {
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

/** Grid side of the heat map. */
export const HEAT_GRID = 128;

/** The drawn region: the function's own, widened to contain the start with a margin. */
export function landscapeBounds(id: string, start: [number, number]): Bounds {
  const [x0, x1, y0, y1] = LANDSCAPES[id].bounds;
  const mx = 0.08 * (x1 - x0);
  const my = 0.08 * (y1 - y0);
  return [Math.min(x0, start[0] - mx), Math.max(x1, start[0] + mx), Math.min(y0, start[1] - my), Math.max(y1, start[1] + my)];
}

/** log10(1 + f) on an n × n grid of cell centres, row 0 at yMin (every minimum here is 0). */
export function heatMap(id: string, bounds: Bounds, n = HEAT_GRID): Float32Array {
  const { f } = LANDSCAPES[id];
  const [x0, x1, y0, y1] = bounds;
  const heat = new Float32Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const x = x0 + ((c + 0.5) * (x1 - x0)) / n;
      const y = y0 + ((r + 0.5) * (y1 - y0)) / n;
      heat[r * n + c] = Math.log10(1 + Math.max(0, f(x, y)));
    }
  return heat;
}

interface LandscapeState {
  id: string;
  start: [number, number];
  recorder: PathRecorder;
}

const state = internals<LandscapeState>('landscape');
const heatCache = new Map<string, Float32Array>();

/** A 2-D test function as a task: θ = (x0, y0) at the start, no data, loss = f(θ). */
export function landscapeFactory(id: string): TaskFactory {
  return (settings) => {
    const spec = taskSpec(id)!;
    const fn = LANDSCAPES[id];
    const start: [number, number] = [settings.x0, settings.y0];
    const xy = tf.tidy(() => tf.variable(tf.tensor1d(start), true, undefined, 'float32')); // [2]
    const recorder = new PathRecorder(xy);
    const value = () => tf.tidy(() => tf.sum(fn.loss(tf.slice(xy, 0, 1), tf.slice(xy, 1, 1))) as tf.Scalar);
    return state.attach(
      {
        spec,
        params: [xy],
        numParams: 2,
        batch() {
          recorder.step();
          return null;
        },
        loss() {
          recorder.probe();
          return value();
        },
        evaluate: () => [value()],
        dispose() {
          xy.dispose();
          recorder.dispose();
        },
      },
      { id, start, recorder },
    );
  };
}

export const landscapeView: ViewBuilder = async (lanes, step) => {
  const { id, start } = state.of(lanes[0]);
  const bounds = landscapeBounds(id, start);
  const key = `${id}:${bounds.join(',')}`;
  let heat = heatCache.get(key);
  if (!heat) {
    heat = heatMap(id, bounds);
    heatCache.clear();
    heatCache.set(key, heat);
  }
  const reads = await Promise.all(lanes.map((lane) => state.of(lane).recorder.read()));
  const view: LandscapeView = {
    kind: 'landscape',
    step,
    bounds,
    gridSize: HEAT_GRID,
    heat: heat.slice(),
    minima: Float32Array.from(LANDSCAPES[id].minima.flat()),
    start,
    paths: reads.map((r) => r.path),
    probes: reads.map((r) => r.probes),
  };
  return view;
};
