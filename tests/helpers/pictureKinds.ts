import type { TaskPictureKind } from '../../src/core/tasks/picture';
import type { TaskId } from '../../src/core/tasks/specs';

/** The picture each task shows, as its spec's description promises (the unit and the browser picture tests both check it). */
export const EXPECTED_KIND: Record<TaskId, TaskPictureKind> = {
  spiral: 'boundary',
  moons: 'boundary',
  circles: 'boundary',
  xor: 'boundary',
  rosenbrock: 'landscape',
  rastrigin: 'landscape',
  ackley: 'landscape',
  himmelblau: 'landscape',
  beale: 'landscape',
  booth: 'landscape',
  quadratic: 'spectrum',
  regression: 'fit',
  'digits-mlp': 'digits',
  'digits-cnn': 'digits',
  'digits-resnet': 'digits',
  'digit-autoencoder': 'images',
  'digits-gan': 'gan',
  sentiment: 'sentences',
  'sentiment-finetune': 'sentences',
  'char-lm': 'text',
  'gpt-names': 'names',
  'prompt-classify': 'sentences',
  'gpt-finetune': 'names',
};
