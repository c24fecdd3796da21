import { describe, expect, it } from 'vitest';
import { METRIC_ROW_WIDTH } from '../../src/worker/protocol';
import { RunSeries, lastAtOrBefore } from '../../src/ui/series';
import { stepTimes } from '../../src/ui/speed';

describe('recorded series', () => {
  it('reads the worker’s rows: dense train rows, sparse eval rows and sparse gradient diagnostics', () => {
    const width = 9;
    const rows = [
      [0, 1, 2, 0.5, 0.9, NaN, NaN, NaN, NaN],
      [0, 2, 4, 1.0, 0.8, 0.7, 0.5, 0.25, 1.5],
      [0, 3, 6, 1.5, 0.6, NaN, NaN, 0.5, 1.25],
    ];
    const run = new RunSeries();
    run.append(new Float64Array(rows.flat()), rows.length, width);
    const s = run.lanes[0];
    expect(Array.from(s.step.view())).toEqual([1, 2, 3]);
    expect(Array.from(s.evalRow.view())).toEqual([1]);
    expect(Array.from(s.diagRow.view())).toEqual([1, 2]);
    expect(Array.from(s.gradCos.view())).toEqual([0.25, 0.5]);
    expect(Array.from(s.gradRelErr.view())).toEqual([1.5, 1.25]);
    expect(run.latest(0)).toMatchObject({ step: 3, forwardPasses: 6, trainLoss: Math.fround(0.6), evalLoss: Math.fround(0.7) });
  });

  it('uses the protocol’s row width by default', () => {
    const run = new RunSeries();
    const row = new Float64Array(METRIC_ROW_WIDTH * 2).fill(NaN);
    row.set([1, 1, 2, 0.1, 3], 0);
    row.set([1, 2, 4, 0.2, 2], METRIC_ROW_WIDTH);
    run.append(row, 2);
    expect(run.lanes).toHaveLength(2);
    expect(Array.from(run.lanes[1].trainLoss.view())).toEqual([3, 2]);
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
    const row = (step: number, wall: number) => [0, step, step, wall, 1, NaN, NaN];
    run.append(new Float64Array([...row(1, 10), ...row(2, 30)]), 2, 7);
    expect(Array.from(stepTimes(run.lanes[0], 0))).toEqual([10, 20]);
    run.append(new Float64Array(row(3, 35)), 1, 7);
    expect(Array.from(stepTimes(run.lanes[0], 0))).toEqual([10, 20, 5]);
    const smooth = stepTimes(run.lanes[0], 0.5);
    expect(smooth[2]).toBeGreaterThan(5);
    expect(smooth[2]).toBeLessThan(20);
  });
});
