/**
 * The tiny GPT's shape and what to tune, with their domains, and the names and shapes of its weights.
 * Names follow nanoGPT's state_dict (https://github.com/karpathy/nanoGPT, model.py), so the PyTorch
 * twin (../torch_gpt.py) loads the same checkpoint. Matrices are stored [in, out] (GPT-2's Conv1D
 * layout, as in OpenAI's checkpoint) so the forward pass is `x @ W` with no transposed operand.
 */

export interface GptConfig {
  /** tokens in the vocabulary */
  vocab: number;
  /** transformer blocks */
  layers: number;
  /** embedding width (C) */
  width: number;
  /** attention heads; width / heads is the head size */
  heads: number;
  /** longest sequence (the position table's length) */
  context: number;
}

/** What a run trains; every other weight is a frozen plain tensor. */
export type Tuning =
  | { mode: 'full' }
  /** Hu et al. 2021, https://arxiv.org/abs/2106.09685: ΔW = (α/r)·A·B on the query and value projections. */
  | { mode: 'lora'; rank: number; alpha?: number }
  /** Li & Liang 2021, https://arxiv.org/abs/2101.00190: `length` trainable keys and values per layer. */
  | { mode: 'prefix'; length: number }
  /** BitFit, Ben Zaken et al. 2021, https://arxiv.org/abs/2106.10199: biases and LayerNorm gains. */
  | { mode: 'bias' }
  /** The last block and the final LayerNorm. */
  | { mode: 'head' };

export type TuningMode = Tuning['mode'];
export const TUNING_MODES: readonly TuningMode[] = ['full', 'lora', 'prefix', 'bias', 'head'];

export const GPT_DOMAINS = {
  vocab: [2, 1024],
  layers: [1, 4],
  width: [16, 128],
  heads: [1, 8],
  context: [8, 64],
  rank: [1, 8],
  length: [1, 8],
} as const satisfies Record<string, readonly [number, number]>;

function checkInt(what: string, value: number, [lo, hi]: readonly [number, number]): void {
  if (!Number.isInteger(value) || value < lo || value > hi) throw new RangeError(`gpt: ${what} must be an integer in ${lo}–${hi} (got ${value})`);
}

/** Throws a RangeError naming the domain of the first setting outside it. */
export function validateGptConfig(config: GptConfig): GptConfig {
  for (const key of ['vocab', 'layers', 'width', 'heads', 'context'] as const) checkInt(key, config[key], GPT_DOMAINS[key]);
  if (config.width % config.heads !== 0) throw new RangeError(`gpt: width (${config.width}) must be divisible by heads (${config.heads})`);
  return config;
}

export function validateTuning(tuning: Tuning): Tuning {
  if (!TUNING_MODES.includes(tuning.mode)) throw new RangeError(`gpt: tuning mode must be one of ${TUNING_MODES.join(', ')} (got ${String(tuning.mode)})`);
  if (tuning.mode === 'lora') {
    checkInt('lora rank', tuning.rank, GPT_DOMAINS.rank);
    if (tuning.alpha !== undefined && !(tuning.alpha > 0)) throw new RangeError(`gpt: lora alpha must be > 0 (got ${tuning.alpha})`);
  }
  if (tuning.mode === 'prefix') checkInt('prefix length', tuning.length, GPT_DOMAINS.length);
  return tuning;
}

export const blockName = (layer: number, rest: string): string => `transformer.h.${layer}.${rest}`;

/** The base model's weights in a fixed order (the order of their init streams), with shapes. */
export function baseShapes(config: GptConfig): [string, number[]][] {
  const { vocab: V, width: C, context: T } = config;
  const out: [string, number[]][] = [
    ['transformer.wte.weight', [V, C]],
    ['transformer.wpe.weight', [T, C]],
  ];
  for (let l = 0; l < config.layers; l++)
    out.push(
      [blockName(l, 'ln_1.weight'), [C]],
      [blockName(l, 'ln_1.bias'), [C]],
      [blockName(l, 'attn.c_attn.weight'), [C, 3 * C]],
      [blockName(l, 'attn.c_attn.bias'), [3 * C]],
      [blockName(l, 'attn.c_proj.weight'), [C, C]],
      [blockName(l, 'attn.c_proj.bias'), [C]],
      [blockName(l, 'ln_2.weight'), [C]],
      [blockName(l, 'ln_2.bias'), [C]],
      [blockName(l, 'mlp.c_fc.weight'), [C, 4 * C]],
      [blockName(l, 'mlp.c_fc.bias'), [4 * C]],
      [blockName(l, 'mlp.c_proj.weight'), [4 * C, C]],
      [blockName(l, 'mlp.c_proj.bias'), [C]],
    );
  out.push(['transformer.ln_f.weight', [C]], ['transformer.ln_f.bias', [C]]);
  return out;
}

/** The weights a tuning mode adds to the base model (LoRA factors, prefix keys and values). */
export function extraShapes(config: GptConfig, tuning: Tuning): [string, number[]][] {
  const C = config.width;
  const out: [string, number[]][] = [];
  for (let l = 0; l < config.layers; l++) {
    if (tuning.mode === 'lora')
      for (const p of ['q', 'v'])
        out.push([blockName(l, `attn.lora_${p}_A`), [C, tuning.rank]], [blockName(l, `attn.lora_${p}_B`), [tuning.rank, C]]);
    if (tuning.mode === 'prefix') out.push([blockName(l, 'attn.prefix_k'), [tuning.length, C]], [blockName(l, 'attn.prefix_v'), [tuning.length, C]]);
  }
  return out;
}

/** Whether weight `name` of the base model moves under `tuning` (LoRA and prefix train only their extras). */
export function isTrainableBase(name: string, config: GptConfig, tuning: Tuning): boolean {
  switch (tuning.mode) {
    case 'full':
      return true;
    case 'lora':
    case 'prefix':
      return false;
    case 'bias':
      // BitFit: every bias, and the LayerNorm gains (ln_*.weight); no matrix, no embedding.
      return name.endsWith('.bias') || /\.ln_(1|2|f)\.weight$/.test(name);
    case 'head':
      // The output is tied to the token embedding, so "head" is the last block and ln_f.
      return name.startsWith(`transformer.h.${config.layers - 1}.`) || name.startsWith('transformer.ln_f.');
  }
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Total and trainable weights of a model, from its shapes alone (no tensors: the UI can show them). */
export function parameterCounts(config: GptConfig, tuning: Tuning): { total: number; trainable: number } {
  const base = baseShapes(config);
  const extra = extraShapes(config, tuning).reduce((a, [, shape]) => a + sizeOf(shape), 0);
  const total = base.reduce((a, [, shape]) => a + sizeOf(shape), 0) + extra;
  const trainableBase = base.filter(([name]) => isTrainableBase(name, config, tuning)).reduce((a, [, shape]) => a + sizeOf(shape), 0);
  return { total, trainable: trainableBase + extra };
}
