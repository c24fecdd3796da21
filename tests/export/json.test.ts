import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/core/run/codec';
import { defaultConfig } from '../../src/core/run/config';
import { encodeRows, type MetricRow } from '../../src/core/run/metrics';
import { recordRows } from '../../src/core/run/record';
import { RUN_JSON_FORMAT, buildRunJson, configFromJson, configToJson, type RunJson } from '../../src/export/json';
import { RunSeries } from '../../src/ui/charts/series';

const SAMPLE_ROWS: Partial<MetricRow>[] = [
  { lane: 0, step: 1, forwardPasses: 2, wallMs: 0.5, trainLoss: 0.75 },
  { lane: 1, step: 1, forwardPasses: 3, wallMs: 0.9, trainLoss: 0.7 },
  { lane: 0, step: 2, forwardPasses: 4, wallMs: 1.0, trainLoss: 0.625, evalLoss: 0.6, evalMetric: 0.55 },
  { lane: 1, step: 2, forwardPasses: 6, wallMs: 1.8, trainLoss: NaN },
];

/** The sample as the browser records it (float32 losses). */
function sampleRun(): RunSeries {
  const run = new RunSeries();
  run.append(encodeRows(SAMPLE_ROWS), SAMPLE_ROWS.length);
  return run;
}

describe('JSON export', () => {
  const config = { ...defaultConfig(), schedule: [{ step: 2, lane: 0, name: 'lr', value: 0.01 }] };
  const json = JSON.parse(
    JSON.stringify(buildRunJson(config, sampleRun().records(), [{ lane: 1, status: 'diverged', divergedAt: 2, divergedValue: NaN }], 'webgpu')),
  ) as RunJson;

  it('carries a config that reads back (configFromJson) to the run’s, and the run’s link', () => {
    expect(json.format).toBe(RUN_JSON_FORMAT);
    expect(configFromJson(json.config)).toEqual(config);
    expect(decodeConfig(json.link).config).toEqual(config);
  });

  it('writes categorical hyperparameters by name, as links do', () => {
    expect(json.config.lanes[0].hyper).toMatchObject({ lr: 0.015, dist: 'gaussian', mode: 'central' });
    const { config: es } = decodeConfig('#task=rosenbrock&lane=openai-es:rule=sgd&at=5:0:rule=adam&lane=zo-sgd:dist=rademacher,mode=one-sided');
    const written = configToJson(es);
    expect(written.lanes[0].hyper.rule).toBe('sgd');
    expect(written.schedule).toEqual([{ step: 5, lane: 0, name: 'rule', value: 'adam' }]);
    expect(written.lanes[1].hyper).toMatchObject({ dist: 'rademacher', mode: 'one-sided' });
    expect(configFromJson(JSON.parse(JSON.stringify(written)))).toEqual(es);
  });

  it('refuses a config it cannot read, naming what is wrong', () => {
    const written = configToJson(defaultConfig());
    expect(() => configFromJson({ ...written, lanes: [{ ...written.lanes[0], hyper: { dist: 'cauchy' } }] })).toThrow(/dist 'cauchy' is not one of gaussian/);
    expect(() => configFromJson({ ...written, steps: -1 })).toThrow(/Invalid run config/);
    expect(() => configFromJson(null)).toThrow(/Invalid run config/);
  });

  it('names the task’s metric, whose values are each lane’s eval.metric', () => {
    expect(json.metric).toEqual({ name: 'accuracy', higherIsBetter: true });
    const lm = buildRunJson(decodeConfig('#task=gpt-names').config, [], [], 'cpu');
    expect(lm.metric).toEqual({ name: 'perplexity', higherIsBetter: false });
    expect(buildRunJson(decodeConfig('#task=quadratic').config, [], [], 'cpu').metric).toBeNull();
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

  it('is the same from the browser’s series and from the CLI’s rows (float32 losses)', () => {
    const rows = SAMPLE_ROWS.map((r) => ({ gradCos: NaN, gradRelErr: NaN, evalLoss: NaN, evalMetric: NaN, ...r }) as MetricRow);
    const asFloat32 = rows.map((r) => ({ ...r, trainLoss: Math.fround(r.trainLoss), evalLoss: Math.fround(r.evalLoss), evalMetric: Math.fround(r.evalMetric) }));
    const fromRows = buildRunJson(config, recordRows(asFloat32, 2), [], 'cpu');
    expect(fromRows).toEqual(buildRunJson(config, sampleRun().records(), [], 'cpu'));
  });
});

describe('JSON export with several seeds', () => {
  it('holds each extra seed as a full set of lanes, in seed order', () => {
    const config = defaultConfig();
    const replica = { seed: config.seed + 1, done: true, lanes: sampleRun().records(), statuses: [] };
    const json = JSON.parse(JSON.stringify(buildRunJson(config, new RunSeries().records(), [], 'cpu', [replica]))) as RunJson;
    expect(json.lanes[0].trainLoss).toEqual([]);
    expect(json.replicas).toHaveLength(1);
    expect(json.replicas[0]).toMatchObject({ seed: config.seed + 1, done: true });
    expect(json.replicas[0].lanes.map((l) => l.trainLoss)).toEqual([
      [0.75, 0.625],
      [Math.fround(0.7), null],
    ]);
  });
});
