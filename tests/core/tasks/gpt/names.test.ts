import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../../src/core/run/codec';
import { defaultTaskSettings } from '../../../../src/core/run/config';
import { names } from '../../../../src/core/tasks/gpt/data/assets';
import { nameReferenceLines } from '../../../../src/core/tasks/gpt/data/bigram';
import { parameterCounts } from '../../../../src/core/tasks/gpt/model/config';
import { SAMPLES, gptNamesPicture } from '../../../../src/core/tasks/gpt/picture';
import { EVAL_NAMES } from '../../../../src/core/tasks/gpt/names';
import { gptNamesState } from '../../../../src/core/tasks/gpt/task';
import { TASK_FACTORIES } from '../../../../src/core/tasks/registry';
import type { NamesPicture } from '../../../../src/core/tasks/picture';
import { setUpTasks } from '../../../helpers/tasks';

beforeAll(setUpTasks);

const make = (settings: Record<string, number> = {}, seed = 1) => TASK_FACTORIES['gpt-names']({ ...defaultTaskSettings('gpt-names'), ...settings }, seed);

/** The names of a list's split, read straight from the packed file. */
const listNames = (lists: readonly string[], split: 'train' | 'eval') => new Set(lists.flatMap((l) => (split === 'train' ? names().train(l) : names().eval(l))));

/** −ln softmax, in float64, of logits [V] at index k. */
function nll(logits: ArrayLike<number>, k: number): number {
  const max = Math.max(...Array.from(logits));
  const logZ = max + Math.log(Array.from(logits).reduce((a, l) => a + Math.exp(l - max), 0));
  return logZ - logits[k];
}

