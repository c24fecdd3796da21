import { describe, expect, it } from 'vitest';
import { RunConfigSchema, defaultConfig } from '../../src/core/config';
import { RunSeries } from '../../src/ui/series';
import { axisValues, cellOutcome, defaultSweep, effectiveSweep, sweepCells } from '../../src/ui/sweep';
import { optimizerSpec } from '../../src/core/catalog/optimizers';

describe('sweep grid', () => {
  const lrSpec = optimizerSpec('zo-sgd')!.hypers.find((h) => h.name === 'lr')!;
  const qSpec = optimizerSpec('zo-sgd')!.hypers.find((h) => h.name === 'q')!;

  it('log-spaces log hyperparameters and rounds to three significant digits', () => {
    expect(axisValues(lrSpec, { name: 'lr', from: 0.001, to: 0.1, count: 3 })).toEqual([0.001, 0.01, 0.1]);
    expect(axisValues(lrSpec, { name: 'lr', from: 0.001, to: 0.01, count: 2 })).toEqual([0.001, 0.01]);
  });

  it('keeps integer hyperparameters whole, in range, without duplicates', () => {
    expect(axisValues(qSpec, { name: 'q', from: 1, to: 4, count: 8 })).toEqual([1, 2, 3, 4]);
    expect(axisValues(qSpec, { name: 'q', from: 0, to: 1000, count: 2 })).toEqual([1, 64]);
  });

  it('each cell is an ordinary one-lane RunConfig with the cell’s values and the sweep’s steps', () => {
    const config = { ...defaultConfig(), schedule: [{ step: 5, lane: 0, name: 'lr', value: 0.5 }] };
    const sweep = defaultSweep(config, 0, 50)!;
    expect(sweep.rows.name).toBe('lr');
    expect(sweep.cols?.name).toBe('eps');
    const cells = sweepCells(config, { ...sweep, rows: { ...sweep.rows, count: 2 }, cols: { ...sweep.cols!, count: 2 } });
    expect(cells).toHaveLength(4);
    for (const c of cells) {
      expect(RunConfigSchema.safeParse(c.config).success).toBe(true);
      expect(c.config.lanes).toHaveLength(1);
      expect(c.config.lanes[0].optimizer).toBe('zo-sgd');
      expect(c.config.lanes[0].hyper.lr).toBe(c.rowValue);
      expect(c.config.lanes[0].hyper.eps).toBe(c.colValue);
      expect(c.config.steps).toBe(50);
      expect(c.config.schedule).toEqual([]);
      expect(c.config.seed).toBe(config.seed);
    }
    expect(cells.map((c) => [c.row, c.col])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it('a stored sweep that no longer fits the lanes falls back to a default on a zeroth-order lane', () => {
    const config = defaultConfig();
    const stale = { laneIdx: 1, rows: { name: 'lr', from: 1, to: 2, count: 2 }, cols: { name: 'eps', from: 1, to: 2, count: 2 }, steps: 10 };
    expect(effectiveSweep(config, stale)?.cols?.name).not.toBe('eps'); // lane 1 is Adam: no eps
    expect(effectiveSweep(config, null)?.laneIdx).toBe(0);
  });

  it('a cell shows its final eval loss, or where it diverged', () => {
    const run = new RunSeries();
    run.append(new Float64Array([0, 1, 2, 1, 0.9, NaN, NaN, 0, 2, 4, 2, 0.8, 0.7, NaN]), 2, 7);
    expect(cellOutcome(run, [{ lane: 0, status: 'done' }])).toEqual({ status: 'done', finalLoss: run.latest(0)!.evalLoss });
    expect(cellOutcome(run, [{ lane: 0, status: 'diverged', divergedAt: 2 }])).toMatchObject({ status: 'diverged', divergedAt: 2 });
  });
});
