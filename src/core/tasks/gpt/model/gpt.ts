import * as tf from '@tensorflow/tfjs';
import { baseShapes, blockName, extraShapes, isTrainableBase, sizeOf, validateGptConfig, validateTuning, type GptConfig, type Tuning } from './config';
import { initBase, initLora, prefixTokens } from './init';
import { attend, gelu, layerNorm, linear } from './layers';

/**
 * A tiny decoder-only transformer in nanoGPT's layout (Karpathy, https://github.com/karpathy/nanoGPT;
 * GPT-2, Radford et al. 2019): token + position embeddings, pre-LayerNorm blocks of causal multi-head
 * self-attention and a 4×-wide GELU MLP, a final LayerNorm, logits tied to the token embedding.
 * Frozen weights are plain tensors and the trained ones tf.Variables, so a zeroth-order step (MeZO,
 * Malladi et al. 2023, https://arxiv.org/abs/2305.17333) perturbs exactly `trainable`, and d = numTrainable.
 */
export interface Gpt {
  readonly config: GptConfig;
  readonly tuning: Tuning;
  /** every weight by its nanoGPT name; the trained ones are the tf.Variables of `trainable` */
  readonly params: Readonly<Record<string, tf.Tensor>>;
  readonly trainable: tf.Variable[];
  /** names of `trainable`, in the same order */
  readonly trainableNames: string[];
  readonly numTrainable: number;
  readonly numTotal: number;
  /** logits [B, T, V] for tokens [B, T] (int32, T ≤ context) */
  forward(tokens: tf.Tensor2D): tf.Tensor3D;
  /** mean cross-entropy (nats) of targets [B, T] (int32) over the positions where mask [B, T] is 1 (all when omitted) */
  loss(tokens: tf.Tensor2D, targets: tf.Tensor2D, mask?: tf.Tensor2D): tf.Scalar;
  /** attention weights [T, P+T] of one head for one sequence (P prefix slots first, 0 without a prefix) */
  attention(tokens: readonly number[], layer: number, head: number): tf.Tensor2D;
  /** every weight's current values, for a checkpoint */
  weights(): Record<string, Float32Array>;
  dispose(): void;
}

export interface GptOptions {
  /** what to train (default: full) */
  tuning?: Tuning;
  /**
   * Start from these weights (a decoded checkpoint) instead of the seeded init: every base weight
   * must be there; LoRA factors and prefixes are taken when present and initialised from the seed otherwise.
   */
  weights?: Readonly<Record<string, Float32Array>>;
}

interface Probe {
  layer: number;
  head: number;
}

