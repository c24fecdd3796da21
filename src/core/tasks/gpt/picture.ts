import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream, hashString } from '../../random/philox';
import type { NamesPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { sample } from './model/sample';
import { nameRows, spread } from './names';
import { gptNamesState } from './task';

/** New names per lane and picture, drawn at temperature 1 (makemore's sampling). */
export const SAMPLES = 8;
const TEMPERATURE = 1;
/** A sample stops at the boundary, or after this many letters. */
const MAX_LETTERS = 20;
/** Held-out names whose letters the picture scores one by one. */
const HELD_OUT_SHOWN = 4;
/** The attention map: layer 0, head 0, reading this prompt (boundary first, as every name starts). */
export const ATTENTION_NAME = 'emma';
const SAMPLE_KEY = hashString('gpt-names');

/**
 * Per lane: SAMPLES new names (the same random stream in every lane, a new one each picture: they
 * differ only by the model), each marked when it is a training name; −ln p of each letter and of
 * the end of a few held-out names; and layer 0 head 0's attention over `.emma`.
 */
export const gptNamesPicture: PictureBuilder = async (lanes, step) => {
  const first = gptNamesState.of(lanes[0]);
  const { tokenizer: tok, time } = first.sets;
  const heldOut = spread(first.sets.eval.filter((n) => n.length < time), HELD_OUT_SHOWN);
  const rows = nameRows(tok, heldOut, time);
  const prompt = [tok.boundary, ...tok.encode(ATTENTION_NAME)];
  const perLane = await Promise.all(
    lanes.map(async (lane) => {
      const s = gptNamesState.of(lane);
      const stream = new Stream(s.seed, SAMPLE_KEY, step, 2, Purpose.data);
      const samples = sample(s.gpt, [tok.boundary], SAMPLES, TEMPERATURE, stream, { stop: tok.boundary, maxTokens: MAX_LETTERS }).map((ids) => tok.decode(ids));
      const logProbs = tf.tidy(() => tf.logSoftmax(s.gpt.forward(tf.tensor2d(rows.tokens, [heldOut.length, time], 'int32')))); // [k, T, V]
      const attention = s.gpt.attention(prompt, 0, 0); // [T, P+T]
      const [lp, att] = await Promise.all([logProbs.data(), attention.data()]);
      tf.dispose([logProbs, attention]);
      const V = tok.vocab.length;
      const charLoss: number[] = [];
      rows.targets.forEach((target, i) => {
        if (target >= 0) charLoss.push(-lp[i * V + target]);
      });
      return {
        samples,
        inTraining: Uint8Array.from(samples, (n) => (s.trainSet.has(n) ? 1 : 0)),
        charLoss: Float32Array.from(charLoss),
        attention: Float32Array.from(att),
        prefix: att.length / prompt.length - prompt.length,
      };
    }),
  );
  const picture: NamesPicture = {
    kind: 'names',
    step,
    samples: perLane.map((l) => l.samples),
    inTraining: perLane.map((l) => l.inTraining),
    heldOut,
    charLoss: perLane.map((l) => l.charLoss),
    attentionPrompt: tok.decode(prompt),
    prefixSlots: perLane[0].prefix,
    attention: perLane.map((l) => l.attention),
  };
  return picture;
};
