import { Purpose, Stream, hashString } from '../../random/philox';
import type { TextPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { finetuneSource, gptTextState } from './finetune';
import { jsGpt } from './forward';
import { gptNamesPicture } from './picture';

/** Tokens drawn after the prompt, at this temperature (char-lm's picture samples at 0.7 too). */
const SAMPLE_TOKENS = 24;
const TEMPERATURE = 0.7;
/** The prompt: the first tokens of the new corpus's first held-out sentence. */
const PROMPT_TOKENS = 8;
const SAMPLE_KEY = hashString('gpt-finetune');

/**
 * gpt-finetune's picture: the names picture for the names source (new names per lane, the loss on
 * each letter of held-out names, one head's attention); for Brown a text picture: per lane a
 * continuation of the same held-out prompt (same random stream in every lane, a new one each
 * picture) and −ln p of each token of a fixed held-out passage, spread evenly over its characters
 * (so their mean is nats per character).
 */
export const gptFinetunePicture: PictureBuilder = async (lanes, step) => {
  if (finetuneSource(lanes[0]) === 'names') return gptNamesPicture(lanes, step);
  const first = gptTextState.of(lanes[0]);
  const { eval: held } = first.streams;
  const context = first.gpt.config.context;
  const decode = (ids: readonly number[]) => ids.map((t) => first.vocab[t]).join('');
  // The passage starts after the first record's boundary: the prompt is the start of a sentence.
  const promptIds = held.slice(1, 1 + PROMPT_TOKENS);
  const passage = held.slice(1, 1 + context); // T tokens; the first is read, the rest predicted
  const reference = decode(passage.slice(1));
  const perLane = await Promise.all(
    lanes.map(async (lane) => {
      const s = gptTextState.of(lane);
      const entries = Object.entries(s.gpt.params);
      const values = await Promise.all(entries.map(([, t]) => t.data() as Promise<Float32Array>));
      const model = jsGpt(s.gpt.config, s.gpt.tuning, Object.fromEntries(entries.map(([name], i) => [name, values[i]])));
      const V = s.vocab.length;
      const logp = model.logProbs(passage);
      const charLoss = passage.slice(1).flatMap((target, t) => {
        const chars = s.vocab[target].length;
        return new Array<number>(chars).fill(-logp[t * V + target] / chars);
      });
      const rng = new Stream(s.seed, SAMPLE_KEY, step, 1, Purpose.data);
      const ids = [...promptIds];
      for (let i = 0; i < SAMPLE_TOKENS; i++) {
        const window = ids.slice(-context);
        const all = model.logProbs(window);
        const p = Array.from(all.subarray(all.length - V), (l) => Math.exp(l / TEMPERATURE));
        let u = rng.uniform() * p.reduce((a, b) => a + b, 0);
        let token = 0;
        while (token < V - 1 && (u -= p[token]) > 0) token++;
        ids.push(token);
      }
      return { sample: decode(ids), charLoss: Float32Array.from(charLoss) };
    }),
  );
  const picture: TextPicture = {
    kind: 'text',
    step,
    prompt: decode(promptIds),
    samples: perLane.map((l) => l.sample),
    reference,
    charLoss: perLane.map((l) => l.charLoss),
  };
  return picture;
};
