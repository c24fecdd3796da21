import { describe, expect, it } from 'vitest';
import { encodeRows } from '../../src/core/run/metrics';
import { CSV_HEADER, parseCsv, parseKeyedCsv, toCsv, toKeyedCsv } from '../../src/export/csv';
import { RunSeries } from '../../src/ui/charts/series';

function sampleRun(): RunSeries {
  const run = new RunSeries();
  const rows = encodeRows([
    { lane: 0, step: 1, forwardPasses: 2, wallMs: 0.5, trainLoss: 0.75 },
    { lane: 1, step: 1, forwardPasses: 3, wallMs: 0.9, trainLoss: 0.7 },
    { lane: 0, step: 2, forwardPasses: 4, wallMs: 1.0, trainLoss: 0.625, evalLoss: 0.6, evalMetric: 0.55 },
    { lane: 1, step: 2, forwardPasses: 6, wallMs: 1.8, trainLoss: NaN },
  ]);
  run.append(rows, 4);
  return run;
}

describe('CSV export', () => {
  it('rows from the recorded series parse back with the same values', () => {
    const rows = sampleRun().csvRows((lane) => ['zo-sgd', 'adam'][lane]);
    const back = parseCsv(toCsv(rows));
    expect(back.map((r) => [r.lane, r.step, r.forwardPasses])).toEqual([
      [0, 1, 2],
      [1, 1, 3],
      [0, 2, 4],
      [1, 2, 6],
    ]);
    expect(back[2].evalLoss).toBeCloseTo(0.6, 6);
    expect(back[2].evalMetric).toBeCloseTo(0.55, 6);
    expect(Number.isNaN(back[0].evalLoss)).toBe(true);
    expect(Number.isNaN(back[0].evalMetric)).toBe(true);
  });

  it('the task metric is the last column, empty on steps without evaluation', () => {
    const text = toCsv(sampleRun().csvRows((lane) => ['zo-sgd', 'adam'][lane]));
    const [header, ...lines] = text.trim().split('\n');
    expect(header.split(',').at(-1)).toBe('eval_metric');
    expect(header.split(',').slice(0, -1).join(',')).toBe('lane,optimizer,step,forward_passes,wall_ms,train_loss,eval_loss');
    const cells = lines.map((l) => l.split(','));
    expect(cells.every((c) => c.length === 8)).toBe(true);
    expect(cells.map((c) => c.at(-1) !== '')).toEqual([false, false, true, false]);
    expect(Number(cells[2][7])).toBe(Math.fround(0.55));
  });

  it('several runs in one file: a leading column names each run, whose rows are its own CSV’s', () => {
    const rows = sampleRun().csvRows((lane) => ['zo-sgd', 'adam'][lane]);
    const text = toKeyedCsv('cell', [
      { key: 0, rows },
      { key: 1, rows: rows.filter((r) => r.lane === 0) },
    ]);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(`cell,${CSV_HEADER}`);
    expect(lines).toHaveLength(1 + 4 + 2);
    expect(lines.slice(1, 5).map((l) => l.slice(2))).toEqual(toCsv(rows).trim().split('\n').slice(1));
    const runs = parseKeyedCsv(text, 'cell');
    expect(runs.map((r) => [r.key, r.rows.length])).toEqual([
      [0, 4],
      [1, 2],
    ]);
    expect(() => parseKeyedCsv(text, 'seed')).toThrow(/leading 'seed' column/);
  });
});
