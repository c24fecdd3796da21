import { charTokenizer, framed, type CharTokenizer } from './data/chars';
import type { Corpus } from './data/assets';
import { NAME_CHOICES } from './spec';

/**
 * The data recipe of gpt-names, pure (the task and its PyTorch export both read it): which names
 * train, which fixed held-out names evaluate, the tokenizer, and a name as a row of the batch.
 */

/** Held-out names scored by evaluate(): a fixed, evenly spread subset, small enough for tfjs cpu. */
export const EVAL_NAMES = 256;

export interface NameSets {
  /** Training names (the chosen lists' train splits, a name on both lists once). */
  train: readonly string[];
  /** The fixed held-out names, at most EVAL_NAMES, spread evenly over the held-out split. */
  eval: readonly string[];
  /** Characters of the names, boundary '.' at id 0 (V = 27). */
  tokenizer: CharTokenizer;
  /** Row length: the context, or the longest framed name's predictions when shorter. */
  time: number;
}

export function nameSets(corpus: Corpus, which: number, context: number): NameSets {
  const choice = NAME_CHOICES[which] ?? 'all';
  const lists = choice === 'all' ? corpus.labels : [choice];
  const union = (split: 'train' | 'eval') => [...new Set(lists.flatMap((l) => (split === 'train' ? corpus.train(l) : corpus.eval(l))))].sort();
  const train = union('train');
  const held = union('eval');
  const evalNames = spread(held, EVAL_NAMES);
  const tokenizer = charTokenizer([...train, ...evalNames]);
  const longest = Math.max(...train.map((n) => n.length), ...evalNames.map((n) => n.length));
  return { train, eval: evalNames, tokenizer, time: Math.min(context, longest + 1) };
}

/** `k` items spread evenly over the list (all of them when it is no longer). */
export function spread<T>(items: readonly T[], k: number): T[] {
  const n = Math.min(k, items.length);
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

/**
 * A name as makemore reads it: inputs `.emma` and targets `emma.`, so each letter and the end are
 * predicted (n + 1 targets), the first from the boundary alone. Rows are `time` long: after the
 * name the inputs are '.' and the targets −1 (padding, masked out of the loss, makemore's
 * ignore_index); a name longer than time − 1 letters keeps its first time predictions.
 */
export function nameRow(tok: CharTokenizer, name: string, time: number, tokens: Int32Array, targets: Int32Array, offset: number): void {
  const seq = framed(tok, name); // [0, letters…, 0]
  for (let t = 0; t < time; t++) {
    tokens[offset + t] = t < seq.length - 1 ? seq[t] : tok.boundary;
    targets[offset + t] = t < seq.length - 1 ? seq[t + 1] : -1;
  }
}

/** Rows of `names` as tokens and targets [names.length × time]. */
export function nameRows(tok: CharTokenizer, names: readonly string[], time: number): { tokens: Int32Array; targets: Int32Array } {
  const tokens = new Int32Array(names.length * time);
  const targets = new Int32Array(names.length * time);
  names.forEach((name, i) => nameRow(tok, name, time, tokens, targets, i * time));
  return { tokens, targets };
}
