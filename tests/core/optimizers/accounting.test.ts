import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS, optimizerSpec } from '../../../src/core/optimizers/specs';
import { optimizerFactory } from '../../../src/core/optimizers';
import { symmetricEigen } from '../../../src/core/estimators/eigen';
import { centeredRanks, ranks } from '../../../src/core/estimators/population';
import { snesUtilities } from '../../../src/core/optimizers/snes/snes';
import { useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);

/** A tiny problem with a matrix and a vector (so LOZO's U Vᵀ path runs): ½‖W − 1‖² + ½‖b‖². */
function problem() {
  const W = tf.variable(tf.tensor2d([[0.5, -1, 2, 0], [1, 0.3, -0.7, 1.5], [-2, 1, 0.2, 0.1]]), true); // [3, 4]
  const b = tf.variable(tf.tensor1d([0.4, -0.3, 1, 2]), true); // [4]
  let calls = 0;
  const loss = () => {
    calls++;
    return tf.tidy(() => tf.mul(0.5, tf.add(tf.sum(tf.square(tf.sub(W, 1))), tf.sum(tf.square(b)))) as tf.Scalar);
  };
  return {
    vars: [W, b],
    loss,
    calls: () => calls,
    dispose: () => tf.dispose([W, b]),
  };
}

/**
 * Forward passes per step, as the papers count them (and src/core/optimizers/README.md lists them):
 * two-point central 2q, one-sided q + 1 (L(θ) shared); ZO-SGD-Cons 5 (q = 1); HiZOO 3; LOZO 2;
 * FZOO N + 1; Sparse-MeZO and ZO-BCD 2; MeZO-SVRG 2q̄ on a snapshot step (4 otherwise);
 * OpenAI-ES n; SNES and CMA-ES λ; the (1+1)-ES and random search 2 (offspring + parent on the step's
 * batch); a backprop step 3 equivalents.
 */
const PASSES: [id: string, hyper: Record<string, number>, expected: number][] = [
  ['zo-sgd', {}, 2],
  ['zo-sgd', { q: 4 }, 8],
  ['zo-sgd', { q: 4, mode: 1 }, 5],
  ['zo-sgd', { q: 3, dist: 2 }, 6],
  ['zo-sgd-mmt', { q: 2 }, 4],
  ['zo-sgd-mmt', { q: 2, mode: 1 }, 3],
  ['zo-sign', { q: 3 }, 6],
  ['zo-signsgd', { q: 3, mode: 1 }, 4],
  ['zo-cons', {}, 5],
  ['zo-cons', { q: 2 }, 7],
  ['zo-cons', { q: 2, mode: 1 }, 5],
  ['zo-adam', { q: 5 }, 10],
  ['zo-adam', { q: 5, mode: 1, dist: 1 }, 6],
  ['hizoo', {}, 3],
  ['lozo', {}, 2],
  ['fzoo', {}, 9],
  ['fzoo', { n: 5 }, 6],
  ['sparse-mezo', {}, 2],
  ['mezo-svrg', { period: 1, qSnap: 3 }, 6], // every step a snapshot; the alternation: mezo-svrg/
  ['zo-bcd', {}, 2],
  ['zo-bcd', { order: 1 }, 2],
  ['openai-es', { n: 12 }, 12],
  ['openai-es', { n: 7, rule: 0 }, 6],
  ['snes', { lambda: 9 }, 9],
  ['cma-es', { lambda: 7 }, 7],
  ['one-plus-one-es', {}, 2],
  ['random-search', {}, 2],
];

