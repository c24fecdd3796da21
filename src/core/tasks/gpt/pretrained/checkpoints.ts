import { BPE_FILE, BROWN_FILE, NAMES_FILE } from '../data/assets';
import { decodeGptCheckpoint, type GptCheckpoint } from '../model/checkpoint';
import type { GptConfig } from '../model/config';

/**
 * The GPT checkpoints pre-trained with backprop by `npm run pretrain` (src/cli/pretrain-gpt.ts) and
 * committed in `public/data/`: each is a ZOG1 file (model/checkpoint.ts) and a JSON file beside it
 * with what a user needs to trust it (format `zo-gpt-meta-1`, see PretrainedMeta). Every lane of a
 * fine-tuning task starts from the same checkpoint, with its weights frozen or trained as the
 * tuning mode says (MeZO's setting: Malladi et al. 2023, https://arxiv.org/abs/2305.17333).
 * This module is pure (no tfjs: the PyTorch export reads it on the main thread); load.ts builds the
 * model.
 */
export type PretrainedId = 'gpt-male-names' | 'gpt-brown';
export const PRETRAINED_IDS: readonly PretrainedId[] = ['gpt-male-names', 'gpt-brown'];

/** The names GPT: characters (V = 27: '.' and a–z), one block — the gpt-names task's default size. */
export const GPT_NAMES_CONFIG: Readonly<GptConfig> = Object.freeze({ vocab: 27, layers: 1, width: 32, heads: 4, context: 16 });
/** The Brown GPT: BPE tokens (V = bpe.json's 1,000), two blocks, ≈ 106k weights (425 KB as float32). */
export const GPT_BROWN_CONFIG: Readonly<GptConfig> = Object.freeze({ vocab: 1000, layers: 2, width: 48, heads: 4, context: 32 });

/**
 * Brown genres kept out of pre-training, so fine-tuning "on another genre" is a real shift. The
 * spam subject lines are never pre-trained on either: prompt-classify's zero-shot accuracy is honest.
 */
export const BROWN_HELD_OUT_GENRES: readonly string[] = ['science_fiction', 'humor'];

export interface PretrainedSpec {
  id: PretrainedId;
  /** the ZOG1 weights */
  file: string;
  /** the metadata beside them */
  metaFile: string;
  config: Readonly<GptConfig>;
  tokenizer: 'char' | 'bpe';
  /** the corpus file and its labels trained on (train split), evaluated on (eval split) */
  corpus: { file: string; labels: readonly string[] };
  /** labels of the same corpus a fine-tuning task shifts to (their eval split is recorded too) */
  shifted: readonly string[];
  /** Adam's settings: fixed seed, steps, batch and learning rate */
  training: { seed: number; steps: number; batch: number; lr: number };
}

const BROWN_GENRES = ['news', 'editorial', 'reviews', 'religion', 'hobbies', 'lore', 'belles_lettres', 'government', 'learned', 'fiction', 'mystery', 'science_fiction', 'adventure', 'romance', 'humor'];

export const PRETRAINED: Readonly<Record<PretrainedId, PretrainedSpec>> = {
  'gpt-male-names': {
    id: 'gpt-male-names',
    file: 'gpt-male-names.bin',
    metaFile: 'gpt-male-names.json',
    config: GPT_NAMES_CONFIG,
    tokenizer: 'char',
    corpus: { file: NAMES_FILE, labels: ['male'] },
    shifted: ['female'],
    training: { seed: 0, steps: 2000, batch: 32, lr: 3e-3 },
  },
  'gpt-brown': {
    id: 'gpt-brown',
    file: 'gpt-brown.bin',
    metaFile: 'gpt-brown.json',
    config: GPT_BROWN_CONFIG,
    tokenizer: 'bpe',
    corpus: { file: BROWN_FILE, labels: BROWN_GENRES.filter((g) => !BROWN_HELD_OUT_GENRES.includes(g)) },
    shifted: BROWN_HELD_OUT_GENRES,
    training: { seed: 0, steps: 1000, batch: 16, lr: 3e-3 },
  },
};

/** The files of `public/data/` a task starting from checkpoint `id` lists in TASK_ASSETS. */
export function pretrainedFiles(id: PretrainedId): string[] {
  const spec = PRETRAINED[id];
  return [spec.file, spec.metaFile, spec.corpus.file, ...(spec.tokenizer === 'bpe' ? [BPE_FILE] : [])];
}

export const META_FORMAT = 'zo-gpt-meta-1';

/** One recorded evaluation: mean −ln p over `tokens` predictions, also per character of their text. */
export interface RecordedLoss {
  labels: string[];
  split: 'eval';
  /** predictions scored (each target token once) */
  tokens: number;
  /** characters those target tokens spell */
  chars: number;
  lossPerToken: number;
  lossPerChar: number;
}

/** The JSON beside a checkpoint. */
export interface PretrainedMeta {
  format: typeof META_FORMAT;
  id: PretrainedId;
  checkpoint: string;
  bytes: number;
  config: GptConfig;
  /** 'char': `vocabulary` lists the tokens in id order; 'bpe': the tokens are bpe.json's */
  tokenizer: { kind: 'char' | 'bpe'; file?: string; vocabulary?: string };
  corpus: { file: string; labels: string[]; split: 'train'; tokens: number };
  training: PretrainedSpec['training'] & { optimizer: 'adam'; backend: string };
  /** on the trained labels' eval split */
  eval: RecordedLoss;
  /** on the shifted labels' eval split (a fine-tuning task's step 0) */
  shifted: RecordedLoss;
  /** the same predictions under the uniform model (ln V) and the add-one bigram of the training tokens */
  references: { uniform: number; bigram: number; shiftedBigram: number };
}

/** Parse and check the metadata of checkpoint `id`. */
export function parsePretrainedMeta(bytes: Uint8Array, id: PretrainedId): PretrainedMeta {
  const meta = JSON.parse(new TextDecoder().decode(bytes)) as PretrainedMeta;
  const spec = PRETRAINED[id];
  if (meta.format !== META_FORMAT) throw new Error(`${spec.metaFile}: format '${String(meta.format)}', expected '${META_FORMAT}'`);
  if (meta.id !== id || meta.checkpoint !== spec.file) throw new Error(`${spec.metaFile}: describes ${meta.id} (${meta.checkpoint}), not ${id}`);
  if (!sameConfig(meta.config, spec.config)) throw new Error(`${spec.metaFile}: config ${JSON.stringify(meta.config)} is not ${id}'s ${JSON.stringify(spec.config)}: run 'npm run pretrain -- ${id}'`);
  return meta;
}

export const sameConfig = (a: GptConfig, b: GptConfig): boolean => (['vocab', 'layers', 'width', 'heads', 'context'] as const).every((k) => a[k] === b[k]);

/** Decode checkpoint bytes, checking them against their metadata (size and config). */
export function decodePretrained(bytes: Uint8Array, meta: PretrainedMeta): GptCheckpoint {
  const checkpoint = decodeGptCheckpoint(bytes);
  if (bytes.byteLength !== meta.bytes) throw new Error(`${meta.checkpoint}: ${bytes.byteLength} bytes, its metadata says ${meta.bytes}: run 'npm run pretrain -- ${meta.id}'`);
  if (!sameConfig(checkpoint.config, meta.config)) throw new Error(`${meta.checkpoint}: config differs from its metadata`);
  return checkpoint;
}
