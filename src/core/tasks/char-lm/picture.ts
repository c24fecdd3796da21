import { Purpose, Stream } from '../../random/philox';
import type { TextPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { charLmState, charLogProbs } from './task';
import { CHARS, TASK_KEY, encode } from './text';

/** The live samples: characters drawn after the prompt, at this temperature. */
const SAMPLE_CHARS = 100;
const PROMPT = 'the ';
const TEMPERATURE = 0.7;

/** A live sample per lane, and each lane's loss on every character of a fixed eval text. */
export const charLmPicture: PictureBuilder = async (lanes, step) => {
  const first = charLmState.of(lanes[0]);
  const { context, reference } = first;
  const refIds = encode(reference, context);
  const perLane = await Promise.all(
    lanes.map(async (lane) => {
      const s = charLmState.of(lane);
      const weights = (await Promise.all(s.params.map((p) => p.data()))) as Float32Array[];
      const shape = { context, embed: s.params[0].shape[1]!, hidden: s.params[2].shape[0]! };
      const charLoss = Float32Array.from(reference, (_, i) => -charLogProbs(weights, shape, refIds.subarray(i, i + context))[refIds[i + context]]);
      // Same random stream in every lane (and a new one each picture): samples differ only by the model.
      const rng = new Stream(s.seed, TASK_KEY, step, 1, Purpose.data);
      const ids = Array.from(encode(PROMPT, context));
      for (let i = 0; i < SAMPLE_CHARS; i++) {
        const logp = charLogProbs(weights, shape, ids.slice(ids.length - context));
        const p = logp.map((l) => Math.exp(l / TEMPERATURE));
        let u = rng.uniform() * p.reduce((a, b) => a + b, 0);
        let c = 0;
        while (c < p.length - 1 && (u -= p[c]) > 0) c++;
        ids.push(c);
      }
      const sample = ids.slice(context).map((c) => CHARS[c]).join('');
      return { sample, charLoss };
    }),
  );
  const picture: TextPicture = {
    kind: 'text',
    step,
    prompt: PROMPT,
    samples: perLane.map((l) => l.sample),
    reference,
    charLoss: perLane.map((l) => l.charLoss),
  };
  return picture;
};
