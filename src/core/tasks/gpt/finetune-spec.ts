import { choiceParam } from '../../params';
import { batchSetting, type TaskSpec } from '../shared/spec';
import type { PretrainedId } from './pretrained/checkpoints';
import { GPT_SETTINGS } from './spec';

/** Where gpt-finetune's lanes start and what they move to (the `source` setting's choices). */
export const FINETUNE_SOURCES = ['names', 'brown'] as const;
export type FinetuneSource = (typeof FINETUNE_SOURCES)[number];

/** The checkpoint each source starts from (pretrained/checkpoints.ts; its `shifted` labels are the fine-tuning corpus). */
export const SOURCE_CHECKPOINT: Readonly<Record<FinetuneSource, PretrainedId>> = { names: 'gpt-male-names', brown: 'gpt-brown' };

export const sourceOf = (settings: Readonly<Record<string, number>>): FinetuneSource => FINETUNE_SOURCES[settings.source ?? 0] ?? 'names';

/** What to tune, as in every GPT task (the model's shape is the checkpoint's). */
const TUNING_SETTINGS = GPT_SETTINGS.filter((s) => ['tune', 'rank', 'prefix'].includes(s.name));

export const GPT_FINETUNE_SPEC: TaskSpec<'gpt-finetune'> = {
  id: 'gpt-finetune',
  label: 'GPT fine-tuning (MeZO’s table)',
  description:
    'Every lane starts from a tiny GPT pre-trained with backprop (Adam, by npm run pretrain) and is fine-tuned on a shifted ' +
    'corpus: the generator of male names learns female names (14,144 weights), or the Brown-corpus model (106k weights) ' +
    'learns the two genres it never saw, science fiction and humor. What to tune sets d, the weights that move (full, ' +
    'LoRA, prefix, BitFit biases, the last block); the others are frozen. Loss: nats per token on the new corpus’s ' +
    'held-out text. Metric: perplexity. The chart shows the checkpoint’s recorded loss there (step 0) and on the ' +
    'corpus it was trained on. Picture: new names per lane and the loss on each letter of held-out names (names), or ' +
    'a continuation per lane and the loss on each character of held-out text (brown).',
  metric: 'perplexity',
  suggested: { 'zo-sgd': { lr: 0.0005, eps: 0.001 }, adam: { lr: 0.001 } },
  settings: [
    choiceParam('source', 'checkpoint → corpus', FINETUNE_SOURCES, 'names: pre-trained on male names, fine-tuned on female names; brown: pre-trained on 13 Brown genres, fine-tuned on science_fiction and humor.'),
    ...TUNING_SETTINGS,
    batchSetting(16, 256),
  ],
};
