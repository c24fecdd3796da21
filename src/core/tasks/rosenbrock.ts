import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import type { TaskFactory } from './types';

/** Rosenbrock f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1). Starts at (x0, y0). */
export const createRosenbrock: TaskFactory = (settings) => {
  const spec = taskSpec('rosenbrock')!;
  const xy = tf.tidy(() => tf.variable(tf.tensor1d([settings.x0, settings.y0]), true, undefined, 'float32')); // [2]
  const loss = () =>
    tf.tidy(() => {
      const x = xy.slice(0, 1);
      const y = xy.slice(1, 1);
      return tf.sum(tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x)))))) as tf.Scalar;
    });
  return {
    spec,
    params: [xy],
    numParams: 2,
    batch: () => null,
    loss,
    evaluate: () => [loss()],
    dispose: () => xy.dispose(),
  };
};
