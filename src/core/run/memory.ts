/**
 * A lane's memory as MeZO counts a method's (Malladi et al. 2023, Table 4 / Figure 3: the GPU memory a
 * fine-tuning step occupies): what stays resident, weights and the optimizer's persistent state
 * (Adam's m and v, momentum buffers, MeZO-SVRG's θ̄ and g̃…), plus the step's transient peak on top
 * of them: the batch, activations (kept for the backward pass by backprop), gradients, probes and
 * temporaries. tfjs counts tensor bytes on every backend, so the split is exact up to what lives
 * outside tensors (CMA-ES's CPU arrays are counted by its stateBytes; the WebAssembly heap and the
 * WebGPU direction cache are shared by all lanes and reported apart).
 */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer } from '../optimizers';
import type { TaskInstance } from '../tasks';
import type { LaneMemory } from './metrics';

export { residentBytes } from './metrics';
export type StepMemory = Omit<LaneMemory, 'lane'>;

/** Bytes of the task's trainable weights (float32). */
export const weightBytesOf = (task: TaskInstance): number => task.params.reduce((n, v) => n + v.size * tf.util.bytesPerElement(v.dtype), 0);

/**
 * Measure one step of `optimizer` on `task` (both the caller's, used for nothing else: their weights
 * move). A first step builds any lazily created state; the second is profiled from its batch to its
 * end, and its peak is taken above everything that existed before it (weights, state, other lanes).
 */
export async function measureStepMemory(task: TaskInstance, optimizer: Optimizer, step = 1): Promise<StepMemory> {
  const stepOnce = async () => {
    const batch = task.batch(step);
    try {
      tf.dispose((await optimizer.minimizeAsync(() => task.loss(batch), true, task.params))!);
    } finally {
      if (batch) tf.dispose([batch.x, batch.y]);
    }
  };
  await stepOnce();
  const before = tf.engine().state.numBytes;
  const info = await tf.profile(stepOnce);
  return { weightBytes: weightBytesOf(task), stateBytes: optimizer.stateBytes(), peakStepBytes: Math.max(0, info.peakBytes - before) };
}
