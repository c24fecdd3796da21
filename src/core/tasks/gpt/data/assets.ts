import { asset } from '../../shared/assets';
import { decodeBpe, type BpeTokenizer } from './bpe';
import { decodeTextAsset, labels, records, type TextAsset } from './format';

/**
 * The GPT tasks' files in `public/data/` (written by `npm run data`, src/cli/build-data.ts), loaded
 * like the digits: a task lists the ones it needs in TASK_ASSETS (src/core/tasks/assets.ts) and
 * reads them here once loaded.
 */
export const NAMES_FILE = 'names.txt';
export const BROWN_FILE = 'brown.txt';
export const SPAM_FILE = 'spam.txt';
export const BPE_FILE = 'bpe.json';

/** Every GPT data file, for a task that needs the BPE and its corpora. */
export const GPT_DATA_FILES = [NAMES_FILE, BROWN_FILE, SPAM_FILE, BPE_FILE] as const;

/** The name lists' labels (a name on both lists is in both). */
export const NAME_LISTS = ['female', 'male'] as const;
export type NameList = (typeof NAME_LISTS)[number];

/**
 * The template and verbalizers of the spam task (Gao et al. 2021, LM-BFF,
 * https://arxiv.org/abs/2012.15723, the prompts MeZO uses): "⟨message⟩ This is" followed by " spam"
 * or " mail". Each label word and each word of the template is a single BPE token (the BPE trainer
 * guarantees it); with characters a word is scored by its summed log-probability.
 */
export const PROMPT_SUFFIX = ' This is';
export const LABEL_WORDS: Readonly<Record<'ham' | 'spam', string>> = { ham: ' mail', spam: ' spam' };

/** The words the BPE must keep whole: the template's and the label words. */
export const BPE_WHOLE_WORDS: readonly string[] = [...PROMPT_SUFFIX.split(/(?= )/), ...Object.values(LABEL_WORDS)];

export interface Corpus {
  readonly asset: TextAsset;
  /** Labels in file order (name lists, Brown genres, or ham/spam). */
  readonly labels: readonly string[];
  train(label: string): readonly string[];
  eval(label: string): readonly string[];
}

export function corpus(asset: TextAsset): Corpus {
  return {
    asset,
    labels: labels(asset),
    train: (label) => records(asset, label, 'train'),
    eval: (label) => records(asset, label, 'eval'),
  };
}

const cache = new Map<string, unknown>();
function once<T>(name: string, decode: (bytes: Uint8Array) => T): T {
  if (!cache.has(name)) cache.set(name, decode(asset(name)));
  return cache.get(name) as T;
}

/** The female and male first names (lowercase a–z). */
export const names = (): Corpus => once(NAMES_FILE, (b) => corpus(decodeTextAsset(b, 'names')));
/** Running English from the Brown corpus, one sentence a record, by genre. */
export const brown = (): Corpus => once(BROWN_FILE, (b) => corpus(decodeTextAsset(b, 'brown')));
/** SpamAssassin subject lines, labelled ham or spam. */
export const spam = (): Corpus => once(SPAM_FILE, (b) => corpus(decodeTextAsset(b, 'spam')));
/** The BPE tokenizer trained on the three corpora. */
export const bpe = (): BpeTokenizer => once(BPE_FILE, decodeBpe);
