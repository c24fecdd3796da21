import { Purpose, Stream, hashString } from '../../random/philox';
import { BPE_FILE, LABEL_WORDS, SPAM_FILE, type Corpus } from './data/assets';
import { spread } from './names';
import { K_CHOICES, TEMPLATE_CHOICES, TEMPLATE_TEXT } from './prompt-spec';

/**
 * The data recipe of prompt-classify, pure (the task, its picture and its PyTorch export read it):
 * the k-shot training set, the held-out messages, and a message as rows of the model's input with
 * the label words it scores. Prompt-based fine-tuning after LM-BFF (Gao et al. 2021,
 * https://arxiv.org/abs/2012.15723), the setting MeZO fine-tunes in (Malladi et al. 2023,
 * https://arxiv.org/abs/2305.17333): the model reads "⟨message⟩ This is" and each class is scored
 * by the log-probability of its label word coming next; a word of several tokens scores the sum of
 * its tokens' log-probabilities, each given the prompt and the word's earlier tokens.
 */

/** The classes in the order of spam.txt's labels: 0 ham, 1 spam. */
export const PROMPT_CLASSES = ['ham', 'spam'] as const;

/**
 * The checkpoint every lane starts from: the GPT pre-trained on Brown text, which never read a spam
 * message (pretrained/checkpoints.ts, PRETRAINED['gpt-brown']; named here so that this module and
 * the PyTorch export stay free of tfjs, and a test checks the two agree).
 */
export const PROMPT_CHECKPOINT = 'gpt-brown';
export const PROMPT_CHECKPOINT_FILE = 'gpt-brown.bin';
/** The files of `public/data/` the task reads. */
export const PROMPT_FILES: readonly string[] = [PROMPT_CHECKPOINT_FILE, 'gpt-brown.json', BPE_FILE, SPAM_FILE];

/** The label words of the classes, in PROMPT_CLASSES order (LM-BFF's verbalizer). */
export const labelWords = (): string[] => PROMPT_CLASSES.map((c) => LABEL_WORDS[c]);
/** The template text of the settings. */
export const templateOf = (settings: Readonly<Record<string, number>>): string => TEMPLATE_TEXT[TEMPLATE_CHOICES[settings.template ?? 0] ?? 'this-is'];
/** Training messages per class of the settings. */
export const kOf = (settings: Readonly<Record<string, number>>): number => Number(K_CHOICES[settings.k ?? 0] ?? K_CHOICES[0]);

export interface Example {
  text: string;
  /** index in PROMPT_CLASSES */
  label: number;
}

const KSHOT_KEY = hashString('prompt-classify');

/**
 * k training messages of each class, drawn without replacement from the training split by the seed
 * (a seeded Fisher–Yates shuffle per class, as MeZO draws its k-shot sets per data seed); the
 * classes one after the other, each in its drawn order. Throws when a class has fewer than k.
 */
export function kShot(corpus: Corpus, k: number, seed: number): Example[] {
  return PROMPT_CLASSES.flatMap((name, label) => {
    const pool = [...corpus.train(name)];
    if (pool.length < k) throw new RangeError(`prompt-classify: ${name} has ${pool.length} training messages, fewer than k = ${k}`);
    const rng = new Stream(seed, KSHOT_KEY, label, 0, Purpose.data);
    for (let i = 0; i < k; i++) {
      const j = i + rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, k).map((text) => ({ text, label }));
  });
}

/** The held-out messages, ham then spam: all of them, or `count` spread evenly over that list (each class in proportion). */
export function heldOut(corpus: Corpus, count = Infinity): Example[] {
  return spread(PROMPT_CLASSES.flatMap((name, label) => corpus.eval(name).map((text) => ({ text, label }))), count);
}

export interface PromptTokenizer {
  /** the record boundary ('\n'), which starts every record of the pre-training stream */
  readonly boundary: number;
  encode(text: string): number[];
}

/**
 * The rows of a set of examples. With single-token label words (the BPE's, guaranteed at data-build
 * time) an example is one row scored at its last position for every class; otherwise it is one row
 * per class, the prompt followed by that label word's tokens but the last. A row has M slots (M:
 * the longest label word's tokens), slot j being the position that predicts a word's j-th token.
 *
 *   tokens  [R × T]            inputs, R = examples × perExample; after the row, the boundary (the model is causal)
 *   targets [R × (L + 2) × M]  slice 0: each slot's position in the row (−1: unused); slice 1 + c: the
 *                              token of class c's word the slot predicts (−1: not class c's); slice
 *                              L + 1: the example's label at slot 0 (−1 elsewhere). One int32 tensor
 *                              carries what the loss needs besides the inputs.
 */
