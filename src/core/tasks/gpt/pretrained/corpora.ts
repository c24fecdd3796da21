import { Purpose, Stream, hashString } from '../../../random/philox';
import { bpe, brown, names, NAME_LISTS } from '../data/assets';
import { charTokenizer, framed, type CharTokenizer } from '../data/chars';
import type { PretrainedSpec } from './checkpoints';

/**
 * The pre-training corpora as model inputs. Two shapes of example:
 *   - names (makemore's, https://github.com/karpathy/makemore): one row per name, `.name` predicting
 *     `name.`, padded to the context with mask 0, so a name of n letters is n + 1 predictions;
 *   - running text (nanoGPT's): the records joined by the boundary token into one stream; a training
 *     row is a window at a random offset, and evaluation cuts the stream into consecutive windows so
 *     every token after the first is predicted exactly once.
 */
export interface Rows {
  /** inputs, targets and mask, each [rows][T] */
  tokens: number[][];
  targets: number[][];
  mask: number[][];
}

/** The names' tokenizer: '.' and the letters of both lists (a–z, V = 27). */
export function namesTokenizer(): CharTokenizer {
  const corpus = names();
  return charTokenizer(NAME_LISTS.flatMap((label) => [...corpus.train(label), ...corpus.eval(label)]));
}

/** The tokenizer of a checkpoint's corpus: token strings (for characters per token) and an encoder. */
export interface CorpusTokenizer {
  vocab: readonly string[];
  boundary: number;
  encode(text: string): number[];
}

export function corpusTokenizer(spec: PretrainedSpec): CorpusTokenizer {
  return spec.tokenizer === 'char' ? namesTokenizer() : bpe();
}

/** Each name framed and padded to `context` (longer names lose their tail: none here exceeds 15 letters). */
export function nameRows(tok: CorpusTokenizer, list: readonly string[], context: number): Rows {
  const rows: Rows = { tokens: [], targets: [], mask: [] };
  for (const name of list) {
    const seq = framed(tok as CharTokenizer, name).slice(0, context + 1);
    const n = seq.length - 1;
    const pad = (xs: number[]) => [...xs, ...new Array<number>(context - xs.length).fill(0)];
    rows.tokens.push(pad(seq.slice(0, n)));
    rows.targets.push(pad(seq.slice(1)));
    rows.mask.push(pad(new Array<number>(n).fill(1)));
  }
  return rows;
}

/** Records joined into one stream, each one preceded by the boundary, with a closing boundary. */
export function textStream(tok: CorpusTokenizer, records: readonly string[]): number[] {
  const out = [tok.boundary];
  for (const r of records) out.push(...tok.encode(r), tok.boundary);
  return out;
}

/** Consecutive windows of a stream: targets 1 … N−1, each once; the last window padded (mask 0). */
export function streamWindows(stream: readonly number[], context: number): Rows {
  const rows: Rows = { tokens: [], targets: [], mask: [] };
  for (let start = 0; start + 1 < stream.length; start += context) {
    const n = Math.min(context, stream.length - 1 - start);
    const pad = (xs: number[]) => [...xs, ...new Array<number>(context - xs.length).fill(0)];
    rows.tokens.push(pad(stream.slice(start, start + n)));
    rows.targets.push(pad(stream.slice(start + 1, start + 1 + n)));
    rows.mask.push(pad(new Array<number>(n).fill(1)));
  }
  return rows;
}

/** A checkpoint's data: a batch sampler on the train split, and the eval rows. */
export interface PretrainData {
  tok: CorpusTokenizer;
  /** training tokens (names: predictions; text: stream length) */
  trainTokens: number;
  /** the training sequences, for the bigram reference (framed names, or the one stream) */
  trainSequences: number[][];
  /** the rows of step `step`'s batch (a pure function of seed and step) */
  batch(step: number): Rows;
  eval: Rows;
  shifted: Rows;
}

export const BATCH_KEY = hashString('gpt-pretrain');

function pick(rows: Rows, index: readonly number[]): Rows {
  return { tokens: index.map((i) => rows.tokens[i]), targets: index.map((i) => rows.targets[i]), mask: index.map((i) => rows.mask[i]) };
}

export function pretrainData(spec: PretrainedSpec): PretrainData {
  const tok = corpusTokenizer(spec);
  if (tok.vocab.length !== spec.config.vocab) throw new Error(`${spec.id}: the tokenizer has ${tok.vocab.length} tokens, the config ${spec.config.vocab}`);
  const { context: T } = spec.config;
  const { batch: B, seed } = spec.training;
  const stream = (step: number) => new Stream(seed, step, BATCH_KEY, 0, Purpose.batch);
  if (spec.tokenizer === 'char') {
    const corpus = names();
    const trainNames = spec.corpus.labels.flatMap((l) => corpus.train(l));
    const train = nameRows(tok, trainNames, T);
    const heldRows = (labels: readonly string[]) => nameRows(tok, labels.flatMap((l) => corpus.eval(l)), T);
    return {
      tok,
      trainTokens: train.mask.reduce((a, m) => a + m.reduce((x, y) => x + y, 0), 0),
      trainSequences: trainNames.map((n) => framed(tok as CharTokenizer, n)),
      batch: (step) => {
        const rng = stream(step);
        return pick(train, Array.from({ length: B }, () => rng.int(train.tokens.length)));
      },
      eval: heldRows(spec.corpus.labels),
      shifted: heldRows(spec.shifted),
    };
  }
  const corpus = brown();
  const trainStream = textStream(tok, spec.corpus.labels.flatMap((l) => corpus.train(l)));
  const heldRows = (labels: readonly string[]) => streamWindows(textStream(tok, labels.flatMap((l) => corpus.eval(l))), T);
  return {
    tok,
    trainTokens: trainStream.length,
    trainSequences: [trainStream],
    batch: (step) => {
      const rng = stream(step);
      const rows: Rows = { tokens: [], targets: [], mask: [] };
      for (let b = 0; b < B; b++) {
        const start = rng.int(trainStream.length - T);
        rows.tokens.push(trainStream.slice(start, start + T));
        rows.targets.push(trainStream.slice(start + 1, start + 1 + T));
        rows.mask.push(new Array<number>(T).fill(1));
      }
      return rows;
    },
    eval: heldRows(spec.corpus.labels),
    shifted: heldRows(spec.shifted),
  };
}
