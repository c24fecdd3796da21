import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, defaultLane, defaultTaskSettings } from '../../../../src/core/run/config';
import { Runner } from '../../../../src/core/run/runner';
import { gptTextState } from '../../../../src/core/tasks/gpt/finetune';
import { FINETUNE_SOURCES, SOURCE_CHECKPOINT } from '../../../../src/core/tasks/gpt/finetune-spec';
import { TUNING_MODES, parameterCounts } from '../../../../src/core/tasks/gpt/model/config';
import { PRETRAINED, parsePretrainedMeta } from '../../../../src/core/tasks/gpt/pretrained/checkpoints';
import { gptNamesState, tuningOf } from '../../../../src/core/tasks/gpt/task';
import { asset } from '../../../../src/core/tasks/shared/assets';
import { buildTaskPicture, TASK_FACTORIES } from '../../../../src/core/tasks/registry';
import type { TaskInstance } from '../../../../src/core/tasks/types';
import { setUpTasks, value } from '../../../helpers/tasks';

beforeAll(setUpTasks);

const settingsOf = (settings: Record<string, number>) => ({ ...defaultTaskSettings('gpt-finetune'), ...settings });
const make = (settings: Record<string, number> = {}, seed = 1) => TASK_FACTORIES['gpt-finetune'](settingsOf(settings), seed);
const source = (name: (typeof FINETUNE_SOURCES)[number]) => FINETUNE_SOURCES.indexOf(name);
const metaOf = (s: (typeof FINETUNE_SOURCES)[number]) => parsePretrainedMeta(asset(PRETRAINED[SOURCE_CHECKPOINT[s]].metaFile), SOURCE_CHECKPOINT[s]);
const gptOf = (task: TaskInstance, s: (typeof FINETUNE_SOURCES)[number]) => (s === 'names' ? gptNamesState.of(task).gpt : gptTextState.of(task).gpt);

describe.each(FINETUNE_SOURCES)('gpt-finetune, source %s', (s) => {
  it('starts at the checkpoint: step-0 eval loss is its recorded loss on the new corpus’s held-out split, above its loss on its own', () => {
    const meta = metaOf(s);
    const task = make({ source: source(s) });
    const [loss, perplexity] = task.evaluate().map(value);
    task.dispose();
    // `npm run pretrain` scored the same held-out rows (recorded as `shifted`), on wasm: float32 sums in another order.
    expect(Math.abs(loss - meta.shifted.lossPerToken)).toBeLessThan(1e-4);
    expect(perplexity).toBeCloseTo(Math.exp(loss), 4);
    // The shift is real: the checkpoint is worse on the new corpus than on the one it learnt.
    expect(loss).toBeGreaterThan(meta.eval.lossPerToken);
    // The chart's reference lines: where the lanes start, and the checkpoint on its own corpus.
    expect(task.references?.slice(0, 2).map((r) => r.value)).toEqual([meta.shifted.lossPerToken, meta.eval.lossPerToken]);
  });

  it.each(TUNING_MODES)('tune=%s: d is the trainable count, the frozen weights are plain tensors, and only prefix tuning moves the start', (mode) => {
    const tune = TUNING_MODES.indexOf(mode);
    const settings = settingsOf({ source: source(s), tune, rank: 2, prefix: 3 });
    const task = TASK_FACTORIES['gpt-finetune'](settings, 1);
    const gpt = gptOf(task, s);
    const counts = parameterCounts(PRETRAINED[SOURCE_CHECKPOINT[s]].config, tuningOf(settings));
    expect(task.numParams).toBe(counts.trainable);
    expect(task.numTotal).toBe(counts.total);
    expect(task.params.reduce((a, p) => a + p.size, 0)).toBe(counts.trainable);
    const trained = new Set<tf.Tensor>(task.params);
    for (const [name, t] of Object.entries(gpt.params)) expect(t instanceof tf.Variable, name).toBe(trained.has(t));
    // Only full tuning moves everything ('head' on the one-block names GPT is that block: all but the embeddings).
    if (mode === 'full') expect(task.numParams).toBe(task.numTotal);
    else expect(task.numParams).toBeLessThan(task.numTotal!);
    const [loss] = task.evaluate().map(value);
    task.dispose();
    // LoRA's B starts at zero and the other modes train the checkpoint's own weights: the checkpoint's loss.
    // The prefix slots are new keys and values (MeZO's init: the model's own of random tokens), so they change it.
    if (mode === 'prefix') expect(Math.abs(loss - metaOf(s).shifted.lossPerToken)).toBeGreaterThan(1e-3);
    else expect(Math.abs(loss - metaOf(s).shifted.lossPerToken)).toBeLessThan(1e-4);
  });

  it('batches are a pure function of (seed, step), drawn from the new corpus’s training split', () => {
    const a = make({ source: source(s), batch: 4 });
    const b = make({ source: source(s), batch: 4 });
    const rows = (task: TaskInstance, step: number) => {
      const batch = task.batch(step)!;
      const out = { x: batch.x.arraySync() as number[][], y: batch.y.arraySync() as number[][] };
      tf.dispose([batch.x, batch.y]);
      return out;
    };
    expect(rows(a, 5)).toEqual(rows(b, 5));
    expect(rows(a, 6)).not.toEqual(rows(a, 5));
    const { x, y } = rows(a, 7);
    if (s === 'names') {
      const { sets } = gptNamesState.of(a);
      for (const row of x) {
        const end = row.indexOf(0, 1);
        expect(sets.train).toContain(sets.tokenizer.decode(row.slice(1, end < 0 ? row.length : end)));
      }
    } else {
      // A window of the running text: the targets are the tokens shifted by one, found at one offset of the stream.
      const { streams } = gptTextState.of(a);
      const joined = `,${streams.train.join(',')},`;
      x.forEach((row, i) => {
        expect(y[i].slice(0, -1)).toEqual(row.slice(1));
        expect(joined).toContain(`,${[...row, y[i][y[i].length - 1]].join(',')},`);
      });
    }
    a.dispose();
    b.dispose();
  });
});

