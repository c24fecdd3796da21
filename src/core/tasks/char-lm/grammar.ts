/**
 * The char-lm task's toy grammar (S → NP VP '.', NP → Det [Adj] Noun, VP → Verb NP | Intransitive
 * [Adverb]): regular enough that a tiny model learns words and agreement in minutes, varied enough
 * that the per-character loss never reaches 0. Pure data, apart from the task (the PyTorch export
 * embeds it).
 */
export const GRAMMAR = {
  det: ['the', 'a', 'my', 'one', 'every'],
  adj: ['small', 'big', 'red', 'old', 'happy', 'quiet', 'clever', 'lazy'],
  noun: ['cat', 'dog', 'bird', 'fox', 'child', 'robot', 'farmer', 'queen'],
  verb: ['sees', 'likes', 'chases', 'finds', 'helps', 'follows'],
  intransitive: ['sleeps', 'runs', 'sings', 'waits'],
  adverb: ['today', 'again', 'slowly', 'quietly'],
} as const satisfies Record<string, readonly string[]>;
