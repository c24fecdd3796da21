import * as tf from '@tensorflow/tfjs';
import { hashString } from '../../random/philox';
import { internals } from '../shared/internals';
import { accuracy, batchRows, countParams, createMlp, crossEntropy, gatherRows, glorotVariable, oneHot, zerosVariable } from '../shared/mlp';
import type { TaskSpec } from '../shared/spec';
import type { Batch, TaskFactory } from '../types';
import { digits } from './data';
import { DIGITS_CNN_SPEC, DIGITS_MLP_SPEC, DIGITS_RESNET_SPEC } from './spec';

/** A classifier of flattened images [batch, side²] into 10 logits. */
interface DigitModel {
  params: tf.Variable[];
  apply(x: tf.Tensor): tf.Tensor; // [batch, 10]
}

interface DigitsState {
  model: DigitModel;
  testX: tf.Tensor2D; // [numTest, side²]
}

/** What the picture reads from each lane's instance. */
export const digitsState = internals<DigitsState>('digits');

/** side² → hidden → 10, tanh. */
function mlpModel(side: number, settings: Record<string, number>, seed: number): DigitModel {
  return createMlp([side * side, settings.hidden, 10], seed, hashString('digits-mlp'));
}

/**
 * Two 3×3 convolutions with stride 2 and 'same' padding (side → ⌈side/2⌉ → ⌈side/4⌉; 14 → 7 → 4),
 * c then 2c channels, tanh, then a dense layer to 10 logits.
 */
function cnnModel(side: number, settings: Record<string, number>, seed: number): DigitModel {
  const key = hashString('digits-cnn');
  const c = settings.channels;
  const out = Math.ceil(side / 4);
  const flat = out * out * 2 * c;
  const params = [
    glorotVariable([3, 3, 1, c], 9, 9 * c, seed, key, 0), // [kh, kw, in, out]
    zerosVariable([c]),
    glorotVariable([3, 3, c, 2 * c], 9 * c, 18 * c, seed, key, 1),
    zerosVariable([2 * c]),
    glorotVariable([flat, 10], flat, 10, seed, key, 2),
    zerosVariable([10]),
  ];
  const [k1, b1, k2, b2, w, b] = params;
  const apply = (x: tf.Tensor) => {
    const img = tf.reshape(x, [-1, side, side, 1]) as tf.Tensor4D; // [batch, side, side, 1]
    const h1 = tf.tanh(tf.add(tf.conv2d(img, k1 as tf.Tensor4D, 2, 'same'), b1)) as tf.Tensor4D;
    const h2 = tf.tanh(tf.add(tf.conv2d(h1, k2 as tf.Tensor4D, 2, 'same'), b2)); // [batch, out, out, 2c]
    return tf.add(tf.matMul(tf.reshape(h2, [-1, flat]) as tf.Tensor2D, w as tf.Tensor2D), b);
  };
  return { params, apply };
}

const CPU_BACKENDS = new Set(['cpu', 'wasm']);

/**
 * tf.conv2d(x, k, stride, 'same') whose filter gradient is kh·kw matrix products of strided input
 * patches with dy (the input gradient is tfjs's own, a transposed convolution): tfjs's cpu kernel for
 * the filter gradient (also what the wasm backend borrows) reads every element through a
 * bounds-checked accessor and dominated a backprop step of this net. GPU backends use tf.conv2d as is.
 */
export function convSame(x: tf.Tensor4D, kernel: tf.Tensor4D, stride: 1 | 2): tf.Tensor4D {
  // The GPU backends' own kernel is fast, and each extra op is another shader to compile there.
  if (!CPU_BACKENDS.has(tf.getBackend())) return tf.conv2d(x, kernel, stride, 'same');
  const conv = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, k, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([input, k]);
    return {
      value: tf.conv2d(input, k, stride, 'same'),
      gradFunc: (dy, saved) => {
        const [xs, ks] = saved as [tf.Tensor4D, tf.Tensor4D];
        const [b, h, w, cIn] = xs.shape;
        const [kh, kw, , cOut] = ks.shape;
        const [, oh, ow] = dy.shape; // dy [batch, ⌈h/stride⌉, ⌈w/stride⌉, cOut]
        // TensorFlow's 'same' padding: ⌊total/2⌋ before, the rest after.
        const padH = Math.max((oh - 1) * stride + kh - h, 0);
        const padW = Math.max((ow - 1) * stride + kw - w, 0);
        const padded = tf.pad(xs, [[0, 0], [padH >> 1, padH - (padH >> 1)], [padW >> 1, padW - (padW >> 1)], [0, 0]]);
        const dyRows = tf.reshape(dy, [b * oh * ow, cOut]);
        const taps: tf.Tensor[] = []; // per kernel tap [cIn, cOut]
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) {
            const patch = tf.stridedSlice(padded, [0, i, j, 0], [b, i + (oh - 1) * stride + 1, j + (ow - 1) * stride + 1, cIn], [1, stride, stride, 1]);
            taps.push(tf.matMul(tf.reshape(patch, [b * oh * ow, cIn]), dyRows, true, false));
          }
        return [tf.conv2dTranspose(dy as tf.Tensor4D, ks, xs.shape, stride, 'same'), tf.reshape(tf.stack(taps), [kh, kw, cIn, cOut])];
      },
    };
  });
  return conv(x, kernel) as tf.Tensor4D;
}

