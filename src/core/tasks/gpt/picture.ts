import { Purpose, Stream, hashString } from '../../random/philox';
import type { NamesPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { framed } from './data/chars';
import { jsGpt, type JsGpt } from './forward';
import { spread } from './names';
import { gptNamesState } from './task';

/** New names per lane and picture, drawn at temperature 1 (makemore's sampling). */
export const SAMPLES = 8;
/** A sample stops at the boundary, or after this many letters (the longest training name has 13). */
const MAX_LETTERS = 16;
/** Held-out names whose letters the picture scores one by one. */
const HELD_OUT_SHOWN = 4;
/** The attention map: layer 0, head 0, reading this name after the boundary, as every name starts. */
export const ATTENTION_NAME = 'emma';
const SAMPLE_KEY = hashString('gpt-names');

/**
 * Per lane: SAMPLES new names (the same random stream in every lane, a new one each picture: they
 * differ only by the model), each marked when it is a training name; −ln p of each letter and of
 * the end of a few held-out names; and layer 0 head 0's attention over `.emma`. The weights are read
 * back once and the model runs in plain arithmetic (forward.ts): sampling is token by token.
 */
export const gptNamesPicture: PictureBuilder = async (lanes, step) => {
  const first = gptNamesState.of(lanes[0]);
  const { tokenizer: tok, time } = first.sets;
  const heldOut = spread(first.sets.eval.filter((n) => n.length < time), HELD_OUT_SHOWN);
  const prompt = [tok.boundary, ...tok.encode(ATTENTION_NAME)];
  const perLane = await Promise.all(
    lanes.map(async (lane) => {
      const s = gptNamesState.of(lane);
      const entries = Object.entries(s.gpt.params);
      const values = await Promise.all(entries.map(([, t]) => t.data() as Promise<Float32Array>));
      const model = jsGpt(s.gpt.config, s.gpt.tuning, Object.fromEntries(entries.map(([name], i) => [name, values[i]])));
      const stream = new Stream(s.seed, SAMPLE_KEY, step, 2, Purpose.data);
      const samples = Array.from({ length: SAMPLES }, () => tok.decode(sampleName(model, s.gpt.config.context, tok.boundary, stream)));
      const V = tok.vocab.length;
      const charLoss = heldOut.flatMap((name) => {
        const seq = framed(tok, name);
        const logp = model.logProbs(seq.slice(0, -1));
        return seq.slice(1).map((target, t) => -logp[t * V + target]);
      });
      return {
        samples,
        inTraining: Uint8Array.from(samples, (n) => (s.trainSet.has(n) ? 1 : 0)),
        charLoss: Float32Array.from(charLoss),
        attention: Float32Array.from(model.attention(prompt, 0, 0)),
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
    prefixSlots: perLane[0].attention.length / prompt.length - prompt.length,
    attention: perLane.map((l) => l.attention),
  };
  return picture;
};

/** Letters after the boundary, one uniform per letter by inverse CDF, until the boundary comes out. */
function sampleName(model: JsGpt, context: number, boundary: number, stream: Stream): number[] {
  const seq = [boundary];
  const letters: number[] = [];
  while (letters.length < MAX_LETTERS) {
    const window = seq.slice(-context);
    const logp = model.logProbs(window);
    const V = logp.length / window.length;
    const last = logp.subarray(logp.length - V);
    let u = stream.uniform();
    let token = V - 1;
    for (let j = 0; j < V; j++) {
      u -= Math.exp(last[j]);
      if (u < 0) {
        token = j;
        break;
      }
    }
    if (token === boundary) break;
    letters.push(token);
    seq.push(token);
  }
  return letters;
}
