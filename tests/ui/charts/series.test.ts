import { describe, expect, it } from 'vitest';
import { encodeRows, type MetricRow } from '../../../src/core/run/metrics';
import { RunSeries, lastAtOrBefore } from '../../../src/ui/charts/series';
import { stepTimes } from '../../../src/ui/charts/stepTimes';

describe('recorded series', () => {
  it('reads the worker’s rows: dense train rows, sparse eval rows and sparse gradient diagnostics', () => {
    const rows: Partial<MetricRow>[] = [
      { lane: 0, step: 1, forwardPasses: 2, wallMs: 0.5, trainLoss: 0.9 },
      { lane: 0, step: 2, forwardPasses: 4, wallMs: 1.0, trainLoss: 0.8, evalLoss: 0.7, evalMetric: 0.5, gradCos: 0.25, gradRelErr: 1.5 },
      { lane: 0, step: 3, forwardPasses: 6, wallMs: 1.5, trainLoss: 0.6, gradCos: 0.5, gradRelErr: 1.25 },
    ];
    const run = new RunSeries();
    run.append(encodeRows(rows), rows.length);
    const s = run.lanes[0];
    expect(Array.from(s.step.view())).toEqual([1, 2, 3]);
    expect(Array.from(s.evalRow.view())).toEqual([1]);
    expect(Array.from(s.diagRow.view())).toEqual([1, 2]);
    expect(Array.from(s.gradCos.view())).toEqual([0.25, 0.5]);
    expect(Array.from(s.gradRelErr.view())).toEqual([1.5, 1.25]);
    expect(run.latest(0)).toMatchObject({ step: 3, forwardPasses: 6, trainLoss: Math.fround(0.6), evalLoss: Math.fround(0.7) });
  });

  it('creates the lanes a batch names', () => {
    const run = new RunSeries();
    run.append(encodeRows([{ lane: 1, step: 1, forwardPasses: 2, wallMs: 0.1, trainLoss: 3 }, { lane: 1, step: 2, forwardPasses: 4, wallMs: 0.2, trainLoss: 2 }]), 2);
    expect(run.lanes).toHaveLength(2);
    expect(Array.from(run.lanes[1].trainLoss.view())).toEqual([3, 2]);
    expect(run.lanes[0].length).toBe(0);
  });

  it('finds the last row at or before an x in a nondecreasing column', () => {
    const x = [1, 2, 2, 5, 9];
    expect(lastAtOrBefore(x, 5, 0)).toBe(-1);
    expect(lastAtOrBefore(x, 5, 2)).toBe(2);
    expect(lastAtOrBefore(x, 5, 4.9)).toBe(2);
    expect(lastAtOrBefore(x, 5, 100)).toBe(4);
  });
});

describe('step times', () => {
  it('are the smoothed differences of the lane’s cumulative wall time, extended as rows arrive', () => {
    const run = new RunSeries();
    const row = (step: number, wallMs: number) => ({ lane: 0, step, forwardPasses: step, wallMs, trainLoss: 1 });
    run.append(encodeRows([row(1, 10), row(2, 30)]), 2);
    expect(Array.from(stepTimes(run.lanes[0], 0))).toEqual([10, 20]);
    run.append(encodeRows([row(3, 35)]), 1);
    expect(Array.from(stepTimes(run.lanes[0], 0))).toEqual([10, 20, 5]);
    const smooth = stepTimes(run.lanes[0], 0.5);
    expect(smooth[2]).toBeGreaterThan(5);
    expect(smooth[2]).toBeLessThan(20);
  });
});
