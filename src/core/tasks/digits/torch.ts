import { PY_CLASSIFIER, PY_MLP, base64Lines, fillTemplate, type TorchTask } from '../shared/torch';
import { DIGITS_FILE, DIGITS_HEADER_BYTES, digitsHeader } from './data';
import template from './torch.py?raw';
import cnnPy from './torch_cnn.py?raw';
import convPy from './torch_conv.py?raw';
import dataPy from './torch_data.py?raw';
import mlpPy from './torch_mlp.py?raw';
import resnetPy from './torch_resnet.py?raw';

/**
 * PyTorch templates of the digit tasks (the autoencoder's too: ../autoencoder/torch.ts). The script
 * embeds the digits the run uses, still 4-bit packed, as base64 in one string literal: the first
 * `train` training digits and the 1,000 test digits. Architectures, tensor layouts, initial
 * distributions, losses and metrics follow task.ts; random streams are torch's.
 */

/**
 * digits.bin with only the first `train` training digits and every test digit, same format:
 * "ZOD1" | u32 numTrain | u32 numTest | u8 side | u8 4 | u16 0 | labels | pixels, two per byte.
 */
export function digitSubset(bytes: Uint8Array, train: number): Uint8Array {
  const { numTrain, numTest, side } = digitsHeader(bytes);
  const pixels = side * side;
  const kept = Math.max(1, Math.min(train, numTrain));
  const rows = [...Array.from({ length: kept }, (_, i) => i), ...Array.from({ length: numTest }, (_, i) => numTrain + i)];
  const out = new Uint8Array(DIGITS_HEADER_BYTES + rows.length + Math.ceil((rows.length * pixels) / 2));
  out.set(bytes.subarray(0, DIGITS_HEADER_BYTES));
  new DataView(out.buffer).setUint32(4, kept, true);
  const base = DIGITS_HEADER_BYTES + numTrain + numTest;
  const outBase = DIGITS_HEADER_BYTES + rows.length;
  rows.forEach((row, i) => {
    out[DIGITS_HEADER_BYTES + i] = bytes[DIGITS_HEADER_BYTES + row];
    for (let p = 0; p < pixels; p++) {
      const from = row * pixels + p;
      const to = i * pixels + p;
      const byte = bytes[base + (from >> 1)];
      const grey = from & 1 ? byte & 15 : byte >> 4;
      out[outBase + (to >> 1)] |= to & 1 ? grey : grey << 4;
    }
  });
  return out;
}

/**
 * A task on the embedded digits: `fill` fills its `{{data}}` slot with `DigitsTask` (the digits
 * on the device, batches as the playground draws them) and its loader.
 */
export function digitsTorch(fill: (data: string) => string): TorchTask {
  return {
    assets: [DIGITS_FILE],
    code: ({ settings, assets }) => {
      const digits = base64Lines(digitSubset(assets[DIGITS_FILE], settings.train ?? Infinity));
      return fill(fillTemplate(dataPy, { file: DIGITS_FILE, digits, mlp: PY_MLP, classifier: PY_CLASSIFIER }));
    },
  };
}

/** A classifier of the digits: the model code defines `init_params(side, gen)` and `model(params, side, x)`. */
const classifier = (model: string) => digitsTorch((data) => fillTemplate(template, { data, model }));

export const DIGITS_MLP_TORCH = classifier(mlpPy);
export const DIGITS_CNN_TORCH = classifier(`${convPy}\n\n${cnnPy}`);
export const DIGITS_RESNET_TORCH = classifier(`${convPy}\n\n${resnetPy}`);
