import { batchSetting, hiddenSetting, type TaskSpec } from '../shared/spec';

export const CHAR_LM_SPEC: TaskSpec<'char-lm'> = {
  id: 'char-lm',
  label: 'Character language model (text generation)',
  description:
    'Next-character prediction on text from a seeded toy grammar ("the red fox chases a dog."), by an ' +
    'MLP over the previous characters’ embeddings (Bengio et al. 2003). Metric: perplexity per ' +
    'character on held-out text. Picture: a live sample per lane, and the loss on each character of a fixed text.',
  metric: 'perplexity',
  suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.01 } },
  settings: [
    { name: 'context', label: 'context (chars)', default: 6, min: 1, max: 32, log: false, integer: true, meaning: 'Previous characters the model sees.' },
    { name: 'embed', label: 'embedding size', default: 8, min: 1, max: 64, log: true, integer: true, meaning: 'Numbers per character vector.' },
    hiddenSetting(64, 512),
    { name: 'sentences', label: 'training sentences', default: 2000, min: 50, max: 50000, log: true, integer: true, meaning: 'Sentences of generated training text.' },
    batchSetting(32),
  ],
};
