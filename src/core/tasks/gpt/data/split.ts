import { Purpose, Stream, hashString } from '../../../random/philox';

/**
 * The train/eval split of the packed corpora: a record is held out when a Philox draw keyed by its
 * own text falls below the eval fraction. It is a pure function of the text (and the salt), so it
 * is stable when the corpus grows or is re-ordered, and a name on both the female and the male list
 * lands on the same side of both (no held-out name is ever trained on through the other list).
 */
export const EVAL_FRACTION = 0.1;

/** A uniform number in (0, 1) that depends only on `salt` and `key`. */
export function keyUniform(salt: string, key: string): number {
  return new Stream(hashString(salt), hashString(key), key.length, 0, Purpose.data).uniform();
}

/** Whether the record `key` is held out (salt: the corpus' name). */
export function isHeldOut(salt: string, key: string, evalFraction = EVAL_FRACTION): boolean {
  return keyUniform(salt, key) < evalFraction;
}
