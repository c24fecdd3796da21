import type { CheckpointTensor } from '../../sentiment/checkpoint';
import { validateGptConfig, type GptConfig } from './config';
import type { Gpt } from './gpt';

/**
 * A GPT checkpoint: the config and named float32 tensors. Format (little-endian), read by
 * ../torch_gpt.py as well:
 *   "ZOG1" | u32 vocab, layers, width, heads, context | u32 numTensors |
 *   per tensor: u32 nameBytes, the name in ASCII zero-padded to a multiple of 4, u32 rank, u32 × rank dims |
 *   float32 values of every tensor, in that order.
 * Names are nanoGPT's (config.ts); LoRA factors and prefixes may be included, so a fine-tuned run saves whole.
 */
export const GPT_CHECKPOINT_MAGIC = 'ZOG1';
const CONFIG_KEYS = ['vocab', 'layers', 'width', 'heads', 'context'] as const;

export type { CheckpointTensor };

export interface GptCheckpoint {
  config: GptConfig;
  tensors: Record<string, CheckpointTensor>;
}

const padded = (n: number) => Math.ceil(n / 4) * 4;

export function encodeGptCheckpoint(config: GptConfig, tensors: Readonly<Record<string, CheckpointTensor>>): Uint8Array {
  validateGptConfig(config);
  const entries = Object.entries(tensors);
  for (const [name, t] of entries) {
    if (!/^[\x20-\x7e]+$/.test(name)) throw new Error(`gpt checkpoint: tensor name '${name}' is not printable ASCII`);
    if (t.values.length !== t.shape.reduce((a, b) => a * b, 1)) throw new Error(`gpt checkpoint: ${name} has ${t.values.length} values for shape [${t.shape.join(', ')}]`);
  }
  const headerBytes = 4 + 4 * CONFIG_KEYS.length + 4 + entries.reduce((a, [name, t]) => a + 4 + padded(name.length) + 4 + 4 * t.shape.length, 0);
  const numValues = entries.reduce((a, [, t]) => a + t.values.length, 0);
  const out = new Uint8Array(headerBytes + 4 * numValues);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = GPT_CHECKPOINT_MAGIC.charCodeAt(i);
  let offset = 4;
  const u32 = (v: number) => {
    view.setUint32(offset, v, true);
    offset += 4;
  };
  CONFIG_KEYS.forEach((key) => u32(config[key]));
  u32(entries.length);
  for (const [name, t] of entries) {
    u32(name.length);
    for (let i = 0; i < name.length; i++) out[offset + i] = name.charCodeAt(i);
    offset += padded(name.length);
    u32(t.shape.length);
    t.shape.forEach(u32);
  }
  for (const [, t] of entries)
    for (const v of t.values) {
      view.setFloat32(offset, v, true);
      offset += 4;
    }
  return out;
}

export function decodeGptCheckpoint(bytes: Uint8Array): GptCheckpoint {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== GPT_CHECKPOINT_MAGIC) throw new Error(`gpt checkpoint: bad magic '${magic}'`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 4;
  const u32 = () => {
    const v = view.getUint32(offset, true);
    offset += 4;
    return v;
  };
  const config = validateGptConfig(Object.fromEntries(CONFIG_KEYS.map((key) => [key, u32()])) as unknown as GptConfig);
  const header = Array.from({ length: u32() }, () => {
    const length = u32();
    const name = String.fromCharCode(...bytes.subarray(offset, offset + length));
    offset += padded(length);
    const shape = Array.from({ length: u32() }, u32);
    return { name, shape };
  });
  const tensors: Record<string, CheckpointTensor> = {};
  for (const { name, shape } of header) {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++, offset += 4) values[i] = view.getFloat32(offset, true);
    tensors[name] = { shape, values };
  }
  if (offset !== bytes.byteLength) throw new Error(`gpt checkpoint: ${bytes.byteLength - offset} bytes after the last tensor`);
  return { config, tensors };
}

/** The model's current weights (base and extras) as a checkpoint. */
export function gptCheckpoint(gpt: Gpt): Uint8Array {
  const values = gpt.weights();
  return encodeGptCheckpoint(gpt.config, Object.fromEntries(Object.entries(gpt.params).map(([name, t]) => [name, { shape: t.shape, values: values[name] }])));
}

/** A decoded checkpoint's values by name, as createGpt's `weights` option takes them. */
export function checkpointWeights(checkpoint: GptCheckpoint): Record<string, Float32Array> {
  return Object.fromEntries(Object.entries(checkpoint.tensors).map(([name, t]) => [name, t.values]));
}