describe('forward-pass accounting equals the papers’', () => {
  it.each(PASSES)('%s %j: %i loss evaluations per step, as the registry says', (id, hyper, expected) => {
    const p = problem();
    const opt = optimizerFactory(id)(hyper, 1);
    for (let step = 0; step < 3; step++) {
      const before = p.calls();
      opt.minimize(p.loss, false, p.vars);
      expect(p.calls() - before).toBe(expected);
    }
    expect(opt.forwardPassesPerStep()).toBe(expected);
    opt.dispose();
    p.dispose();
  });

  it.each(['sgd', 'momentum', 'adam'])('%s: one forward + backward, counted as 3 forward-pass equivalents', (id) => {
    const p = problem();
    const opt = optimizerFactory(id)({}, 1);
    opt.minimize(p.loss, false, p.vars);
    expect(p.calls()).toBe(1);
    expect(opt.forwardPassesPerStep()).toBe(3);
    opt.dispose();
    p.dispose();
  });

  it('the optimizer tables (src/core/optimizers/README.md and README.md) have a row for every registered optimizer, with its memory', () => {
    for (const path of ['../../../src/core/optimizers/README.md', '../../../README.md']) {
      const doc = readFileSync(new URL(path, import.meta.url), 'utf8');
      for (const o of OPTIMIZERS) {
        const row = doc.split('\n').find((line) => line.startsWith(`| \`${o.id}\` | ${o.label} | ${o.family} |`));
        expect(row, `${path}: ${o.id}`).toBeDefined();
        expect(row!.endsWith(`| ${o.memory} |`), `${path}: ${o.id}'s memory column`).toBe(true);
      }
    }
  });

  it('covers every registered optimizer, each with a paper, a description and sane defaults', () => {
    // (That every spec has an implementation and a PyTorch template is checked by the compiler:
    // the maps are Record<OptimizerId, …>.)
    const tested = new Set([...PASSES.map(([id]) => id), 'sgd', 'momentum', 'adam']);
    expect([...tested].sort()).toEqual(OPTIMIZERS.map((o) => o.id).sort());
    for (const o of OPTIMIZERS) {
      expect(o.paper.url).toMatch(/^https:\/\//);
      expect(o.description.length).toBeGreaterThan(80);
      for (const h of o.hypers) {
        expect(h.default).toBeGreaterThanOrEqual(h.min);
        expect(h.default).toBeLessThanOrEqual(h.max);
        expect(h.meaning.length).toBeGreaterThan(10);
      }
    }
  });
});

/** Every optimizer, with the variants that allocate differently (sphere norms, Adam state, …). */
const LEAK_CASES: [id: string, hyper: Record<string, number>][] = [
  ['zo-sgd', { lr: 0.01, q: 2 }],
  ['zo-sgd', { lr: 0.01, q: 2, dist: 2, mode: 1 }],
  ['zo-sgd-mmt', { lr: 0.01, q: 2, dist: 1 }],
  ['zo-sign', { lr: 0.001, dist: 2 }],
  ['zo-signsgd', { lr: 0.001 }],
  ['zo-cons', { lr: 0.01, q: 2 }],
  ['zo-cons', { lr: 0.01, mode: 1, dist: 2 }],
  ['zo-adam', { lr: 0.01, dist: 2 }],
  ['hizoo', { lr: 0.01 }],
  ['lozo', { lr: 0.01, nu: 7, rank: 2 }],
  ['fzoo', { lr: 1e-4, n: 4 }],
  ['sparse-mezo', { lr: 0.01, sparsity: 0.5 }],
  ['mezo-svrg', { lr: 0.01, lrSnap: 0.01, period: 3, qSnap: 2 }],
  ['zo-bcd', { lr: 0.01 }],
  ['zo-bcd', { lr: 0.01, order: 1 }],
  ['openai-es', { lr: 0.01, n: 4, rule: 0 }],
  ['openai-es', { lr: 0.01, n: 4, rule: 1 }],
  ['openai-es', { lr: 0.01, n: 4, rule: 2 }],
  ['snes', { lambda: 4 }],
  ['cma-es', { lambda: 6 }],
  ['one-plus-one-es', {}],
  ['random-search', {}],
  ['sgd', {}],
  ['momentum', {}],
  ['adam', {}],
];

describe('tensor ownership', () => {
  it.each(LEAK_CASES)('%s %j: no tensor leak over 500 steps, and dispose() releases all state', (id, hyper) => {
    const p = problem();
    const start = p.loss();
    const f0 = start.dataSync()[0];
    start.dispose();
    const base = tf.memory().numTensors;
    const opt = optimizerFactory(id)(hyper, 1);
    opt.minimize(p.loss, false, p.vars)!; // warm-up: state is created lazily at the first step
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 500; i++) opt.minimize(p.loss, true, p.vars)!.dispose();
    expect(tf.memory().numTensors).toBe(warm);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(base);
    // and it optimised: the loss fell (from 12.8)
    const final = p.loss();
    expect(final.dataSync()[0]).toBeLessThan(0.9 * f0);
    final.dispose();
    p.dispose();
  });

  it('registry defaults construct and step for every optimizer', () => {
    for (const { id } of OPTIMIZERS) {
      const p = problem();
      const opt = optimizerFactory(id)(undefined, 1);
      expect(opt.getHyper()).toEqual(Object.fromEntries(optimizerSpec(id)!.hypers.map((h) => [h.name, h.default])));
      const loss = opt.minimize(p.loss, true, p.vars)!;
      expect(Number.isFinite(loss.dataSync()[0])).toBe(true);
      loss.dispose();
      opt.dispose();
      p.dispose();
    }
  });
});

