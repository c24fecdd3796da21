import type { Stream } from '../../random/philox';
import type { Classify2dId } from './spec';

/**
 * Two-class point sets in the plane, after tensorflow/playground's datasets (`src/dataset.ts`) and
 * scikit-learn's `make_moons`. Coordinates span about [−R, R] with R = 4, where tanh units separate
 * them well; `noise` is relative to R. Half the points per class, class 0 first.
 */
export const RADIUS = 4;

export interface Points2D {
  x: Float32Array; // [n, 2]
  labels: Uint8Array; // [n]
}

export type Generator2D = (n: number, noise: number, stream: Stream, settings: Record<string, number>) => Points2D;

function make(n: number, point: (c: number, i: number, perClass: number) => [number, number]): Points2D {
  const perClass = Math.floor(n / 2);
  const x = new Float32Array(perClass * 4);
  const labels = new Uint8Array(perClass * 2);
  let row = 0;
  for (let c = 0; c < 2; c++)
    for (let i = 0; i < perClass; i++, row++) {
      const [px, py] = point(c, i, perClass);
      x[2 * row] = px;
      x[2 * row + 1] = py;
      labels[row] = c;
    }
  return { x, labels };
}

/** Uniform jitter in [−R·noise, R·noise]. */
const jitter = (noise: number, stream: Stream) => RADIUS * noise * (2 * stream.uniform() - 1);

/**
 * Two interleaved spirals: class c, point i of n per class: r = R·i/n, t = turns·2π·i/n + cπ,
 * (x, y) = (r sin t, r cos t) + jitter.
 */
export const spiralPoints: Generator2D = (n, noise, stream, { turns }) =>
  make(n, (c, i, perClass) => {
    const r = (RADIUS * i) / perClass;
    const t = (turns * 2 * Math.PI * i) / perClass + c * Math.PI;
    return [r * Math.sin(t) + jitter(noise, stream), r * Math.cos(t) + jitter(noise, stream)];
  });

/**
 * Two interleaving half circles (make_moons): class 0 (cos t, sin t), class 1 (1 − cos t,
 * ½ − sin t), t ~ U(0, π), centred and scaled by 2.5; Gaussian noise of std R·noise.
 */
export const moonsPoints: Generator2D = (n, noise, stream) =>
  make(n, (c) => {
    const t = Math.PI * stream.uniform();
    const [u, v] = c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [2.5 * (u - 0.5) + RADIUS * noise * stream.normal(), 2.5 * (v - 0.25) + RADIUS * noise * stream.normal()];
  });

/** A disc (class 1, r < R/2) inside a ring (class 0, 0.7R < r < R), angle uniform; jitter. */
export const circlesPoints: Generator2D = (n, noise, stream) =>
  make(n, (c) => {
    const r = c === 1 ? 0.5 * RADIUS * stream.uniform() : RADIUS * (0.7 + 0.3 * stream.uniform());
    const t = 2 * Math.PI * stream.uniform();
    return [r * Math.sin(t) + jitter(noise, stream), r * Math.cos(t) + jitter(noise, stream)];
  });

/**
 * XOR: quadrants, class 1 where x·y > 0. Points uniform in [−R, R]², pushed 0.3 away from the axes
 * (as in the playground) before the jitter, so the classes touch only through the noise.
 */
export const xorPoints: Generator2D = (n, noise, stream) =>
  make(n, (c) => {
    // Draw a quadrant of the class, then a point in it.
    const sx = stream.uniform() < 0.5 ? -1 : 1;
    const sy = c === 1 ? sx : -sx;
    const px = sx * (0.3 + (RADIUS - 0.3) * stream.uniform());
    const py = sy * (0.3 + (RADIUS - 0.3) * stream.uniform());
    return [px + jitter(noise, stream), py + jitter(noise, stream)];
  });

export const DATASETS_2D: Readonly<Record<Classify2dId, Generator2D>> = {
  spiral: spiralPoints,
  moons: moonsPoints,
  circles: circlesPoints,
  xor: xorPoints,
};
