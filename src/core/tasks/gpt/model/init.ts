import { Purpose, Stream, hashString } from '../../../random/philox';
import { baseShapes, extraShapes, sizeOf, type GptConfig, type Tuning } from './config';

/** The GPT's own init key: tensor i of the base model draws from stream (seed, GPT_KEY, i, 0, init). */
export const GPT_KEY = hashString('gpt');
/** Stream indices of the tuning extras (LoRA A, prefix tokens), apart from the base model's. */
const EXTRA_INDEX = 256;
export const PREFIX_TOKENS_INDEX = 512;

/**
 * nanoGPT's initialisation (model.py, `_init_weights` and the c_proj rule): every matrix and both
 * embeddings N(0, 0.02²); the residual projections (attn.c_proj, mlp.c_proj) N(0, (0.02/√(2·layers))²),
 * GPT-2's scaling of the residual path by depth; biases 0; LayerNorm gains 1.
 */
export function initBase(config: GptConfig, seed: number): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  baseShapes(config).forEach(([name, shape], index) => {
    const values = new Float32Array(sizeOf(shape));
    if (/\.ln_(1|2|f)\.weight$/.test(name)) values.fill(1);
    else if (name.endsWith('.weight')) {
      const std = name.endsWith('c_proj.weight') ? 0.02 / Math.sqrt(2 * config.layers) : 0.02;
      const rng = new Stream(seed, GPT_KEY, index, 0, Purpose.init);
      for (let i = 0; i < values.length; i++) values[i] = std * rng.normal();
    }
    out.set(name, values);
  });
  return out;
}

/**
 * The LoRA factors as Hu et al. 2021 (https://arxiv.org/abs/2106.09685) and loralib initialise them:
 * A uniform in ±1/√width (kaiming_uniform with a = √5), B zero, so ΔW = A·B = 0 and step 0 is the base
 * model. Prefix keys and values are not drawn here: they are the base model's own keys and values on
 * seeded tokens (see createGpt).
 */
export function initLora(config: GptConfig, tuning: Tuning, seed: number): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  const bound = 1 / Math.sqrt(config.width);
  extraShapes(config, tuning).forEach(([name, shape], index) => {
    const values = new Float32Array(sizeOf(shape));
    if (/lora_[qv]_A$/.test(name)) {
      const rng = new Stream(seed, GPT_KEY, EXTRA_INDEX + index, 0, Purpose.init);
      for (let i = 0; i < values.length; i++) values[i] = bound * (2 * rng.uniform() - 1);
    }
    if (/lora_[qv]_[AB]$/.test(name)) out.set(name, values);
  });
  return out;
}

/** The `length` tokens whose keys and values start the prefix (MeZO's "real activations" init). */
export function prefixTokens(config: GptConfig, length: number, seed: number): number[] {
  const rng = new Stream(seed, GPT_KEY, PREFIX_TOKENS_INDEX, 0, Purpose.init);
  return Array.from({ length }, () => rng.int(config.vocab));
}
