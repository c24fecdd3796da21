import { describe, expect, it } from 'vitest';
import { contourSegments, niceTicks } from '../../../src/ui/task/contours';

describe('landscape contours and ticks', () => {
  it('contour lines of a paraboloid are circles: every segment end lies at the level radius', () => {
    const n = 41;
    const centre = 20;
    const values = new Float32Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) values[r * n + c] = (c - centre) ** 2 + (r - centre) ** 2;
    const seg = contourSegments(values, n, 1);
    const max = 2 * centre ** 2;
    const radius = Math.sqrt(max / 2); // the one level, halfway between 0 and max
    expect(seg.length).toBeGreaterThan(40);
    for (let i = 0; i < seg.length; i += 2) {
      // Bilinear interpolation of r² between grid points errs by at most a cell's worth.
      expect(Math.hypot(seg[i] - centre, seg[i + 1] - centre)).toBeCloseTo(radius, 0);
    }
  });

  it('a flat grid has no contour lines', () => {
    expect(contourSegments(new Float32Array(16).fill(3), 4, 5)).toEqual([]);
  });

  it('ticks are round values covering the range', () => {
    expect(niceTicks(-2, 2)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(-1, 3)).toEqual([-1, 0, 1, 2, 3]);
    expect(niceTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6]);
  });
});
