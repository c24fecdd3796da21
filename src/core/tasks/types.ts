import type * as tf from '@tensorflow/tfjs';
import type { TaskSpec } from '../catalog/types';

/** A minibatch: inputs and targets. Tasks without data (test functions) use null. */
export interface Batch {
  x: tf.Tensor; // [batch, features]
  y: tf.Tensor; // [batch, classes] one-hot, or [batch, outputs]
}

/**
 * One instance of a toy problem. It owns its parameters and data; every lane builds its own from
 * the same seed, so all lanes start from identical weights and see identical batches.
 */
export interface TaskInstance {
  readonly spec: TaskSpec;
  readonly params: tf.Variable[];
  readonly numParams: number;
  /** The minibatch of a step, a pure function of (seed, step). Caller disposes. */
  batch(step: number): Batch | null;
  /** Forward pass only: the minibatch loss. */
  loss(batch: Batch | null): tf.Scalar;
  /** [eval loss] or [eval loss, metric] on a fixed evaluation set. Caller owns the scalars. */
  evaluate(): tf.Scalar[];
  dispose(): void;
}

export type TaskFactory = (settings: Record<string, number>, seed: number) => TaskInstance;
