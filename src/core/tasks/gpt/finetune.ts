import * as tf from '@tensorflow/tfjs';
import { internals } from '../shared/internals';
import { batchRows } from '../shared/mlp';
import type { LossReference } from '../shared/spec';
import type { Batch, TaskFactory, TaskInstance } from '../types';
import { bpe, brown, names } from './data/assets';
import { nameReferenceLines } from './data/bigram';
import { finetuneNameSets, finetuneStreams, streamRows, windowStarts, type TextStreams } from './finetune-data';
import { GPT_FINETUNE_SPEC, SOURCE_CHECKPOINT, sourceOf, type FinetuneSource } from './finetune-spec';
import type { Gpt } from './model/gpt';
import { nameRows } from './names';
import { PRETRAINED } from './pretrained/checkpoints';
import { pretrainedGpt } from './pretrained/load';
import { gptNamesState, languageModel, nameBatch, tuningOf } from './task';

/** What the Brown picture reads from each lane's instance (the names picture reads gptNamesState). */
export interface GptTextState {
  gpt: Gpt;
  streams: TextStreams;
  vocab: readonly string[];
  seed: number;
}
export const gptTextState = internals<GptTextState>('gpt-finetune');

/** The source of a gpt-finetune instance, for the picture's choice of kind. */
const sources = new WeakMap<TaskInstance, FinetuneSource>();
export const finetuneSource = (lane: TaskInstance): FinetuneSource => {
  const source = sources.get(lane);
  if (!source) throw new Error('not a gpt-finetune instance');
  return source;
};

/**
 * MeZO's setting (Malladi et al. 2023, https://arxiv.org/abs/2305.17333) in miniature: every lane
 * starts from the same checkpoint pre-trained with backprop and fine-tunes it on a corpus it was
 * not trained on, moving only what `tune` says (the rest are frozen plain tensors, so d is the
 * trainable count). names: male → female names, a batch is `batch` names (gpt-names's rows);
 * brown: 13 genres → science_fiction and humor, a batch is `batch` windows of the running text at
 * offsets drawn by the step's stream. The eval set is the new corpus's held-out split, all of it;
 * the metric its perplexity.
 */
export const createGptFinetune: TaskFactory = (settings, seed) => {
  const source = sourceOf(settings);
  const id = SOURCE_CHECKPOINT[source];
  const { gpt, meta } = pretrainedGpt(id, seed, tuningOf(settings));
  const batchSize = settings.batch;
  // The checkpoint's recorded losses: on this task's eval rows (where every lane starts: the runner's
  // first eval is at step evalEvery), and on the held-out split of the corpus it was trained on.
  const spec = PRETRAINED[id];
  const references: LossReference[] = [
    { label: `checkpoint on ${source === 'names' ? 'female names' : spec.shifted.join(' + ')} (step 0)`, value: meta.shifted.lossPerToken },
    { label: `checkpoint on ${source === 'names' ? 'male names' : `its ${spec.corpus.labels.length} genres`}`, value: meta.eval.lossPerToken },
  ];
  let batch: (step: number) => Batch;
  let held: { tokens: Int32Array; targets: Int32Array; rows: number; time: number };
  let state: (instance: TaskInstance) => TaskInstance;
  if (source === 'names') {
    const sets = finetuneNameSets(names(), gpt.config.context);
    const { tokenizer: tok, time, train } = sets;
    held = { ...nameRows(tok, sets.eval, time), rows: sets.eval.length, time };
    references.push({ label: 'bigram (add-one)', value: nameReferenceLines(train, sets.eval).bigram });
    batch = nameBatch(sets, seed, batchSize);
    state = (instance) => gptNamesState.attach(instance, { gpt, sets, trainSet: new Set(train), seed });
  } else {
    const tok = bpe();
    const streams = finetuneStreams(brown(), tok);
    const time = gpt.config.context;
    held = { ...streamRows(streams.eval, time), time };
    batch = (step) => {
      const rows = streamRows(streams.train, time, batchRows(seed, step, batchSize, windowStarts(streams.train, time)));
      return { x: tf.tensor2d(rows.tokens, [batchSize, time], 'int32'), y: tf.tensor2d(rows.targets, [batchSize, time], 'int32') };
    };
    state = (instance) => gptTextState.attach(instance, { gpt, streams, vocab: tok.vocab, seed });
  }
  const instance: TaskInstance = {
    spec: GPT_FINETUNE_SPEC,
    params: gpt.trainable,
    numParams: gpt.numTrainable,
    numTotal: gpt.numTotal,
    references,
    batch,
    ...languageModel(gpt, held),
  };
  sources.set(instance, source);
  return state(instance);
};
