import { TRAIN_DIGITS_SETTING } from '../digits/spec';
import { batchSetting, hiddenSetting, type TaskSpec } from '../shared/spec';

export const AUTOENCODER_SPEC: TaskSpec<'digit-autoencoder'> = {
  id: 'digit-autoencoder',
  label: 'Digit autoencoder (image generation)',
  description:
    'A tiny autoencoder on the 14×14 digits: 196 → h → k → h → 196 with a sigmoid output and a ' +
    'per-pixel squared-error loss; its decoder turns k-number codes into images. Metric: PSNR (dB) on ' +
    'the test digits. Picture: reconstructions, and samples decoded from random codes.',
  metric: 'PSNR (dB)',
  suggested: { 'zo-sgd': { lr: 0.05 }, adam: { lr: 0.005 } },
  settings: [
    hiddenSetting(32, 128),
    { name: 'latent', label: 'code size k', default: 2, min: 1, max: 32, log: true, integer: true, meaning: 'Numbers in the code between encoder and decoder.' },
    TRAIN_DIGITS_SETTING,
    batchSetting(32),
  ],
};
