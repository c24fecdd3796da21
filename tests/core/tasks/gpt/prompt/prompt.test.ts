import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../../../../src/cli/backend';
import { LABEL_WORDS, bpe, spam } from '../../../../../src/core/tasks/gpt/data/assets';
import { charTokenizer } from '../../../../../src/core/tasks/gpt/data/chars';
import { jsGpt } from '../../../../../src/core/tasks/gpt/forward';
import { TUNING_MODES, parameterCounts, type GptConfig } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import { GPT_BROWN_CONFIG, PRETRAINED, pretrainedFiles } from '../../../../../src/core/tasks/gpt/pretrained/checkpoints';
import { PROMPT_CHECKPOINT, PROMPT_CHECKPOINT_FILE, PROMPT_FILES, heldOut, kShot, promptRows, type Example } from '../../../../../src/core/tasks/gpt/prompt';
import { HELD_OUT_MESSAGES, K_CHOICES, TEMPLATE_CHOICES, TEMPLATE_TEXT } from '../../../../../src/core/tasks/gpt/prompt-spec';
import { labelScores, promptState } from '../../../../../src/core/tasks/gpt/prompt-task';
import { tuningOf } from '../../../../../src/core/tasks/gpt/task';
import { batchRows } from '../../../../../src/core/tasks/shared/mlp';
import type { TaskInstance } from '../../../../../src/core/tasks/types';
import { scrambledWeights } from '../../../../helpers/gpt';
import { make, setUpTasks } from '../../../../helpers/tasks';

/**
 * prompt-classify against an independent scorer: the float64 forward pass of gpt/forward.ts (tested
 * against the tfjs model and PyTorch) reads each prompt built here by hand from the message, and
 * LM-BFF's loss is written out from its log-probabilities. The tfjs runs are on wasm, the CLI's
 * backend (the Brown GPT is slow on tfjs's cpu backend).
 */
