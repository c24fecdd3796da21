import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type RunConfig } from '../../../src/core/run/config';
import { decodeRows, type MetricRow } from '../../../src/core/run/metrics';
import { Runner } from '../../../src/core/run/runner';
import { meanAndSe, useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);

async function runAll(config: RunConfig, chunk = 7, onStep?: (r: Runner) => void): Promise<MetricRow[]> {
  const runner = new Runner(config);
  const rows: MetricRow[] = [];
  while (!runner.done) {
    onStep?.(runner);
    const c = await runner.runChunk(chunk);
    rows.push(...decodeRows(c.rows, c.numRows));
  }
  runner.dispose();
  return rows;
}

/** Every column but wall time. */
const withoutWall = (rows: MetricRow[]) => rows.map((r) => [r.lane, r.step, r.forwardPasses, r.trainLoss, r.evalLoss, r.evalMetric]);

function small(): RunConfig {
  return { ...defaultConfig(), steps: 60, evalEvery: 20 };
}

describe('Runner', () => {
  it('starts every lane from identical weights', () => {
    const config = small();
    config.lanes = [config.lanes[0], config.lanes[1], config.lanes[0]];
    const runner = new Runner(config);
    const first = runner.laneParams(0).map((v) => Array.from(v.dataSync()));
    for (let lane = 1; lane < 3; lane++) expect(runner.laneParams(lane).map((v) => Array.from(v.dataSync()))).toEqual(first);
    runner.dispose();
  });

  it('is deterministic: the same config gives the same rows, whatever the chunking', async () => {
    const a = await runAll(small(), 7);
    const b = await runAll(small(), 3);
    expect(a).toHaveLength(120);
    expect(withoutWall(a)).toEqual(withoutWall(b));
  });

  it('records step, cumulative forward passes (backprop = 3), and eval every k steps', async () => {
    const rows = await runAll(small());
    const zo = rows.filter((r) => r.lane === 0);
    const adam = rows.filter((r) => r.lane === 1);
    expect(zo.map((r) => r.step)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(zo[59].forwardPasses).toBe(120); // 2 forward passes per ZO-SGD step (q = 1)
    expect(adam[59].forwardPasses).toBe(180); // 3 per backprop step
    const evalSteps = zo.filter((r) => !Number.isNaN(r.evalLoss)).map((r) => r.step);
    expect(evalSteps).toEqual([20, 40, 60]);
    // The metric (spiral: accuracy, a fraction) comes with every evaluation and only then.
    const metrics = zo.filter((r) => !Number.isNaN(r.evalMetric));
    expect(metrics.map((r) => r.step)).toEqual([20, 40, 60]);
    for (const r of metrics) {
      expect(r.evalMetric).toBeGreaterThanOrEqual(0);
      expect(r.evalMetric).toBeLessThanOrEqual(1);
    }
  });

  it('two identical lanes produce identical curves (same weights, same batches, same directions)', async () => {
    const config = small();
    config.lanes = [config.lanes[0], config.lanes[0]];
    const rows = await runAll(config);
    const lane = (k: number) => rows.filter((r) => r.lane === k).map((r) => [r.step, r.trainLoss, r.evalLoss]);
    expect(lane(1)).toEqual(lane(0));
  });

  it('a live setHyper is recorded in the schedule, and replaying the schedule repeats the run exactly', async () => {
    const live = small();
    let changed = false;
    let recorded: RunConfig | null = null;
    const liveRows = await runAll(live, 5, (r) => {
      if (!changed && r.step >= 25) {
        r.setHyper(0, 'lr', 0.005);
        r.setHyper(1, 'lr', 0.1);
        changed = true;
        recorded = structuredClone(r.config);
      }
    });
    expect(recorded!.schedule).toEqual([
      { step: 26, lane: 0, name: 'lr', value: 0.005 },
      { step: 26, lane: 1, name: 'lr', value: 0.1 },
    ]);
    const replayRows = await runAll(recorded!, 7);
    expect(withoutWall(replayRows)).toEqual(withoutWall(liveRows));
    const plainRows = await runAll(small(), 7);
    expect(withoutWall(plainRows)).not.toEqual(withoutWall(liveRows));
  });

  it('marks a diverging lane and lets the others go on', async () => {
    const config: RunConfig = {
      ...defaultConfig(),
      task: { id: 'quadratic', settings: { d: 20, kappa: 10 } },
      lanes: [
        { optimizer: 'sgd', hyper: { lr: 0.5 } }, // 0.5·10 > 2: unstable on the stiffest direction
        { optimizer: 'sgd', hyper: { lr: 0.05 } },
      ],
      steps: 200,
      evalEvery: 10,
    };
    const runner = new Runner(config);
    const rows: MetricRow[] = [];
    while (!runner.done) {
      const c = await runner.runChunk(5);
      rows.push(...decodeRows(c.rows, c.numRows));
    }
    const s0 = runner.laneState(0);
    expect(s0.status).toBe('diverged');
    expect(s0.divergedAt).toBeGreaterThan(1);
    expect(rows.filter((r) => r.lane === 0).at(-1)!.step).toBe(s0.divergedAt);
    expect(runner.laneState(1).status).toBe('done');
    expect(rows.filter((r) => r.lane === 1)).toHaveLength(200);
    runner.dispose();
  });

  it('holds a flat tensor count while running and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const runner = new Runner({ ...small(), steps: 400 });
    await runner.runChunk(5);
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 40; i++) await runner.runChunk(5);
    expect(tf.memory().numTensors).toBe(warm);
    runner.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Runner: gradient diagnostics and failures', () => {
  const quad = (lanes: RunConfig['lanes'], steps = 300): RunConfig => ({
    ...defaultConfig(),
    task: { id: 'quadratic', settings: { d: 20, kappa: 4 } },
    lanes,
    steps,
    evalEvery: 50,
  });

  it('backprop ĝ is the gradient: cos = 1, relative error 0', async () => {
    const rows = await runAll(quad([{ optimizer: 'sgd', hyper: { lr: 0.05 }, diagnostics: true }], 20));
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      expect(r.gradCos).toBeCloseTo(1, 5);
      expect(r.gradRelErr).toBeLessThan(1e-5);
    }
  });

  it('ZO-SGD: E‖ĝ − ∇L‖²/‖∇L‖² = d + 1 (Gaussian, q = 1), E cos > 0; diagnostics change nothing else', async () => {
    const lane = { optimizer: 'zo-sgd' as const, hyper: { lr: 0.001, eps: 1e-3, q: 1 } };
    const withDiag = await runAll(quad([{ ...lane, diagnostics: true }], 2000));
    const without = await runAll(quad([lane], 2000));
    const relErr2 = withDiag.map((r) => r.gradRelErr * r.gradRelErr);
    const { mean, se } = meanAndSe(relErr2);
    expect(Math.abs(mean - 21)).toBeLessThan(3 * se);
    expect(meanAndSe(withDiag.map((r) => r.gradCos)).mean).toBeGreaterThan(0.1);
    // Same trajectory and accounting: diagnostics are not counted and do not perturb the run.
    const core = (rows: MetricRow[]) => rows.map((r) => [r.step, r.forwardPasses, r.trainLoss, r.evalLoss]);
    expect(core(withDiag)).toEqual(core(without));
    expect(without.every((r) => Number.isNaN(r.gradCos) && Number.isNaN(r.gradRelErr))).toBe(true);
  });

  it('every step reports its estimator’s variance: ZO-SGD V̂/Ŝ = d + 1, MeZO-SVRG below it, backprop none', async () => {
    const rows = await runAll(
      quad(
        [
          { optimizer: 'zo-sgd', hyper: { lr: 0.001, eps: 1e-3, q: 1 } },
          { optimizer: 'mezo-svrg', hyper: { lr: 0.001, lrSnap: 0.001, eps: 1e-3, period: 10, qSnap: 8 } },
          { optimizer: 'adam', hyper: { lr: 0.01 } },
        ],
        200,
      ),
    );
    const lane = (i: number) => rows.filter((r) => r.lane === i);
    const relVar = (rs: MetricRow[]) => rs.reduce((a, r) => a + r.varNoise, 0) / rs.reduce((a, r) => a + r.varSignal, 0);
    for (const r of lane(0)) expect(r.varNoise / r.varSignal).toBeCloseTo(21, 3);
    expect(lane(1).every((r) => Number.isFinite(r.varNoise) && r.varSignal >= 0)).toBe(true);
    expect(relVar(lane(1))).toBeLessThan(relVar(lane(0)) / 2);
    expect(lane(2).every((r) => Number.isNaN(r.varNoise) && Number.isNaN(r.varSignal))).toBe(true);
  });

  it('strategies are compared through their update direction: cosine only', async () => {
    const rows = await runAll(quad([{ optimizer: 'snes', hyper: {}, diagnostics: true }], 30));
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => Number.isFinite(r.gradCos) && Math.abs(r.gradCos) <= 1 + 1e-6)).toBe(true);
    expect(rows.every((r) => Number.isNaN(r.gradRelErr))).toBe(true);
  });

  it('a lane whose optimizer refuses the task fails with its message; the others go on', async () => {
    const config: RunConfig = {
      ...defaultConfig(),
      task: { id: 'quadratic', settings: { d: 5000, kappa: 2 } },
      lanes: [
        { optimizer: 'cma-es', hyper: {} },
        { optimizer: 'sgd', hyper: { lr: 0.1 } },
      ],
      steps: 10,
      evalEvery: 5,
    };
    const runner = new Runner(config);
    const rows: MetricRow[] = [];
    while (!runner.done) {
      const c = await runner.runChunk(5);
      rows.push(...decodeRows(c.rows, c.numRows));
    }
    expect(runner.laneState(0).status).toBe('failed');
    expect(runner.laneState(0).message).toMatch(/limited to \d+ parameters/);
    expect(rows.filter((r) => r.lane === 1)).toHaveLength(10);
    expect(rows.filter((r) => r.lane === 0)).toHaveLength(0);
    runner.dispose();
  });

});

