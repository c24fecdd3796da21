import * as tf from '@tensorflow/tfjs';
import type { SentencesPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { PROMPT_CLASSES } from './prompt';
import { evaluateChunks, labelScores, promptState } from './prompt-task';

/**
 * A fixed handful of held-out messages (the same in every picture, spread over each class's
 * messages), each as the prompt the model reads, with every lane's P(spam) from the label words'
 * scores (a softmax over " mail" and " spam"), and each lane's accuracy on all the held-out
 * messages. The sentences picture draws it.
 */
export const promptPicture: PictureBuilder = async (lanes, step) => {
  const { evalSet, shown, template } = promptState.of(lanes[0]);
  const outputs = lanes.map((lane) =>
    tf.tidy(() => {
      const s = promptState.of(lane);
      const scores = labelScores(s.gpt, s.shownBatch.x, s.shownBatch.y, s.perExample); // [shown, 2]
      const spamP = tf.reshape(tf.slice(tf.softmax(scores), [0, 1], [shown.length, 1]), [shown.length]);
      const [, accuracy] = evaluateChunks(s.gpt, s.evalChunks, s.perExample, s.evalSet.length);
      return tf.concat([spamP, tf.reshape(accuracy, [1])]);
    }),
  );
  const values = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(outputs);
  const picture: SentencesPicture = {
    kind: 'sentences',
    step,
    classes: [...PROMPT_CLASSES],
    sentences: shown.map((i) => evalSet[i].text + template + ' …'),
    labels: Uint8Array.from(shown, (i) => evalSet[i].label),
    positive: values.map((v) => Float32Array.from(v.subarray(0, shown.length))),
    accuracy: Float32Array.from(values, (v) => v[shown.length]),
    shifted: [],
  };
  return picture;
};
