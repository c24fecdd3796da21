import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, decodeConfig, encodeConfig } from '../../../src/core/run/codec';
import { RunConfigSchema, defaultConfig, defaultLane, type RunConfig } from '../../../src/core/run/config';
import { optimizerSpec } from '../../../src/core/optimizers/specs';

describe('share-link codec', () => {
  it('round-trips the default config, and a non-default one, exactly', () => {
    const a = defaultConfig();
    expect(decodeConfig(encodeConfig(a))).toEqual({ config: a, notices: [], autoplay: false });
    const b: RunConfig = {
      ...a,
      task: { id: 'quadratic', settings: { d: 1000, kappa: 100, rank: 0 } },
      lanes: [
        { optimizer: 'zo-sgd', hyper: { ...defaultLane('zo-sgd').hyper, lr: 0.0003, eps: 1e-4, q: 4 } },
        { optimizer: 'sgd', hyper: { lr: 0.05 } },
      ],
      seed: 4294967295,
      steps: 777,
      evalEvery: 7,
      backend: 'cpu',
      schedule: [{ step: 100, lane: 1, name: 'lr', value: 0.025 }],
    };
    const link = 'https://example.test/zo/' + encodeConfig(b, { autoplay: true });
    expect(decodeConfig(link)).toEqual({ config: b, notices: [], autoplay: true });
  });

  it('pins every backend by name, wasm included, and reads it back', () => {
    for (const backend of ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const) {
      const link = encodeConfig({ ...defaultConfig(), backend });
      expect(link).toContain(`&backend=${backend}&`);
      expect(decodeConfig(link)).toMatchObject({ config: { backend }, notices: [] });
    }
  });

  it('is human-readable', () => {
    expect(encodeConfig(defaultConfig())).toMatch(/^#v=1&task=spiral&t\.turns=1&.*&lane=zo-sgd:lr=0\.015,eps=0\.001,q=1,dist=gaussian,mode=central&lane=adam:lr=0\.03/);
  });

  it('clamps out-of-range values and rounds integers, with a notice for each', () => {
    const { config, notices } = decodeConfig('#v=1&task=quadratic&t.d=0&t.kappa=1e9&lane=zo-sgd:lr=50,q=2.6&steps=-3');
    expect(config.task.settings).toEqual({ d: 2, kappa: 1e6, rank: 0 });
    expect(config.lanes[0].hyper).toMatchObject({ lr: 1, q: 3 });
    expect(config.steps).toBe(1);
    expect(notices).toHaveLength(5);
    expect(notices.join('\n')).toMatch(/t?d: 0 is outside 2…1000000/);
  });

  it('names the nearest valid id for unknown optimizers, and loads the default task for an unknown task', () => {
    const { config, notices } = decodeConfig('#task=digits-mlpp&lane=zo-sdg:lr=0.01&lane=adma');
    // 'digits-mlpp' is one letter from 'digits-mlp', but a task is a different model: the default loads.
    expect(config.task.id).toBe(defaultConfig().task.id);
    expect(config.task.id).not.toBe('digits-mlp');
    expect(config.lanes.map((l) => l.optimizer)).toEqual(['zo-sgd', 'adam']);
    expect(config.lanes[0].hyper.lr).toBe(0.01);
    expect(notices.join('\n')).toContain("using the nearest, 'zo-sgd'");
    expect(notices.join('\n')).toContain(`Unknown task 'digits-mlpp'; the default task, '${defaultConfig().task.id}', is loaded instead.`);
  });

  it('a number it cannot read keeps the value in force and says which (the task-suggested rate, not the spec default)', () => {
    const { config, notices } = decodeConfig('#task=spiral&lane=zo-sgd:lr=abc&at=5:0:lr=xyz');
    const kept = defaultLane('zo-sgd', 'spiral').hyper.lr;
    expect(kept).not.toBe(optimizerSpec('zo-sgd').hypers.find((h) => h.name === 'lr')!.default);
    expect(config.lanes[0].hyper.lr).toBe(kept);
    expect(notices).toContain(`lane 1 (zo-sgd) lr: 'abc' is not a number; using ${kept}.`);
    expect(notices).toContain(`schedule entry at step 5: 'xyz' is not a number; ignored.`);
    expect(config.schedule).toEqual([]);
  });

  it('turns bad numbers, unknown keys and unknown hyperparameters into notices, keeping defaults', () => {
    const { config, notices } = decodeConfig('#v=9&seed=abc&lane=adam:lr=NaN,foo=1&bogus=1&backend=tpu&at=zz');
    const d = defaultConfig();
    expect(config.seed).toBe(d.seed);
    expect(config.lanes[0]).toEqual({ optimizer: 'adam', hyper: d.lanes[1].hyper });
    expect(config.backend).toBe('auto');
    expect(notices).toHaveLength(7);
  });

  it('refuses links over the length limit with a clear message', () => {
    const { config, notices } = decodeConfig('#v=1&' + 'x'.repeat(MAX_LINK_LENGTH + 1));
    expect(config).toEqual(defaultConfig());
    expect(notices[0]).toMatch(/over the 8192 limit/);
  });

  it('drops schedule entries for lanes or hyperparameters that do not exist', () => {
    const { config, notices } = decodeConfig('#lane=adam&at=10:0:lr=0.1&at=10:3:lr=0.1&at=5:0:q=2');
    expect(config.schedule).toEqual([{ step: 10, lane: 0, name: 'lr', value: 0.1 }]);
    expect(notices).toHaveLength(2);
  });

  it('never throws on 10,000 random and mutated links, and always yields a valid config', () => {
    const base = encodeConfig(defaultConfig(), { autoplay: true });
    const mutated = fc
      .tuple(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 12 }))
      .map(([i, j, s]) => base.slice(0, Math.min(i, j)) + s + base.slice(Math.max(i, j)));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), mutated), (link) => {
        const { config } = decodeConfig(link);
        expect(RunConfigSchema.safeParse(config).success).toBe(true);
        // encode ∘ decode is a fixed point after one pass.
        expect(decodeConfig(encodeConfig(config)).config).toEqual(config);
      }),
      { numRuns: 10_000, seed: 42 },
    );
  });
});