beforeAll(async () => {
  await setUpTasks();
  setWasmPaths(fileURLToPath(new URL('../../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  await startNodeBackend('wasm');
});
afterAll(() => startNodeBackend('cpu'));

const tuneIndex = (mode: string) => TUNING_MODES.indexOf(mode as (typeof TUNING_MODES)[number]);
const CLASSES = ['ham', 'spam'] as const;

/** log p(word | prompt) of each class, from the float64 forward pass, for the BPE's single-token words. */
function independentScores(task: TaskInstance, examples: readonly Example[], template: string): number[][] {
  const { gpt } = promptState.of(task);
  const model = jsGpt(gpt.config, gpt.tuning, gpt.weights());
  const tok = bpe();
  const words = CLASSES.map((c) => tok.encode(LABEL_WORDS[c]));
  expect(words.every((w) => w.length === 1)).toBe(true);
  const suffix = tok.encode(template);
  return examples.map((ex) => {
    const prompt = [tok.boundary, ...tok.encode(ex.text).slice(0, GPT_BROWN_CONFIG.context - 1 - suffix.length), ...suffix];
    const logp = model.logProbs(prompt);
    const last = logp.subarray((prompt.length - 1) * tok.vocab.length);
    return words.map(([w]) => last[w]);
  });
}

/** LM-BFF's loss: −log softmax(scores)[label], averaged; and the argmax's accuracy. */
function crossEntropy(scores: number[][], labels: number[]): { loss: number; accuracy: number } {
  let nats = 0;
  let right = 0;
  scores.forEach((s, i) => {
    const max = Math.max(...s);
    const logZ = max + Math.log(s.reduce((a, x) => a + Math.exp(x - max), 0));
    nats += logZ - s[labels[i]];
    right += s.indexOf(max) === labels[i] ? 1 : 0;
  });
  return { loss: nats / scores.length, accuracy: right / scores.length };
}

const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('prompt-classify: data', () => {
  it('starts from the Brown checkpoint (the files it loads are that checkpoint’s)', () => {
    expect(PRETRAINED[PROMPT_CHECKPOINT].file).toBe(PROMPT_CHECKPOINT_FILE);
    for (const f of PROMPT_FILES) expect([...pretrainedFiles(PROMPT_CHECKPOINT), 'spam.txt']).toContain(f);
  });

  it.each(K_CHOICES.map(Number))('the k-shot set has exactly k = %i training messages of each class, distinct, drawn by the seed', (k) => {
    const corpus = spam();
    const set = kShot(corpus, k, 3);
    CLASSES.forEach((name, label) => {
      const mine = set.filter((ex) => ex.label === label).map((ex) => ex.text);
      expect(mine).toHaveLength(k);
      expect(new Set(mine).size).toBe(k);
      const pool = new Set(corpus.train(name));
      expect(mine.every((t) => pool.has(t))).toBe(true);
    });
    expect(kShot(corpus, k, 3)).toEqual(set);
    expect(kShot(corpus, k, 4)).not.toEqual(set);
    // A larger k draws more messages, not others: the first of the class's shuffle are the same.
    if (k < 512) expect(kShot(corpus, 512, 3).filter((ex) => ex.label === 0).slice(0, k)).toEqual(set.filter((ex) => ex.label === 0));
  });

  it('refuses a k larger than a class’s training split', () => {
    expect(() => kShot(spam(), 5000, 1)).toThrow(/fewer than k = 5000/);
  });

  it('`held` scores that many held-out messages, spread over both classes', () => {
    const few = heldOut(spam(), 16);
    expect(few).toHaveLength(16);
    expect(few.filter((ex) => ex.label === 1).length).toBe(8);
    expect(new Set(few.map((ex) => ex.text)).size).toBe(16);
  });

  it('evaluates on every held-out message, none of them in any k-shot set', () => {
    const held = heldOut(spam());
    expect(held).toHaveLength(spam().eval('ham').length + spam().eval('spam').length);
    const train = new Set(kShot(spam(), 512, 1).map((ex) => ex.text));
    expect(held.some((ex) => train.has(ex.text))).toBe(false);
  });
});

describe('prompt-classify: the loss is the cross-entropy over the label words’ scores', () => {
  it.each([
    ['full', 'this-is'],
    ['lora', 'it-was'],
  ])('tune = %s, template %s: a batch’s loss and the eval loss and accuracy (step 0: zero-shot)', (mode, template) => {
    const seed = 2;
    const settings = { k: 0, tune: tuneIndex(mode), rank: 2, template: TEMPLATE_CHOICES.indexOf(template as 'this-is'), batch: 8, held: HELD_OUT_MESSAGES };
    const task = make('prompt-classify', settings, seed);
    const text = TEMPLATE_TEXT[template as 'this-is'];
    const train = kShot(spam(), 16, seed);
    const picks = Array.from(batchRows(seed, 5, 8, train.length), (i) => train[i]);
    const batch = task.batch(5)!;
    const expected = crossEntropy(independentScores(task, picks, text), picks.map((ex) => ex.label));
    expect(value(task.loss(batch))).toBeCloseTo(expected.loss, 4);
    tf.dispose([batch.x, batch.y]);

    const held = heldOut(spam());
    expect(held).toHaveLength(HELD_OUT_MESSAGES);
    const evalExpected = crossEntropy(independentScores(task, held, text), held.map((ex) => ex.label));
    const [loss, accuracy] = task.evaluate().map(value);
    expect(loss).toBeCloseTo(evalExpected.loss, 4);
    expect(accuracy).toBeCloseTo(evalExpected.accuracy, 6);
    // The loss chart's reference line is this step-0 (zero-shot) value, its accuracy in the label.
    expect(task.references).toHaveLength(1);
    expect(task.references![0].value).toBeCloseTo(evalExpected.loss, 4);
    expect(task.references![0].label).toContain(`accuracy ${(100 * evalExpected.accuracy).toFixed(1)}%`);
    task.dispose();
  });

  it('with characters, a label word of several tokens scores the sum of its tokens’ log-probabilities (LM-BFF)', () => {
    const examples: Example[] = [
      { text: 'win cash now', label: 1 },
      { text: 'meeting at noon', label: 0 },
      { text: 'free offer', label: 1 },
    ];
    const words = [LABEL_WORDS.ham, LABEL_WORDS.spam];
    const tok = charTokenizer([...examples.map((e) => e.text), ...words, ' This is']);
    const config: GptConfig = { vocab: tok.vocab.length, layers: 1, width: 16, heads: 2, context: 32 };
    const tuning = { mode: 'full' } as const;
    const weights = scrambledWeights(config, tuning, 5);
    const gpt = createGpt(config, 0, { tuning, weights });
    const wordTokens = words.map((w) => tok.encode(w));
    const rows = promptRows(tok, examples, ' This is', wordTokens, config.context);
    expect(rows.perExample).toBe(2);
    const scores = tf.tidy(() => {
      const x = tf.tensor2d(rows.tokens, [rows.examples * rows.perExample, rows.time], 'int32');
      const y = tf.tensor3d(rows.targets, [rows.examples * rows.perExample, rows.classes + 2, rows.slots], 'int32');
      return labelScores(gpt, x, y, rows.perExample).arraySync();
    });
    const model = jsGpt(config, tuning, weights);
    examples.forEach((ex, e) =>
      wordTokens.forEach((word, c) => {
        // log p(w₁ | prompt) + log p(w₂ | prompt w₁) + …, each from a forward pass of its own.
        const prompt = [tok.boundary, ...tok.encode(ex.text), ...tok.encode(' This is')];
        let sum = 0;
        word.forEach((w, j) => {
          const seq = [...prompt, ...word.slice(0, j)];
          sum += model.logProbs(seq)[(seq.length - 1) * config.vocab + w];
        });
        expect(scores[e][c]).toBeCloseTo(sum, 3);
      }),
    );
    gpt.dispose();
  });
});

describe('prompt-classify: what to tune', () => {
  it.each(TUNING_MODES)('%s: frozen weights are plain tensors, the trained ones tf.Variables, d = parameterCounts’ trainable', (mode) => {
    const settings = { tune: tuneIndex(mode), rank: 3, prefix: 2 };
    const task = make('prompt-classify', settings, 1);
    const { gpt } = promptState.of(task);
    const counts = parameterCounts(GPT_BROWN_CONFIG, tuningOf({ ...settings }));
    expect(task.numParams).toBe(counts.trainable);
    expect(task.numTotal).toBe(counts.total);
    expect(task.params.reduce((a, p) => a + p.size, 0)).toBe(counts.trainable);
    const trained = new Set<tf.Tensor>(task.params);
    for (const [name, t] of Object.entries(gpt.params)) expect(t instanceof tf.Variable, name).toBe(trained.has(t));
    task.dispose();
  });

  it('LoRA starts at the checkpoint (B = 0): the same step-0 eval loss as full fine-tuning', () => {
    const full = make('prompt-classify', { tune: tuneIndex('full') }, 1);
    const lora = make('prompt-classify', { tune: tuneIndex('lora') }, 1);
    const [a, b] = [full, lora].map((t) => value(t.evaluate()[0]));
    expect(b).toBeCloseTo(a, 5);
    full.dispose();
    lora.dispose();
  });
});
