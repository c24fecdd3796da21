import { describe, expect, it } from 'vitest';
import { seedBand, type SeedCurve } from '../../../src/ui/charts/seedBand';

const curve = (ys: number[]): SeedCurve => ({ x: ys.map((_, i) => i + 1), y: ys, n: ys.length });

describe('seed bands', () => {
  const seeds = [curve([1, 2, 3]), curve([3, 2, 1]), curve([2, 5, 2])];

  it('min–max band and mean across seeds, step by step', () => {
    expect(seedBand(seeds, 'minmax')).toEqual([
      { x: 1, mean: 2, lo: 1, hi: 3 },
      { x: 2, mean: 3, lo: 2, hi: 5 },
      { x: 3, mean: 2, lo: 1, hi: 3 },
    ]);
  });

  it('±σ band uses the sample standard deviation', () => {
    const [first] = seedBand(seeds, 'std', 2000, false);
    expect(first.mean).toBeCloseTo(2, 12);
    expect(first.hi - first.mean).toBeCloseTo(1, 12); // values 1, 3, 2: sample σ = 1
    expect(first.mean - first.lo).toBeCloseTo(1, 12);
  });

  it('steps reached by fewer than two seeds, and non-finite values, draw no band', () => {
    const band = seedBand([curve([1, 2, 3, 4]), curve([2, NaN]), curve([])], 'minmax');
    expect(band.map((p) => p.x)).toEqual([1]);
  });

  it('on a log axis the band never reaches 0 or below', () => {
    // Linearly, mean − σ would be 3.43 − 5.69 < 0.
    const band = seedBand([curve([0.1, 0.1]), curve([10, 10]), curve([0.2, 0.2])], 'std', 2000, true);
    expect(band).toHaveLength(2);
    for (const p of band) expect(p.lo).toBeGreaterThan(0);
  });

  it('long runs are reduced to at most maxPoints points that keep the widest extent', () => {
    const n = 50_000;
    const a = curve(Array.from({ length: n }, (_, i) => 1 + (i % 10)));
    const b = curve(Array.from({ length: n }, () => 5));
    const band = seedBand([a, b], 'minmax', 1000);
    expect(band.length).toBeLessThanOrEqual(1000);
    expect(Math.min(...band.map((p) => p.lo))).toBe(1);
    expect(Math.max(...band.map((p) => p.hi))).toBe(10);
  });
});
