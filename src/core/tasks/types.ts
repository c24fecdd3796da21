import type * as tf from '@tensorflow/tfjs';
import type { TaskPicture } from './picture';
import type { LossReference, TaskSpec } from './shared/spec';

/** A minibatch: inputs and targets. Tasks without data (test functions) use null. */
export interface Batch {
  x: tf.Tensor; // [batch, features] (token ids or pixels for some tasks)
  y: tf.Tensor; // [batch, classes] one-hot, or [batch, outputs]
}

/**
 * One instance of a toy problem. It owns its parameters and data; every lane builds its own from
 * the same seed, so all lanes start from identical weights and see identical batches.
 */
export interface TaskInstance {
  readonly spec: TaskSpec;
  readonly params: tf.Variable[];
  /** d: the trained values (what an optimizer moves and a ZO step perturbs). */
  readonly numParams: number;
  /** Every weight, frozen ones included, when some are frozen (the task header shows both). */
  readonly numTotal?: number;
  /** Reference losses for the loss chart (e.g. the uniform and bigram models), the same in every lane. */
  readonly references?: readonly LossReference[];
  /** The minibatch of a step, a pure function of (seed, step). Caller disposes. */
  batch(step: number): Batch | null;
  /** Forward pass only: the minibatch loss. */
  loss(batch: Batch | null): tf.Scalar;
  /**
   * The task's own update after the optimizer's step, on the same batch: a GAN's discriminator,
   * trained by backprop identically in every lane. Counted in the lane's wall time, not in its
   * forward passes (it is the same in every lane).
   */
  afterStep?(batch: Batch | null, step: number): void;
  /** [eval loss] or [eval loss, metric] on a fixed evaluation set. Caller owns the scalars. */
  evaluate(): tf.Scalar[];
  dispose(): void;
}

export type TaskFactory = (settings: Record<string, number>, seed: number) => TaskInstance;

/**
 * The picture of a task from every lane's instance (same task, same seed, lane order), built
 * between chunks; it may read tensors back asynchronously and must return fresh typed arrays
 * (they are transferred to the UI).
 */
export type PictureBuilder = (lanes: readonly TaskInstance[], step: number) => Promise<TaskPicture>;
