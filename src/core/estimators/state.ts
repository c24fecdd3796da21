import * as tf from '@tensorflow/tfjs';

/**
 * An optimizer's state as an explicit value (optax's `state`, evosax's `State`): tensors, CPU typed
 * arrays and numbers, nested in arrays and plain objects. Counting its bytes is exact, where
 * inferring them from tf.memory() would also count whatever else a step happened to allocate.
 */
export type StateTree =
  | tf.Tensor
  | ArrayBufferView
  | number
  | null
  | undefined
  | readonly StateTree[]
  | { readonly [key: string]: StateTree };

/** Bytes held by the tensors and typed arrays of a state (numbers are bookkeeping: not counted). */
export function stateBytes(state: StateTree): number {
  if (state == null || typeof state === 'number') return 0;
  if (state instanceof tf.Tensor) return state.isDisposed ? 0 : state.size * tf.util.bytesPerElement(state.dtype);
  if (ArrayBuffer.isView(state)) return state.byteLength;
  const children: readonly StateTree[] = Array.isArray(state) ? state : Object.values(state);
  return children.reduce<number>((n, child) => n + stateBytes(child), 0);
}
