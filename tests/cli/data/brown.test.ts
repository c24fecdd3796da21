import { describe, expect, it } from 'vitest';
import { brownSentences, excerpt, packBrown, untagSentence, type BrownDocument } from '../../../src/cli/data/brown';
import { decodeTextAsset, labels, records } from '../../../src/core/tasks/gpt/data/format';

const TAGGED =
  "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, and/cc Atlanta's/np$ 1-1/2/cd (/( mostly/rb )/) won't/md* ./.\r\n\r\n\tIt/pps ended/vbd ;/. ok/uh ?/.\r\n";

function doc(id: string, genre: string, n: number): BrownDocument {
  const lines = Array.from({ length: n }, (_, i) => `\tSentence/nn ${id}/np number/nn ${i}/cd ./.`);
  return { id, genre, tagged: lines.join('\n\n') };
}

describe('Brown packer', () => {
  it('strips the tags and detokenises quotes, brackets and punctuation (CRLF read as LF)', () => {
    expect(brownSentences(TAGGED)).toEqual([`The jury said "no evidence", and Atlanta's 1-1/2 (mostly) won't.`, 'It ended; ok?']);
    expect(untagSentence("`/` Yes/uh '/' ,/, he/pps said/vbd")).toBe("'Yes', he said");
  });

  it('keeps each genre within its budget and takes from every document in order, a short one leaving its share to the next', () => {
    const docs = [doc('cb02', 'editorial', 50), doc('cb01', 'editorial', 2), doc('cb03', 'editorial', 50)];
    const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const kept = excerpt(sorted, 2000);
    expect(kept.reduce((n, s) => n + s.length + 1, 0)).toBeLessThanOrEqual(2000);
    expect(kept.reduce((n, s) => n + s.length + 1, 0)).toBeGreaterThan(1900);
    for (const id of ['cb01', 'cb02', 'cb03']) expect(kept.some((s) => s.includes(id))).toBe(true);
    expect(kept[0]).toBe('Sentence cb01 number 0.');
    expect(kept.indexOf('Sentence cb01 number 1.')).toBe(1);
  });

  it('packs deterministically, keeps the genre names in corpus order, and splits sentences disjointly', () => {
    const docs = [doc('cb01', 'editorial', 80), doc('ca01', 'news', 80), doc('ca02', 'news', 80)];
    const bytes = packBrown(docs, 3000);
    expect(packBrown([...docs].reverse(), 3000)).toEqual(bytes);
    const a = decodeTextAsset(bytes, 'brown');
    expect(labels(a)).toEqual(['news', 'editorial']);
    for (const g of labels(a)) {
      const train = records(a, g, 'train');
      const held = records(a, g, 'eval');
      expect(held.length).toBeGreaterThan(0);
      expect(train.filter((s) => held.includes(s))).toEqual([]);
      expect([...train, ...held].sort()).toEqual(excerpt(docs.filter((d) => d.genre === g).sort((x, y) => (x.id < y.id ? -1 : 1)), 3000).sort());
    }
  });
});
