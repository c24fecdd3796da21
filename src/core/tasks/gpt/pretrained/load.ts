import { asset } from '../../shared/assets';
import { checkpointWeights } from '../model/checkpoint';
import type { Tuning } from '../model/config';
import { createGpt, type Gpt } from '../model/gpt';
import { PRETRAINED, decodePretrained, parsePretrainedMeta, type PretrainedId, type PretrainedMeta } from './checkpoints';

/**
 * The GPT of checkpoint bytes under any tuning mode: the checkpoint's weights are the frozen base
 * (plain tensors where the mode does not train them), and LoRA factors / prefixes start from `seed`.
 */
export function gptFromCheckpoint(bytes: Uint8Array, meta: PretrainedMeta, seed: number, tuning: Tuning = { mode: 'full' }): Gpt {
  const checkpoint = decodePretrained(bytes, meta);
  return createGpt(checkpoint.config, seed, { tuning, weights: checkpointWeights(checkpoint) });
}

/** The loaded checkpoint `id` (after `loadTaskAssets`, or loadAssets(pretrainedFiles(id))). */
export function pretrainedGpt(id: PretrainedId, seed: number, tuning?: Tuning): { gpt: Gpt; meta: PretrainedMeta } {
  const meta = parsePretrainedMeta(asset(PRETRAINED[id].metaFile), id);
  return { gpt: gptFromCheckpoint(asset(PRETRAINED[id].file), meta, seed, tuning), meta };
}
