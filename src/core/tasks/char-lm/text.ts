import { Purpose, Stream, hashString } from '../../random/philox';
import { GRAMMAR } from './grammar';

/** The data recipe: text of the toy grammar, as one-hot windows of characters. */

export const TASK_KEY = hashString('char-lm');

/** Characters of the corpus: space, full stop, then the letters it uses, sorted. */
export const CHARS: string = (() => {
  const letters = new Set(Object.values(GRAMMAR).flat().join(''));
  return ' .' + [...letters].sort().join('');
})();
const CHAR_INDEX = new Map([...CHARS].map((c, i) => [c, i]));

/** `sentences` sentences of the grammar, joined by spaces. */
export function grammarText(sentences: number, seed: number, stream: number): string {
  const rng = new Stream(seed, TASK_KEY, stream, 0, Purpose.data);
  const pick = (words: readonly string[]) => words[rng.int(words.length)];
  const np = () => [pick(GRAMMAR.det), ...(rng.uniform() < 0.5 ? [pick(GRAMMAR.adj)] : []), pick(GRAMMAR.noun)].join(' ');
  const vp = () =>
    rng.uniform() < 0.6
      ? `${pick(GRAMMAR.verb)} ${np()}`
      : [pick(GRAMMAR.intransitive), ...(rng.uniform() < 0.5 ? [pick(GRAMMAR.adverb)] : [])].join(' ');
  return Array.from({ length: sentences }, () => `${np()} ${vp()}.`).join(' ');
}

/** Character ids of a text, preceded by `context` spaces so every character has a full context. */
export const encode = (text: string, context: number) => Int32Array.from(' '.repeat(context) + text, (c) => CHAR_INDEX.get(c)!);

/**
 * One-hot contexts [n × context·V] and next characters [n] for the characters at `positions` of
 * encode(text). One-hot rows times E is the embedding lookup without a gather (whose gradient is
 * a slow scatter on tfjs's cpu backend).
 */
export function windows(ids: Int32Array, context: number, positions: ArrayLike<number>) {
  const V = CHARS.length;
  const x = new Float32Array(positions.length * context * V);
  const next = new Uint8Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] + context;
    for (let k = 0; k < context; k++) x[(i * context + k) * V + ids[p - context + k]] = 1;
    next[i] = ids[p];
  }
  return { x, next };
}
