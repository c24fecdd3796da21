import { describe, expect, it } from 'vitest';
import { EmaCache, emaSmooth } from '../../../src/ui/charts/ema';

/** TensorBoard's smoothing, written out independently: m ← w·m + (1−w)·x, shown as m / (1 − wᵏ). */
function reference(xs: number[], w: number): number[] {
  let m = 0;
  let k = 0;
  return xs.map((x) => {
    if (!Number.isFinite(x)) return NaN;
    m = w * m + (1 - w) * x;
    k++;
    return m / (1 - w ** k);
  });
}

describe('EMA smoothing', () => {
  const xs = [4, 2, 8, 1, 1, 3, 5, 0.5, 2, 9, 7];

  it('matches the bias-corrected exponential moving average', () => {
    const out = emaSmooth(xs, xs.length, 0.8);
    reference(xs, 0.8).forEach((r, i) => expect(out[i]).toBeCloseTo(r, 5));
  });

  it('starts at the first value (bias correction) and weight 0 is the identity', () => {
    expect(emaSmooth(xs, xs.length, 0.95)[0]).toBeCloseTo(4, 6);
    expect(Array.from(emaSmooth(xs, xs.length, 0))).toEqual(xs);
  });

  it('a constant stays constant and a step is approached monotonically', () => {
    const flat = emaSmooth(Array(50).fill(3), 50, 0.9);
    flat.forEach((v) => expect(v).toBeCloseTo(3, 5));
    const step = [...Array(5).fill(0), ...Array(50).fill(1)];
    const s = emaSmooth(step, step.length, 0.9);
    for (let i = 6; i < step.length; i++) expect(s[i]).toBeGreaterThanOrEqual(s[i - 1]);
    expect(s[step.length - 1]).toBeLessThanOrEqual(1);
  });

  it('skips NaN and ±Inf: they give NaN and leave the average untouched', () => {
    const withHoles = [1, NaN, 3, Infinity, 5];
    const out = emaSmooth(withHoles, 5, 0.5);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(Number.isNaN(out[3])).toBe(true);
    const clean = emaSmooth([1, 3, 5], 3, 0.5);
    expect(out[4]).toBeCloseTo(clean[2], 6);
  });

  it('the incremental cache gives the same values as one pass, and restarts on a new weight', () => {
    const cache = new EmaCache();
    const data = new Float32Array(xs);
    const source = {};
    cache.smooth(source, data, 4, 0.7);
    const whole = cache.smooth(source, data, xs.length, 0.7);
    const once = emaSmooth(data, xs.length, 0.7);
    expect(Array.from(whole)).toEqual(Array.from(once));
    const other = cache.smooth(source, data, xs.length, 0.3);
    expect(Array.from(other)).toEqual(Array.from(emaSmooth(data, xs.length, 0.3)));
  });
});
