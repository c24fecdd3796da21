import { batchSetting, type TaskSpec } from '../shared/spec';

export const SENTIMENT_SPEC: TaskSpec<'sentiment'> = {
  id: 'sentiment',
  label: 'Sentiment (language understanding)',
  description:
    'Short synthetic reviews built from AFINN-165 rated words among filler words; the label is the ' +
    'sign of their summed valence. Bag-of-embeddings model: mean word vector, then a linear layer. ' +
    'Metric: accuracy on 500 held-out sentences. Picture: sentences with each lane’s verdict.',
  metric: 'accuracy',
  suggested: { 'zo-sgd': { lr: 0.1 }, adam: { lr: 0.03 } },
  settings: [
    { name: 'words', label: 'rated words', default: 40, min: 4, max: 200, log: true, integer: true, meaning: 'Rated words of the lexicon in use (half positive): more words, sparser evidence per word.' },
    { name: 'dim', label: 'embedding size', default: 4, min: 1, max: 64, log: true, integer: true, meaning: 'Numbers per word vector.' },
    { name: 'sentences', label: 'training sentences', default: 2000, min: 50, max: 20000, log: true, integer: true, meaning: 'Sentences in the training set.' },
    batchSetting(32),
  ],
};

export const SENTIMENT_FINETUNE_SPEC: TaskSpec<'sentiment-finetune'> = {
  id: 'sentiment-finetune',
  label: 'Sentiment fine-tuning (MeZO’s use)',
  description:
    'Every lane starts from the same checkpoint, pre-trained with backprop on the sentiment task ' +
    '(by npm run pretrain), and is fine-tuned on a shifted domain where a fraction of the rated words ' +
    'has flipped polarity. Metric: accuracy on the shifted domain. Picture: sentences (flipped words marked) with each lane’s verdict.',
  metric: 'accuracy',
  suggested: { 'zo-sgd': { lr: 0.1 }, adam: { lr: 0.03 } },
  settings: [
    { name: 'shift', label: 'shifted words', default: 0.3, min: 0, max: 1, log: false, meaning: 'Fraction of the rated words whose polarity flips in the new domain.' },
    { name: 'sentences', label: 'training sentences', default: 2000, min: 50, max: 20000, log: true, integer: true, meaning: 'Sentences in the training set.' },
    batchSetting(32),
  ],
};

export const SENTIMENT_SPECS = [SENTIMENT_SPEC, SENTIMENT_FINETUNE_SPEC] as const;