export function createGpt(config: GptConfig, seed: number, options: GptOptions = {}): Gpt {
  validateGptConfig(config);
  const tuning = validateTuning(options.tuning ?? { mode: 'full' });
  const { vocab: V, width: C, heads: H, layers: L } = config;
  const base = baseShapes(config);
  const extras = extraShapes(config, tuning);
  const given = options.weights;
  const known = new Map([...base, ...extras]);
  if (given) {
    for (const [name, values] of Object.entries(given)) {
      const shape = known.get(name);
      if (!shape) throw new Error(`gpt: weight ${name} is not part of this model (${config.layers} layers, tuning ${tuning.mode})`);
      if (values.length !== sizeOf(shape)) throw new Error(`gpt: weight ${name} has ${values.length} values, expected [${shape.join(', ')}]`);
    }
    const missing = base.filter(([name]) => !(name in given)).map(([name]) => name);
    if (missing.length) throw new Error(`gpt: the weights lack ${missing.join(', ')}`);
  }
  const start = given ? new Map(Object.entries(given)) : initBase(config, seed);
  const loraInit = initLora(config, tuning, seed);

  const params: Record<string, tf.Tensor> = {};
  const trainable: tf.Variable[] = [];
  const trainableNames: string[] = [];
  const add = (name: string, shape: number[], values: Float32Array, train: boolean) => {
    const tensor = train ? tf.tidy(() => tf.variable(tf.tensor(values, shape), true, undefined, 'float32')) : tf.tensor(values, shape, 'float32');
    params[name] = tensor;
    if (train) {
      trainable.push(tensor as tf.Variable);
      trainableNames.push(name);
    }
  };
  for (const [name, shape] of base) add(name, shape, start.get(name)!, isTrainableBase(name, config, tuning));

  const p = (name: string) => params[name];
  const blockParam = (l: number, rest: string) => params[blockName(l, rest)];
  const loraScale = tuning.mode === 'lora' ? (tuning.alpha ?? tuning.rank) / tuning.rank : 0;

  /** The forward pass to the logits [B·T, V], or to one head's attention when probed. */
  const run = (tokens: tf.Tensor2D, probe?: Probe, capture?: (layer: number, k: tf.Tensor2D, v: tf.Tensor2D) => void): tf.Tensor => {
    if (tokens.rank !== 2 || tokens.dtype !== 'int32') throw new Error(`gpt: tokens must be int32 [batch, time] (got ${tokens.dtype} [${tokens.shape.join(', ')}])`);
    const [B, T] = tokens.shape;
    if (T < 1 || T > config.context) throw new RangeError(`gpt: sequence length must be in 1–${config.context} (got ${T})`);
    const oneHot = tf.oneHot(tf.reshape(tokens, [B * T]), V); // [B·T, V]; matmul instead of gather (wasm has no gather gradient)
    const tokenVectors = tf.matMul(oneHot, p('transformer.wte.weight') as tf.Tensor2D); // [B·T, C]
    const positions = tf.slice(p('transformer.wpe.weight'), [0, 0], [T, C]); // [T, C]
    let x = tf.reshape(tf.add(tf.reshape(tokenVectors, [B, T, C]), positions), [B * T, C]) as tf.Tensor2D;
    for (let l = 0; l < L; l++) {
      const h = layerNorm(x, blockParam(l, 'ln_1.weight'), blockParam(l, 'ln_1.bias'));
      const [q0, k, v0] = tf.split(linear(h, blockParam(l, 'attn.c_attn.weight'), blockParam(l, 'attn.c_attn.bias')), 3, 1) as tf.Tensor2D[];
      let q = q0;
      let v = v0;
      if (tuning.mode === 'lora') {
        // Hu et al.: h·W + (α/r)·h·A·B on the query and value projections only.
        const delta = (which: string) => tf.mul(tf.matMul(tf.matMul(h, blockParam(l, `attn.lora_${which}_A`) as tf.Tensor2D), blockParam(l, `attn.lora_${which}_B`) as tf.Tensor2D), loraScale);
        q = tf.add(q, delta('q'));
        v = tf.add(v, delta('v'));
      }
      capture?.(l, k, v);
      const prefixK = blockParam(l, 'attn.prefix_k');
      const prefix = prefixK ? { k: prefixK, v: blockParam(l, 'attn.prefix_v') } : undefined;
      const { y, weights } = attend({ q, k, v, prefix, batch: B, time: T, heads: H });
      if (probe && probe.layer === l) return tf.reshape(tf.slice(weights, [probe.head, 0, 0], [1, T, weights.shape[2]]), [T, weights.shape[2]]);
      x = tf.add(x, linear(y, blockParam(l, 'attn.c_proj.weight'), blockParam(l, 'attn.c_proj.bias')));
      const h2 = layerNorm(x, blockParam(l, 'ln_2.weight'), blockParam(l, 'ln_2.bias'));
      const m = gelu(linear(h2, blockParam(l, 'mlp.c_fc.weight'), blockParam(l, 'mlp.c_fc.bias')));
      x = tf.add(x, linear(m, blockParam(l, 'mlp.c_proj.weight'), blockParam(l, 'mlp.c_proj.bias')));
    }
    const out = layerNorm(x, p('transformer.ln_f.weight'), p('transformer.ln_f.bias'));
    // Tied output: logits = x·wteᵀ, with wte transposed explicitly (a plain matmul after).
    return tf.matMul(out, tf.transpose(p('transformer.wte.weight')) as tf.Tensor2D); // [B·T, V]
  };

  // Extras: LoRA factors (A random, B zero), or prefix keys/values. Li & Liang reparametrise the
  // prefix through an MLP; MeZO (Appendix E.5) instead starts it from the model's own keys and values
  // of real tokens, which we follow with seeded random tokens.
  let captured: Map<string, Float32Array> | undefined;
  if (tuning.mode === 'prefix' && !extras.every(([name]) => given && name in given)) {
    captured = new Map();
    const tokens = tf.tensor2d([prefixTokens(config, tuning.length, seed)], [1, tuning.length], 'int32');
    tf.tidy(() => {
      run(tokens, undefined, (l, k, v) => {
        captured!.set(blockName(l, 'attn.prefix_k'), k.dataSync() as Float32Array);
        captured!.set(blockName(l, 'attn.prefix_v'), v.dataSync() as Float32Array);
      });
    });
    tokens.dispose();
  }
  for (const [name, shape] of extras) add(name, shape, given?.[name] ?? loraInit.get(name) ?? captured!.get(name)!, true);

  const numTotal = Object.values(params).reduce((a, t) => a + t.size, 0);
  const numTrainable = trainable.reduce((a, t) => a + t.size, 0);

  return {
    config,
    tuning,
    params,
    trainable,
    trainableNames,
    numTrainable,
    numTotal,
    forward: (tokens) => tf.tidy(() => tf.reshape(run(tokens), [tokens.shape[0], tokens.shape[1], V]) as tf.Tensor3D),
    loss: (tokens, targets, mask) =>
      tf.tidy(() => {
        const n = tokens.shape[0] * tokens.shape[1];
        const logProbs = tf.logSoftmax(run(tokens)); // [B·T, V]
        const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(tf.reshape(targets, [n]), V), logProbs), 1)); // [B·T]
        if (!mask) return tf.mean(nll) as tf.Scalar;
        const m = tf.cast(tf.reshape(mask, [n]), 'float32');
        return tf.div(tf.sum(tf.mul(nll, m)), tf.sum(m)) as tf.Scalar;
      }),
    attention(tokens, layer, head) {
      if (!Number.isInteger(layer) || layer < 0 || layer >= L) throw new RangeError(`gpt: layer must be in 0–${L - 1} (got ${layer})`);
      if (!Number.isInteger(head) || head < 0 || head >= H) throw new RangeError(`gpt: head must be in 0–${H - 1} (got ${head})`);
      return tf.tidy(() => run(tf.tensor2d([Array.from(tokens)], [1, tokens.length], 'int32'), { layer, head }) as tf.Tensor2D);
    },
    weights: () => Object.fromEntries(Object.entries(params).map(([name, t]) => [name, Float32Array.from(t.dataSync() as Float32Array)])),
    dispose() {
      tf.dispose(Object.values(params));
    },
  };
}
