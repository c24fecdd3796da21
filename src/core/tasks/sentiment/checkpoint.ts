/**
 * A checkpoint: a list of float32 tensors. Format (little-endian), written by `npm run pretrain`:
 *   "ZOC1" | u32 numTensors | per tensor: u32 rank, u32 × rank dims | float32 values of every tensor.
 */
export const CHECKPOINT_MAGIC = 'ZOC1';

/** The sentiment checkpoint in `public/data/`, which every sentiment-finetune lane starts from. */
export const CHECKPOINT_FILE = 'sentiment-pretrained.bin';
/** The pre-training corpus: its own seed and size, fixed (src/cli/pretrain.ts). */
export const PRETRAIN_SEED = 0;

export interface CheckpointTensor {
  shape: number[];
  values: Float32Array;
}

export function encodeCheckpoint(tensors: readonly CheckpointTensor[]): Uint8Array {
  const headerWords = 2 + tensors.reduce((a, t) => a + 1 + t.shape.length, 0);
  const numValues = tensors.reduce((a, t) => a + t.values.length, 0);
  const out = new Uint8Array(4 * (headerWords + numValues));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = CHECKPOINT_MAGIC.charCodeAt(i);
  let offset = 4;
  const u32 = (v: number) => {
    view.setUint32(offset, v, true);
    offset += 4;
  };
  u32(tensors.length);
  for (const t of tensors) {
    u32(t.shape.length);
    t.shape.forEach(u32);
  }
  for (const t of tensors)
    for (const v of t.values) {
      view.setFloat32(offset, v, true);
      offset += 4;
    }
  return out;
}

export function decodeCheckpoint(bytes: Uint8Array): CheckpointTensor[] {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== CHECKPOINT_MAGIC) throw new Error(`checkpoint: bad magic '${magic}'`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 4;
  const u32 = () => {
    const v = view.getUint32(offset, true);
    offset += 4;
    return v;
  };
  const shapes = Array.from({ length: u32() }, () => Array.from({ length: u32() }, u32));
  return shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++, offset += 4) values[i] = view.getFloat32(offset, true);
    return { shape, values };
  });
}
