import * as tf from '@tensorflow/tfjs';
import { internals } from '../shared/internals';
import type { TaskSpec } from '../shared/spec';
import type { TaskFactory } from '../types';
import { LANDSCAPES } from './functions';
import { PathRecorder } from './path';
import type { LandscapeId } from './spec';

interface LandscapeState {
  id: LandscapeId;
  start: [number, number];
  recorder: PathRecorder;
}

/** What the picture reads from each lane's instance. */
export const landscapeState = internals<LandscapeState>('landscape');

/** A 2-D test function as a task: θ = (x0, y0) at the start, no data, loss = f(θ). */
export function landscapeFactory(spec: TaskSpec<LandscapeId>): TaskFactory {
  const { id } = spec;
  return (settings) => {
    const fn = LANDSCAPES[id];
    const start: [number, number] = [settings.x0, settings.y0];
    const xy = tf.tidy(() => tf.variable(tf.tensor1d(start), true, undefined, 'float32')); // [2]
    const recorder = new PathRecorder(xy);
    const value = () => tf.tidy(() => tf.sum(fn.loss(tf.slice(xy, 0, 1), tf.slice(xy, 1, 1))) as tf.Scalar);
    return landscapeState.attach(
      {
        spec,
        params: [xy],
        numParams: 2,
        batch() {
          recorder.step();
          return null;
        },
        loss() {
          recorder.probe();
          return value();
        },
        evaluate: () => [value()],
        dispose() {
          xy.dispose();
          recorder.dispose();
        },
      },
      { id, start, recorder },
    );
  };
}