/**
 * The state each optimizer keeps between steps on problem() (d = 16: W 3×4 and b 4), as its spec's
 * memory column states it, in float32 bytes. stateBytes() counts the state it owns, and that count is
 * exactly what tfjs holds for it.
 */
const D = 16;
const STATE_BYTES: [id: string, hyper: Record<string, number>, bytes: number][] = [
  ['zo-sgd', {}, 0],
  ['zo-sgd-mmt', {}, 4 * D], // b
  ['zo-sign', {}, 0],
  ['zo-signsgd', {}, 0], // ĝ lives only during the step
  ['zo-cons', {}, 0],
  ['zo-adam', {}, 8 * D], // m, v
  ['hizoo', {}, 4 * D], // H
  ['lozo', {}, 0],
  ['fzoo', {}, 0],
  ['sparse-mezo', {}, 0], // the mask lives only during the step
  ['mezo-svrg', {}, 8 * D], // θ̄, g̃
  ['zo-bcd', {}, 0],
  ['openai-es', { rule: 0 }, 0], // sgd: the seed trick
  ['openai-es', { rule: 1 }, 8 * D], // adam: m, v
  ['openai-es', { rule: 2 }, 4 * D], // momentum: b
  ['snes', { lambda: 4 }, 4 * D], // σ per parameter
  ['one-plus-one-es', {}, 4], // σ, a scalar on the device
  ['random-search', {}, 4],
  ['sgd', {}, 0],
  ['momentum', {}, 4 * D],
  ['adam', {}, 8 * D],
];

describe('state bytes are counted, not inferred', () => {
  it.each(STATE_BYTES)('%s %j keeps %i bytes, which is what tfjs holds for it', (id, hyper, bytes) => {
    const p = problem();
    const base = tf.memory().numBytes;
    const opt = optimizerFactory(id)(hyper, 1);
    for (let i = 0; i < 3; i++) opt.minimize(p.loss, false, p.vars);
    expect(opt.stateBytes()).toBe(bytes);
    expect(tf.memory().numBytes - base).toBe(bytes);
    opt.dispose();
    expect(opt.stateBytes()).toBe(0);
    expect(tf.memory().numBytes).toBe(base);
    p.dispose();
  });

  it('cma-es counts its CPU state: C, B and C^(−½) (d×d each) and m, D, p_c, p_σ, in float64', () => {
    const p = problem();
    const base = tf.memory().numBytes;
    const opt = optimizerFactory('cma-es')({ lambda: 6 }, 1);
    expect(opt.stateBytes()).toBe(0); // built at the first step, when d is known
    for (let i = 0; i < 3; i++) opt.minimize(p.loss, false, p.vars);
    expect(opt.stateBytes()).toBe(8 * (3 * D * D + 4 * D));
    expect(tf.memory().numBytes).toBe(base); // none of it is a tensor
    opt.dispose();
    p.dispose();
  });
});

