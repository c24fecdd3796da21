import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/core/codec';
import { RunConfigSchema, defaultConfig } from '../../src/core/config';
import { parseCsv, toCsv } from '../../src/core/csv';
import { RUN_JSON_FORMAT, buildRunJson, type RunJson } from '../../src/ui/exporters';
import { RunSeries } from '../../src/ui/series';

function sampleRun(): RunSeries {
  const run = new RunSeries();
  const rows = [
    [0, 1, 2, 0.5, 0.75, NaN, NaN],
    [1, 1, 3, 0.9, 0.7, NaN, NaN],
    [0, 2, 4, 1.0, 0.625, 0.6, 0.55],
    [1, 2, 6, 1.8, NaN, NaN, NaN],
  ];
  run.append(new Float64Array(rows.flat()), rows.length, 7);
  return run;
}

describe('JSON export', () => {
  const config = { ...defaultConfig(), schedule: [{ step: 2, lane: 0, name: 'lr', value: 0.01 }] };
  const json = JSON.parse(
    JSON.stringify(buildRunJson(config, sampleRun(), [{ lane: 1, status: 'diverged', divergedAt: 2, divergedValue: NaN }], 'webgpu')),
  ) as RunJson;

  it('carries a config that validates against RunConfigSchema and equals the run’s', () => {
    expect(json.format).toBe(RUN_JSON_FORMAT);
    const parsed = RunConfigSchema.safeParse(json.config);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(config);
    expect(decodeConfig(json.link).config).toEqual(config);
  });

  it('holds every metric per lane, with null (never NaN) where a value is missing', () => {
    expect(json.lanes[0]).toMatchObject({
      lane: 0,
      optimizer: 'zo-sgd',
      step: [1, 2],
      forwardPasses: [2, 4],
      trainLoss: [0.75, 0.625],
      eval: { step: [2], loss: [Math.fround(0.6)], metric: [Math.fround(0.55)] },
    });
    expect(json.lanes[1]).toMatchObject({ status: 'diverged', divergedAt: 2, trainLoss: [Math.fround(0.7), null] });
  });
});

describe('JSON export with several seeds', () => {
  it('holds each extra seed as a full set of lanes, in seed order', () => {
    const config = defaultConfig();
    const replica = { seed: config.seed + 1, done: true, series: sampleRun(), statuses: [] };
    const json = JSON.parse(JSON.stringify(buildRunJson(config, new RunSeries(), [], 'cpu', [replica]))) as RunJson;
    expect(json.lanes[0].trainLoss).toEqual([]);
    expect(json.replicas).toHaveLength(1);
    expect(json.replicas[0]).toMatchObject({ seed: config.seed + 1, done: true });
    expect(json.replicas[0].lanes.map((l) => l.trainLoss)).toEqual([
      [0.75, 0.625],
      [Math.fround(0.7), null],
    ]);
  });
});

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
    expect(Number.isNaN(back[0].evalLoss)).toBe(true);
  });
});