describe('gpt-names', () => {
  it('the loss is the mean −ln p of each letter and the end of every batch name, padding left out (makemore)', () => {
    const task = make();
    const { gpt, sets } = gptNamesState.of(task);
    const batch = task.batch(3)!;
    const tokens = batch.x.arraySync() as number[][];
    const targets = batch.y.arraySync() as number[][];
    const logits = gpt.forward(batch.x as tf.Tensor2D);
    const values = logits.arraySync();
    logits.dispose();
    let total = 0;
    let count = 0;
    tokens.forEach((row, b) => {
      // Row b reads ".name" and predicts "name.": decode it back and check the framing.
      const letters = row.slice(1, row.indexOf(0, 1) < 0 ? row.length : row.indexOf(0, 1));
      const name = sets.tokenizer.decode(letters);
      expect(sets.train).toContain(name);
      const predicted = targets[b].filter((t) => t >= 0);
      expect(predicted.length).toBe(Math.min(name.length + 1, sets.time));
      targets[b].forEach((t, i) => {
        if (t < 0) return;
        total += nll(values[b][i], t);
        count++;
      });
    });
    const loss = task.loss(batch);
    expect(loss.dataSync()[0]).toBeCloseTo(total / count, 5);
    tf.dispose([loss, batch.x, batch.y]);
    task.dispose();
  });

  it('batches are a pure function of (seed, step): the same in two instances, new at the next step', () => {
    const [a, b] = [make(), make()];
    const ba = a.batch(7)!;
    const bb = b.batch(7)!;
    const next = a.batch(8)!;
    expect(ba.x.arraySync()).toEqual(bb.x.arraySync());
    expect(ba.x.arraySync()).not.toEqual(next.x.arraySync());
    tf.dispose([ba.x, ba.y, bb.x, bb.y, next.x, next.y]);
    a.dispose();
    b.dispose();
  });

  it('trains on the chosen lists’ training names and evaluates on ≤ 256 held-out names that none of them trains on', () => {
    for (const [which, lists] of [[0, ['female', 'male']], [1, ['female']], [2, ['male']]] as const) {
      const task = make({ names: which });
      const { sets } = gptNamesState.of(task);
      expect(new Set(sets.train)).toEqual(listNames(lists, 'train'));
      expect(sets.eval.length).toBeLessThanOrEqual(EVAL_NAMES);
      expect(sets.eval.length).toBeGreaterThan(100);
      const held = listNames(lists, 'eval');
      for (const n of sets.eval) {
        expect(held.has(n)).toBe(true);
        expect(sets.train.includes(n)).toBe(false);
      }
      task.dispose();
    }
  });

  it('the chart’s reference lines are the data module’s uniform and add-one bigram on the task’s own names', () => {
    const task = make();
    const { sets } = gptNamesState.of(task);
    const lines = nameReferenceLines(sets.train, sets.eval);
    expect(task.references).toEqual([
      { label: 'uniform, ln 27', value: Math.log(27) },
      { label: 'bigram (add-one)', value: lines.bigram },
    ]);
    // makemore's bigram on names is about 2.45 nats per character.
    expect(lines.bigram).toBeGreaterThan(2.3);
    expect(lines.bigram).toBeLessThan(2.6);
    // An untrained GPT predicts nearly uniformly.
    const [ce, ppl] = task.evaluate();
    expect(ce.dataSync()[0]).toBeCloseTo(Math.log(27), 1);
    expect(ppl.dataSync()[0]).toBeCloseTo(Math.exp(ce.dataSync()[0]), 3);
    tf.dispose([ce, ppl]);
    task.dispose();
  });

  it.each([
    ['full', {}],
    ['lora', { tune: 1, rank: 2 }],
    ['prefix', { tune: 2, prefix: 3 }],
    ['bias', { tune: 3 }],
    ['head', { tune: 4, layers: 2 }],
  ] as const)('d is the trainable count (%s), and the params are exactly the trained variables', (mode, settings: Record<string, number>) => {
    const task = make(settings);
    const s = { ...defaultTaskSettings('gpt-names'), ...settings };
    const tuning = mode === 'lora' ? { mode, rank: 2 } : mode === 'prefix' ? { mode, length: 3 } : { mode };
    const counts = parameterCounts({ vocab: 27, layers: s.layers, width: s.width, heads: s.heads, context: 16 }, tuning);
    expect(task.numParams).toBe(counts.trainable);
    expect(task.numTotal).toBe(counts.total);
    expect(task.params.reduce((a, p) => a + p.size, 0)).toBe(counts.trainable);
    if (mode !== 'full') expect(task.numParams).toBeLessThan(counts.total);
    task.dispose();
  });

  it('heads that do not divide the width: the link says so and uses a divisor; the factory refuses the pair', () => {
    const decoded = decodeConfig('#task=gpt-names&t.width=48&t.heads=5&lane=adam');
    expect(decoded.config.task.settings.heads).toBe(4);
    expect(decoded.notices).toEqual(['gpt-names: heads (5) must divide width (48); using 4 heads.']);
    expect(decodeConfig('#task=gpt-names&t.width=48&t.heads=6&lane=adam').notices).toEqual([]);
    expect(() => make({ width: 48, heads: 5 })).toThrow(/width \(48\) must be divisible by heads \(5\)/);
  });

  it('picture: 8 samples per lane marked by training-set membership, per-letter loss of held-out names, causal attention rows summing to 1', async () => {
    for (const settings of [{}, { tune: 2, prefix: 3 }] as Record<string, number>[]) {
      const lanes = [make(settings), make(settings)];
      const picture = (await gptNamesPicture(lanes, 5)) as NamesPicture;
      const train = listNames(['female', 'male'], 'train');
      const P = picture.prefixSlots;
      expect(P).toBe('prefix' in settings ? 3 : 0);
      expect(picture.attentionPrompt).toBe('.emma');
      const T = picture.attentionPrompt.length;
      expect(picture.heldOut.length).toBe(4);
      for (let lane = 0; lane < 2; lane++) {
        expect(picture.samples[lane]).toHaveLength(SAMPLES);
        picture.samples[lane].forEach((n, i) => {
          expect(n).toMatch(/^[a-z]*$/);
          expect(picture.inTraining[lane][i]).toBe(train.has(n) ? 1 : 0);
        });
        expect(picture.charLoss[lane].length).toBe(picture.heldOut.reduce((a, n) => a + n.length + 1, 0));
        const att = picture.attention[lane];
        expect(att.length).toBe(T * (P + T));
        for (let t = 0; t < T; t++) {
          const row = att.subarray(t * (P + T), (t + 1) * (P + T));
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
          for (let s = P + t + 1; s < P + T; s++) expect(row[s]).toBe(0);
        }
      }
      // Identical lanes, the same stream: the same names.
      expect(picture.samples[1]).toEqual(picture.samples[0]);
      lanes.forEach((l) => l.dispose());
    }
  });
});
