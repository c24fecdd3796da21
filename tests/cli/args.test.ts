import { describe, expect, it } from 'vitest';
import { parseArgs, usage } from '../../src/cli/args';
import { seedsFromSpec, sweepFromSpec } from '../../src/cli/experiments';
import { decodeConfig } from '../../src/core/run/codec';

describe('zo arguments', () => {
  it('reads the export and experiment options beside the link', () => {
    const opts = parseArgs(['#task=quadratic&lane=zo-sgd', '--json', 'a.json', '--pytorch', '0', 'b.py', '--sweep', 'lr=1e-4:1e-2:3', '--seeds', '4', '--csv', 'c.csv']);
    expect(opts).toMatchObject({ json: 'a.json', csv: 'c.csv', pytorch: { lane: '0', file: 'b.py' }, sweep: 'lr=1e-4:1e-2:3', seeds: '4' });
    expect(opts.decoded.notices).toEqual([]);
    expect(parseArgs(['--pytorch', '1', '#task=spiral']).pytorch).toEqual({ lane: '1', file: null });
    expect(parseArgs(['--pytorch', '1', '#task=spiral']).decoded.config.task.id).toBe('spiral');
  });

  it('--help documents --sweep, --seeds, --json and --pytorch', () => {
    for (const flag of ['--sweep NAME=FROM:TO:N[,NAME=FROM:TO:N]', '--seeds N', '--json FILE', '--pytorch LANE [FILE]']) expect(usage()).toContain(flag);
  });
});

describe('--sweep and --seeds values', () => {
  const { config } = decodeConfig('#task=quadratic&steps=50&lane=zo-sgd&lane=adam');

  it('a sweep of the first lane with one or two axes, over its hyperparameters or the task’s settings', () => {
    expect(sweepFromSpec('lr=1e-4:1e-2:3', config)).toEqual({ laneIdx: 0, rows: { name: 'lr', from: 1e-4, to: 1e-2, count: 3 }, cols: null, steps: 50 });
    expect(sweepFromSpec('lr=1e-4:1e-2:3,t.d=10:1000:2', config).cols).toEqual({ name: 't.d', from: 10, to: 1000, count: 2 });
  });

  it('refuses what it cannot run, saying why', () => {
    expect(() => sweepFromSpec('beta1=0.1:0.9:2', config)).toThrow(/not a numeric hyperparameter of lane 0 \(zo-sgd\)/);
    expect(() => sweepFromSpec('dist=0:2:3', config)).toThrow(/not a numeric hyperparameter/);
    expect(() => sweepFromSpec('lr=1e-4:1e-2', config)).toThrow(/is not NAME=FROM:TO:N/);
    expect(() => sweepFromSpec('lr=a:1e-2:3', config)).toThrow(/FROM and TO must be numbers/);
    expect(() => sweepFromSpec('lr=1e-4:1e-2:2.5', config)).toThrow(/N must be a whole number/);
    expect(() => sweepFromSpec('lr=1:2:2,lr=1:2:2', config)).toThrow(/both axes are 'lr'/);
    expect(() => sweepFromSpec('lr=1:2:2,eps=1:2:2,q=1:2:2', config)).toThrow(/one or two axes/);
    expect(seedsFromSpec('3')).toBe(3);
    expect(() => seedsFromSpec('0')).toThrow(/whole number from 1 to 64/);
  });
});
