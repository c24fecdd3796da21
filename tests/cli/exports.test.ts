import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/core/run/codec';
import { encodeRows } from '../../src/core/run/metrics';
import { parseCsv } from '../../src/export/csv';
import { buildRunJson, configFromJson, type RunJson } from '../../src/export/json';
import { pytorchScript, scriptAssets } from '../../src/export/pytorch/script';
import { RunSeries } from '../../src/ui/charts/series';
import { python } from '../helpers/python';
import { zo } from './zo';

/** The CLI writes the browser's three exports: CSV, the run JSON and the PyTorch script. */
const dir = mkdtempSync(join(tmpdir(), 'zo-cli-exports-'));
const TIMEOUT = { timeout: 180_000 };

/** Every key path of a JSON value (array items by their first element), for comparing structure. */
function shape(x: unknown): string[] {
  if (Array.isArray(x)) return x.length > 0 ? shape(x[0]).map((k) => `[]${k}`) : ['[]'];
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => shape(v).map((s) => `.${k}${s}`)).sort();
  return [''];
}

describe('zo --json', () => {
  it('writes the browser’s run JSON: its config reads back, its metrics are the CSV’s', TIMEOUT, async () => {
    const link = '#task=moons&seed=4&steps=20&eval=10&backend=cpu&lane=zo-sgd:dist=rademacher&lane=adam';
    const [json, csv] = [join(dir, 'run.json'), join(dir, 'run.csv')];
    const run = await zo([link, '--json', json, '--csv', csv]);
    expect(run.code, run.stderr).toBe(0);
    const written = JSON.parse(readFileSync(json, 'utf8')) as RunJson;
    const { config } = decodeConfig(link);
    expect(written.config.lanes[0].hyper.dist).toBe('rademacher');
    expect(configFromJson(written.config)).toEqual(config);
    expect(decodeConfig(written.link).config).toEqual(config);
    expect(written.backend).toBe('cpu');
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    written.lanes.forEach((lane, i) => {
      const own = rows.filter((r) => r.lane === i);
      expect(lane.status).toBe('done');
      expect(lane.step).toEqual(own.map((r) => r.step));
      expect(lane.trainLoss).toEqual(own.map((r) => r.trainLoss));
      expect(lane.eval.step).toEqual([10, 20]);
      expect(lane.eval.loss).toEqual(own.filter((r) => !Number.isNaN(r.evalLoss)).map((r) => r.evalLoss));
      expect(lane.eval.metric.every((m) => m !== null && m >= 0 && m <= 1)).toBe(true);
    });
    // The same structure as the browser's file for the same config.
    const series = new RunSeries();
    series.append(encodeRows(rows.map((r) => ({ ...r, evalMetric: Number.isNaN(r.evalLoss) ? NaN : 0.5 }))), rows.length);
    const browser = buildRunJson(config, series.records(), [0, 1].map((lane) => ({ lane, status: 'done' })), 'webgpu');
    expect(shape(written)).toEqual(shape(JSON.parse(JSON.stringify(browser))));
  });

  it('with --seeds, the extra seeds are the JSON’s replicas', TIMEOUT, async () => {
    const json = join(dir, 'seeds.json');
    const run = await zo(['#task=rosenbrock&seed=9&steps=10&eval=5&lane=zo-sgd', '--seeds', '3', '--json', json]);
    expect(run.code, run.stderr).toBe(0);
    const written = JSON.parse(readFileSync(json, 'utf8')) as RunJson;
    expect(written.config.seed).toBe(9);
    expect(written.replicas.map((r) => [r.seed, r.done, r.lanes[0].step.length])).toEqual([
      [10, true, 10],
      [11, true, 10],
    ]);
  });
});

describe('zo --pytorch', () => {
  it.each([
    ['a task without data files', '#task=quadratic&t.d=20&seed=2&lane=adam&lane=zo-sgd:lr=0.001,q=2', 1],
    ['digits-mlp, which embeds its digits', '#task=digits-mlp&t.train=100&seed=1&lane=zo-sgd', 0],
  ])('writes the browser’s script for the lane, which python3 compiles: %s', TIMEOUT, async (_name, link, lane) => {
    if (!python) throw new Error('python3 is required to check the exported script (it is installed on the CI image)');
    const file = join(dir, `lane-${lane}.py`);
    const run = await zo([link, '--steps', '1', '--pytorch', String(lane), file]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    const { config } = decodeConfig(link);
    const assets = Object.fromEntries(scriptAssets(config.task.id).map((name) => [name, new Uint8Array(readFileSync(join('public', 'data', name)))]));
    const expected = pytorchScript({ ...config, steps: 1 }, lane, assets);
    expect(expected.ok).toBe(true);
    expect(text).toBe(expected.ok ? expected.text : '');
    execFileSync(python, ['-m', 'py_compile', file], { stdio: 'pipe' });
  });

  it('refuses a lane the run does not have', TIMEOUT, async () => {
    const run = await zo(['#task=quadratic&lane=zo-sgd', '--steps', '1', '--pytorch', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/'2' is not a lane of this run \(0 … 0\)/);
  });
});