describe('Runner: memory per lane', () => {
  it('reports weights, persistent optimizer state (Adam 2×d, ZO-SGD none) and a step peak', async () => {
    const config: RunConfig = {
      ...defaultConfig(),
      task: { id: 'quadratic', settings: { d: 1000, kappa: 4 } },
      lanes: [
        { optimizer: 'zo-sgd', hyper: { lr: 1e-4, eps: 1e-3, q: 1 } },
        { optimizer: 'adam', hyper: { lr: 0.01, beta1: 0.9, beta2: 0.999 } },
      ],
      steps: 20,
      evalEvery: 10,
    };
    const runner = new Runner(config);
    await runner.measurePeaks();
    while (!runner.done) await runner.runChunk(5);
    const [zo, adam] = [runner.laneMemory(0), runner.laneMemory(1)];
    expect(zo.weightBytes).toBe(4000);
    expect(adam.weightBytes).toBe(4000);
    expect(zo.stateBytes).toBe(0); // MeZO: z regenerated, nothing kept
    expect(adam.stateBytes).toBe(8000); // first and second moments
    // A ZO step holds one perturbed copy of a weight tensor at a time; backprop holds gradients too.
    expect(zo.peakStepBytes).toBeGreaterThanOrEqual(4000);
    expect(zo.peakStepBytes).toBeLessThan(4 * 4000);
    expect(adam.peakStepBytes).toBeGreaterThan(zo.peakStepBytes);
    runner.dispose();
  });
});
