import type { Corpus } from './data/assets';
import { charTokenizer, type CharTokenizer } from './data/chars';
import { PRETRAINED } from './pretrained/checkpoints';
import { streamWindows, textStream, type CorpusTokenizer } from './pretrained/corpora';
import type { NameSets } from './names';

/**
 * The data recipe of gpt-finetune, pure (the task and its PyTorch export both read it): the
 * shifted corpus of each checkpoint (PRETRAINED[id].shifted), its training examples and its
 * held-out ones. The held-out rows are exactly those `npm run pretrain` scored as the checkpoint's
 * `shifted` loss, so the step-0 eval loss is the one recorded in the checkpoint's JSON.
 */

/** names: every held-out female name, one a row; the tokenizer is the checkpoint's (both lists' letters). */
export function finetuneNameSets(names: Corpus, context: number): NameSets {
  const { shifted } = PRETRAINED['gpt-male-names'];
  const train = shifted.flatMap((l) => names.train(l));
  const held = shifted.flatMap((l) => names.eval(l));
  const tokenizer: CharTokenizer = charTokenizer(names.labels.flatMap((l) => [...names.train(l), ...names.eval(l)]));
  const longest = Math.max(...train.map((n) => n.length), ...held.map((n) => n.length));
  return { train, eval: held, tokenizer, time: Math.min(context, longest + 1) };
}

/** brown: the held-out genres as running text, one stream per split (records joined by the boundary). */
export interface TextStreams {
  train: number[];
  eval: number[];
}

export function finetuneStreams(brown: Corpus, tok: CorpusTokenizer): TextStreams {
  const { shifted } = PRETRAINED['gpt-brown'];
  return {
    train: textStream(tok, shifted.flatMap((l) => brown.train(l))),
    eval: textStream(tok, shifted.flatMap((l) => brown.eval(l))),
  };
}

/** A training window starts anywhere its `time` targets fit: offsets 0 … stream.length − time − 1. */
export const windowStarts = (stream: readonly number[], time: number): number => stream.length - time;

/**
 * Rows of a stream: tokens stream[s … s+T) and targets stream[s+1 … s+T] at each start s; the
 * held-out rows (starts undefined) are consecutive windows, every target once, −1 past the end.
 */
export function streamRows(stream: readonly number[], time: number, starts?: ArrayLike<number>): { tokens: Int32Array; targets: Int32Array; rows: number } {
  if (!starts) {
    const w = streamWindows(stream, time);
    const rows = w.tokens.length;
    const tokens = Int32Array.from(w.tokens.flat());
    const targets = Int32Array.from(w.targets.flat(), (t, i) => (w.mask[Math.floor(i / time)][i % time] ? t : -1));
    return { tokens, targets, rows };
  }
  const rows = starts.length;
  const tokens = new Int32Array(rows * time);
  const targets = new Int32Array(rows * time);
  for (let r = 0; r < rows; r++)
    for (let t = 0; t < time; t++) {
      tokens[r * time + t] = stream[starts[r] + t];
      targets[r * time + t] = stream[starts[r] + t + 1];
    }
  return { tokens, targets, rows };
}
