import * as tf from '@tensorflow/tfjs';
import type { SentencesPicture } from '../picture';
import { accuracy } from '../shared/mlp';
import type { PictureBuilder } from '../types';
import { sentenceText } from './corpus';
import { sentimentState } from './task';

/** Eval sentences shown in the picture. */
const SHOWN = 8;

/** Eval sentences with each lane's P(positive), and its accuracy on the whole eval set. */
export const sentencesPicture: PictureBuilder = async (lanes, step) => {
  const { evalSet, vocab, evalX, shifted } = sentimentState.of(lanes[0]);
  const outputs = lanes.map((lane) =>
    tf.tidy(() => {
      const s = sentimentState.of(lane);
      const logits = s.apply(evalX);
      const positive = tf.reshape(tf.slice(tf.softmax(tf.slice(logits, [0, 0], [SHOWN, 2])), [0, 1], [SHOWN, 1]), [SHOWN]);
      return tf.concat([positive, tf.reshape(accuracy(logits, s.evalY), [1])]);
    }),
  );
  const values = await Promise.all(outputs.map((t) => t.data()));
  tf.dispose(outputs);
  const picture: SentencesPicture = {
    kind: 'sentences',
    step,
    classes: ['negative', 'positive'],
    sentences: Array.from({ length: SHOWN }, (_, i) => sentenceText(evalSet, i, vocab)),
    labels: evalSet.labels.slice(0, SHOWN),
    positive: values.map((v) => Float32Array.from(v.subarray(0, SHOWN))),
    accuracy: Float32Array.from(values, (v) => v[SHOWN]),
    shifted,
  };
  return picture;
};
