import { TRAIN_DIGITS_SETTING } from '../digits/spec';
import { batchSetting, hiddenSetting, type TaskSpec } from '../shared/spec';

export const DIGITS_GAN_SPEC: TaskSpec<'digits-gan'> = {
  id: 'digits-gan',
  label: 'Digits GAN (two-player game)',
  description:
    'A generator k → h → 196 (tanh, sigmoid pixels) against a discriminator 196 → h_D → 1 on the ' +
    '14×14 digits (Goodfellow et al. 2014). The lane’s optimizer trains only the generator, on the ' +
    'non-saturating loss −log D(G(z)), from D’s score alone: a zeroth-order lane never sees D’s ' +
    'gradient. After every generator step the discriminator takes one Adam step by backprop on the ' +
    'same real digits and codes in every lane, so lanes differ only in the generator’s optimizer. ' +
    'Expect a hard game for ZO: D keeps learning while a noisy generator barely moves, so its loss ' +
    'climbs and its samples stay blurry. Metric: D’s loss on the test digits and fixed codes (ln 4 ' +
    '≈ 1.39 when D cannot tell; low when it wins). Picture: samples from the same codes per lane, and ' +
    'D’s loss over time.',
  metric: 'D loss',
  suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.002, beta1: 0.5 } },
  settings: [
    { name: 'latent', label: 'code size k', default: 8, min: 1, max: 64, log: true, integer: true, meaning: 'Random numbers the generator turns into a digit.' },
    hiddenSetting(32, 128),
    { name: 'dHidden', label: 'D hidden width', default: 32, min: 2, max: 128, log: true, integer: true, meaning: 'Units in the discriminator’s hidden layer.' },
    { name: 'dLr', label: 'D learning rate', default: 0.002, min: 1e-5, max: 0.1, log: true, meaning: 'Step size of the discriminator’s Adam (β₁ = 0.5, β₂ = 0.999), the same in every lane.' },
    TRAIN_DIGITS_SETTING,
    batchSetting(32),
  ],
};
