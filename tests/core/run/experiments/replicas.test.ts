import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../../src/core/run/codec';
import { hyperAt, replicaConfig, replicaSeed, seedSpread, valueAt } from '../../../../src/core/run/experiments';

describe('seed replicas', () => {
  const { config } = decodeConfig('#seed=4294967294&lane=zo-sgd:lr=0.01,diag=1&lane=adam&at=50:0:lr=0.005');

  it('replica k is the same run with seed + k (wrapping at 2³²), its schedule kept, its diagnostics off', () => {
    expect([0, 1, 2].map((k) => replicaSeed(config.seed, k))).toEqual([4294967294, 4294967295, 0]);
    const replica = replicaConfig(config, 1);
    expect(replica.seed).toBe(4294967295);
    expect(replica.schedule).toEqual(config.schedule);
    expect(replica.lanes.map((l) => l.diagnostics)).toEqual([undefined, undefined]);
    expect(replica.lanes[0].hyper).toEqual(config.lanes[0].hyper);
    expect(config.lanes[0].diagnostics).toBe(true); // the original is untouched
  });

  it('spread across seeds: mean, min–max and the sample σ, over the finite values', () => {
    expect(seedSpread([1, 2, 3, NaN])).toEqual({ n: 3, mean: 2, min: 1, max: 3, sd: 1 });
    expect(seedSpread([5])).toMatchObject({ n: 1, mean: 5, min: 5, max: 5 });
    expect(Number.isNaN(seedSpread([5]).sd)).toBe(true);
    expect(seedSpread([]).n).toBe(0);
  });
});

describe('values in force at a step', () => {
  const { config } = decodeConfig('#lane=zo-sgd:lr=0.01&lane=adam:lr=0.03&at=50:0:lr=0.005&at=80:0:lr=0.002&at=50:1:beta1=0.8');

  it('a scheduled change is in force from its step on, the latest one winning', () => {
    expect([1, 49, 50, 79, 80, 1000].map((step) => valueAt(config, 0, 'lr', step))).toEqual([0.01, 0.01, 0.005, 0.005, 0.002, 0.002]);
    expect(valueAt(config, 1, 'lr', 100)).toBe(0.03);
    expect(valueAt(config, 1, 'beta1', 49)).toBe(0.9);
    expect(valueAt(config, 1, 'beta1', 50)).toBe(0.8);
    expect(valueAt(config, 0, 'nope', 50)).toBeUndefined();
    expect(valueAt(config, 5, 'lr', 50)).toBeUndefined();
  });

  it('hyperAt gives every hyperparameter of the lane at once', () => {
    expect(hyperAt(config, 1, 60)).toEqual({ ...config.lanes[1].hyper, beta1: 0.8 });
  });
});
