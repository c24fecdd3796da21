/**
 * `npm run pretrain [-- <id> …]`: pre-trains the checkpoints the fine-tuning tasks start from, with
 * backprop (Adam), and writes them to `public/data/`. Ids: `sentiment`, `gpt-male-names`, `gpt-brown`
 * (default: all, in that order).
 *
 * `sentiment` pre-trains the sentiment model on the base domain and writes
 * `public/data/sentiment-pretrained.bin`, the checkpoint the `sentiment-finetune` task starts every
 * lane from. Deterministic on tfjs's cpu backend (fixed seed, fixed batches).
 *
 * The GPT checkpoints (src/cli/pretrain-gpt.ts) train on the wasm backend, ≈ 18× faster than cpu
 * in Node for these models; each writes `<id>.bin` (ZOG1) and `<id>.json` (its metadata).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { defaultTaskSettings } from '../core/run/config';
import { loadAssets } from '../core/tasks/shared/assets';
import { PRETRAINED, PRETRAINED_IDS, pretrainedFiles, type PretrainedId } from '../core/tasks/gpt/pretrained/checkpoints';
import { CHECKPOINT_FILE, PRETRAIN_SEED, encodeCheckpoint } from '../core/tasks/sentiment/checkpoint';
import { createSentiment } from '../core/tasks/sentiment/task';
import { useDiskAssets } from './assets';
import { pretrainGpt } from './pretrain-gpt';

const STEPS = 300;
const LR = 0.03;

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data');

async function pretrainSentiment(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  const task = createSentiment({ ...defaultTaskSettings('sentiment'), sentences: 4000, batch: 64 }, PRETRAIN_SEED);
  const optimizer = tf.train.adam(LR);
  for (let step = 1; step <= STEPS; step++) {
    const batch = task.batch(step)!;
    optimizer.minimize(() => task.loss(batch), false, task.params);
    tf.dispose([batch.x, batch.y]);
    if (step % 100 === 0 || step === STEPS) {
      const [loss, acc] = task.evaluate();
      console.log(`step ${step}: eval loss ${loss.dataSync()[0].toFixed(4)}, accuracy ${acc.dataSync()[0].toFixed(3)}`);
      tf.dispose([loss, acc]);
    }
  }
  const tensors = task.params.map((p) => ({ shape: p.shape, values: p.dataSync() as Float32Array }));
  const bytes = encodeCheckpoint(tensors);
  const out = join(DATA_DIR, CHECKPOINT_FILE);
  writeFileSync(out, bytes);
  console.log(`${out}: ${tensors.map((t) => t.shape.join('×')).join(', ')} (${bytes.length} bytes)`);
  optimizer.dispose();
  task.dispose();
}

/** The wasm backend, its binaries read from node_modules. */
export async function useWasm(): Promise<void> {
  setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  if (!(await tf.setBackend('wasm'))) throw new Error('pretrain: the wasm backend did not start');
  await tf.ready();
}

async function pretrainGptFile(id: PretrainedId): Promise<void> {
  await useWasm();
  useDiskAssets();
  await loadAssets(pretrainedFiles(id).filter((f) => f !== PRETRAINED[id].file && f !== PRETRAINED[id].metaFile));
  const { bytes, meta } = pretrainGpt(id, { log: (line) => console.log(line) });
  writeFileSync(join(DATA_DIR, PRETRAINED[id].file), bytes);
  writeFileSync(join(DATA_DIR, PRETRAINED[id].metaFile), JSON.stringify(meta, null, 2) + '\n');
  console.log(`${join(DATA_DIR, PRETRAINED[id].file)} (${bytes.length} bytes) and ${PRETRAINED[id].metaFile}`);
}

const STEPS_BY_ID: Record<string, () => Promise<void>> = {
  sentiment: pretrainSentiment,
  ...Object.fromEntries(PRETRAINED_IDS.map((id) => [id, () => pretrainGptFile(id)])),
};

async function main(ids: string[]): Promise<void> {
  const unknown = ids.filter((id) => !(id in STEPS_BY_ID));
  if (unknown.length) throw new Error(`pretrain: unknown checkpoint ${unknown.join(', ')} (known: ${Object.keys(STEPS_BY_ID).join(', ')})`);
  for (const id of ids.length ? ids : Object.keys(STEPS_BY_ID)) {
    const started = performance.now();
    await STEPS_BY_ID[id]();
    console.log(`${id}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
