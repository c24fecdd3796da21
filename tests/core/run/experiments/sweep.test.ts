import { beforeAll, describe, expect, it } from 'vitest';
import { optimizerSpec } from '../../../../src/core/optimizers/specs';
import { decodeConfig } from '../../../../src/core/run/codec';
import { RunConfigSchema, defaultConfig } from '../../../../src/core/run/config';
import { axisLabel, axisValues, cellOutcome, columnChoices, defaultSweep, effectiveSweep, sweepCells } from '../../../../src/core/run/experiments';
import { decodeRow } from '../../../../src/core/run/metrics';
import { Runner } from '../../../../src/core/run/runner';
import { useCpu } from '../../../helpers/optimizers';

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

  it('a cell shows its final eval loss (else its train loss), or where it diverged, or that it failed', () => {
    const latest = { step: 2, forwardPasses: 4, wallMs: 2, trainLoss: 0.8, evalLoss: 0.7, evalMetric: NaN };
    expect(cellOutcome({ lane: 0, status: 'done' }, latest)).toEqual({ status: 'done', finalLoss: 0.7 });
    expect(cellOutcome({ lane: 0, status: 'done' }, { ...latest, evalLoss: NaN })).toEqual({ status: 'done', finalLoss: 0.8 });
    expect(cellOutcome({ lane: 0, status: 'diverged', divergedAt: 2 }, latest)).toMatchObject({ status: 'diverged', divergedAt: 2 });
    expect(cellOutcome({ lane: 0, status: 'failed' }, null)).toMatchObject({ status: 'failed' });
  });
});

describe('sweeping a task setting', () => {
  beforeAll(useCpu);
  const { config } = decodeConfig('#task=quadratic&t.d=100&t.kappa=10&seed=3&steps=300&eval=50&lane=zo-sgd:lr=0.001,eps=0.001,q=1&lane=sgd:lr=0.1');
  const sweep = {
    laneIdx: 0,
    rows: { name: 'lr', from: 0.0001, to: 0.01, count: 2 },
    cols: { name: 't.d', from: 10, to: 1000, count: 2 },
    steps: 150,
  };

  it('offers the task’s numeric settings as a second axis, labelled as such', () => {
    expect(columnChoices(config, sweep)).toEqual(expect.arrayContaining(['eps', 'q', 't.d', 't.kappa']));
    expect(columnChoices(config, sweep)).not.toContain('lr');
    expect(axisLabel('t.d')).toBe('task d');
    expect(effectiveSweep(config, sweep)).toBe(sweep);
    expect(effectiveSweep({ ...config, task: { id: 'spiral', settings: {} } }, sweep)?.cols?.name).not.toBe('t.d');
  });

  it('each cell changes the task’s setting, not the optimizer’s', () => {
    const cells = sweepCells(config, sweep);
    expect(cells.map((c) => [c.config.lanes[0].hyper.lr, c.config.task.settings.d])).toEqual([
      [0.0001, 10],
      [0.0001, 1000],
      [0.01, 10],
      [0.01, 1000],
    ]);
    for (const c of cells) {
      expect(RunConfigSchema.safeParse(c.config).success).toBe(true);
      expect(c.config.lanes[0].hyper).not.toHaveProperty('t.d');
      expect(c.config.task.settings.kappa).toBe(10);
    }
  });

  /**
   * A Gaussian two-point estimate has E‖ĝ‖² = (d + 2)‖∇L‖², so ZO-SGD's stable step shrinks like
   * 1/(L(d+2)) (src/core/optimizers/README.md): lr = 0.01 is stable at d = 10 and not at d = 1,000.
   */
  it('lr × d shows the curse of dimension: the stable learning rate shrinks as d grows', async () => {
    const outcome: Record<string, string> = {};
    for (const c of sweepCells(config, sweep)) {
      const runner = new Runner(c.config);
      const first = decodeRow((await runner.runChunk(1)).rows, 0).trainLoss;
      let last = first;
      while (!runner.done) {
        const chunk = await runner.runChunk(50);
        if (chunk.numRows > 0) last = decodeRow(chunk.rows, chunk.numRows - 1).trainLoss;
      }
      const state = runner.laneState(0);
      outcome[`${c.rowValue}×${c.colValue}`] = state.status === 'diverged' ? 'diverged' : last < first ? 'falls' : 'stalls';
      runner.dispose();
    }
    expect(outcome).toEqual({ '0.0001×10': 'falls', '0.0001×1000': 'falls', '0.01×10': 'falls', '0.01×1000': 'diverged' });
  });
});
