import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPES } from '../../../../src/core/tasks/landscape/functions';
import { LANDSCAPE_SPECS } from '../../../../src/core/tasks/landscape/spec';
import type { LandscapePicture, SpectrumPicture } from '../../../../src/core/tasks/picture';
import { buildTaskPicture } from '../../../../src/core/tasks/registry';
import { make, setUpTasks, value } from '../../../helpers/tasks';

beforeAll(setUpTasks);

const IDS = LANDSCAPE_SPECS.map((spec) => spec.id);
const at = (id: string, x: number, y: number) => {
  const t = make(id, { x0: x, y0: y });
  const v = value(t.loss(null));
  t.dispose();
  return v;
};

describe('2-D landscapes', () => {
  it.each(IDS)('%s is 0 at each of its minima (Surjanovic & Bingham’s Virtual Library of Simulation Experiments)', (id) => {
    for (const [x, y] of LANDSCAPES[id].minima) {
      expect(at(id, x, y)).toBeCloseTo(0, 4);
      expect(LANDSCAPES[id].f(x, y)).toBeCloseTo(0, 4);
    }
  });

  it('known values: Rosenbrock(−1.2, 1) = 24.2, Booth(0, 0) = 74, Himmelblau(0, 0) = 170, Beale(0, 0) = 14.203125, Rastrigin(1, 1) = 2, Ackley(1, 0) = 20(1 − e^(−0.2/√2))', () => {
    expect(at('rosenbrock', -1.2, 1)).toBeCloseTo(24.2, 4);
    expect(at('booth', 0, 0)).toBeCloseTo(74, 4);
    expect(at('himmelblau', 0, 0)).toBeCloseTo(170, 3);
    expect(at('beale', 0, 0)).toBeCloseTo(14.203125, 4);
    expect(at('rastrigin', 1, 1)).toBeCloseTo(2, 4);
    expect(at('ackley', 1, 0)).toBeCloseTo(20 * (1 - Math.exp(-0.2 / Math.SQRT2)), 4);
  });

  it.each(IDS)('%s: the tfjs loss and its plain-number twin (used for the heat map) agree', (id) => {
    for (const [x, y] of [[0.3, -0.7], [-1.9, 1.1], [2.2, 0.4]]) expect(at(id, x, y)).toBeCloseTo(LANDSCAPES[id].f(x, y), 2);
  });

  it('the picture records each step start, the probes of the latest step, and the current point', async () => {
    const t = make('booth', { x0: 0, y0: 0 });
    const xy = t.params[0];
    const moves = [[1, 1], [2, 1], [2, 3]];
    for (let step = 1; step <= 3; step++) {
      t.batch(step);
      for (const d of [0.5, -0.5]) {
        // Probe at θ ± 0.5 e₁ the way a zeroth-order step would, then move on.
        xy.assign(tf.tensor1d([moves[step - 1][0] - 1 + d, moves[step - 1][1] - 1]));
        value(t.loss(null));
      }
      xy.assign(tf.tensor1d(moves[step - 1]));
    }
    const view = (await buildTaskPicture('booth', [t], 3)) as LandscapePicture;
    expect(view.kind).toBe('landscape');
    expect(Array.from(view.paths[0])).toEqual([0, 0, 1, 1, 2, 1, 2, 3]);
    expect(Array.from(view.probes[0])).toEqual([1.5, 2, 0.5, 2]);
    expect(Array.from(view.minima)).toEqual([1, 3]);
    expect(view.heat.length).toBe(view.gridSize ** 2);
    // The heat map's lowest cell is the one holding the minimum (1, 3).
    const [x0, x1, y0, y1] = view.bounds;
    const n = view.gridSize;
    const lowest = view.heat.indexOf(Math.min(...view.heat));
    expect(Math.abs(x0 + ((lowest % n) + 0.5) * ((x1 - x0) / n) - 1)).toBeLessThan((x1 - x0) / n);
    expect(Math.abs(y0 + (Math.floor(lowest / n) + 0.5) * ((y1 - y0) / n) - 3)).toBeLessThan((y1 - y0) / n);
    t.dispose();
  });
});

describe('quadratic picture', () => {
  it('starts with every band at 1; zeroing the stiff half of θ empties exactly those bands', async () => {
    const t = make('quadratic', { d: 64, kappa: 100 });
    let view = (await buildTaskPicture('quadratic', [t], 0)) as SpectrumPicture;
    expect(view.lambda.length).toBe(32);
    expect(view.lambda[0]).toBeGreaterThanOrEqual(1);
    expect(view.lambda[31]).toBeLessThanOrEqual(100);
    view.remaining[0].forEach((r) => expect(r).toBeCloseTo(1, 5));
    const theta = t.params[0].dataSync().slice();
    theta.fill(0, 32);
    t.params[0].assign(tf.tensor1d(theta));
    view = (await buildTaskPicture('quadratic', [t], 1)) as SpectrumPicture;
    expect(Array.from(view.remaining[0].subarray(16))).toEqual(Array(16).fill(0));
    view.remaining[0].subarray(0, 16).forEach((r) => expect(r).toBeCloseTo(1, 5));
    t.dispose();
  });
});
