/**
 * `npm run pretrain`: pre-trains the sentiment model with backprop (Adam) on the base domain and
 * writes `public/data/sentiment-pretrained.bin`, the checkpoint the `sentiment-finetune` task starts
 * every lane from. Deterministic on tfjs's cpu backend (fixed seed, fixed batches).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { defaultTaskSettings } from '../core/run/config';
import { CHECKPOINT_FILE, PRETRAIN_SEED, encodeCheckpoint } from '../core/tasks/sentiment/checkpoint';
import { createSentiment } from '../core/tasks/sentiment/task';

const STEPS = 300;
const LR = 0.03;

async function main(): Promise<void> {
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
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data', CHECKPOINT_FILE);
  writeFileSync(out, bytes);
  console.log(`${out}: ${tensors.map((t) => t.shape.join('×')).join(', ')} (${bytes.length} bytes)`);
  optimizer.dispose();
  task.dispose();
}

void main();
