import { describe, expect, it } from 'vitest';
import { encodeRows, type MetricRow } from '../../../src/core/run/metrics';
import { exactCurve, proxyCurve, windowedMean, windowedRatio } from '../../../src/ui/charts/relativeVariance';
import { RunSeries } from '../../../src/ui/charts/series';

describe('the variance panel’s curves', () => {
  it('a windowed ratio of sums: Σ num / Σ den over the last w entries', () => {
    const r = windowedRatio([1, 3, 5, 7], [1, 1, 2, 2], 4, 2);
    expect(Array.from(r)).toEqual([1, 4 / 2, 8 / 3, 12 / 4]);
  });

  it('a windowed mean skips NaN entries (steps without diagnostics)', () => {
    expect(Array.from(windowedMean([2, NaN, 4, 6], 4, 3))).toEqual([2, 2, 3, 5]);
  });

  it('reads V̂ and Ŝ from the rows (proxy) and ‖ĝ − ∇L‖/‖∇L‖ squared (exact)', () => {
    const rows: Partial<MetricRow>[] = [
      { lane: 0, step: 1, trainLoss: 1, varNoise: 22, varSignal: 2 },
      { lane: 0, step: 2, trainLoss: 1, varNoise: 11, varSignal: 1, gradCos: 0.3, gradRelErr: 3 },
      { lane: 0, step: 3, trainLoss: 1 }, // a lane whose estimator reports nothing on this step
      { lane: 0, step: 4, trainLoss: 1, varNoise: 0, varSignal: 1, gradCos: 0.9, gradRelErr: 1 },
    ];
    const run = new RunSeries();
    run.append(encodeRows(rows), rows.length);
    const s = run.lanes[0];
    const proxy = proxyCurve(s, 50);
    expect(Array.from(proxy.rows).slice(0, s.varRow.length)).toEqual([0, 1, 3]);
    expect(Array.from(proxy.y)).toEqual([11, 11, 33 / 4]);
    const exact = exactCurve(s, 50);
    expect(Array.from(exact.rows).slice(0, s.diagRow.length)).toEqual([1, 3]);
    expect(Array.from(exact.y)).toEqual([9, 5]);
  });
});
