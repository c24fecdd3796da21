import { describe, expect, it } from 'vitest';
import { COLUMN, METRIC_COLUMNS, NUM_METRIC_COLUMNS, decodeRow, decodeRows, encodeRows } from '../../../src/core/run/metrics';
import { latestOf, recordRows } from '../../../src/core/run/record';

describe('metric rows', () => {
  it('column indices follow the names', () => {
    expect(NUM_METRIC_COLUMNS).toBe(METRIC_COLUMNS.length);
    METRIC_COLUMNS.forEach((name, i) => expect(COLUMN[name]).toBe(i));
  });

  it('a row written by name reads back by name; unset columns are NaN', () => {
    const rows = encodeRows([
      { lane: 1, step: 7, forwardPasses: 14, wallMs: 2.5, trainLoss: 0.25 },
      { lane: 0, step: 8, forwardPasses: 24, wallMs: 3, trainLoss: 0.5, evalLoss: 0.4, evalMetric: 0.9, gradCos: 0.1, gradRelErr: 3, varNoise: 42, varSignal: 2 },
    ]);
    expect(rows).toHaveLength(2 * NUM_METRIC_COLUMNS);
    const first = decodeRow(rows, 0);
    expect(first).toMatchObject({ lane: 1, step: 7, forwardPasses: 14, wallMs: 2.5, trainLoss: 0.25 });
    expect(Number.isNaN(first.evalLoss) && Number.isNaN(first.gradCos)).toBe(true);
    expect(decodeRows(rows, 2)[1]).toEqual({ lane: 0, step: 8, forwardPasses: 24, wallMs: 3, trainLoss: 0.5, evalLoss: 0.4, evalMetric: 0.9, gradCos: 0.1, gradRelErr: 3, varNoise: 42, varSignal: 2 });
    expect(rows[NUM_METRIC_COLUMNS + COLUMN.evalMetric]).toBe(0.9);
  });

  it('rows recorded per lane: dense train columns, sparse evaluations, the latest of each', () => {
    const rows = decodeRows(
      encodeRows([
        { lane: 0, step: 1, forwardPasses: 2, wallMs: 1, trainLoss: 0.9 },
        { lane: 0, step: 2, forwardPasses: 4, wallMs: 2, trainLoss: 0.8, evalLoss: 0.7, evalMetric: 0.5 },
        { lane: 0, step: 3, forwardPasses: 6, wallMs: 3, trainLoss: 0.6 },
      ]),
      3,
    );
    const [lane0, lane1] = recordRows(rows, 2);
    expect(Array.from(lane0.step)).toEqual([1, 2, 3]);
    expect(Array.from(lane0.evalRow)).toEqual([1]);
    expect(latestOf(lane0)).toEqual({ step: 3, forwardPasses: 6, wallMs: 3, trainLoss: 0.6, evalLoss: 0.7, evalMetric: 0.5 });
    expect(latestOf(lane1)).toBeNull();
  });
});
