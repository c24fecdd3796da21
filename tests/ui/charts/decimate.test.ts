import { describe, expect, it } from 'vitest';
import { decimateMinMax } from '../../../src/ui/charts/decimate';

describe('chart decimation', () => {
  const n = 100_000;
  const x = (i: number) => i + 1;
  const noisy = (i: number) => 1 + Math.sin(i / 50) + (i % 97) / 97;

  it('never draws more than maxPoints, keeps the ends and each bucket’s extremes', () => {
    const pts = decimateMinMax(n, x, noisy, 2000);
    expect(pts.length).toBeLessThanOrEqual(2000);
    expect(pts[0]).toEqual({ x: 1, y: noisy(0) });
    expect(pts[pts.length - 1]).toEqual({ x: n, y: noisy(n - 1) });
    let max = -Infinity;
    for (let i = 0; i < n; i++) max = Math.max(max, noisy(i));
    expect(Math.max(...pts.map((p) => p.y))).toBe(max);
    for (let i = 1; i < pts.length; i++) expect(pts[i].x).toBeGreaterThan(pts[i - 1].x);
  });

  it('drops NaN, ±Inf and, on a log axis, y ≤ 0; a linear axis keeps 0 and negatives', () => {
    const ys = [1, NaN, 0, -2, Infinity, 3];
    const log = decimateMinMax(ys.length, x, (i) => ys[i], 2000, true);
    expect(log.map((p) => p.y)).toEqual([1, 3]);
    const lin = decimateMinMax(ys.length, x, (i) => ys[i], 2000, false);
    expect(lin.map((p) => p.y)).toEqual([1, 0, -2, 3]);
    // Every third point is NaN (x = 1, 4, 7, …): the kept points are the others, ends included.
    const big = decimateMinMax(n, x, (i) => (i % 3 === 0 ? NaN : 1 + i), 500, true);
    expect(big.length).toBeGreaterThan(0);
    expect(big.length).toBeLessThanOrEqual(500);
    expect(big.every((p) => Number.isFinite(p.y) && (p.x - 1) % 3 !== 0)).toBe(true);
    expect(big[0]).toEqual({ x: 2, y: 2 });
    expect(big.at(-1)).toEqual({ x: n - 1, y: n - 1 });
  });
});
