import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import { Purpose, Stream, hashString } from '../rng';
import type { Bounds, BoundaryView } from '../views';
import { DATASETS_2D, RADIUS } from './datasets2d';
import { internals } from './internals';
import { accuracy, batchRows, createMlp, crossEntropy, gatherRows, oneHot, type Mlp } from './mlp';
import type { Batch, TaskFactory, ViewBuilder } from './types';

/** Side of the decision-boundary grid, and the region it covers. */
const GRID = 48;
const EXTENT = RADIUS * 1.2;
export const BOUNDARY_BOUNDS: Bounds = [-EXTENT, EXTENT, -EXTENT, EXTENT];
/** Points drawn over the boundary. */
const MAX_POINTS = 400;

interface ClassifyState {
  mlp: Mlp;
  evalSet: { x: Float32Array; labels: Uint8Array };
}

const state = internals<ClassifyState>('classify2d');

/**
 * Two-class points in the plane (dataset `id` of datasets2d.ts) classified by a 2 → h → h → 2 tanh
 * MLP with softmax cross-entropy; metric: accuracy on a held-out set from the same distribution.
 */
export function classify2dFactory(id: string): TaskFactory {
  const generate = DATASETS_2D[id];
  const taskKey = hashString(id);
  return (settings, seed) => {
    const spec = taskSpec(id)!;
    const { hidden, points, noise } = settings;
    const batchSize = settings.batch;
    const train = generate(points, noise, new Stream(seed, taskKey, 0, 0, Purpose.data), settings);
    const evalSet = generate(points, noise, new Stream(seed, taskKey, 1, 0, Purpose.data), settings);
    const numTrain = train.labels.length;
    const numEval = evalSet.labels.length;
    const evalX = tf.tensor2d(evalSet.x, [numEval, 2]); // [n, 2]
    const evalY = tf.tensor2d(oneHot(evalSet.labels, null, 2), [numEval, 2]); // [n, 2]
    const mlp = createMlp([2, hidden, hidden, 2], seed, taskKey);

    return state.attach(
      {
        spec,
        params: mlp.params,
        numParams: mlp.numParams,
        batch(step: number): Batch {
          const rows = batchRows(seed, step, batchSize, numTrain);
          return {
            x: tf.tensor2d(gatherRows(train.x, 2, rows), [batchSize, 2]), // [batch, 2]
            y: tf.tensor2d(oneHot(train.labels, rows, 2), [batchSize, 2]), // [batch, 2]
          };
        },
        loss: (batch) => tf.tidy(() => crossEntropy(mlp.apply(batch!.x), batch!.y)),
        evaluate: () =>
          tf.tidy(() => {
            const logits = mlp.apply(evalX);
            return [crossEntropy(logits, evalY), accuracy(logits, evalY)];
          }),
        dispose() {
          tf.dispose(mlp.params);
          evalX.dispose();
          evalY.dispose();
        },
      },
      { mlp, evalSet },
    );
  };
}

/** Cell centres of the boundary grid, row-major [GRID², 2], row 0 at yMin. */
function gridPoints(): Float32Array {
  const [x0, x1, y0, y1] = BOUNDARY_BOUNDS;
  const out = new Float32Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++)
    for (let c = 0; c < GRID; c++) {
      out[2 * (r * GRID + c)] = x0 + ((c + 0.5) * (x1 - x0)) / GRID;
      out[2 * (r * GRID + c) + 1] = y0 + ((r + 0.5) * (y1 - y0)) / GRID;
    }
  return out;
}

export const boundaryView: ViewBuilder = async (lanes, step) => {
  const grid = tf.tensor2d(gridPoints(), [GRID * GRID, 2]); // [cells, 2]
  const probs = lanes.map((lane) => tf.tidy(() => tf.reshape(tf.slice(tf.softmax(state.of(lane).mlp.apply(grid)), [0, 1], [-1, 1]), [-1])));
  grid.dispose();
  const probability = await Promise.all(probs.map(async (p) => Float32Array.from(await p.data())));
  tf.dispose(probs);
  const { evalSet } = state.of(lanes[0]);
  const shown = Math.min(MAX_POINTS, evalSet.labels.length);
  // An even spread over both classes (the set is ordered by class).
  const rows = Array.from({ length: shown }, (_, i) => Math.floor((i * evalSet.labels.length) / shown));
  const view: BoundaryView = {
    kind: 'boundary',
    step,
    bounds: BOUNDARY_BOUNDS,
    gridSize: GRID,
    probability,
    points: gatherRows(evalSet.x, 2, rows),
    labels: Uint8Array.from(rows, (r) => evalSet.labels[r]),
  };
  return view;
};
