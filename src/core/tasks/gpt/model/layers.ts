import * as tf from '@tensorflow/tfjs';

/**
 * The transformer's pieces as tfjs ops (call inside tf.tidy). Activations are kept as rows
 * [batch·time, width]; every matmul of the forward pass is `x @ W` with plain operands, because on
 * the wasm backend a transposed operand made a matmul 10–20× slower (keys are transposed by an
 * explicit tf.transpose instead).
 */

const LN_EPS = 1e-5; // torch.nn.LayerNorm's default, as nanoGPT
const GELU_C = Math.sqrt(2 / Math.PI);
/** A score this low has softmax weight exactly 0 in float32 (exp underflows), as nanoGPT's −inf fill. */
const MASKED = -1e9;

/** LayerNorm over the last axis (biased variance, as torch): x [n, C], gain and bias [C]. */
export function layerNorm(x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const variance = tf.mean(tf.square(centred), -1, true);
  return tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, LN_EPS))), gain), bias);
}

/** GELU, tanh approximation (Hendrycks & Gimpel 2016, https://arxiv.org/abs/1606.08415), as GPT-2. */
export function gelu(x: tf.Tensor2D): tf.Tensor2D {
  const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), GELU_C);
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** x [n, in] @ W [in, out] + b [out]. */
export function linear(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(x, w as tf.Tensor2D), b);
}

/**
 * The additive causal mask [T, P+T]: query t sees the P prefix slots and keys 0..t. As a constant
 * built from numbers, it carries no gradient.
 */
export function causalMask(T: number, P: number): tf.Tensor2D {
  const S = P + T;
  const values = new Float32Array(T * S);
  for (let t = 0; t < T; t++) for (let s = P + t + 1; s < S; s++) values[t * S + s] = MASKED;
  return tf.tensor2d(values, [T, S]);
}

export interface AttentionInput {
  q: tf.Tensor2D; // [B·T, C]
  k: tf.Tensor2D; // [B·T, C]
  v: tf.Tensor2D; // [B·T, C]
  /** prefix keys and values [P, C], shared by every sequence of the batch */
  prefix?: { k: tf.Tensor; v: tf.Tensor };
  batch: number;
  time: number;
  heads: number;
}

/**
 * Causal multi-head self-attention (Vaswani et al. 2017, https://arxiv.org/abs/1706.03762):
 * softmax(q·kᵀ/√d_head + mask)·v per head. Returns the mixed values [B·T, C] and the weights
 * [B·heads, T, P+T].
 */
export function attend({ q, k, v, prefix, batch: B, time: T, heads: H }: AttentionInput): { y: tf.Tensor2D; weights: tf.Tensor3D } {
  const C = q.shape[1];
  const hd = C / H;
  const P = prefix ? prefix.k.shape[0] : 0;
  const S = P + T;
  const withPrefix = (x: tf.Tensor2D, p: tf.Tensor | undefined): tf.Tensor3D => {
    const rows = tf.reshape(x, [B, T, C]) as tf.Tensor3D;
    return p ? tf.concat([tf.tile(tf.expandDims(p, 0), [B, 1, 1]) as tf.Tensor3D, rows], 1) : rows; // [B, S, C]
  };
  const qh = tf.reshape(tf.transpose(tf.reshape(q, [B, T, H, hd]), [0, 2, 1, 3]), [B * H, T, hd]) as tf.Tensor3D;
  const kT = tf.reshape(tf.transpose(tf.reshape(withPrefix(k, prefix?.k), [B, S, H, hd]), [0, 2, 3, 1]), [B * H, hd, S]) as tf.Tensor3D;
  const vh = tf.reshape(tf.transpose(tf.reshape(withPrefix(v, prefix?.v), [B, S, H, hd]), [0, 2, 1, 3]), [B * H, S, hd]) as tf.Tensor3D;
  const scores = tf.add(tf.mul(tf.matMul(qh, kT), 1 / Math.sqrt(hd)), causalMask(T, P)); // [B·H, T, S]
  const weights = tf.softmax(scores) as tf.Tensor3D;
  const mixed = tf.matMul(weights, vh); // [B·H, T, hd]
  const y = tf.reshape(tf.transpose(tf.reshape(mixed, [B, H, T, hd]), [0, 2, 1, 3]), [B * T, C]) as tf.Tensor2D;
  return { y, weights };
}
