import { AUTOENCODER_TORCH } from './autoencoder/torch';
import { CHAR_LM_TORCH } from './char-lm/torch';
import { CLASSIFY2D_SPECS } from './classify2d/spec';
import { classify2dTorch } from './classify2d/torch';
import { DIGITS_CNN_TORCH, DIGITS_MLP_TORCH, DIGITS_RESNET_TORCH } from './digits/torch';
import { DIGITS_GAN_TORCH } from './gan/torch';
import { GPT_FINETUNE_TORCH } from './gpt/finetune-torch';
import { PROMPT_CLASSIFY_TORCH } from './gpt/prompt-torch';
import { GPT_NAMES_TORCH } from './gpt/torch';
import { LANDSCAPE_SPECS } from './landscape/spec';
import { landscapeTorch } from './landscape/torch';
import { QUADRATIC_TORCH } from './quadratic/torch';
import { REGRESSION_TORCH } from './regression/torch';
import { SENTIMENT_FINETUNE_TORCH, SENTIMENT_TORCH } from './sentiment/torch';
import { byId } from './shared/spec';
import type { TorchTask } from './shared/torch';
import type { TaskId } from './specs';

/**
 * Each task's PyTorch template, for "Export as PyTorch script" (the script builder adds the
 * optimizer and the loop). Pure: no tfjs, so the page may import it. The templates are the .py
 * files of each family's folder, imported as text (Vite's `?raw`) by the family's torch.ts.
 */
export const TORCH_TASKS: Readonly<Record<TaskId, TorchTask>> = {
  ...byId(CLASSIFY2D_SPECS, (spec) => classify2dTorch(spec.id)),
  ...byId(LANDSCAPE_SPECS, (spec) => landscapeTorch(spec.id)),
  quadratic: QUADRATIC_TORCH,
  regression: REGRESSION_TORCH,
  'digits-mlp': DIGITS_MLP_TORCH,
  'digits-cnn': DIGITS_CNN_TORCH,
  'digits-resnet': DIGITS_RESNET_TORCH,
  'digit-autoencoder': AUTOENCODER_TORCH,
  'digits-gan': DIGITS_GAN_TORCH,
  sentiment: SENTIMENT_TORCH,
  'sentiment-finetune': SENTIMENT_FINETUNE_TORCH,
  'char-lm': CHAR_LM_TORCH,
  'gpt-names': GPT_NAMES_TORCH,
  'prompt-classify': PROMPT_CLASSIFY_TORCH,
  'gpt-finetune': GPT_FINETUNE_TORCH,
};

export type { TorchTask } from './shared/torch';
export { base64Lines } from './shared/torch';
export { digitSubset } from './digits/torch';