describe('strategy helpers', () => {
  it('ranks ascend from 0, break ties by index, and centered ranks span [−½, ½]', () => {
    const x = tf.tensor1d([3, -1, 3, 10, 0.5]);
    const r = ranks(x);
    expect(Array.from(r.dataSync())).toEqual([2, 0, 3, 4, 1]);
    const c = centeredRanks(x);
    expect(Array.from(c.dataSync())).toEqual([0, -0.5, 0.25, 0.5, -0.25]);
    tf.dispose([x, r, c]);
  });

  it('SNES utilities: max(0, ln(λ/2+1) − ln k)/Σ − 1/λ, summing to 0, best first', () => {
    const u = snesUtilities(6);
    const raw = [1, 2, 3, 4, 5, 6].map((k) => Math.max(0, Math.log(4) - Math.log(k)));
    const total = raw.reduce((a, b) => a + b, 0);
    u.forEach((x, k) => expect(x).toBeCloseTo(raw[k] / total - 1 / 6, 12));
    expect(u.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(u[0]).toBeGreaterThan(u[1]);
  });

  it('the symmetric eigendecomposition reconstructs A = B diag(λ) Bᵀ with orthonormal B', () => {
    const n = 7;
    const a = Array.from({ length: n }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i][j] = a[j][i] = Math.sin(3 * i + 5 * j + 1) + (i === j ? 2 : 0);
    const { values, vectors: B } = symmetricEigen(a);
    for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let rec = 0;
        let gram = 0;
        for (let k = 0; k < n; k++) {
          rec += B[i][k] * values[k] * B[j][k];
          gram += B[k][i] * B[k][j];
        }
        expect(rec).toBeCloseTo(a[i][j], 10);
        expect(gram).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    // trace is preserved
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(a.reduce((s, row, i) => s + row[i], 0), 10);
  });
});

describe('(1+1) strategies: reeval', () => {
  it.each(['one-plus-one-es', 'random-search'])('%s with reeval off measures the parent once, then 1 pass a step; the counter says so', (id) => {
    const p = problem();
    const opt = optimizerFactory(id)({ reeval: 0 }, 1);
    const passes: number[] = [];
    const counted: number[] = [];
    for (let step = 0; step < 4; step++) {
      const before = p.calls();
      opt.minimize(p.loss, false, p.vars);
      passes.push(p.calls() - before);
      counted.push(opt.forwardPassesPerStep());
    }
    expect(passes).toEqual([2, 1, 1, 1]);
    expect(counted).toEqual(passes);
    expect(opt.spec.forwardPasses(opt.getHyper())).toBe(1);
    expect(opt.stateBytes()).toBe(8); // σ and the kept loss, one float32 each
    opt.dispose();
    p.dispose();
  });

  it('new lanes on deterministic tasks start with reeval off; a link that does not name it replays with it on', async () => {
    const { defaultLane } = await import('../../../src/core/run/config');
    const { decodeConfig } = await import('../../../src/core/run/codec');
    expect(defaultLane('one-plus-one-es', 'quadratic').hyper.reeval).toBe(0);
    expect(defaultLane('random-search', 'rosenbrock').hyper.reeval).toBe(0);
    expect(defaultLane('one-plus-one-es', 'spiral').hyper.reeval).toBe(1);
    expect(decodeConfig('#task=rosenbrock&lane=one-plus-one-es').config.lanes[0].hyper.reeval).toBe(1);
  });
});
