import { describe, expect, it } from 'vitest';
import { BPE_FORMAT, bpeTokenizer, pretokenize, type BpeData } from '../../../../../src/core/tasks/gpt/data/bpe';

// Alphabet ids: \n 0, ' ' 1, a 2, b 3, c 4. Merges: (a,b) → 5 "ab", (5,c) → 6 "abc", (' ',a) → 7 " a".
const DATA: BpeData = { format: BPE_FORMAT, alphabet: '\n abc', merges: [[2, 3], [5, 4], [1, 2]] };

describe('BPE tokenizer', () => {
  it("cuts text as GPT-2 does: words with their leading space, digits, punctuation, contractions", () => {
    expect(pretokenize("He's 42, isn't he?\n")).toEqual(['He', "'s", ' 42', ',', ' isn', "'t", ' he', '?', '\n']);
  });

  it('applies merges lowest rank first inside each pre-token', () => {
    const tok = bpeTokenizer(DATA);
    expect(tok.vocab).toEqual(['\n', ' ', 'a', 'b', 'c', 'ab', 'abc', ' a']);
    expect(tok.encode('abc')).toEqual([6]);
    // " abc": ab (rank 0) comes before " a" (rank 2), so the space stays alone.
    expect(tok.encode(' abc')).toEqual([1, 6]);
    expect(tok.encode(' acab')).toEqual([7, 4, 5]);
    expect(tok.decode(tok.encode('ab cab\nba'))).toBe('ab cab\nba');
    expect(tok.boundary).toBe(0);
  });

  it('refuses characters outside the alphabet, merges that refer ahead, and another format', () => {
    expect(() => bpeTokenizer(DATA).encode('abd')).toThrow(/not in the alphabet/);
    expect(() => bpeTokenizer({ ...DATA, merges: [[2, 6]] })).toThrow(/later token/);
    expect(() => bpeTokenizer({ ...DATA, format: 'x' as typeof BPE_FORMAT })).toThrow(/format/);
  });
});
