import { describe, expect, it } from 'vitest';
import { encodeRows, type MetricRow } from '../../../src/core/run/metrics';
import { METRICS } from '../../../src/core/tasks/shared/metric';
import { metricAt, metricCurves } from '../../../src/ui/charts/metricCurves';
import { RunSeries } from '../../../src/ui/charts/series';

function laneOf(rows: Partial<MetricRow>[]) {
  const run = new RunSeries();
  run.append(encodeRows(rows), rows.length);
  return run.lanes[0];
}

/** Ten steps, evaluated every fifth, with an accuracy-like metric rising from 0.5. */
const rows = Array.from({ length: 10 }, (_, i) => ({
  lane: 0,
  step: i + 1,
  forwardPasses: 2 * (i + 1),
  wallMs: 3 * (i + 1),
  trainLoss: 2 - 0.1 * i,
  ...(i % 5 === 4 ? { evalLoss: 1.9 - 0.1 * i, evalMetric: 0.5 + 0.04 * i } : {}),
}));

describe('metric chart curves', () => {
  const opts = { xKey: 'step' as const, smoothing: 0, maxPoints: 2000 };

  it('draws the eval metric at the evaluated steps, on the chosen x axis', () => {
    const c = metricCurves(laneOf(rows), 0, METRICS.accuracy, opts);
    expect(c.eval.map((p) => p.x)).toEqual([5, 10]);
    expect(c.eval.map((p) => p.y)).toEqual([Math.fround(0.66), Math.fround(0.86)]);
    expect(metricCurves(laneOf(rows), 0, METRICS.accuracy, { ...opts, xKey: 'forwardPasses' }).eval.map((p) => p.x)).toEqual([10, 20]);
  });

  it('has a train curve only where the metric is a function of the loss: perplexity = e^loss on every step', () => {
    expect(metricCurves(laneOf(rows), 0, METRICS.accuracy, opts).train).toBeNull();
    const ppl = metricCurves(laneOf(rows), 0, METRICS.perplexity, opts).train!;
    expect(ppl).toHaveLength(10);
    ppl.forEach((p, i) => expect(p.y).toBeCloseTo(Math.exp(Math.fround(2 - 0.1 * i)), 5));
    // PSNR of an MSE of 0.01 is 20 dB.
    expect(METRICS['PSNR (dB)'].ofLoss(0.01)).toBeCloseTo(20, 10);
  });

  it('never draws a NaN or, on perplexity’s log axis, a non-positive value', () => {
    const broken = [...rows.slice(0, 5), { lane: 0, step: 6, forwardPasses: 12, wallMs: 18, trainLoss: NaN, evalLoss: NaN, evalMetric: NaN }];
    const c = metricCurves(laneOf(broken), 0, METRICS.perplexity, opts);
    expect(c.eval).toHaveLength(1);
    expect(c.train!.every((p) => Number.isFinite(p.y) && p.y > 0)).toBe(true);
  });

  it('reads the last evaluation at or before the hovered x, the latest when nothing is hovered', () => {
    const lane = laneOf(rows);
    expect(metricAt(lane, 'step', 7)).toBe(Math.fround(0.66));
    expect(metricAt(lane, 'step', null)).toBe(Math.fround(0.86));
    expect(metricAt(lane, 'step', 3)).toBeNaN();
    expect(metricAt(undefined, 'step', null)).toBeNaN();
  });
});
