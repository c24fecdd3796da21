import { autoencoderView, createAutoencoder } from './autoencoder';
import { charLmView, createCharLm } from './charlm';
import { boundaryView, classify2dFactory } from './classify2d';
import { createDigitsCnn, createDigitsMlp, digitsView } from './digits';
import { landscapeFactory, landscapeView } from './landscape';
import { createQuadratic, quadraticView } from './quadratic';
import { createRegression, regressionView } from './regression';
import { createSentiment, createSentimentFinetune, sentencesView } from './sentiment';
import type { TaskFactory, ViewBuilder } from './types';

const LANDSCAPE_IDS = ['rosenbrock', 'rastrigin', 'ackley', 'himmelblau', 'beale', 'booth'];
const CLASSIFY_IDS = ['spiral', 'moons', 'circles', 'xor'];

/** Task implementations by id (their specs are in `catalog/tasks.ts`). */
export const TASK_FACTORIES: Record<string, TaskFactory> = {
  ...Object.fromEntries(LANDSCAPE_IDS.map((id) => [id, landscapeFactory(id)])),
  quadratic: createQuadratic,
  regression: createRegression,
  ...Object.fromEntries(CLASSIFY_IDS.map((id) => [id, classify2dFactory(id)])),
  'digits-mlp': createDigitsMlp,
  'digits-cnn': createDigitsCnn,
  sentiment: createSentiment,
  'char-lm': createCharLm,
  'digit-autoencoder': createAutoencoder,
  'sentiment-finetune': createSentimentFinetune,
};

/** Each task's picture, by id. */
export const TASK_VIEWS: Record<string, ViewBuilder> = {
  ...Object.fromEntries(LANDSCAPE_IDS.map((id) => [id, landscapeView])),
  quadratic: quadraticView,
  regression: regressionView,
  ...Object.fromEntries(CLASSIFY_IDS.map((id) => [id, boundaryView])),
  'digits-mlp': digitsView,
  'digits-cnn': digitsView,
  sentiment: sentencesView,
  'char-lm': charLmView,
  'digit-autoencoder': autoencoderView,
  'sentiment-finetune': sentencesView,
};

export { loadTaskAssets, setAssetFetcher, TASK_ASSETS } from './assets';
export type { TaskInstance, Batch, TaskFactory, ViewBuilder } from './types';
