import * as tf from '@tensorflow/tfjs';
import type { BoundaryPicture, Bounds } from '../picture';
import { gatherRows } from '../shared/mlp';
import type { PictureBuilder } from '../types';
import { RADIUS } from './datasets';
import { classify2dState } from './task';

/** Side of the decision-boundary grid, and the region it covers. */
const GRID = 48;
const EXTENT = RADIUS * 1.2;
export const BOUNDARY_BOUNDS: Bounds = [-EXTENT, EXTENT, -EXTENT, EXTENT];
/** Points drawn over the boundary. */
const MAX_POINTS = 400;

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

export const boundaryPicture: PictureBuilder = async (lanes, step) => {
  const grid = tf.tensor2d(gridPoints(), [GRID * GRID, 2]); // [cells, 2]
  const probs = lanes.map((lane) => tf.tidy(() => tf.reshape(tf.slice(tf.softmax(classify2dState.of(lane).mlp.apply(grid)), [0, 1], [-1, 1]), [-1])));
  grid.dispose();
  const probability = await Promise.all(probs.map(async (p) => Float32Array.from(await p.data())));
  tf.dispose(probs);
  const { evalSet } = classify2dState.of(lanes[0]);
  const shown = Math.min(MAX_POINTS, evalSet.labels.length);
  // An even spread over both classes (the set is ordered by class).
  const rows = Array.from({ length: shown }, (_, i) => Math.floor((i * evalSet.labels.length) / shown));
  const picture: BoundaryPicture = {
    kind: 'boundary',
    step,
    bounds: BOUNDARY_BOUNDS,
    gridSize: GRID,
    probability,
    points: gatherRows(evalSet.x, 2, rows),
    labels: Uint8Array.from(rows, (r) => evalSet.labels[r]),
  };
  return picture;
};
