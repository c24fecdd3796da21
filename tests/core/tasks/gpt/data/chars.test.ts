import { describe, expect, it } from 'vitest';
import { charTokenizer, framed } from '../../../../../src/core/tasks/gpt/data/chars';

describe('character tokenizer', () => {
  it('has the boundary at id 0 and the corpus characters in sorted order after it', () => {
    const tok = charTokenizer(['emma', 'bob']);
    expect(tok.vocab).toEqual(['.', 'a', 'b', 'e', 'm', 'o']);
    expect(tok.encode('mob')).toEqual([4, 5, 2]);
    expect(framed(tok, 'emma')).toEqual([0, 3, 4, 4, 1, 0]);
    expect(tok.decode(framed(tok, 'emma'))).toBe('.emma.');
  });

  it('has V = 27 on the full alphabet (makemore: 26 letters and the boundary)', () => {
    expect(charTokenizer(['abcdefghijklmnopqrstuvwxyz']).vocab).toHaveLength(27);
  });

  it('refuses characters outside its vocabulary and a corpus that contains the boundary', () => {
    const tok = charTokenizer(['ab']);
    expect(() => tok.encode('abc')).toThrow(/not in the vocabulary/);
    expect(() => tok.encode('.')).toThrow(/not in the vocabulary/);
    expect(() => tok.decode([7])).toThrow(/no token/);
    expect(() => charTokenizer(['a.b'])).toThrow(/boundary/);
  });

  it("takes another boundary for running text, which holds '.'", () => {
    const tok = charTokenizer(['Hi.', 'Go!'], '\n');
    expect(tok.vocab).toEqual(['\n', '!', '.', 'G', 'H', 'i', 'o']);
    expect(tok.decode(framed(tok, 'Hi.'))).toBe('\nHi.\n');
  });
});
