import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream, hashString } from '../../random/philox';
import { internals } from '../shared/internals';
import { accuracy, batchRows, createMlp, crossEntropy, gatherRows, oneHot, type Mlp } from '../shared/mlp';
import type { TaskSpec } from '../shared/spec';
import type { Batch, TaskFactory } from '../types';
import { DATASETS_2D } from './datasets';
import type { Classify2dId } from './spec';

interface ClassifyState {
  mlp: Mlp;
  evalSet: { x: Float32Array; labels: Uint8Array };
}

/** What the picture reads from each lane's instance. */
export const classify2dState = internals<ClassifyState>('classify2d');

/**
 * Two-class points in the plane (dataset `id` of datasets.ts) classified by a 2 → h → h → 2 tanh
 * MLP with softmax cross-entropy; metric: accuracy on a held-out set from the same distribution.
 */
export function classify2dFactory(spec: TaskSpec<Classify2dId>): TaskFactory {
  const { id } = spec;
  const generate = DATASETS_2D[id];
  const taskKey = hashString(id);
  return (settings, seed) => {
    const { hidden, points, noise } = settings;
    const batchSize = settings.batch;
    const train = generate(points, noise, new Stream(seed, taskKey, 0, 0, Purpose.data), settings);
    const evalSet = generate(points, noise, new Stream(seed, taskKey, 1, 0, Purpose.data), settings);
    const numTrain = train.labels.length;
    const numEval = evalSet.labels.length;
    const evalX = tf.tensor2d(evalSet.x, [numEval, 2]); // [n, 2]
    const evalY = tf.tensor2d(oneHot(evalSet.labels, null, 2), [numEval, 2]); // [n, 2]
    const mlp = createMlp([2, hidden, hidden, 2], seed, taskKey);

    return classify2dState.attach(
      {
        spec,
        params: mlp.params,
        numParams: mlp.numParams,
        batch(step: number): Batch {
          const rows = batchRows(seed, step, batchSize, numTrain);
          return {
            x: tf.tensor2d(gatherRows(train.x, 2, rows), [batchSize, 2]), // [batch, 2]
            y: tf.tensor2d(oneHot(train.labels, rows, 2), [batchSize, 2]), // [batch, 2]
          };
        },
        loss: (batch) => tf.tidy(() => crossEntropy(mlp.apply(batch!.x), batch!.y)),
        evaluate: () =>
          tf.tidy(() => {
            const logits = mlp.apply(evalX);
            return [crossEntropy(logits, evalY), accuracy(logits, evalY)];
          }),
        dispose() {
          tf.dispose(mlp.params);
          evalX.dispose();
          evalY.dispose();
        },
      },
      { mlp, evalSet },
    );
  };
}
