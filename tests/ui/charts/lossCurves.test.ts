import { describe, expect, it } from 'vitest';
import { encodeRows, type MetricRow } from '../../../src/core/run/metrics';
import { laneCurves, readingAt } from '../../../src/ui/charts/lossCurves';
import { RunSeries } from '../../../src/ui/charts/series';

/** Rows as the worker sends them. */
function runOf(rows: Partial<MetricRow>[]): RunSeries {
  const run = new RunSeries();
  run.append(encodeRows(rows), rows.length);
  return run;
}

describe('loss chart curves', () => {
  const opts = { xKey: 'step' as const, logY: true, smoothing: 0, maxPoints: 2000 };
  const rows = Array.from({ length: 10 }, (_, i) => ({
    lane: 0,
    step: i + 1,
    forwardPasses: 2 * (i + 1),
    wallMs: 3 * (i + 1),
    trainLoss: 10 - i,
    evalLoss: i % 5 === 4 ? 9 - i : NaN,
  }));

  it('marks a live change at the first step that uses the new value, labelled and on the chosen x axis', () => {
    const run = runOf(rows);
    const schedule = [
      { step: 4, lane: 0, name: 'lr', value: 0.01 },
      { step: 4, lane: 1, name: 'lr', value: 0.5 },
      { step: 40, lane: 0, name: 'eps', value: 1e-4 },
    ];
    const c = laneCurves(run.lanes[0], 0, schedule, undefined, opts);
    expect(c.marks).toEqual([{ x: 4, step: 4, label: 'lr → 0.01' }]);
    const fp = laneCurves(run.lanes[0], 0, schedule, undefined, { ...opts, xKey: 'forwardPasses' });
    expect(fp.marks[0].x).toBe(8);
  });

  it('a diverged lane gets a marker at its divergence step, drawn at its last drawable loss; no NaN is drawn', () => {
    const diverging = [...rows.slice(0, 5), { lane: 0, step: 6, forwardPasses: 12, wallMs: 18, trainLoss: NaN }];
    const run = runOf(diverging);
    const c = laneCurves(run.lanes[0], 0, [], { lane: 0, status: 'diverged', divergedAt: 6, divergedValue: NaN }, opts);
    expect(c.diverged).toEqual({ x: 6, y: 6, step: 6 });
    expect(c.raw.every((p) => Number.isFinite(p.y))).toBe(true);
    expect(c.raw).toHaveLength(5);
  });

  it('smoothing adds an EMA curve beside the raw one', () => {
    const run = runOf(rows);
    const c = laneCurves(run.lanes[0], 0, [], undefined, { ...opts, smoothing: 0.9 });
    expect(c.smooth).toHaveLength(10);
    expect(c.smooth![9].y).toBeGreaterThan(c.raw[9].y); // a falling curve: the average lags above it
    expect(laneCurves(run.lanes[0], 0, [], undefined, opts).smooth).toBeNull();
  });

  it('reads a lane at any x: the last row at or before it, with the last eval so far', () => {
    const run = runOf(rows);
    expect(readingAt(run.lanes[0], 'step', 7.5, 0)).toMatchObject({ step: 7, train: 4, eval: 5 });
    expect(readingAt(run.lanes[0], 'forwardPasses', 20, 0)).toMatchObject({ step: 10, eval: 0 });
    expect(readingAt(run.lanes[0], 'step', 0.5, 0)).toBeNull();
    expect(readingAt(run.lanes[0], 'step', null, 0)?.step).toBe(10);
  });
});
