import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../../src/core/run/codec';
import { Runner } from '../../../../src/core/run/runner';
import { ganState } from '../../../../src/core/tasks/gan/task';
import { buildTaskPicture } from '../../../../src/core/tasks/registry';
import { csvOfLink } from '../../../helpers/replay';
import { make, setUpTasks, value } from '../../../helpers/tasks';

beforeAll(setUpTasks);

const SMALL = { latent: 4, hidden: 8, dHidden: 8, train: 200, batch: 8 };
const snapshot = (vars: readonly tf.Variable[]) => vars.map((v) => Array.from(v.dataSync()));

describe('digits-gan', () => {
  it('the optimizer’s weights are the generator’s, (k + 1)h + (h + 1)·196; D is not among them', () => {
    const t = make('digits-gan', SMALL);
    const { generator, discriminator } = ganState.of(t);
    expect(t.numParams).toBe((4 + 1) * 8 + (8 + 1) * 196);
    expect(t.params).toEqual(generator.params);
    expect(discriminator.params.some((d) => t.params.includes(d))).toBe(false);
    t.dispose();
  });

  it('the generator’s loss is the non-saturating −mean log D(G(z)), ln 2 when D outputs ½ everywhere', () => {
    const t = make('digits-gan', SMALL);
    const d = ganState.of(t).discriminator.params;
    const batch = t.batch(1)!;
    const expected = tf.tidy(() => {
      const fake = tf.sigmoid(ganState.of(t).generator.apply(batch.y));
      return tf.neg(tf.mean(tf.log(tf.sigmoid(ganState.of(t).discriminator.apply(fake)))));
    });
    expect(value(t.loss(batch))).toBeCloseTo(value(expected), 5);
    d[d.length - 2].assign(tf.zerosLike(d[d.length - 2]));
    expect(value(t.loss(batch))).toBeCloseTo(Math.log(2), 6);
    const [gLoss, dLoss] = t.evaluate().map(value);
    expect(gLoss).toBeCloseTo(Math.log(2), 6);
    expect(dLoss).toBeCloseTo(Math.log(4), 6); // D(x) = ½ on real and fake
    tf.dispose([batch.x, batch.y]);
    t.dispose();
  });

  it('afterStep is one Adam step of D on the batch (first step: Δ = −η g/(|g| + ε)), and leaves G alone', () => {
    const t = make('digits-gan', { ...SMALL, dLr: 0.01 });
    const { generator, discriminator } = ganState.of(t);
    const batch = t.batch(1)!;
    // D's gradient by hand: −mean log σ(D(x)) − mean log(1 − σ(D(G(z)))).
    const { grads } = tf.variableGrads(() =>
      tf.tidy(() => {
        const real = tf.log(tf.sigmoid(discriminator.apply(batch.x)));
        const fake = tf.log(tf.sub(1, tf.sigmoid(discriminator.apply(tf.sigmoid(generator.apply(batch.y))))));
        return tf.neg(tf.add(tf.mean(real), tf.mean(fake))) as tf.Scalar;
      }), discriminator.params);
    const g = discriminator.params.map((p) => Array.from(grads[p.name].dataSync()));
    const dBefore = snapshot(discriminator.params);
    const gBefore = snapshot(generator.params);
    t.afterStep!(batch, 1);
    snapshot(discriminator.params).forEach((after, i) =>
      after.forEach((w, j) => expect(w - dBefore[i][j]).toBeCloseTo((-0.01 * g[i][j]) / (Math.abs(g[i][j]) + 1e-8), 5)),
    );
    expect(snapshot(generator.params)).toEqual(gBefore);
    tf.dispose(Object.values(grads));
    tf.dispose([batch.x, batch.y]);
    t.dispose();
  });

  it('D learns: a few of its steps against a fixed generator lower its loss and raise the generator’s', () => {
    const t = make('digits-gan', SMALL);
    const [g0, d0] = t.evaluate().map(value);
    for (let step = 1; step <= 30; step++) {
      const b = t.batch(step)!;
      t.afterStep!(b, step);
      tf.dispose([b.x, b.y]);
    }
    const [g1, d1] = t.evaluate().map(value);
    expect(d1).toBeLessThan(d0 - 0.1);
    expect(g1).toBeGreaterThan(g0 + 0.1);
    t.dispose();
  });

  it('lanes differ only in the generator’s optimizer: two lanes of the same rule stay identical, D included; Adam and ZO-SGD part', async () => {
    const { config } = decodeConfig('#task=digits-gan&t.latent=4&t.hidden=8&t.dHidden=8&t.train=200&t.batch=8&seed=3&steps=20&eval=10&backend=cpu&lane=zo-sgd&lane=zo-sgd&lane=adam');
    const runner = new Runner(config);
    const dOf = (lane: number) => snapshot(ganState.of((runner as unknown as { lanes: { task: Parameters<typeof ganState.of>[0] }[] }).lanes[lane].task).discriminator.params);
    const d0 = dOf(0);
    while (!runner.done) await runner.runChunk(10);
    expect(snapshot(runner.laneParams(0) as tf.Variable[])).toEqual(snapshot(runner.laneParams(1) as tf.Variable[]));
    expect(dOf(0)).toEqual(dOf(1));
    expect(dOf(0)).not.toEqual(d0); // D took its steps in the zeroth-order lanes too
    expect(dOf(2)).not.toEqual(dOf(0)); // it plays against another generator there
    runner.dispose();
  });

  it('the picture: 16 samples per lane from the same codes, D’s loss recorded at each picture’s step', async () => {
    const lanes = [make('digits-gan', SMALL), make('digits-gan', SMALL)];
    const first = (await buildTaskPicture('digits-gan', lanes, 1))!;
    expect(first.kind).toBe('gan');
    if (first.kind !== 'gan') return;
    expect(first.samples.map((s) => s.length)).toEqual([16 * 196, 16 * 196]);
    expect(Array.from(first.samples[0])).toEqual(Array.from(first.samples[1])); // same seed, same codes
    first.samples[0].forEach((v) => expect(v > 0 && v < 1).toBe(true));
    const b = lanes[1].batch(1)!;
    lanes[1].afterStep!(b, 1);
    tf.dispose([b.x, b.y]);
    const second = (await buildTaskPicture('digits-gan', lanes, 2))!;
    if (second.kind !== 'gan') return;
    expect(Array.from(second.historySteps)).toEqual([1, 2]);
    expect(second.dLoss[0][0]).toBe(second.dLoss[0][1]); // lane 0's D did not move
    expect(second.dLoss[1][1]).toBeLessThan(second.dLoss[1][0]);
    // D tells them apart better: a wider gap between its mean score on real and on fake digits.
    expect(second.realScore[1] - second.fakeScore[1]).toBeGreaterThan(second.realScore[0] - second.fakeScore[0]);
    lanes.forEach((t) => t.dispose());
  });

  it('replays by link: the same link twice gives the same CSV, bit for bit (ZO-SGD and Adam generators)', async () => {
    const link = '#task=digits-gan&t.latent=4&t.hidden=8&t.dHidden=8&t.train=200&t.batch=8&seed=4&steps=30&eval=10&backend=cpu&lane=zo-sgd&lane=adam';
    const first = await csvOfLink(link);
    expect(first.trim().split('\n').length).toBe(1 + 2 * 30);
    expect(await csvOfLink(link)).toBe(first);
    expect(await csvOfLink(link.replace('seed=4', 'seed=5'))).not.toBe(first);
  });
});
