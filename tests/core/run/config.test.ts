import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeConfig } from '../../../src/core/run/codec';
import { RunConfigSchema, defaultConfig, parseRunConfig } from '../../../src/core/run/config';
import { Runner } from '../../../src/core/run/runner';
import { useCpu } from '../../helpers/optimizers';

describe('a RunConfig is validated where it enters', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parseRunConfig returns a valid config typed, and names the first problem of an invalid one', () => {
    const config = defaultConfig();
    expect(parseRunConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
    expect(() => parseRunConfig({ ...config, steps: 0 })).toThrow(/^Invalid run config: /);
    expect(() => parseRunConfig({ ...config, lanes: [{ optimizer: 'no-such', hyper: {} }] })).toThrow(/Invalid run config/);
    expect(() => parseRunConfig({ ...config, seed: 2 ** 32 })).toThrow(/Invalid run config/);
    expect(() => parseRunConfig({ ...config, task: { ...config.task, settings: { hidden: NaN } } })).toThrow(/Invalid run config/);
    expect(() => parseRunConfig('#task=spiral')).toThrow(/Invalid run config/);
  });

  it('a decoded link reaches the runner without being checked again', async () => {
    await useCpu();
    const parse = vi.spyOn(RunConfigSchema, 'parse');
    const safeParse = vi.spyOn(RunConfigSchema, 'safeParse');
    const { config } = decodeConfig('#task=quadratic&t.d=10&steps=3&lane=zo-sgd');
    const runner = new Runner(config);
    while (!runner.done) await runner.runChunk(3);
    runner.dispose();
    expect(parse).not.toHaveBeenCalled();
    expect(safeParse).not.toHaveBeenCalled();
  });

  it('the runner keeps its own copy: editing the caller’s config changes nothing in the run', () => {
    const config = defaultConfig();
    const runner = new Runner(config);
    config.lanes[0].hyper.lr = 123;
    config.schedule.push({ step: 1, lane: 0, name: 'lr', value: 1 });
    expect(runner.config.lanes[0].hyper.lr).toBe(defaultConfig().lanes[0].hyper.lr);
    expect(runner.config.schedule).toEqual([]);
    runner.dispose();
  });
});