describe('gpt-finetune training', () => {
  it('LoRA under ZO-SGD and Adam moves only the factors: the checkpoint’s weights stay as loaded', async () => {
    const settings = settingsOf({ tune: TUNING_MODES.indexOf('lora'), rank: 2, batch: 8 });
    const runner = new Runner({
      ...defaultConfig(),
      task: { id: 'gpt-finetune', settings },
      lanes: [defaultLane('zo-sgd', 'gpt-finetune'), defaultLane('adam', 'gpt-finetune')],
      steps: 5,
      evalEvery: 5,
    });
    const fresh = make(settings);
    const before = gptNamesState.of(fresh).gpt.weights();
    fresh.dispose();
    while (!runner.done) await runner.runChunk(5);
    const lanes = (runner as unknown as { lanes: { task: TaskInstance }[] }).lanes;
    for (const lane of lanes) {
      const after = gptNamesState.of(lane.task).gpt.weights();
      for (const [name, values] of Object.entries(after)) {
        if (name.includes('lora_')) continue;
        expect(values, name).toEqual(before[name]);
      }
      expect(Object.keys(after).filter((n) => n.includes('lora_') && n.endsWith('_B')).some((n) => after[n].some((v) => v !== 0))).toBe(true);
    }
    runner.dispose();
  });

  it('brown picture: a continuation per lane after the same held-out prompt, and the loss of every character of a held-out passage', async () => {
    const lanes = [make({ source: source('brown') }), make({ source: source('brown') })];
    const picture = (await buildTaskPicture('gpt-finetune', lanes, 3))!;
    expect(picture.kind).toBe('text');
    if (picture.kind !== 'text') return;
    expect(picture.samples.length).toBe(2);
    for (const sample of picture.samples) {
      expect(sample.startsWith(picture.prompt)).toBe(true);
      expect(sample.length).toBeGreaterThan(picture.prompt.length);
    }
    // Identical lanes, identical random stream: identical pictures.
    expect(picture.samples[1]).toBe(picture.samples[0]);
    expect(Array.from(picture.charLoss[1])).toEqual(Array.from(picture.charLoss[0]));
    expect(picture.charLoss[0].length).toBe(picture.reference.length);
    // The per-character losses spread each token's −ln p over its characters: their mean is a plausible nats per character.
    const mean = picture.charLoss[0].reduce((a, b) => a + b, 0) / picture.charLoss[0].length;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(Math.log(1000));
    lanes.forEach((l) => l.dispose());
  });
});