export interface PromptRows {
  examples: number;
  perExample: number;
  classes: number;
  time: number;
  slots: number;
  tokens: Int32Array;
  targets: Int32Array;
}

/** The input of one example for the label word `word` (or none, for a shared row): boundary, message, template, word but its last token. */
export function promptInput(tok: PromptTokenizer, text: string, template: string, context: number, wordTokens: readonly number[][], word?: number): number[] {
  const suffix = tok.encode(template);
  const longest = Math.max(...wordTokens.map((w) => w.length));
  // The message keeps its first tokens, so that the template and every label word fit the context.
  const room = context - 1 - suffix.length - (longest - 1);
  if (room < 1) throw new RangeError(`prompt-classify: the template and label words leave no room for the message in ${context} tokens`);
  const body = tok.encode(text).slice(0, room);
  return [tok.boundary, ...body, ...suffix, ...(word === undefined ? [] : wordTokens[word].slice(0, -1))];
}

export function promptRows(tok: PromptTokenizer, examples: readonly Example[], template: string, wordTokens: readonly number[][], context: number): PromptRows {
  const L = wordTokens.length;
  const M = Math.max(...wordTokens.map((w) => w.length));
  const shared = M === 1;
  const perExample = shared ? 1 : L;
  const inputs = examples.flatMap((ex) => (shared ? [promptInput(tok, ex.text, template, context, wordTokens)] : wordTokens.map((_, c) => promptInput(tok, ex.text, template, context, wordTokens, c))));
  const time = Math.max(...inputs.map((r) => r.length));
  const R = inputs.length;
  const tokens = new Int32Array(R * time).fill(tok.boundary);
  const targets = new Int32Array(R * (L + 2) * M).fill(-1);
  const at = (r: number, slice: number, j: number) => (r * (L + 2) + slice) * M + j;
  inputs.forEach((input, r) => {
    tokens.set(input, r * time);
    const e = Math.floor(r / perExample);
    if (r % perExample === 0) targets[at(r, L + 1, 0)] = examples[e].label;
    for (let c = 0; c < L; c++) {
      if (!shared && c !== r % perExample) continue;
      // The word's first token is predicted after the template, its j-th after its (j − 1)-th.
      const start = input.length - wordTokens[c].length;
      wordTokens[c].forEach((token, j) => {
        targets[at(r, 0, j)] = start + j;
        targets[at(r, 1 + c, j)] = token;
      });
    }
  });
  return { examples: examples.length, perExample, classes: L, time, slots: M, tokens, targets };
}

/**
 * The rows of examples `picks` of a set's rows (a batch), in that order, cut to the longest the
 * batch needs (its last scored position + 1: the model is causal, so what follows is never read).
 */
export function pickRows(rows: PromptRows, picks: ArrayLike<number>): PromptRows {
  const { perExample: P, classes: L, time: T, slots: M } = rows;
  const per = P * (L + 2) * M;
  const targets = new Int32Array(picks.length * per);
  for (let i = 0; i < picks.length; i++) targets.set(rows.targets.subarray(picks[i] * per, (picks[i] + 1) * per), i * per);
  let time = 1;
  for (let r = 0; r < picks.length * P; r++) for (let j = 0; j < M; j++) time = Math.max(time, targets[r * (L + 2) * M + j] + 1);
  const tokens = new Int32Array(picks.length * P * time);
  for (let i = 0; i < picks.length; i++)
    for (let p = 0; p < P; p++) tokens.set(rows.tokens.subarray((picks[i] * P + p) * T, (picks[i] * P + p) * T + time), (i * P + p) * time);
  return { ...rows, examples: picks.length, time, tokens, targets };
}

/** Held-out examples per evaluation chunk: the set sorted by prompt length and cut, so a chunk is padded to its own longest prompt. */
export const EVAL_CHUNK = 64;

/** The examples' indices in chunks of similar prompt length (stable: ties keep their order). */
export function lengthChunks(lengths: readonly number[], chunk = EVAL_CHUNK): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a] - lengths[b] || a - b);
  return Array.from({ length: Math.ceil(order.length / chunk) }, (_, i) => order.slice(i * chunk, (i + 1) * chunk));
}