/** Weights of the ResNet for c stem channels: 280c² + 62c + 10 (stem, two stages, dense head). */
export const resnetParamCount = (c: number) => 280 * c * c + 62 * c + 10;

/**
 * A residual stage that halves the image (pre-activation, He et al. 2016, https://arxiv.org/abs/1603.05027,
 * without batch norm): a = tanh(h); out = P ∗₂ a + K₂ ∗ tanh(K₁ ∗₂ a + b₁) + b₂, with P a 1×1
 * projection. K₂ starts at zero (Fixup, Zhang et al. 2019, https://arxiv.org/abs/1901.09321), so at
 * the start each stage is its skip path.
 */
function residualStage(cIn: number, cOut: number, seed: number, key: number, index: number) {
  const params = [
    glorotVariable([3, 3, cIn, cOut], 9 * cIn, 9 * cOut, seed, key, index), // K₁ [3, 3, cIn, cOut]
    zerosVariable([cOut]),
    zerosVariable([3, 3, cOut, cOut]), // K₂
    zerosVariable([cOut]),
    glorotVariable([1, 1, cIn, cOut], cIn, cOut, seed, key, index + 1), // P
  ];
  const [k1, b1, k2, b2, p] = params as tf.Tensor4D[];
  const apply = (h: tf.Tensor4D) => {
    const a = tf.tanh(h);
    const branch = convSame(tf.tanh(tf.add(convSame(a, k1, 2), b1)) as tf.Tensor4D, k2, 1);
    return tf.add(convSame(a, p, 2), tf.add(branch, b2)) as tf.Tensor4D;
  };
  return { params, apply };
}

/**
 * A 3×3 stem (c channels, stride 1), residual stages to 2c and 4c channels (side → ⌈side/2⌉ →
 * ⌈side/4⌉; 14 → 7 → 4), tanh, global average pooling, and a dense layer to 10 logits.
 */
function resnetModel(side: number, settings: Record<string, number>, seed: number): DigitModel {
  const key = hashString('digits-resnet');
  const c = settings.channels;
  const stem = [glorotVariable([3, 3, 1, c], 9, 9 * c, seed, key, 0), zerosVariable([c])];
  const stage1 = residualStage(c, 2 * c, seed, key, 1);
  const stage2 = residualStage(2 * c, 4 * c, seed, key, 3);
  const head = [glorotVariable([4 * c, 10], 4 * c, 10, seed, key, 5), zerosVariable([10])];
  const apply = (x: tf.Tensor) => {
    const img = tf.reshape(x, [-1, side, side, 1]) as tf.Tensor4D; // [batch, side, side, 1]
    const h0 = tf.add(convSame(img, stem[0] as tf.Tensor4D, 1), stem[1]) as tf.Tensor4D; // [batch, side, side, c]
    const h2 = stage2.apply(stage1.apply(h0)); // [batch, ⌈side/4⌉, ⌈side/4⌉, 4c]
    const pooled = tf.mean(tf.tanh(h2), [1, 2]) as tf.Tensor2D; // [batch, 4c]
    return tf.add(tf.matMul(pooled, head[0] as tf.Tensor2D), head[1]);
  };
  return { params: [...stem, ...stage1.params, ...stage2.params, ...head], apply };
}

/**
 * Digit recognition on the packed MNIST subset (14×14, see src/cli/build-data.ts): `train` training
 * digits, batches drawn with replacement; eval loss and accuracy on the 1,000 test digits.
 */
function digitsFactory(spec: TaskSpec, build: typeof mlpModel): TaskFactory {
  return (settings, seed) => {
    const data = digits();
    const pixels = data.side * data.side;
    const numTrain = Math.min(settings.train, data.numTrain);
    const batchSize = settings.batch;
    const testX = tf.tensor2d(data.pixels.subarray(data.numTrain * pixels), [data.numTest, pixels]);
    const testY = tf.tensor2d(oneHot(data.labels.subarray(data.numTrain), null, 10), [data.numTest, 10]);
    const model = build(data.side, settings, seed);
    return digitsState.attach(
      {
        spec,
        params: model.params,
        numParams: countParams(model.params),
        batch(step: number): Batch {
          const rows = batchRows(seed, step, batchSize, numTrain);
          return {
            x: tf.tensor2d(gatherRows(data.pixels, pixels, rows), [batchSize, pixels]), // [batch, side²]
            y: tf.tensor2d(oneHot(data.labels, rows, 10), [batchSize, 10]), // [batch, 10]
          };
        },
        loss: (batch) => tf.tidy(() => crossEntropy(model.apply(batch!.x), batch!.y)),
        evaluate: () =>
          tf.tidy(() => {
            const logits = model.apply(testX);
            return [crossEntropy(logits, testY), accuracy(logits, testY)];
          }),
        dispose() {
          tf.dispose([...model.params, testX, testY]);
        },
      },
      { model, testX },
    );
  };
}

export const createDigitsMlp = digitsFactory(DIGITS_MLP_SPEC, mlpModel);
export const createDigitsCnn = digitsFactory(DIGITS_CNN_SPEC, cnnModel);
export const createDigitsResnet = digitsFactory(DIGITS_RESNET_SPEC, resnetModel);
